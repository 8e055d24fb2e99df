import { describe, expect, it } from 'vitest';
import {
  formatChineseDate,
  formatDocNo,
  formatPeriodLabel,
  parseDocNo,
  parsePeriodKey,
  todayInShanghai,
  toShanghaiDate,
} from './format.ts';

describe('formatChineseDate', () => {
  it.each([
    ['2024-02-03', '2024年2月3日'],
    ['2024-12-31', '2024年12月31日'],
    ['2025-10-01', '2025年10月1日'],
    [new Date('2024-02-02T16:00:00Z'), '2024年2月3日'], // midnight in Shanghai
    [new Date('2024-02-02T15:59:59.999Z'), '2024年2月2日'], // one millisecond earlier
  ])('%j → %s', (value, expected) => {
    expect(formatChineseDate(value)).toBe(expected);
  });

  it.each(['2024-2-3', '2024-02-30', '', 'yesterday'])('throws on %j', (value) => {
    expect(() => formatChineseDate(value)).toThrow(RangeError);
  });

  it('throws on an invalid Date', () => {
    expect(() => formatChineseDate(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('todayInShanghai / toShanghaiDate', () => {
  it.each([
    ['2024-12-31T15:59:59Z', '2024-12-31'],
    ['2024-12-31T16:00:00Z', '2025-01-01'], // New Year in Shanghai while still Dec 31 in UTC
    ['2024-06-30T23:30:00-05:00', '2024-07-01'],
    ['2024-03-01T00:00:00+08:00', '2024-03-01'],
  ])('%s → %s', (instant, expected) => {
    expect(todayInShanghai(new Date(instant))).toBe(expected);
    expect(toShanghaiDate(new Date(instant))).toBe(expected);
  });
});

describe('document numbers', () => {
  it.each([
    [{ prefix: '博司监', year: 2024, seq: 3 }, '博司监〔2024〕3号'],
    [{ prefix: '博司发', year: 2025, seq: 120 }, '博司发〔2025〕120号'],
  ])('formats %j as %s and parses it back', (parts, text) => {
    expect(formatDocNo(parts)).toBe(text);
    expect(parseDocNo(text)).toEqual(parts);
  });

  it.each([
    ['博司监[2024]3号', { prefix: '博司监', year: 2024, seq: 3 }],
    ['博司监［2024］3号', { prefix: '博司监', year: 2024, seq: 3 }],
    ['博司监【2024】3号', { prefix: '博司监', year: 2024, seq: 3 }],
    ['博司监（2024）3号', { prefix: '博司监', year: 2024, seq: 3 }],
    [' 博司监 〔2024〕 03号 ', { prefix: '博司监', year: 2024, seq: 3 }],
    ['博司监〔2024〕号', null],
    ['博司监〔24〕3号', null],
    ['博司监〔2024〕0号', null],
    ['博司监2024年3号', null],
    ['〔2024〕3号', null],
  ])('parses %j → %j', (text, expected) => {
    expect(parseDocNo(text)).toEqual(expected);
  });

  it.each([
    { prefix: '', year: 2024, seq: 1 },
    { prefix: '博司〔监', year: 2024, seq: 1 },
    { prefix: '博司监', year: 24, seq: 1 },
    { prefix: '博司监', year: 2024, seq: 0 },
    { prefix: '博司监', year: 2024, seq: 1.5 },
  ])('rejects %j', (parts) => {
    expect(() => formatDocNo(parts)).toThrow(RangeError);
  });
});

describe('periods', () => {
  it.each([
    ['2025', '2025年度', { kind: 'year', year: 2025 }],
    ['2025-H1', '2025年上半年', { kind: 'half', year: 2025, half: 1 }],
    ['2025-H2', '2025年下半年', { kind: 'half', year: 2025, half: 2 }],
    ['2025-Q1', '2025年第一季度', { kind: 'quarter', year: 2025, quarter: 1 }],
    ['2025-Q3', '2025年第三季度', { kind: 'quarter', year: 2025, quarter: 3 }],
    ['2025-Q4', '2025年第四季度', { kind: 'quarter', year: 2025, quarter: 4 }],
    ['2025-03', '2025年3月', { kind: 'month', year: 2025, month: 3 }],
    ['2025-12', '2025年12月', { kind: 'month', year: 2025, month: 12 }],
  ])('%s → %s', (key, label, parsed) => {
    expect(formatPeriodLabel(key)).toBe(label);
    expect(parsePeriodKey(key)).toEqual(parsed);
  });

  it.each(['2025-Q5', '2025-H3', '2025-13', '2025-q3', '25-Q3', '2025Q3', ''])('rejects %j', (key) => {
    expect(parsePeriodKey(key)).toBeNull();
    expect(() => formatPeriodLabel(key)).toThrow(RangeError);
  });
});
