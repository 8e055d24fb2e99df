/**
 * Assessment periods as text ('2024Q1', '2024H2', '2024', '2024-03') and their date ranges.
 * Dates are calendar dates in Asia/Shanghai written YYYY-MM-DD, so comparing strings compares
 * dates and no Date object is needed.
 */

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';

export interface PeriodRange {
  period: string;
  kind: PeriodKind;
  year: number;
  /** First day, inclusive, YYYY-MM-DD. */
  start: string;
  /** Last day, inclusive, YYYY-MM-DD. */
  end: string;
}

const PERIOD_PATTERN = /^(\d{4})(?:(Q[1-4])|(H[12])|-(0[1-9]|1[0-2]))?$/;

function lastDayOfMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function day(year: number, month: number, dayOfMonth: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}

/** Parses a period; null if the text is not one. */
export function parsePeriod(text: string): PeriodRange | null {
  const match = PERIOD_PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  let kind: PeriodKind = 'year';
  let firstMonth = 1;
  let lastMonth = 12;
  if (match[2]) {
    kind = 'quarter';
    const quarter = Number(match[2].slice(1));
    firstMonth = quarter * 3 - 2;
    lastMonth = quarter * 3;
  } else if (match[3]) {
    kind = 'half';
    firstMonth = match[3] === 'H1' ? 1 : 7;
    lastMonth = firstMonth + 5;
  } else if (match[4]) {
    kind = 'month';
    firstMonth = Number(match[4]);
    lastMonth = firstMonth;
  }
  return {
    period: text,
    kind,
    year,
    start: day(year, firstMonth, 1),
    end: day(year, lastMonth, lastDayOfMonth(year, lastMonth)),
  };
}

/** The sub-periods a period is made of, e.g. '2024' by quarter → 2024Q1…2024Q4. */
export function splitPeriod(range: PeriodRange, into: PeriodKind): string[] {
  const months: number[] = [];
  const first = Number(range.start.slice(5, 7));
  const last = Number(range.end.slice(5, 7));
  for (let month = first; month <= last; month++) months.push(month);
  const names = months.map((month) => {
    if (into === 'month') return `${range.year}-${String(month).padStart(2, '0')}`;
    if (into === 'quarter') return `${range.year}Q${Math.ceil(month / 3)}`;
    if (into === 'half') return `${range.year}H${month <= 6 ? 1 : 2}`;
    return String(range.year);
  });
  return [...new Set(names)];
}

/**
 * A date written YYYY-MM-DD as the number YYYYMMDD, or −1 when it is not a real date (month
 * 1–12, day within the month). Read from the characters, so checking the date of each of
 * millions of records needs no look-up and makes no string.
 */
export function dateNumber(text: unknown): number {
  if (typeof text !== 'string' || text.length !== 10) return -1;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return -1;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const dayOfMonth = digits(text, 8, 10);
  if (year < 0 || month < 1 || month > 12 || dayOfMonth < 1) return -1;
  if (dayOfMonth > lastDayOfMonth(year, month)) return -1;
  return year * 10000 + month * 100 + dayOfMonth;
}

/** The decimal number in text[from, to), or -1 when a character is not a digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let position = from; position < to; position++) {
    const code = text.charCodeAt(position) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}
