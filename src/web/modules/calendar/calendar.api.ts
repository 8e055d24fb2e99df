import { api } from '../../app/api-client.ts';

export const CALENDAR_KEY = 'calendar';

/** A local adjustment on top of the statutory calendar. */
export interface CalendarOverride {
  /** YYYY-MM-DD */
  day: string;
  isWorkingDay: boolean;
  note: string | null;
}

export interface WorkingDayAnswer {
  date: string;
  isWorkingDay: boolean;
  /** `add` working days after `date`. */
  dueOn: string;
  /** false when neither the statutory table nor an override covers the year (weekends only). */
  isYearKnown: boolean;
}

export function findOverrides(year: number): Promise<CalendarOverride[]> {
  return api.get<CalendarOverride[]>('/calendar/overrides', { year });
}

export function setOverride(
  day: string,
  body: { isWorkingDay: boolean; note: string | null },
): Promise<CalendarOverride> {
  return api.put<CalendarOverride>(`/calendar/overrides/${day}`, body);
}

export function removeOverride(day: string): Promise<void> {
  return api.delete(`/calendar/overrides/${day}`);
}

export function getWorkingDay(date: string, add: number): Promise<WorkingDayAnswer> {
  return api.get<WorkingDayAnswer>('/calendar/working-day', { date, add });
}
