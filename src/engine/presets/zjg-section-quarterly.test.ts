/**
 * Worked example for the Zhangjiagang section quarterly preset (seed 004), computed by hand.
 * Tests read the preset from schemes/ through the CLI loader; the engine itself reads nothing.
 */
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../cli/score/presets.ts';
import { parseDecimal } from '../decimal.ts';
import { evaluate } from '../evaluate.ts';
import { sumLines } from '../explain.ts';
import type { EngineRecord } from '../types.ts';

const scheme = loadPreset('zjg-section-quarterly');
const day = '2024-02-15';
const record = (
  id: string,
  subject: string,
  item: string,
  extra: Partial<EngineRecord> = {},
): EngineRecord => ({
  id,
  subject,
  item,
  date: day,
  ...extra,
});

const records: EngineRecord[] = [
  // 人员管理 (第二章第一条二): 迟到早退 0.5/人次 × (1+1+1+2) = 2.5; 旷工 1 × 1 = 1 → 3.5
  record('a1', 'A', 'zjg.004.d2.1.late-early'),
  record('a2', 'A', 'zjg.004.d2.1.late-early'),
  record('a3', 'A', 'zjg.004.d2.1.late-early'),
  record('a4', 'A', 'zjg.004.d2.1.late-early', { count: 2 }),
  record('a5', 'A', 'zjg.004.d2.2.absent'),
  // 纪律规范: one incident F1 counted under 投诉(2), 通报批评(2), 上访(3) → 就高 3 (第四章第二条);
  // plus a separate 投诉 2 → 5
  record('a6', 'A', 'zjg.004.d4.4.complaint', { fact: 'F1' }),
  record('a7', 'A', 'zjg.004.d4.7.criticised', { fact: 'F1' }),
  record('a8', 'A', 'zjg.004.d4.2b.petition', { fact: 'F1' }),
  record('a9', 'A', 'zjg.004.d4.4.complaint'),
  // 科室建设: 吸烟 8 × 2 = 16, capped at the group's 15 (扣完为止) → 15
  record('a10', 'A', 'zjg.004.d3.6.smoking', { count: 8 }),
  // 日常考核 = 90 − 3.5 − 5 − 15 = 66.5
  // 班子测评 (第二章第二条): main 92 → 92/100 × 10 × 5/10 = 4.6; deputies (88+86)/2 = 87 → 4.35; → 8.95
  record('a11', 'A', 'zjg.004.leadership', { rater: 'main', value: 92 }),
  record('a12', 'A', 'zjg.004.leadership', { rater: 'deputy', value: 88 }),
  record('a13', 'A', 'zjg.004.leadership', { rater: 'deputy', value: 86 }),
  // 综合加分 (第二章第三条): fact F2 as 市级表彰(2) and 市级媒体(2) → 就高 2 once; 创新第二名 2;
  // 本级媒体 2 篇 × 1 = 2 → 6
  record('a14', 'A', 'zjg.004.b1.commendation', { level: 'city', fact: 'F2' }),
  record('a15', 'A', 'zjg.004.b3.media', { level: 'city', fact: 'F2' }),
  record('a16', 'A', 'zjg.004.b4.innovation', { level: 'second' }),
  record('a17', 'A', 'zjg.004.b3.media', { level: 'local', count: 2 }),
  // B: nothing deducted, but 一票否决 (第二章第四条3): score stays, honours barred
  record('b1', 'B', 'zjg.004.v3.integrity'),
  record('b2', 'B', 'zjg.004.leadership', { rater: 'main', value: 100 }),
  // outside the quarter: rejected, not silently dropped
  record('x1', 'A', 'zjg.004.d2.2.absent', { date: '2024-04-01' }),
];

describe('张家港科室季度考核 (seed 004)', () => {
  const result = evaluate(scheme, { period: '2024Q1', subjects: [{ id: 'A' }, { id: 'B' }], records });
  const [sectionA, sectionB] = result.subjects;

  it('scores section A as computed by hand: 66.5 + 8.95 + 6 = 81.45', () => {
    expect(sectionA?.components.map((component) => [component.id, component.score])).toEqual([
      ['zjg.004.daily', '66.5'],
      ['zjg.004.leadership', '8.95'],
      ['zjg.004.bonus', '6'],
    ]);
    expect(sectionA?.total).toBe('81.45');
    expect(sectionA?.flags.isCapped).toBe(true);
  });

  it('explains every point, and the lines add up to the total', () => {
    expect(sumLines(sectionA!.explanation)).toBe(parseDecimal(sectionA!.total));
    const cap = sectionA!.explanation.find((entry) => entry.kind === 'cap');
    expect(cap).toMatchObject({ rule: 'zjg.004.d3', points: '+1', assessor: '咨询指导科' });
    const passedOver = sectionA!.explanation
      .filter((entry) => entry.kind === 'same-fact')
      .map((entry) => entry.records[0]);
    expect(passedOver.sort()).toEqual(['a15', 'a6', 'a7']);
    const lateness = sectionA!.explanation.find((entry) => entry.rule === 'zjg.004.d2.1.late-early');
    expect(lateness).toMatchObject({
      points: '-2.5',
      count: 5,
      records: ['a1', 'a2', 'a3', 'a4'],
      clause: '第二章第一条二1',
    });
  });

  it('keeps a vetoed section’s score but bars it from honours', () => {
    // 90 + 100/100 × 10 (only the main leader rated, so the weights renormalise) = 100
    expect(sectionB?.total).toBe('100');
    expect(sectionB?.flags).toMatchObject({ isVetoed: true, isHonoursBarred: true });
    expect(sectionB?.explanation.at(-1)).toMatchObject({
      kind: 'veto',
      rule: 'zjg.004.v3.integrity',
      records: ['b1'],
    });
    expect(sectionB?.rank).toBe(1);
  });

  it('rejects records outside the period with a reason', () => {
    expect(result.rejected).toEqual([expect.objectContaining({ record: 'x1', reason: 'out-of-period' })]);
  });

  it('never lets the daily component fall below 0 however much is deducted', () => {
    const heavy = [
      'd1-1.1.key-task-late',
      'd1-2.5.meeting-absence',
      'd2.2.absent',
      'd3.6.smoking',
      'd4.8.first-form',
      'd5.5.parking',
    ].map((item, index) => record(`h${index}`, 'H', `zjg.004.${item}`, { count: 40 }));
    const heavyResult = evaluate(scheme, { period: '2024Q1', subjects: [{ id: 'H' }], records: heavy });
    expect(heavyResult.subjects[0]?.components[0]?.score).toBe('0');
  });
});
