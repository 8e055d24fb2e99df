import { describe, expect, it } from 'vitest';
import { parseDecimal } from './decimal.ts';
import { allowedCount, selectWithinLimit } from './quota.ts';
import { competitionRanks, lastBarred } from './rank.ts';

const percent = (value: string) => parseDecimal(value)!;

describe('allowedCount', () => {
  it.each([
    [10, '30', 'floor', 3],
    [7, '30', 'floor', 2],
    [7, '30', 'round', 2],
    [7, '30', 'ceil', 3],
    [5, '20', 'floor', 1],
    [4, '20', 'floor', 0],
    [3, '33.34', 'floor', 1],
  ] as const)('%d subjects × %s %% (%s) = %d', (population, share, rounding, expected) => {
    expect(allowedCount(population, percent(share), rounding)).toBe(expected);
  });
});

describe('selectWithinLimit', () => {
  const candidates = (...totals: number[]) =>
    totals.map((total, index) => ({ index, subject: `s${index}`, keys: [total] }));

  it.each([
    ['no tie at the boundary', [95, 94, 93, 92], 2, 'spare', [0, 1]],
    ['a tie at the boundary spares both', [95, 93, 93, 92], 2, 'spare', [0]],
    ['a tie at the boundary kept by subject id', [95, 93, 93, 92], 2, 'subject-id', [0, 1]],
    ['everyone tied, spare', [90, 90, 90], 2, 'spare', []],
    ['fewer candidates than places', [90], 2, 'spare', [0]],
    ['no places', [99, 98], 0, 'spare', []],
  ] as const)('%s', (_, totals, allowed, final, expected) => {
    expect([...selectWithinLimit(candidates(...totals), allowed, final)].sort()).toEqual(expected);
  });

  it('breaks total ties by the next key before sparing', () => {
    const tied = [
      { index: 0, subject: 'a', keys: [90, 60] },
      { index: 1, subject: 'b', keys: [90, 70] },
      { index: 2, subject: 'c', keys: [80, 80] },
    ];
    expect([...selectWithinLimit(tied, 1, 'spare')]).toEqual([1]);
  });
});

describe('ranking', () => {
  it('gives competition ranks', () => {
    expect(Array.from(competitionRanks([70, 90, 80, 90]))).toEqual([4, 1, 3, 1]);
  });

  it('ranks 1 + how many score higher, for many ties, negative, fractional and far-apart totals', () => {
    let state = 5;
    const random = (below: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state >>> 8) % below;
    };
    const cases = [
      Array.from({ length: 5000 }, () => (random(400) - 100) * 250_000),
      Array.from({ length: 300 }, () => random(50) / 4),
      [2 ** 52, -(2 ** 52), 0, 2 ** 52, 7],
      [],
    ];
    for (const totals of cases) {
      const expected = totals.map((total) => 1 + totals.filter((other) => other > total).length);
      expect(Array.from(competitionRanks(totals))).toEqual(expected);
    }
  });

  it.each([
    ['spare', [50, 60, 60, 70, 80], 2, [true, false, false, false, false]],
    ['include', [50, 60, 60, 70, 80], 2, [true, true, true, false, false]],
    ['spare', [50, 60, 70], 5, [true, true, true]],
  ] as const)('bars the last N (%s)', (ties, totals, last, expected) => {
    expect(lastBarred(totals, last, ties)).toEqual(expected);
  });
});
