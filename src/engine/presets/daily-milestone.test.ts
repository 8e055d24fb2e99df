/** Worked example for the 50 % daily + 50 % milestone preset (seed 003 篇3). */
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../cli/score/presets.ts';
import { evaluate } from '../evaluate.ts';
import { expectLinesToSum, recordOn, totalsAndGrades } from './fixture.ts';

const scheme = loadPreset('daily-milestone');
const july = recordOn('2013-07-25');
const november = recordOn('2013-11-25');
const subjects = ['D1', 'D2', 'D3', 'D4', 'D5'].map((id) => ({ id }));

const records = [
  // D1: 督查 (92 + 88) / 2 = 90 × 50 % = 45; 日常 100 − 2 (投诉) − 3 × 1 (暗访) = 95 × 50 % = 47.5 → 92.5 优秀
  july('D1', 'dm.003.milestone.first', { value: 92 }),
  november('D1', 'dm.003.milestone.second', { value: 88 }),
  july('D1', 'dm.003.daily.complaint'),
  november('D1', 'dm.003.daily.spot-check', { count: 3 }),
  // D2: only one inspection scored 80 → 40; 日常 100 − 5 × 2 = 90 → 45 → 85 良好
  july('D2', 'dm.003.milestone.first', { value: 80 }),
  july('D2', 'dm.003.daily.organisation', { count: 5 }),
  // D3: no inspection scores (whenEmpty: zero) → 0 + 50 = 50 不合格
  // D4: (79 + 81) / 2 = 80 → 40; 日常 100 → 50 → 90 优秀 (90分含90分以上)
  july('D4', 'dm.003.milestone.first', { value: 79 }),
  november('D4', 'dm.003.milestone.second', { value: 81 }),
  // D5: (79.98 + 80) / 2 = 79.99 → 39.995; 日常 99 → 49.5 → 89.495 良好 (no rounding: the seed states none)
  july('D5', 'dm.003.milestone.first', { value: '79.98' }),
  november('D5', 'dm.003.milestone.second', { value: 80 }),
  july('D5', 'dm.003.daily.spot-check'),
];

describe('日常考核与阶段性督查考核各50% (seed 003 篇3)', () => {
  const result = evaluate(scheme, { period: '2013', subjects, records });

  it('combines the halves and bands at 90/80/70 as computed by hand', () => {
    expect(totalsAndGrades(result)).toEqual({
      D1: ['92.5', '优秀'],
      D2: ['85', '良好'],
      D3: ['50', '不合格'],
      D4: ['90', '优秀'],
      D5: ['89.495', '良好'],
    });
    expectLinesToSum(result);
  });

  it('explains the weighting of each half', () => {
    const weights = result.subjects[0]!.explanation.filter((entry) => entry.kind === 'weight');
    expect(weights.map((entry) => [entry.rule, entry.points])).toEqual([
      ['dm.003.milestone', '-45'],
      ['dm.003.daily', '-47.5'],
    ]);
  });
});
