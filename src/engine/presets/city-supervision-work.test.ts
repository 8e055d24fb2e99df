/** Worked example for the city supervision-work preset (seed 003 篇2). */
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../cli/score/presets.ts';
import { evaluate } from '../evaluate.ts';
import { expectLinesToSum, recordOn } from './fixture.ts';

const scheme = loadPreset('city-supervision-work');
const at = recordOn('2024-11-30');
const subjects = Array.from({ length: 10 }, (_, index) => ({ id: `U${String(index + 1).padStart(2, '0')}` }));

const records = [
  // U01: 目标 10 − 3 (未及时反馈) = 7; 内部督查 10;
  //      提案 (90 + 80 + 70) / 3 = 80 × 25 % = 20, 综合办理 5 − 1 (见面率) = 4 → 24;
  //      督办 (95 + 85 + 90) / 3 = 90 × 50 % = 45;  7 + 10 + 24 + 45 = 86
  at('U01', 'sup.003.goals.feedback'),
  at('U01', 'sup.003.proposals.motion', { value: 90 }),
  at('U01', 'sup.003.proposals.suggestion', { value: 80 }),
  at('U01', 'sup.003.proposals.proposal', { value: 70 }),
  at('U01', 'sup.003.proposals.overall.contact'),
  at('U01', 'sup.003.matters.on-site', { value: 95 }),
  at('U01', 'sup.003.matters.written', { value: 85 }),
  at('U01', 'sup.003.matters.written', { value: 90 }),
  // U02…U10 handled no proposals (full marks, 25 + 5) and get 50 + 督办/2:
  ...[100, 96, 90, 80, 70, 60, 50, 40, 40].map((value, index) =>
    at(`U${String(index + 2).padStart(2, '0')}`, 'sup.003.matters.written', { value }),
  ),
];

describe('市政府督查工作考核 (seed 003 篇2)', () => {
  const result = evaluate(scheme, { period: '2024', subjects, records });
  const row = (id: string) => result.subjects.find((subject) => subject.subject === id)!;

  it('scales weighted averages by 25 % and 50 % as computed by hand', () => {
    const u01 = row('U01');
    expect(u01.components.map((component) => [component.id, component.score])).toEqual([
      ['sup.003.goals', '7'],
      ['sup.003.internal', '10'],
      ['sup.003.proposals', '24'],
      ['sup.003.proposals.items', '20'],
      ['sup.003.proposals.overall', '4'],
      ['sup.003.matters', '45'],
    ]);
    expect(u01.total).toBe('86');
    expectLinesToSum(result);
  });

  it('ranks, commends the top 30 % and bars the last five', () => {
    // totals: U02 100, U03 98, U04 95, U05 90, U01 86, U06 85, U07 80, U08 75, U09 70, U10 70
    expect(result.subjects.map((subject) => [subject.subject, subject.total, subject.rank])).toEqual([
      ['U01', '86', 5],
      ['U02', '100', 1],
      ['U03', '98', 2],
      ['U04', '95', 3],
      ['U05', '90', 4],
      ['U06', '85', 6],
      ['U07', '80', 7],
      ['U08', '75', 8],
      ['U09', '70', 9],
      ['U10', '70', 9],
    ]);
    const commended = result.subjects
      .filter((subject) => subject.flags.isCommended)
      .map((subject) => subject.subject);
    const barred = result.subjects
      .filter((subject) => subject.flags.isBarred)
      .map((subject) => subject.subject);
    expect(commended).toEqual(['U02', 'U03', 'U04']); // floor(10 × 30 %) = 3
    expect(barred).toEqual(['U06', 'U07', 'U08', 'U09', 'U10']);
  });

  it('takes per-kind weights as parameters and rounds the total half-up to two places', () => {
    // motions weigh 2: (2 × 90 + 80 + 70) / 4 = 82.5 × 25 % = 20.625 → total 86.625 → 86.63
    const weighted = evaluate(scheme, { period: '2024', subjects, records, params: { motionWeight: 2 } });
    const u01 = weighted.subjects[0]!;
    expect(u01.total).toBe('86.63');
    expect(u01.explanation.at(-1)).toMatchObject({ kind: 'round', points: '+0.005' });
  });
});
