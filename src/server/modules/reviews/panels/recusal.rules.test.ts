import { describe, expect, it } from 'vitest';
import {
  blockedPairs,
  conflictsOf,
  findConflicts,
  type RecusalFile,
  type RecusalReviewer,
} from './recusal.rules.ts';

const file: RecusalFile = {
  fileId: 1,
  caseId: 100,
  caseNo: '博市监罚〔2025〕1号',
  unitPath: '/1/8/',
  unitName: '县市场监管局',
  handlerOfficerIds: [11, 12],
  signerUserIds: [501],
  partyNames: ['博湖县某某超市', '马某某'],
};
const clean: RecusalReviewer = {
  expertId: 7,
  name: '陈静',
  orgPath: '/1/9/3/',
  userId: 900,
  officerIds: [],
  formerUnits: [],
  declared: [],
};
const today = '2026-06-01';

describe('conflictsOf (第十条)', () => {
  it('a reviewer of another unit with nothing declared has no conflict', () => {
    expect(conflictsOf(clean, file, { today })).toEqual([]);
  });

  it.each([
    ['same_unit', { orgPath: '/1/8/5/' }, '属于被评查单位“县市场监管局”'],
    ['handled', { officerIds: [12] }, '是案件博市监罚〔2025〕1号的承办人'],
    ['signed', { userId: 501 }, '签署过案件'],
    [
      'former_unit',
      { formerUnits: [{ orgPath: '/1/8/', orgName: '县市场监管局', leftOn: '2024-01-01' }] },
      '未满 3 年',
    ],
    ['declared_party', { declared: [{ kind: 'party', partyName: '马某某', reason: '亲属' }] }, '马某某'],
    [
      'declared_org',
      { declared: [{ kind: 'org', orgPath: '/1/8/', orgName: '县市场监管局', reason: '配偶在该局' }] },
      '配偶在该局',
    ],
    ['declared_case', { declared: [{ kind: 'case', caseId: 100, reason: '曾提供咨询' }] }, '曾提供咨询'],
  ] as const)('%s, with its reason', (code, patch, reasonPart) => {
    const conflicts = conflictsOf({ ...clean, ...patch } as RecusalReviewer, file, { today });
    expect(conflicts.map((conflict) => conflict.code)).toEqual([code]);
    expect(conflicts[0]!.reason).toContain(reasonPart);
  });

  it('a unit left long enough ago is no conflict; the number of years is a parameter', () => {
    const reviewer = {
      ...clean,
      formerUnits: [{ orgPath: '/1/8/', orgName: '县市场监管局', leftOn: '2022-01-01' }],
    };
    expect(conflictsOf(reviewer, file, { today })).toEqual([]);
    expect(
      conflictsOf(reviewer, file, { today, formerUnitYears: 5 }).map((conflict) => conflict.code),
    ).toEqual(['former_unit']);
  });

  it('lists every conflict, not the first', () => {
    const reviewer = { ...clean, orgPath: '/1/8/', officerIds: [11], userId: 501 };
    expect(conflictsOf(reviewer, file, { today }).map((conflict) => conflict.code)).toEqual([
      'same_unit',
      'handled',
      'signed',
    ]);
  });
});

describe('blockedPairs', () => {
  it('a waiver lifts one code on one pair; another code still blocks', () => {
    const reviewer = { ...clean, orgPath: '/1/8/', officerIds: [11] };
    const conflicts = findConflicts([reviewer, clean], [file], { today });
    expect(blockedPairs(conflicts, [{ fileId: 1, expertId: 7, code: 'same_unit' }])).toEqual(
      new Set(['1:7']),
    );
    expect(
      blockedPairs(conflicts, [
        { fileId: 1, expertId: 7, code: 'same_unit' },
        { fileId: 1, expertId: 7, code: 'handled' },
      ]),
    ).toEqual(new Set());
  });
});
