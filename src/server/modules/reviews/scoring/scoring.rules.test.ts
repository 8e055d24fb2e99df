import { describe, expect, it } from 'vitest';
import {
  bandOf,
  type Criterion,
  checkSheet,
  formatMean,
  scoreFile,
  sheetTotalTenths,
} from './scoring.rules.ts';

const criteria: Criterion[] = [
  { no: 1, title: '主体', pointsTenths: 600, notes: '' },
  { no: 2, title: '证据', pointsTenths: 400, notes: '' },
];
const bands = { excellentFromTenths: 900, passFromTenths: 600 };

describe('sheets (第十条: 得分、扣分理由)', () => {
  it('totals full marks less deductions, in tenths', () => {
    expect(sheetTotalTenths(criteria, [{ no: 1, deductedTenths: 15, reason: '缺资格证明' }])).toBe(985);
  });
  it.each([
    [{ no: 1, deductedTenths: 601, reason: 'x' }, 'items.0.deducted', '不能超过该项分值 60 分'],
    [{ no: 1, deductedTenths: 10, reason: ' ' }, 'items.0.reason', '须写明理由'],
    [{ no: 9, deductedTenths: 0, reason: null }, 'items.0.no', '没有第 9 项'],
    [{ no: 1, deductedTenths: -1, reason: 'x' }, 'items.0.deducted', '不小于 0'],
  ])('refuses %j', (item, field, message) => {
    const problems = checkSheet(criteria, [item]);
    expect(problems[0]!.field).toBe(field);
    expect(problems[0]!.message).toContain(message);
  });
});

describe('file scores (第十六条: 百分制, 优秀/合格/不合格)', () => {
  it.each([
    [900, 1, 'excellent'],
    [899, 1, 'pass'],
    [600, 1, 'pass'],
    [599, 1, 'fail'],
    [1799, 2, 'pass'],
    [1800, 2, 'excellent'],
  ] as const)('%i tenths over %i reviewers is %s (exact, bounds inclusive)', (sum, count, band) => {
    expect(bandOf(sum, count, bands)).toBe(band);
  });

  it('the mean is exact and shown to two places, half up', () => {
    expect(formatMean(850 + 851 + 851, 3)).toBe('85.07');
    expect(formatMean(855 + 856, 2)).toBe('85.55');
    expect(formatMean(1000, 1)).toBe('100.00');
  });

  it('no score until every assigned reviewer has submitted', () => {
    expect(scoreFile([900], 2, bands, 100)).toEqual({
      meanText: null,
      band: null,
      flags: [],
      spreadTenths: null,
    });
  });

  it('flags 不合格, a spread above the threshold, and different bands (第十二条(五))', () => {
    expect(scoreFile([950, 930], 2, bands, 100).flags).toEqual([]);
    expect(scoreFile([950, 840], 2, bands, 100).flags).toEqual(['divergent', 'bands_differ']);
    expect(scoreFile([910, 890], 2, bands, 100).flags).toEqual(['bands_differ']);
    expect(scoreFile([500, 550], 2, bands, 100)).toMatchObject({
      band: 'fail',
      flags: ['fail'],
      meanText: '52.50',
    });
    expect(scoreFile([950, 850], 2, bands, 100).flags).toEqual(['bands_differ']);
  });
});
