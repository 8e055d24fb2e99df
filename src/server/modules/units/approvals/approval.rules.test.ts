import { describe, expect, it } from 'vitest';
import { UNIT_CATEGORY_LABELS, type UnitCategory } from '../../../../common/units.ts';
import { type ApprovalFact, publishRefusal } from './approval.rules.ts';

const T = 1_700_000_000_000;
const approved = (category: UnitCategory, computedAt = T): ApprovalFact => ({
  category,
  status: 'approved',
  computedAt,
});

describe('publishRefusal (seed 002 三(五) 审定 before publication)', () => {
  it.each<[string, UnitCategory[], ApprovalFact[], string | null]>([
    [
      'every category approved on this computation',
      ['township', 'county_department'],
      [approved('township'), approved('county_department')],
      null,
    ],
    ['no categories (no org subjects): nothing to approve', [], [], null],
    [
      'one category never submitted',
      ['township', 'county_department'],
      [approved('township')],
      'UNIT_APPROVAL_REQUIRED',
    ],
    [
      'submitted but not yet approved',
      ['township'],
      [{ category: 'township', status: 'submitted', computedAt: T }],
      'UNIT_APPROVAL_REQUIRED',
    ],
    [
      'returned by the leading group',
      ['township'],
      [{ category: 'township', status: 'returned', computedAt: T }],
      'UNIT_APPROVAL_REQUIRED',
    ],
    ['approved, then recomputed', ['township'], [approved('township', T - 1)], 'UNIT_APPROVAL_STALE'],
    [
      'an approval of a category without subjects does not matter',
      ['township'],
      [approved('township'), { category: 'vertical', status: 'returned', computedAt: T }],
      null,
    ],
  ])('%s', (_name, categories, approvals, expected) => {
    expect(publishRefusal(categories, approvals, T, UNIT_CATEGORY_LABELS)?.code ?? null).toBe(expected);
  });

  it('names the categories in Chinese', () => {
    expect(publishRefusal(['township', 'vertical'], [], T, UNIT_CATEGORY_LABELS)?.message).toBe(
      '乡镇、垂直管理单位的考核结果尚未经领导小组审定，不能公示',
    );
  });
});
