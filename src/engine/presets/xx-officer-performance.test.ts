/** Worked example for the "XX city" officer performance preset (seed 000), computed by hand. */
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../cli/score/presets.ts';
import { evaluate } from '../evaluate.ts';
import { rollUp } from '../rollup.ts';
import { expectLinesToSum, recordOn, totalsAndGrades } from './fixture.ts';

const scheme = loadPreset('xx-officer-performance');
const q1 = recordOn('2024-02-20');
const subjects = [
  { id: 'O1', name: '张三' },
  { id: 'O2', name: '李四' },
  { id: 'O3', name: '王五' },
];
const records = [
  // O1: 迟到 3+2 = 5 次, 每2次扣1分 → floor(5/2) = 2; 早退 1; 态度 7 (附表一1-2)
  q1('O1', 'xx.000.t2.1.1a.late', { count: 3 }),
  q1('O1', 'xx.000.t2.1.1a.late', { count: 2 }),
  q1('O1', 'xx.000.t2.1.1b.early-leave'),
  q1('O1', 'xx.000.t1.1.2.attitude'),
  //     加分: 省级刊物 2 篇 × 2 = 4; 市级表彰 2 (附表三)
  q1('O1', 'xx.000.t3.2.2.publication', { level: 'provincial', count: 2 }),
  q1('O1', 'xx.000.t3.1.1.achievement', { level: 'city' }),
  // O1 = 100 − 2 − 1 − 7 + 4 + 2 = 96 → 优秀 (≥ 90)
  // O2: 吃拿卡要 7 + 滥用职权 7 + 失误 7 + 旷工 2 × 2 = 25 → 75 → 合格 (≥ 60)
  q1('O2', 'xx.000.t1.2.1.integrity'),
  q1('O2', 'xx.000.t1.2.3.dereliction'),
  q1('O2', 'xx.000.t1.1.3.mistake'),
  q1('O2', 'xx.000.t2.1.1c.absence', { count: 2 }),
  // O3: 来信来访处理严重问题 9 × 6 = 54 → 46 → 不合格
  q1('O3', 'xx.000.t1.1.5.petition-handling', { count: 6 }),
];

describe('XX市执法人员业绩考评 (seed 000)', () => {
  const quarter1 = evaluate(scheme, { period: '2024Q1', subjects, records });

  it('scores each officer as computed by hand', () => {
    expect(totalsAndGrades(quarter1)).toEqual({
      O1: ['96', '优秀'],
      O2: ['75', '合格'],
      O3: ['46', '不合格'],
    });
    expectLinesToSum(quarter1);
  });

  it('charges lateness once per two occurrences and says so', () => {
    const late = quarter1.subjects[0]!.explanation.find((entry) => entry.rule === 'xx.000.t2.1.1a.late');
    expect(late).toMatchObject({ points: '-2', count: 5, clause: '附表二1-1' });
    expect(late?.note).toContain('每 2 次扣 1 分');
  });

  it('rolls the quarters up into the annual summary (汇总表)', () => {
    const quarter2 = evaluate(scheme, { period: '2024Q2', subjects, records: [] });
    const year = rollUp(scheme, { period: '2024', parts: [quarter2, quarter1] });
    // O1 (96 + 100) / 2 = 98 优秀; O2 (75 + 100) / 2 = 87.5 合格; O3 (46 + 100) / 2 = 73 合格
    expect(year.subjects.map((subject) => [subject.subject, subject.total, subject.grade])).toEqual([
      ['O1', '98', '优秀'],
      ['O2', '87.5', '合格'],
      ['O3', '73', '合格'],
    ]);
    expect(year.subjects[0]?.parts.map((part) => [part.period, part.grade])).toEqual([
      ['2024Q1', '优秀'],
      ['2024Q2', '优秀'],
    ]);
  });

  it('rolls Q1 and Q2 up into the first half (奖惩记录表 填表说明: 6月底 上半年考评, issue 18 point 5)', () => {
    const quarter2 = evaluate(scheme, { period: '2024Q2', subjects, records: [] });
    const half = rollUp(scheme, { period: '2024H1', parts: [quarter1, quarter2] });
    expect(half.rollUp).toBe('xx.000.half-year');
    expect(half.subjects.map((subject) => [subject.subject, subject.total, subject.grade])).toEqual([
      ['O1', '98', '优秀'],
      ['O2', '87.5', '合格'],
      ['O3', '73', '合格'],
    ]);
  });

  it('lets a county change the bands without touching code', () => {
    const strict = evaluate(scheme, {
      period: '2024Q1',
      subjects,
      records,
      params: { excellentMin: 97, passMin: 80 },
    });
    expect(totalsAndGrades(strict)).toEqual({
      O1: ['96', '合格'],
      O2: ['75', '不合格'],
      O3: ['46', '不合格'],
    });
  });
});
