/**
 * Working days on the Chinese statutory calendar (法定节假日 and 调休 makeup workdays), plus an
 * override layer for years the `chinese-days` package does not know yet or for local decisions.
 *
 * Dates are plain 'YYYY-MM-DD' strings: calendar dates in Asia/Shanghai. All arithmetic is done
 * on UTC day numbers derived from the string, so the host's time zone never matters.
 *
 * Statutory data: we read the package's JSON table rather than calling `isWorkday()`, because the
 * package's own date parsing mixes UTC and local time and gives wrong answers in time zones west
 * of UTC (verified: in America/New_York its API reports 2024-09-29 as a rest day). The JSON table
 * agrees with the API day for day in Asia/Shanghai for every date it covers (2004–2026 in 1.5.7).
 *
 * Outside the covered years the calendar falls back to "Monday to Friday are working days";
 * overrides (the admin-editable table) always take precedence, covered year or not.
 */
import statutoryTable from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/** One row of the admin-editable calendar override table. */
export interface CalendarOverride {
  /** 'YYYY-MM-DD' */
  readonly date: string;
  readonly isWorkingDay: boolean;
}

/** A working-day calendar: statutory data from `chinese-days`, weekends, then overrides. */
export interface WorkCalendar {
  /** Whether `date` is a working day. */
  isWorkingDay(date: string): boolean;
  /**
   * The `count`-th working day after `date`; `date` itself is not counted, `count` = 0 returns
   * `date` unchanged. "Appeal within 3 working days of publication" → deadline =
   * `addWorkingDays(publishedOn, 3)`, and the appeal is on time if filed on or before it.
   */
  addWorkingDays(date: string, count: number): string;
  /** `date` if it is a working day, else the first working day after it (期间届满日遇节假日顺延). */
  nextWorkingDayOnOrAfter(date: string): string;
  /** The last working day of a calendar quarter (1–4), e.g. 2024 Q3 → '2024-09-30'. */
  lastWorkingDayOfQuarter(year: number, quarter: number): string;
  /**
   * Working days in the half-open interval (from, to]: `workingDaysBetween(d, addWorkingDays(d, n))`
   * is `n`. Negative when `to` is before `from`; 0 when equal.
   */
  workingDaysBetween(from: string, to: string): number;
  /** Whether `year` has statutory data or at least one override (otherwise: weekends only). */
  isYearKnown(year: number): boolean;
}

/** 正常 / 临期 / 逾期 */
export type DeadlineState = 'normal' | 'due_soon' | 'overdue';

/** Chinese labels for {@link DeadlineState}, as shown in lists. */
export const DEADLINE_STATE_LABELS: Readonly<Record<DeadlineState, string>> = {
  normal: '正常',
  due_soon: '临期',
  overdue: '逾期',
};

const MILLISECONDS_PER_DAY = 86_400_000;
/** Longest run of non-working days we search through before deciding overrides are broken. */
const MAX_NON_WORKING_RUN = 366;
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

interface StatutoryTable {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
}
const statutory = statutoryTable as StatutoryTable;

/** Years (as numbers) for which `chinese-days` publishes the State Council arrangement. */
const statutoryYears: ReadonlySet<number> = new Set(
  Object.keys(statutory.holidays).map((date) => Number(date.slice(0, 4))),
);

/** First and last year with statutory data in the installed `chinese-days` (2004 and 2026 in 1.5.7). */
export const STATUTORY_YEAR_RANGE: Readonly<{ first: number; last: number }> = {
  first: Math.min(...statutoryYears),
  last: Math.max(...statutoryYears),
};

/** Whether the installed `chinese-days` knows the statutory holidays of `year`. */
export function hasStatutoryData(year: number): boolean {
  return statutoryYears.has(year);
}

/** Days since 1970-01-01 for a valid 'YYYY-MM-DD', or `null` when the string is not a real date. */
function toDayNumberOrNull(date: string): number | null {
  const match = ISO_DATE_PATTERN.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const instant = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  instant.setUTCFullYear(year, month - 1, day);
  if (
    instant.getUTCFullYear() !== year ||
    instant.getUTCMonth() !== month - 1 ||
    instant.getUTCDate() !== day
  ) {
    return null;
  }
  return instant.getTime() / MILLISECONDS_PER_DAY;
}

function toDayNumber(date: string): number {
  const dayNumber = toDayNumberOrNull(date);
  if (dayNumber === null)
    throw new RangeError(`Not a calendar date in YYYY-MM-DD form: ${JSON.stringify(date)}`);
  return dayNumber;
}

function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MILLISECONDS_PER_DAY).toISOString().slice(0, 10);
}

/** Whether `value` is a real calendar date written 'YYYY-MM-DD' (e.g. rejects '2023-02-29'). */
export function isIsoDate(value: string): boolean {
  return toDayNumberOrNull(value) !== null;
}

/** `date` plus `days` calendar days (negative goes back), e.g. a case record due 30 days after closing. */
export function addCalendarDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer: ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to` (positive when `to` is later, 0 when equal). */
export function calendarDaysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Day of the week: 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** Builds a calendar; later overrides for the same date win. Throws on an invalid override date. */
export function createWorkCalendar(overrides: ReadonlyArray<CalendarOverride> = []): WorkCalendar {
  const overrideByDate = new Map<string, boolean>();
  const overrideYears = new Set<number>();
  for (const override of overrides) {
    toDayNumber(override.date);
    overrideByDate.set(override.date, override.isWorkingDay);
    overrideYears.add(Number(override.date.slice(0, 4)));
  }

  const isWorkingDayNumber = (dayNumber: number): boolean => {
    const date = fromDayNumber(dayNumber);
    const override = overrideByDate.get(date);
    if (override !== undefined) return override;
    if (statutory.workdays[date] !== undefined) return true;
    if (statutory.holidays[date] !== undefined) return false;
    const weekday = (((dayNumber + 4) % 7) + 7) % 7;
    return weekday !== 0 && weekday !== 6;
  };

  /** First working day number at or after `start`, scanning in steps of `direction`. */
  const findWorkingDay = (start: number, direction: 1 | -1): number => {
    for (let offset = 0; offset <= MAX_NON_WORKING_RUN; offset++) {
      const candidate = start + offset * direction;
      if (isWorkingDayNumber(candidate)) return candidate;
    }
    throw new RangeError(`No working day within ${MAX_NON_WORKING_RUN} days of ${fromDayNumber(start)}`);
  };

  const countWorkingDays = (fromExclusive: number, toInclusive: number): number => {
    let count = 0;
    for (let dayNumber = fromExclusive + 1; dayNumber <= toInclusive; dayNumber++) {
      if (isWorkingDayNumber(dayNumber)) count++;
    }
    return count;
  };

  return {
    isWorkingDay: (date) => isWorkingDayNumber(toDayNumber(date)),

    addWorkingDays(date, count) {
      if (!Number.isInteger(count) || count < 0) {
        throw new RangeError(`count must be a non-negative integer: ${count}`);
      }
      let dayNumber = toDayNumber(date);
      for (let remaining = count; remaining > 0; remaining--) {
        dayNumber = findWorkingDay(dayNumber + 1, 1);
      }
      return fromDayNumber(dayNumber);
    },

    nextWorkingDayOnOrAfter: (date) => fromDayNumber(findWorkingDay(toDayNumber(date), 1)),

    lastWorkingDayOfQuarter(year, quarter) {
      if (!Number.isInteger(year) || ![1, 2, 3, 4].includes(quarter)) {
        throw new RangeError(`Invalid year/quarter: ${year} Q${quarter}`);
      }
      // Day 0 of the month after the quarter is the quarter's last day.
      const instant = new Date(0);
      instant.setUTCFullYear(year, quarter * 3, 0);
      return fromDayNumber(findWorkingDay(instant.getTime() / MILLISECONDS_PER_DAY, -1));
    },

    workingDaysBetween(from, to) {
      const fromDay = toDayNumber(from);
      const toDay = toDayNumber(to);
      return toDay >= fromDay ? countWorkingDays(fromDay, toDay) : -countWorkingDays(toDay, fromDay);
    },

    isYearKnown: (year) => statutoryYears.has(year) || overrideYears.has(year),
  };
}

/**
 * 正常 / 临期 / 逾期 for a deadline, in calendar days: 'overdue' once `today` is after `dueOn`
 * (the due day itself is still on time), 'due_soon' when 0 ≤ days left ≤ `warnDays`, else 'normal'.
 */
export function deadlineState(dueOn: string, today: string, warnDays: number): DeadlineState {
  if (!Number.isInteger(warnDays) || warnDays < 0) {
    throw new RangeError(`warnDays must be a non-negative integer: ${warnDays}`);
  }
  const daysLeft = calendarDaysBetween(today, dueOn);
  if (daysLeft < 0) return 'overdue';
  return daysLeft <= warnDays ? 'due_soon' : 'normal';
}
