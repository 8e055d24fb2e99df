/**
 * Quotas and rankings per group (issue 18 point 8): 博湖平时考核制度第十条 has each unit run its own
 * routine assessment, so 第六条's 好 ≤ 30 % counts within each unit; seed 003 篇1 caps per series.
 */
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../cli/score/presets.ts';
import { evaluate } from './evaluate.ts';
import { bohuFullCasework } from './presets/fixture.ts';
import { parseScheme } from './scheme.parse.ts';
import type { EngineRecord, Subject } from './types.ts';

const bohu = loadPreset('bohu-officer-routine');

/**
 * Ten officers of unit A with 0…9 late days and ten of unit B with 10…19, all with full casework
 * (all still 好 ≥ 90: 50 + (100 − 19 × 0.5) / 2 = 95.25 at worst).
 */
function twoUnits() {
  const subjects: Subject[] = [];
  const records: EngineRecord[] = [];
  for (const [unit, offset] of [
    ['A', 0],
    ['B', 10],
  ] as const) {
    for (let position = 0; position < 10; position++) {
      const id = `${unit}${position}`;
      subjects.push({ id, groups: { unit } });
      records.push(...bohuFullCasework(id, '2024-05-06'));
      const late = offset + position;
      if (late > 0)
        records.push({
          id: `r-${id}`,
          subject: id,
          item: 'bohu.001.a4.late',
          date: '2024-05-06',
          count: late,
        });
    }
  }
  return { subjects, records };
}

describe('quota per unit (博湖第六条 within 第十条)', () => {
  const { subjects, records } = twoUnits();
  const result = evaluate(bohu, { period: '2024Q2', subjects, records });
  const good = result.subjects.filter((subject) => subject.grade === '好').map((subject) => subject.subject);

  it('keeps 好 for the best 3 of each unit of 10, not the best 6 of all 20', () => {
    expect(good.sort()).toEqual(['A0', 'A1', 'A2', 'B0', 'B1', 'B2']);
  });

  it.each([
    ['A', 3, 7],
    ['B', 3, 7],
  ])('reports unit %s: %d held, %d demoted', (unit, held, demoted) => {
    const summary = result.quotas.find((quota) => quota.group === unit)!;
    expect(summary).toMatchObject({ grade: '好', allowed: 3, held });
    expect(summary.demoted).toHaveLength(demoted);
  });

  it('names the unit in the quota line', () => {
    const line = result.subjects
      .find((subject) => subject.subject === 'B3')!
      .explanation.find((entry) => entry.kind === 'quota')!;
    expect(line.note).toContain('本单位「B」10 个对象中至多 3 个');
  });
});

describe('ranking per series', () => {
  const scheme = parseScheme({
    id: 'per-series',
    name: '按序列排名',
    subjectKind: 'officer',
    period: 'year',
    components: [
      {
        kind: 'deduction',
        id: 'd',
        label: '扣分',
        points: 100,
        items: [{ id: 'd.x', label: '扣分项', points: 1 }],
      },
    ],
    grades: [
      { grade: '优秀', min: 95 },
      { grade: '合格', min: null },
    ],
    quotas: [{ grade: '优秀', maxShare: 50, per: 'series' }],
    ranking: { per: 'series', commend: { share: 50 }, bar: { last: 1 } },
  });
  if (!scheme.ok) throw new Error(JSON.stringify(scheme.problems));
  const subjects: Subject[] = [
    { id: 'a', groups: { series: '行政执法类' } },
    { id: 'b', groups: { series: '行政执法类' } },
    { id: 'c', groups: { series: '综合管理类' } },
    { id: 'd', groups: { series: '综合管理类' } },
  ];
  const records: EngineRecord[] = [
    { id: '1', subject: 'b', item: 'd.x', date: '2024-03-01', count: 1 },
    { id: '2', subject: 'c', item: 'd.x', date: '2024-03-01', count: 2 },
    { id: '3', subject: 'd', item: 'd.x', date: '2024-03-01', count: 3 },
  ];
  const result = evaluate(scheme.scheme, { period: '2024', subjects, records });
  const bySubject = Object.fromEntries(result.subjects.map((subject) => [subject.subject, subject]));

  it.each([
    ['a', 1, '优秀', true, false],
    ['b', 2, '合格', false, true],
    ['c', 1, '优秀', true, false],
    ['d', 2, '合格', false, true],
  ])('%s: rank %d in its series, %s, commended %s, barred %s', (id, rank, grade, isCommended, isBarred) => {
    expect(bySubject[id]).toMatchObject({ rank, grade, flags: { isCommended, isBarred } });
  });

  it('keeps the groups on the result', () => {
    expect(JSON.parse(JSON.stringify(bySubject.c)).groups).toEqual({ series: '综合管理类' });
  });
});
