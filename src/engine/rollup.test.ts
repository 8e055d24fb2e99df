/**
 * Roll-ups rank like periods do (seed 003 篇2 五(三): 按得分排序, 前30%表彰, 后5名取消评优资格)
 * when the roll-up declares a ranking, and a part's veto that bars honours bars them for the
 * roll-up too when the roll-up says `partVetoBarsHonours` (by default it does not: seed 004
 * 第二章第四条 cancels only the quarter's eligibility).
 */
import { describe, expect, it } from 'vitest';
import { compileScheme } from './compile.ts';
import { evaluate } from './evaluate.ts';
import { rollUp } from './rollup.ts';
import type { SchemeFile } from './scheme.schema.ts';
import type { EngineRecord } from './types.ts';

const scheme: SchemeFile = {
  id: 'ranked',
  name: '排名示例',
  subjectKind: 'unit',
  period: 'quarter',
  components: [
    {
      kind: 'deduction',
      id: 'daily',
      label: '日常',
      points: 100,
      items: [{ id: 'late', label: '未按时报送', points: 1 }],
    },
  ],
  vetoes: [{ id: 'veto.fraud', label: '弄虚作假' }],
  rollUps: [
    {
      id: 'year',
      label: '年度汇总',
      period: 'year',
      ranking: {
        commend: { share: 30, clause: '五(三)' },
        bar: { last: 2, clause: '五(三)' },
      },
      partVetoBarsHonours: true,
    },
  ],
};

// u01 … u10 lose k − 1 points in each quarter, so the year's means are 100, 99 … 91.
const subjects = Array.from({ length: 10 }, (_, index) => ({ id: `u${String(index + 1).padStart(2, '0')}` }));
const quarterRecords = (date: string): EngineRecord[] =>
  subjects.flatMap((subject, index) =>
    index === 0
      ? []
      : [{ id: `${subject.id}-${date}`, subject: subject.id, item: 'late', date, count: index }],
  );

describe('roll-up ranking', () => {
  const quarter1 = evaluate(scheme, { period: '2024Q1', subjects, records: quarterRecords('2024-02-01') });
  const quarter2 = evaluate(scheme, {
    period: '2024Q2',
    subjects,
    records: [
      ...quarterRecords('2024-05-01'),
      { id: 'fraud-1', subject: 'u01', item: 'veto.fraud', date: '2024-05-02' },
    ],
  });
  const year = rollUp(scheme, { period: '2024', parts: [quarter1, quarter2] });
  const flagsOf = (subject: string) => year.subjects.find((entry) => entry.subject === subject)!.flags;

  it('commends the top 30 % of the eligible and bars the last two', () => {
    expect(year.subjects.map((subject) => [subject.subject, subject.total, subject.rank])).toEqual(
      subjects.map((subject, index) => [subject.id, String(100 - index), index + 1]),
    );
    const commended = year.subjects.filter((subject) => subject.flags.isCommended).map((s) => s.subject);
    // 30 % of 10 = 3 places; u01 scores best but was vetoed in 2024Q2 (取消评优资格)
    expect(commended).toEqual(['u02', 'u03', 'u04']);
    const barred = year.subjects.filter((subject) => subject.flags.isBarred).map((s) => s.subject);
    expect(barred).toEqual(['u09', 'u10']);
    expect(flagsOf('u10')).toMatchObject({ isBarred: true, isHonoursBarred: true, isCommended: false });
  });

  it('explains why a vetoed subject is not commended, without changing its total', () => {
    expect(flagsOf('u01')).toMatchObject({ isVetoed: true, isHonoursBarred: true, isCommended: false });
    const u01 = year.subjects.find((subject) => subject.subject === 'u01')!;
    expect(u01.total).toBe('100');
    expect(u01.explanation.filter((entry) => entry.kind === 'veto')).toEqual([
      expect.objectContaining({
        rule: 'veto.fraud',
        points: '0',
        records: ['fraud-1'],
        note: '2024Q2 一票否决，取消评优资格',
      }),
    ]);
  });

  it("leaves a part's veto to its own period unless the roll-up says partVetoBarsHonours", () => {
    // the year also has grades with 优秀 limited to 30 %: a limited grade is an honour too
    const withGrades = (partVetoBarsHonours: boolean | undefined): SchemeFile => ({
      ...scheme,
      rollUps: [
        {
          ...scheme.rollUps![0]!,
          grades: [
            { grade: '优秀', min: 95 },
            { grade: '合格', min: null },
          ],
          quotas: [{ grade: '优秀', maxShare: 30 }],
          partVetoBarsHonours,
        },
      ],
    });
    const byDefault = rollUp(withGrades(undefined), { period: '2024', parts: [quarter1, quarter2] });
    const barring = rollUp(withGrades(true), { period: '2024', parts: [quarter1, quarter2] });
    const u01 = (result: typeof year) => result.subjects.find((subject) => subject.subject === 'u01')!;

    // by default the vetoed quarter's 取消评优资格 stays in 2024Q2: u01 is the year's best
    expect(u01(byDefault)).toMatchObject({ total: '100', grade: '优秀' });
    expect(u01(byDefault).flags).toMatchObject({ isVetoed: true, isHonoursBarred: false, isCommended: true });
    expect(u01(byDefault).explanation.some((entry) => entry.kind === 'veto')).toBe(false);
    expect(byDefault.subjects.filter((subject) => subject.grade === '优秀').map((s) => s.subject)).toEqual([
      'u01',
      'u02',
      'u03',
    ]);
    expect(byDefault.subjects.filter((subject) => subject.flags.isCommended).map((s) => s.subject)).toEqual([
      'u01',
      'u02',
      'u03',
    ]);

    // barring: u01 keeps its total but neither the limited 优秀 nor a commendation
    expect(u01(barring)).toMatchObject({ total: '100', grade: '合格' });
    expect(u01(barring).flags).toMatchObject({ isVetoed: true, isHonoursBarred: true, isCommended: false });
    // 30 % of 10 = 3 places of 优秀, which go to the next three
    expect(barring.subjects.filter((subject) => subject.grade === '优秀').map((s) => s.subject)).toEqual([
      'u02',
      'u03',
      'u04',
    ]);
  });

  it('leaves flags alone when the roll-up declares no ranking', () => {
    const unranked: SchemeFile = {
      ...scheme,
      rollUps: [{ id: 'year', label: '年度汇总', period: 'year' }],
    };
    const plain = rollUp(unranked, { period: '2024', parts: [quarter1, quarter2] });
    expect(plain.subjects.some((subject) => subject.flags.isCommended || subject.flags.isBarred)).toBe(false);
  });

  it('refuses a roll-up share outside 0–100 with its path', () => {
    const outcome = compileScheme({
      ...scheme,
      rollUps: [{ id: 'year', label: '年度汇总', period: 'year', ranking: { commend: { share: 130 } } }],
    });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.problems.map((entry) => entry.path)).toEqual(['rollUps[0].ranking.commend.share']);
  });
});
