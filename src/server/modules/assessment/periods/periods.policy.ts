/**
 * Pure period rules: which organisations may be subjects of a scheme, and the self-assessment
 * deadline (seed 004 第三章第一条1: 于当季最后一个工作日 … 报职能考核科室).
 */
import type { WorkCalendar } from '../../../../common/calendar.ts';
import type { PeriodKey } from '../../../../common/format.ts';
import type { SchemeFile } from '../../../../engine/index.ts';
import type { OrgKind } from '../../../db/schema.ts';

/** Organisation kinds that may be assessed under each scheme subject kind (officers are officers). */
export const ORG_KINDS_BY_SUBJECT_KIND: Readonly<Record<string, readonly OrgKind[]>> = {
  section: ['section', 'legal_unit'],
  agency: ['agency'],
  township: ['township'],
  unit: ['agency', 'township', 'justice_bureau', 'justice_office', 'government'],
};

/** Appeal window and decision time in working days (seed 004 第四章第三条: 3 and 3). */
export const DEFAULT_APPEAL_DAYS = 3;
export const DEFAULT_DECISION_DAYS = 3;

function lastMonthOf(period: PeriodKey): { year: number; month: number } {
  switch (period.kind) {
    case 'year':
      return { year: period.year, month: 12 };
    case 'half':
      return { year: period.year, month: period.half === 1 ? 6 : 12 };
    case 'quarter':
      return { year: period.year, month: period.quarter * 3 };
    case 'month':
      return { year: period.year, month: period.month };
  }
}

/**
 * The self-assessment deadline: the scheme's `selfAssessment.due` (MM-DD in the period's last
 * year) when it sets one, else the last working day of the period on the statutory calendar.
 */
export function selfAssessmentDue(scheme: SchemeFile, period: PeriodKey, calendar: WorkCalendar): string {
  const { year, month } = lastMonthOf(period);
  const due = scheme.selfAssessment?.due;
  if (due && /^\d{2}-\d{2}$/.test(due)) return `${year}-${due}`;
  if (month % 3 === 0) return calendar.lastWorkingDayOfQuarter(year, month / 3);
  // a month period: step back from the month's last day to a working day
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  for (let day = days; day >= 1; day--) {
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (calendar.isWorkingDay(date)) return date;
  }
  return `${year}-${String(month).padStart(2, '0')}-${String(days).padStart(2, '0')}`;
}
