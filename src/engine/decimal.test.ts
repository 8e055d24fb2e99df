import { describe, expect, it } from 'vitest';
import {
  divideRounded,
  formatDecimal,
  formatSigned,
  parseDecimal,
  type RoundingMode,
  roundScaled,
} from './decimal.ts';

describe('parseDecimal', () => {
  it.each([
    ['0.5', 500_000],
    [0.5, 500_000],
    ['-2', -2_000_000],
    [90, 90_000_000],
    ['0.000001', 1],
    [0.1, 100_000],
    ['+3.25', 3_250_000],
  ])('%j → %d', (input, expected) => {
    expect(parseDecimal(input)).toBe(expected);
  });

  it.each([['0.0000001'], ['1e3'], ['abc'], [''], [Number.NaN], ['1.'], [Number.POSITIVE_INFINITY]])(
    'refuses %j',
    (input) => {
      expect(parseDecimal(input)).toBeNull();
    },
  );
});

describe('formatDecimal', () => {
  it.each([
    [500_000, '0.5', '+0.5'],
    [-1_500_000, '-1.5', '-1.5'],
    [0, '0', '0'],
    [81_450_000, '81.45', '+81.45'],
    [-1, '-0.000001', '-0.000001'],
  ])('%d → %s / %s', (value, plain, signed) => {
    expect(formatDecimal(value)).toBe(plain);
    expect(formatSigned(value)).toBe(signed);
  });
});

describe('exact sums', () => {
  it('adds 0.5 a thousand times to exactly 500', () => {
    let total = 0;
    for (let step = 0; step < 1000; step++) total += parseDecimal('0.5')!;
    expect(formatDecimal(total)).toBe('500');
    let floating = 0;
    for (let step = 0; step < 1000; step++) floating += 0.1;
    expect(floating).not.toBe(100); // why scaled integers: floats drift
  });
});

describe('rounding', () => {
  it.each<[string, number, RoundingMode, string]>([
    ['2.345', 2, 'half-up', '2.35'],
    ['2.345', 2, 'half-even', '2.34'],
    ['2.355', 2, 'half-even', '2.36'],
    ['-2.345', 2, 'half-up', '-2.35'],
    ['2.349', 2, 'down', '2.34'],
    ['2.341', 2, 'up', '2.35'],
    ['89.5', 0, 'half-up', '90'],
    ['89.4999', 0, 'half-up', '89'],
  ])('%s to %d places %s → %s', (input, places, mode, expected) => {
    expect(formatDecimal(roundScaled(parseDecimal(input)!, places, mode))).toBe(expected);
  });

  it.each<[number, number, RoundingMode, number]>([
    [7, 2, 'half-up', 4],
    [-7, 2, 'half-up', -4],
    [5, 2, 'half-even', 2],
    [7, 2, 'half-even', 4],
    [1, 3, 'up', 1],
    [2 ** 60, 2 ** 8, 'half-up', 2 ** 52],
  ])('divideRounded(%d, %d, %s) = %d', (numerator, denominator, mode, expected) => {
    expect(divideRounded(numerator, denominator, mode)).toBe(expected);
  });
});
