/**
 * Where each cockpit figure leads (issue 17: every figure opens the filtered list behind it): pure,
 * from the figure and the cockpit's period and organisation, to a path with the list's own query
 * parameters (cases-url.ts, the training and officer pages, the notices and dispute lists, the period board).
 */
import type { NoticeSituation } from '../../../common/supervision.ts';
import type { CockpitData } from './workbench.api.ts';

type Scope = Pick<CockpitData, 'period' | 'org'>;

function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** The last day of a month 'YYYY-MM'. */
export function lastDayOf(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** Cases filed in one month (or the whole period when month is undefined), of one kind if given. */
export function casesFiledLink(scope: Scope, kind: string | undefined, month?: string): string {
  return withQuery('/cases', {
    orgId: scope.org.id,
    kind,
    filedFrom: month ? `${month}-01` : scope.period.from,
    filedTo: month ? lastDayOf(month) : scope.period.to,
  });
}

export type RecordOutcome = 'onTime' | 'late' | 'overdue' | 'dueSoon' | 'normal';

/** Cases closed in the period by their record's outcome (按时/逾期报送, or not yet handed in by state). */
export function recordsLink(scope: Scope, outcome: RecordOutcome): string {
  const closed = { orgId: scope.org.id, closedFrom: scope.period.from, closedTo: scope.period.to };
  switch (outcome) {
    case 'onTime':
      return withQuery('/cases', { ...closed, recordTiming: 'on_time' });
    case 'late':
      return withQuery('/cases', { ...closed, recordTiming: 'late' });
    case 'overdue':
      return withQuery('/cases', { ...closed, state: 'overdue' });
    case 'dueSoon':
      return withQuery('/cases', { ...closed, state: 'due_soon' });
    case 'normal':
      return withQuery('/cases', { ...closed, state: 'normal' });
  }
}

/** Handed-in records of cases closed in the period with this quality grade. */
export function qualityLink(scope: Scope, grade: string): string {
  return withQuery('/cases', {
    orgId: scope.org.id,
    closedFrom: scope.period.from,
    closedTo: scope.period.to,
    state: 'submitted',
    qualityGrade: grade,
  });
}

export const officersLink = (orgId: number) => withQuery('/officers', { orgId });
export const trainingLink = (scope: Scope, orgId: number) =>
  withQuery('/training-compliance', { orgId, year: scope.period.year });
/**
 * Supervision notices to the cockpit's organisation issued in its period that the figure counts:
 * open (在办) or overdue, by the one definition in common/supervision.ts the server counts with.
 */
export const noticesLink = (scope: Scope, situation: NoticeSituation) =>
  withQuery('/supervision/notices', {
    orgId: scope.org.id,
    issuedFrom: scope.period.from,
    issuedTo: scope.period.to,
    situation,
  });
export const disputesLink = (status?: string) => withQuery('/coordination/disputes', { status });
export const assessmentPeriodLink = (periodId: number) => `/assessment/periods/${periodId}`;
