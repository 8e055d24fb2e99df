/** Worked example for the Bohu officers' routine assessment preset (seed 001 平时考核制度). */
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../cli/score/presets.ts';
import { evaluate } from '../evaluate.ts';
import { rollUp } from '../rollup.ts';
import { expectLinesToSum, recordOn, totalsAndGrades } from './fixture.ts';

const scheme = loadPreset('bohu-officer-routine');
const q1 = recordOn('2024-03-01');
const q2 = recordOn('2024-05-01');
const subjects = Array.from({ length: 10 }, (_, index) => ({ id: `o${String(index + 1).padStart(2, '0')}` }));

const quarter1Records = [
  q1('o02', 'bohu.001.a7.praise'), // 100 + 1 = 101, capped at 100 (第六条 90—100)
  q1('o03', 'bohu.001.a4.late', { count: 2 }), // 100 − 2 × 0.5 = 99
  q1('o04', 'bohu.001.a4.late', { count: 4 }), // 98
  q1('o05', 'bohu.001.a4.complaint'), // 97
  q1('o06', 'bohu.001.a8.sanction-minor'), // 100, but 第八条: 一般 at best
  q1('o07', 'bohu.001.a9.ban-violation'), // 100, but 第九条: 一票否决 → 较差
  q1('o08', 'bohu.001.a4.violation', { count: 2 }), // 90
  q1('o09', 'bohu.001.a4.duty-failure', { count: 3 }), // 85
  q1('o10', 'bohu.001.a4.absence', { count: 16 }), // 68
];

describe('博湖县执法人员平时考核 (seed 001)', () => {
  const quarter1 = evaluate(scheme, { period: '2024Q1', subjects, records: quarter1Records });

  it('bands, caps, ceilings, veto and the 30 % quota, as computed by hand', () => {
    // 好 by band: o01 100, o02 100, o03 99, o04 98, o05 97, o08 90 (o06 ceilinged, o07 vetoed).
    // 30 % of 10 = 3 places: o01 and o02 (tied on total and on 工作记实), o03; o04, o05, o08 → 较好.
    expect(totalsAndGrades(quarter1)).toEqual({
      o01: ['100', '好'],
      o02: ['100', '好'],
      o03: ['99', '好'],
      o04: ['98', '较好'],
      o05: ['97', '较好'],
      o06: ['100', '一般'],
      o07: ['100', '较差'],
      o08: ['90', '较好'],
      o09: ['85', '较好'],
      o10: ['68', '较差'],
    });
    expect(quarter1.quotas).toEqual([{ grade: '好', allowed: 3, held: 3, demoted: ['o04', 'o05', 'o08'] }]);
    const flags = Object.fromEntries(quarter1.subjects.map((subject) => [subject.subject, subject.flags]));
    expect(flags.o02?.isCapped).toBe(true);
    expect(flags.o04?.isQuotaDemoted).toBe(true);
    expect(flags.o06?.isCeilinged).toBe(true);
    expect(flags.o07).toMatchObject({ isVetoed: true, isHonoursBarred: true });
    expectLinesToSum(quarter1);
  });

  it.each([
    ['90', '好'],
    ['89.5', '较好'],
    ['80', '较好'],
    ['79.5', '一般'],
    ['70', '一般'],
    ['69.5', '较差'],
  ])('a score of %s is %s (第六条, inclusive lower bounds; "70—69" read as 70—79)', (total, grade) => {
    const deduction = (100 - Number(total)) * 2; // late arrivals at 0.5 each
    const result = evaluate(scheme, {
      period: '2024Q1',
      subjects: [{ id: 'x' }],
      records: deduction > 0 ? [q1('x', 'bohu.001.a4.late', { count: deduction })] : [],
    });
    // one subject: 30 % of 1 is 0 places for 好, so check the band grade
    expect([result.subjects[0]?.total, result.subjects[0]?.bandGrade]).toEqual([total, grade]);
  });

  it('two sanctions in a year bar 称职 and above; so does a veto (第八、九条)', () => {
    const quarter2 = evaluate(scheme, {
      period: '2024Q2',
      subjects,
      records: [q2('o06', 'bohu.001.a8.sanction-minor')],
    });
    const year = rollUp(scheme, { period: '2024', parts: [quarter1, quarter2] });
    const bySubject = Object.fromEntries(
      year.subjects.map((subject) => [subject.subject, [subject.total, subject.grade]]),
    );
    expect(bySubject.o01).toEqual(['100', '优秀']);
    expect(bySubject.o06).toEqual(['100', '基本称职']); // two sanctions
    expect(bySubject.o07).toEqual(['100', '基本称职']); // vetoed in Q1
    expect(bySubject.o10).toEqual(['84', '称职']); // (68 + 100) / 2
    const o06 = year.subjects.find((subject) => subject.subject === 'o06')!;
    expect(o06.explanation.find((entry) => entry.kind === 'ceiling')?.records).toHaveLength(2);
    // 第九条 reaches the year: the vetoed officer's annual honours are barred too (partVetoBarsHonours),
    // the two-sanction officer's are not
    const flagsOf = (id: string) => year.subjects.find((subject) => subject.subject === id)!.flags;
    expect(flagsOf('o07')).toMatchObject({ isVetoed: true, isHonoursBarred: true });
    expect(flagsOf('o06')).toMatchObject({ isVetoed: false, isHonoursBarred: false });
    const o07 = year.subjects.find((subject) => subject.subject === 'o07')!;
    expect(o07.explanation.filter((entry) => entry.kind === 'veto').map((entry) => entry.note)).toEqual([
      '2024Q1 一票否决，取消评优资格',
    ]);
  });
});
