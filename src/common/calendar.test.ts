import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  calendarDaysBetween,
  createWorkCalendar,
  dayOfWeek,
  deadlineState,
  hasStatutoryData,
  isIsoDate,
  STATUTORY_YEAR_RANGE,
} from './calendar.ts';

const calendar = createWorkCalendar();

describe('isWorkingDay on the statutory calendar', () => {
  // Facts checked against the State Council notices and chinese-days 1.5.7's table.
  it.each([
    // 2024 Spring Festival: Feb 10–17 off; Sun Feb 4 and Sun Feb 18 are makeup workdays.
    ['2024-02-04', true, 'Sun makeup workday'],
    ['2024-02-09', true, 'Fri before the holiday (除夕 is not a holiday in 2024)'],
    ['2024-02-10', false, 'Spring Festival starts'],
    ['2024-02-12', false, 'Mon inside the holiday'],
    ['2024-02-17', false, 'Spring Festival ends'],
    ['2024-02-18', true, 'Sun makeup workday'],
    // 2024 National Day: Oct 1–7 off; Sun Sep 29 and Sat Oct 12 are makeup workdays.
    ['2024-09-28', false, 'ordinary Saturday'],
    ['2024-09-29', true, 'Sun makeup workday'],
    ['2024-09-30', true, 'Monday'],
    ['2024-10-01', false, 'National Day'],
    ['2024-10-07', false, 'last day off'],
    ['2024-10-08', true, 'first day back'],
    ['2024-10-12', true, 'Sat makeup workday'],
    ['2024-10-13', false, 'ordinary Sunday'],
    // 2025 Spring Festival: Jan 28–Feb 4 off; Sun Jan 26 and Sat Feb 8 are makeup workdays.
    ['2025-01-26', true, 'Sun makeup workday'],
    ['2025-01-27', true, 'Monday'],
    ['2025-01-28', false, '除夕, first day off'],
    ['2025-02-04', false, 'last day off'],
    ['2025-02-05', true, 'first day back'],
    ['2025-02-08', true, 'Sat makeup workday'],
    // 2025 National Day + Mid-Autumn: Oct 1–8 off; Sun Sep 28 and Sat Oct 11 are makeup workdays.
    ['2025-09-28', true, 'Sun makeup workday'],
    ['2025-10-01', false, 'National Day'],
    ['2025-10-06', false, 'Mid-Autumn inside the holiday'],
    ['2025-10-08', false, 'last day off'],
    ['2025-10-09', true, 'first day back'],
    ['2025-10-11', true, 'Sat makeup workday'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });
});

describe('years outside the statutory data', () => {
  it('knows 2004 through at least 2026', () => {
    expect(STATUTORY_YEAR_RANGE.first).toBe(2004);
    expect(STATUTORY_YEAR_RANGE.last).toBeGreaterThanOrEqual(2026);
    expect(hasStatutoryData(2025)).toBe(true);
    expect(hasStatutoryData(2003)).toBe(false);
  });

  const unknownYear = STATUTORY_YEAR_RANGE.last + 1;
  it.each([
    [`${unknownYear}-01-01`, dayOfWeek(`${unknownYear}-01-01`) % 6 !== 0],
    ['2003-10-01', true], // a Wednesday; the 2003 holiday is unknown to the package
    ['2003-10-04', false], // Saturday
  ])('%s falls back to weekends only → %s', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });

  it('reports a year as known only with statutory data or overrides', () => {
    expect(calendar.isYearKnown(2025)).toBe(true);
    expect(calendar.isYearKnown(unknownYear)).toBe(false);
    const withOverride = createWorkCalendar([{ date: `${unknownYear}-01-01`, isWorkingDay: false }]);
    expect(withOverride.isYearKnown(unknownYear)).toBe(true);
  });
});

describe('overrides', () => {
  const overridden = createWorkCalendar([
    { date: '2024-10-08', isWorkingDay: false }, // a local extra day off
    { date: '2024-10-13', isWorkingDay: true }, // an extra Sunday shift
    { date: '2030-01-01', isWorkingDay: false }, // a year the package does not know
    { date: '2030-01-05', isWorkingDay: true }, // Saturday makeup workday in that year
    { date: '2024-02-04', isWorkingDay: true },
    { date: '2024-02-04', isWorkingDay: false }, // later entry for the same date wins
  ]);

  it.each([
    ['2024-10-08', false],
    ['2024-10-13', true],
    ['2030-01-01', false],
    ['2030-01-02', true],
    ['2030-01-05', true],
    ['2030-01-06', false],
    ['2024-02-04', false],
    ['2024-10-01', false], // untouched statutory holiday
  ])('%s → %s', (date, expected) => {
    expect(overridden.isWorkingDay(date)).toBe(expected);
  });

  it('shifts addWorkingDays', () => {
    expect(calendar.addWorkingDays('2024-09-30', 1)).toBe('2024-10-08');
    expect(overridden.addWorkingDays('2024-09-30', 1)).toBe('2024-10-09');
  });

  it('rejects an invalid override date', () => {
    expect(() => createWorkCalendar([{ date: '2024-02-30', isWorkingDay: true }])).toThrow(RangeError);
  });

  it('gives up on a year without working days instead of looping', () => {
    const allOff = Array.from({ length: 400 }, (_, index) => ({
      date: addCalendarDays('2030-01-01', index),
      isWorkingDay: false,
    }));
    expect(() => createWorkCalendar(allOff).addWorkingDays('2030-01-01', 1)).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2024-09-27', 0, '2024-09-27'], // count 0 returns the date itself
    ['2024-09-28', 0, '2024-09-28'], // even when it is a rest day
    ['2024-09-27', 1, '2024-09-29'], // Fri → makeup Sunday
    ['2024-09-27', 2, '2024-09-30'],
    ['2024-09-27', 3, '2024-10-08'], // jumps the National Day week
    ['2024-09-30', 3, '2024-10-10'], // appeal within 3 working days of publication on Sep 30
    ['2024-10-10', 2, '2024-10-12'], // Thu → Fri → makeup Saturday
    ['2024-02-08', 3, '2024-02-19'], // Thu; Fri Feb 9, Sun Feb 18, Mon Feb 19
    ['2025-01-24', 2, '2025-01-27'], // Fri → Sun Jan 26 (makeup) → Mon Jan 27
    ['2025-01-27', 1, '2025-02-05'],
    ['2025-09-26', 5, '2025-10-10'], // Sep 28, 29, 30, Oct 9, Oct 10
    ['2025-12-31', 1, '2026-01-04'], // 2026 New Year Jan 1–3 off, Sun Jan 4 makeup
  ])('addWorkingDays(%s, %i) → %s', (date, count, expected) => {
    expect(calendar.addWorkingDays(date, count)).toBe(expected);
    expect(calendar.workingDaysBetween(date, expected)).toBe(count);
  });

  it.each([-1, 1.5, Number.NaN])('rejects count %s', (count) => {
    expect(() => calendar.addWorkingDays('2024-01-01', count)).toThrow(RangeError);
  });

  it.each(['2024-13-01', '2024-1-1', '', '2023-02-29'])('rejects date %j', (date) => {
    expect(() => calendar.addWorkingDays(date, 1)).toThrow(RangeError);
    expect(() => calendar.isWorkingDay(date)).toThrow(RangeError);
  });
});

describe('nextWorkingDayOnOrAfter', () => {
  it.each([
    ['2024-10-08', '2024-10-08'],
    ['2024-10-01', '2024-10-08'],
    ['2024-10-13', '2024-10-14'],
  ])('%s → %s', (date, expected) => {
    expect(calendar.nextWorkingDayOnOrAfter(date)).toBe(expected);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2024-09-30', '2024-09-30', 0],
    ['2024-09-30', '2024-10-07', 0],
    ['2024-09-30', '2024-10-12', 5],
    ['2024-10-12', '2024-09-30', -5],
    ['2024-01-01', '2024-12-31', 251], // 2024 had 251 working days (366 − 115 rest days); Jan 1 was a holiday
  ])('(%s, %s] → %i', (from, to, expected) => {
    expect(calendar.workingDaysBetween(from, to)).toBe(expected);
  });
});

describe('lastWorkingDayOfQuarter', () => {
  it.each([
    [2024, 1, '2024-03-29'], // Mar 30–31 weekend
    [2024, 2, '2024-06-28'], // Jun 29–30 weekend
    [2024, 3, '2024-09-30'], // Monday
    [2024, 4, '2024-12-31'],
    [2025, 3, '2025-09-30'],
    [2025, 4, '2025-12-31'],
    [2030, 4, '2030-12-31'], // unknown year: Tuesday
  ])('%i Q%i → %s', (year, quarter, expected) => {
    expect(calendar.lastWorkingDayOfQuarter(year, quarter)).toBe(expected);
  });

  it('honours overrides', () => {
    const overridden = createWorkCalendar([{ date: '2030-12-31', isWorkingDay: false }]);
    expect(overridden.lastWorkingDayOfQuarter(2030, 4)).toBe('2030-12-30');
  });

  it.each([0, 5, 2.5])('rejects quarter %s', (quarter) => {
    expect(() => calendar.lastWorkingDayOfQuarter(2024, quarter)).toThrow(RangeError);
  });
});

describe('deadlineState', () => {
  it.each([
    ['2024-10-10', '2024-10-01', 3, 'normal'],
    ['2024-10-10', '2024-10-06', 3, 'normal'],
    ['2024-10-10', '2024-10-07', 3, 'due_soon'], // exactly warnDays left
    ['2024-10-10', '2024-10-09', 3, 'due_soon'],
    ['2024-10-10', '2024-10-10', 3, 'due_soon'], // due today is not overdue
    ['2024-10-10', '2024-10-11', 3, 'overdue'],
    ['2024-10-10', '2025-01-01', 3, 'overdue'],
    ['2024-10-10', '2024-10-09', 0, 'normal'],
    ['2024-10-10', '2024-10-10', 0, 'due_soon'],
    ['2025-01-01', '2024-12-31', 1, 'due_soon'], // across a year boundary
  ] as const)('due %s, today %s, warn %i → %s', (dueOn, today, warnDays, expected) => {
    expect(deadlineState(dueOn, today, warnDays)).toBe(expected);
  });

  it('rejects a negative warning window', () => {
    expect(() => deadlineState('2024-10-10', '2024-10-01', -1)).toThrow(RangeError);
  });
});

describe('date helpers', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-04-31', false],
    ['0099-01-01', true],
    ['2024-2-3', false],
    ['2024-02-03T00:00:00Z', false],
    [' 2024-02-03', false],
  ])('isIsoDate(%j) → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-10-01', 30, '2024-10-31'],
  ])('addCalendarDays(%s, %i) → %s', (date, days, expected) => {
    expect(addCalendarDays(date, days)).toBe(expected);
    expect(calendarDaysBetween(date, expected)).toBe(days);
  });

  it.each([
    ['1970-01-01', 4],
    ['2024-09-29', 0],
    ['2024-10-12', 6],
    ['1969-12-31', 3],
  ])('dayOfWeek(%s) → %i', (date, expected) => {
    expect(dayOfWeek(date)).toBe(expected);
  });
});
