/** Worked example for the Bohu officers' routine assessment preset (seed 001 平时考核制度). */
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../cli/score/presets.ts';
import { evaluate } from '../evaluate.ts';
import { rollUp } from '../rollup.ts';
import { bohuFullCasework, expectLinesToSum, recordOn, totalsAndGrades } from './fixture.ts';

const scheme = loadPreset('bohu-officer-routine');
const q1 = recordOn('2024-03-01');
const q2 = recordOn('2024-05-01');
const subjects = Array.from({ length: 10 }, (_, index) => ({ id: `o${String(index + 1).padStart(2, '0')}` }));

/** Full casework (see bohuFullCasework): the quarter is 50 + half the 作风纪律 score. */
const fullCasework = (on: ReturnType<typeof recordOn>, subject: string) =>
  bohuFullCasework(subject, on(subject, 'x').date);

const quarter1Records = [
  ...subjects.flatMap((subject) => fullCasework(q1, subject.id)),
  q1('o02', 'bohu.001.a7.praise'), // 作风纪律 100 + 1 = 101, capped at 100 (第六条 90—100) → 100
  q1('o03', 'bohu.001.a4.late', { count: 4 }), // 作风纪律 100 − 4 × 0.5 = 98 → 50 + 49 = 99
  q1('o04', 'bohu.001.a4.late', { count: 8 }), // 96 → 98
  q1('o05', 'bohu.001.a4.complaint', { count: 2 }), // 94 → 97
  q1('o06', 'bohu.001.a8.sanction-minor'), // 100, but 第八条: 一般 at best
  q1('o07', 'bohu.001.a9.ban-violation'), // 100, but 第九条: 一票否决 → 较差
  q1('o08', 'bohu.001.a4.violation', { count: 4 }), // 80 → 90
  q1('o09', 'bohu.001.a4.duty-failure', { count: 6 }), // 70 → 85
  q1('o10', 'bohu.001.a4.absence', { count: 32 }), // 36 → 68
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
    // late arrivals at 0.5 each on 作风纪律, which counts at 50 %: 4 per point of the quarter
    const deduction = (100 - Number(total)) * 4;
    const result = evaluate(scheme, {
      period: '2024Q1',
      subjects: [{ id: 'x' }],
      records: [
        ...fullCasework(q1, 'x'),
        ...(deduction > 0 ? [q1('x', 'bohu.001.a4.late', { count: deduction })] : []),
      ],
    });
    // one subject: 30 % of 1 is 0 places for 好, so check the band grade
    expect([result.subjects[0]?.total, result.subjects[0]?.bandGrade]).toEqual([total, grade]);
  });

  it('two sanctions in a year bar 称职 and above; so does a veto (第八、九条)', () => {
    const quarter2 = evaluate(scheme, {
      period: '2024Q2',
      subjects,
      records: [
        ...subjects.flatMap((subject) => fullCasework(q2, subject.id)),
        q2('o06', 'bohu.001.a8.sanction-minor'),
      ],
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

describe('第三、五条: casework and the leaders’ and public’s evaluation count (issue 18 point 7)', () => {
  it('an officer with no fault but no casework no longer scores 100; the parts by hand', () => {
    const result = evaluate(scheme, {
      period: '2024Q1',
      subjects: [{ id: 'idle' }, { id: 'busy' }],
      records: [
        q1('busy', 'bohu.001.a5.case-closed', { count: 3 }),
        q1('busy', 'bohu.001.a3.evaluation', { rater: 'leader', value: '90' }),
        q1('busy', 'bohu.001.a3.evaluation', { rater: 'public', value: '80' }),
        q1('busy', 'bohu.001.a5.review-fail'),
        q1('busy', 'bohu.001.a4.late', { count: 2 }),
      ],
    });
    // idle: 数量 0 × 20 % = 0; 质量和实效 = 测评 0 (nobody rated) + 办案程序 40 = 40 × 30 % = 12;
    // 作风纪律 100 × 50 % = 50 → 62, 较差.
    // busy: 数量 3 × 20 = 60 × 20 % = 12; 测评 90/100 × 60 × 7/10 = 37.8 and 80/100 × 60 × 3/10
    // = 14.4, 办案程序 40 − 10 (评查不合格) = 30: 82.2 × 30 % = 24.66; 作风纪律 100 − 2 × 0.5 = 99 ×
    // 50 % = 49.5 → 86.16, 较好.
    expect(totalsAndGrades(result)).toEqual({ idle: ['62', '较差'], busy: ['86.16', '较好'] });
    const busy = result.subjects.find((subject) => subject.subject === 'busy')!;
    const counted = Object.fromEntries(busy.components.map((part) => [part.id, part.score]));
    expect(counted).toMatchObject({
      'bohu.001.a5.quantity': '60',
      'bohu.001.a3.evaluation': '52.2',
      'bohu.001.a5.case-practice': '30',
      'bohu.001.a5.quality': '82.2',
      'bohu.001.a5.discipline': '99',
    });
    expect(busy.explanation.find((line) => line.rule === 'bohu.001.a3.evaluation.leader')?.points).toBe(
      '+37.8',
    );
    expectLinesToSum(result);
  });

  it('the shares and points are parameters a county sets', () => {
    // 数量 40 %, 质量和实效 30 %, 作风纪律 30 %; 10 points a case: 3 cases = 30 × 40 % = 12;
    // idle officer: 0 + 40 × 30 % + 100 × 30 % = 42
    const result = evaluate(scheme, {
      period: '2024Q1',
      params: { quantityWeight: 40, disciplineWeight: 30, casePoints: 10 },
      subjects: [{ id: 'idle' }, { id: 'three' }],
      records: [q1('three', 'bohu.001.a5.case-closed', { count: 3 })],
    });
    expect(totalsAndGrades(result)).toEqual({ idle: ['42', '较差'], three: ['54', '较差'] });
  });
});
