/** Worked example for the township law-based administration preset (seed 002). */
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../cli/score/presets.ts';
import { evaluate } from '../evaluate.ts';
import { expectLinesToSum, recordOn, totalsAndGrades } from './fixture.ts';

const scheme = loadPreset('township-law-based-admin');
const at = recordOn('2024-12-10');
const rating = (subject: string, item: 'twp.002.daily' | 'twp.002.office-review', value: number | string) =>
  at(subject, item, { rater: 'office', value });
const subjects = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6'].map((id) => ({ id }));

const records = [
  // T1: 日常 95 × 20 % = 19
  //     年终 100 − 0.5 × 3 (主持研究少3次) − 1 (缺年末总结) − min(4 × 1, 3) (备案,本项3分) = 94.5 → × 70 % = 66.15
  //     评议 90 × 10 % = 9;  19 + 66.15 + 9 = 94.15; 加分 法治先进 2 → 96.15
  rating('T1', 'twp.002.daily', 95),
  at('T1', 'twp.002.basic.study-missed', { count: 3 }),
  at('T1', 'twp.002.basic.plan-missing'),
  at('T1', 'twp.002.normative.filing-late', { count: 4 }),
  rating('T1', 'twp.002.office-review', 90),
  at('T1', 'twp.002.bonus.rule-of-law-model'),
  // T1's own self-assessment: admits one missed study session only → not in the official total
  at('T1', 'twp.002.basic.study-missed', { source: 'self' }),
  // T2: 92 × 20 % + 100 × 70 % + 96 × 10 % = 18.4 + 70 + 9.6 = 98
  rating('T2', 'twp.002.daily', 92),
  rating('T2', 'twp.002.office-review', 96),
  // T3: 80.33 × 20 % = 16.066; 年终 100 − 4 (未听证) − 3 (中心未按期完成) = 93 → 65.1; 评议 70 → 7
  //     16.066 + 65.1 + 7 = 88.166 → 保留两位 88.17
  rating('T3', 'twp.002.daily', '80.33'),
  at('T3', 'twp.002.decision.no-hearing'),
  at('T3', 'twp.002.centre.late'),
  rating('T3', 'twp.002.office-review', 70),
  // T4: nobody rated it: 0 + 100 × 70 % + 0 = 70
  // T5: 日常 20 → 4; 年终 代办站 40 × 0.5 = 20 capped at 17, 程序 2 × 2 + 抵触 2 = 6 capped at 4 → 79 → 55.3;
  //     评议 10 → 1;  4 + 55.3 + 1 = 60.3 → 合格 (≥ 60)
  rating('T5', 'twp.002.daily', 20),
  at('T5', 'twp.002.centre.agency-late', { count: 40 }),
  at('T5', 'twp.002.normative.bad-procedure', { count: 2 }),
  at('T5', 'twp.002.normative.conflict'),
  rating('T5', 'twp.002.office-review', 10),
  // T6: nobody rated it; 年终 with T5's deductions: 79 × 70 % = 55.3 → 不合格 (< 60)
  at('T6', 'twp.002.centre.agency-late', { count: 40 }),
  at('T6', 'twp.002.normative.bad-procedure', { count: 2 }),
  at('T6', 'twp.002.normative.conflict'),
];

describe('乡镇依法行政年度考核 (seed 002)', () => {
  const result = evaluate(scheme, { period: '2024', subjects, records });

  it('weights 20/70/10, rounds to two places and grades units 优秀/合格/不合格 with no share limit', () => {
    // seed 002 五(二) grades units (不合格 → 书面整改方案) and states no 优秀 share for units: T1 96.15
    // and T2 98 are both 优秀 (the 20 % of 行政执法考核监督制度第十条 is the officers' rule).
    expect(totalsAndGrades(result)).toEqual({
      T1: ['96.15', '优秀'],
      T2: ['98', '优秀'],
      T3: ['88.17', '合格'],
      T4: ['70', '合格'],
      T5: ['60.3', '合格'],
      T6: ['55.3', '不合格'],
    });
    expect(result.subjects.some((subject) => subject.flags.isQuotaDemoted)).toBe(false);
    expect(result.quotas).toEqual([]);
    expectLinesToSum(result);
  });

  it.each([
    [undefined, '99'],
    ['1', '98'],
  ])(
    '主要领导主持研究工作少一次 costs the parameter studyMissed (%s): two misses → 年终 %s',
    (value, yearEnd) => {
      // 附件一 has two versions (0.5 便民服务中心版, used here; 1 政务服务中心版): docs/scheme-language.md §10
      const scored = evaluate(scheme, {
        period: '2024',
        subjects: [{ id: 'X' }],
        records: [at('X', 'twp.002.basic.study-missed', { count: 2 })],
        ...(value !== undefined && { params: { studyMissed: value } }),
      });
      const component = scored.subjects[0]!.components.find((entry) => entry.id === 'twp.002.year-end');
      expect(component?.score).toBe(yearEnd);
    },
  );

  it('shows the component scores before and after weighting', () => {
    const t1 = result.subjects[0]!;
    const yearEnd = t1.components.find((component) => component.id === 'twp.002.year-end');
    expect(yearEnd).toMatchObject({
      path: 'twp.002.total.twp.002.year-end',
      score: '94.5',
      counted: '66.15',
    });
    const rounding = result.subjects[2]!.explanation.find((entry) => entry.kind === 'round');
    expect(rounding?.points).toBe('+0.004');
  });

  it('scores the self-assessment apart from the official total (自查自评)', () => {
    // self: 0 × 20 % + (100 − 0.5) × 70 % + 0 × 10 % = 69.65
    expect(result.subjects[0]?.selfTotal).toBe('69.65');
    expect(result.subjects[1]?.selfTotal).toBeUndefined();
  });
});
