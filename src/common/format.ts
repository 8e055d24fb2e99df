/**
 * Formats that county offices print: dates '2024年2月3日', document numbers '博司监〔2024〕3号'
 * (GB/T 9704-2012 §7.2.4: 六角括号, year in full, sequence without leading zeros) and period
 * labels '2025年第三季度'. Also the Asia/Shanghai calendar date of an instant.
 */
import { isIsoDate } from './calendar.ts';

/** China Standard Time is UTC+8 with no daylight saving since 1991, so a fixed offset is exact. */
const SHANGHAI_OFFSET_MILLISECONDS = 8 * 60 * 60 * 1000;

/** The Asia/Shanghai calendar date 'YYYY-MM-DD' of an instant (e.g. a stored `closedAt`). */
export function toShanghaiDate(instant: Date): string {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('Invalid Date');
  return new Date(time + SHANGHAI_OFFSET_MILLISECONDS).toISOString().slice(0, 10);
}

/** Today's calendar date in Asia/Shanghai; pass the clock in so callers stay testable. */
export function todayInShanghai(now: Date): string {
  return toShanghaiDate(now);
}

/** '2024-02-03' or an instant → '2024年2月3日' (an instant is taken as its Asia/Shanghai date). */
export function formatChineseDate(value: string | Date): string {
  const date = typeof value === 'string' ? value : toShanghaiDate(value);
  if (!isIsoDate(date))
    throw new RangeError(`Not a calendar date in YYYY-MM-DD form: ${JSON.stringify(date)}`);
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** A document number's parts: 发文机关代字, year and sequence. */
export interface DocNo {
  readonly prefix: string;
  readonly year: number;
  readonly seq: number;
}

/** { prefix: '博司监', year: 2024, seq: 3 } → '博司监〔2024〕3号'. Throws on an empty prefix or bad numbers. */
export function formatDocNo({ prefix, year, seq }: DocNo): string {
  if (prefix.trim() === '' || /[〔〕[\]［］【】()（）]/.test(prefix)) {
    throw new RangeError(`Invalid document number prefix: ${JSON.stringify(prefix)}`);
  }
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Invalid year: ${year}`);
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`Invalid sequence: ${seq}`);
  return `${prefix.trim()}〔${year}〕${seq}号`;
}

// Lenient about the brackets people actually type (〔〕 [] ［］ 【】 () （）) and about spaces.
const DOC_NO_PATTERN = /^(.+?)[〔[［【(（](\d{4})[〕\]］】)）](\d+)号$/;

/** Parses '博司监〔2024〕3号' (also with [] 【】 () brackets); `null` when it is not a document number. */
export function parseDocNo(text: string): DocNo | null {
  const match = DOC_NO_PATTERN.exec(text.replace(/[\s\u3000]+/g, ''));
  if (!match) return null;
  const seq = Number(match[3]);
  if (seq < 1) return null;
  return { prefix: match[1]!, year: Number(match[2]), seq };
}

/** A parsed period key: a year '2025', a half '2025-H1', a quarter '2025-Q3' or a month '2025-03'. */
export type PeriodKey =
  | { kind: 'year'; year: number }
  | { kind: 'half'; year: number; half: 1 | 2 }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'month'; year: number; month: number };

const PERIOD_KEY_PATTERN = /^(\d{4})(?:-(?:H([12])|Q([1-4])|(0[1-9]|1[0-2])))?$/;
const QUARTER_NUMERALS = ['一', '二', '三', '四'] as const;

/** Parses a period key; `null` when it is not one of the four forms. */
export function parsePeriodKey(key: string): PeriodKey | null {
  const match = PERIOD_KEY_PATTERN.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2]) return { kind: 'half', year, half: Number(match[2]) as 1 | 2 };
  if (match[3]) return { kind: 'quarter', year, quarter: Number(match[3]) as 1 | 2 | 3 | 4 };
  if (match[4]) return { kind: 'month', year, month: Number(match[4]) };
  return { kind: 'year', year };
}

/** '2025-Q3' → '2025年第三季度', '2025-H1' → '2025年上半年', '2025' → '2025年度', '2025-03' → '2025年3月'. */
export function formatPeriodLabel(key: string): string {
  const period = parsePeriodKey(key);
  if (!period) throw new RangeError(`Invalid period key: ${JSON.stringify(key)}`);
  switch (period.kind) {
    case 'year':
      return `${period.year}年度`;
    case 'half':
      return `${period.year}年${period.half === 1 ? '上' : '下'}半年`;
    case 'quarter':
      return `${period.year}年第${QUARTER_NUMERALS[period.quarter - 1]}季度`;
    case 'month':
      return `${period.year}年${period.month}月`;
  }
}
