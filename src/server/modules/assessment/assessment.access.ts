/**
 * Who may see and change what in an assessment period. A period belongs to the county (the root
 * of the organisation tree) that opened it: only accounts inside that county ever see it; inside
 * it, managers see everything, assessors their groups, raters their sheets, subjects their own.
 */
import type { Db } from '../../db/database.ts';
import type { AssessmentPeriod } from '../../db/schema.ts';
import { type Actor, can, isInScope } from '../../lib/access.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import {
  findOrgPathOf,
  findPeriodRow,
  findSubjectRows,
  type PeriodRow,
  type SubjectRow,
} from './assessment.repository.ts';

export type { PeriodRow, SubjectRow };

export const PERIOD_STATUS_LABELS = {
  open: '进行中',
  computed: '已计分',
  published: '公示中',
  finalised: '已定档',
} as const;

/** The actor's organisation path ('/1/4/9/'). */
export function findActorOrgPath(db: Db, actor: Pick<Actor, 'orgId'>): Promise<string> {
  return findOrgPathOf(db, actor.orgId);
}

/** The id of the tree root (county) an organisation path belongs to. */
export function countyIdOf(path: string): number {
  return Number(path.split('/').filter(Boolean)[0]);
}

/** The period if the actor's county owns it; NOT_FOUND otherwise (another county's ids are not confirmed). */
export async function getPeriodForActor(db: Db, actor: Actor, periodId: number): Promise<PeriodRow> {
  const row = await findPeriodRow(db, periodId);
  if (!row) throw notFound('考核周期');
  const actorPath = await findActorOrgPath(db, actor);
  if (!isPeriodVisible(actor, actorPath, row.org_path)) throw notFound('考核周期');
  return row;
}

/**
 * Whether a period is the actor's to see: the county's periods for everyone in the county; an
 * agency's periods for those inside the agency and those whose scope covers it (the bureau).
 */
export function isPeriodVisible(actor: Pick<Actor, 'scopePaths'>, actorPath: string, periodOrgPath: string) {
  return actorPath.startsWith(periodOrgPath) || isInScope(actor, periodOrgPath);
}

/** Whether a period was opened by an agency for its own officers, not by the county's bureau. */
export const isAgencyPeriod = (period: { org_id: number; org_path: string }) =>
  countyIdOf(period.org_path) !== period.org_id;

/**
 * Whether the actor runs the period: the bureau's managers (assessment.manage) any period of the
 * county; an agency's legal unit and leaders (assessment.run_own) the periods their agency opened,
 * within their scope (平时考核制度第十条: 由各行政执法单位组织实施，按照各自的干部管理权限).
 */
export function managesPeriod(actor: Actor, period: { org_id: number; org_path: string }): boolean {
  if (can(actor, 'assessment.manage')) return true;
  return can(actor, 'assessment.run_own') && isAgencyPeriod(period) && isInScope(actor, period.org_path);
}

/** FORBIDDEN unless the actor runs the period. */
export function assertManagesPeriod(actor: Actor, period: { org_id: number; org_path: string }): void {
  if (!managesPeriod(actor, period)) throw forbidden();
}

/** FORBIDDEN unless the actor records in the period (assessors in their groups, or those who run it). */
export function assertRecordsIn(actor: Actor, period: { org_id: number; org_path: string }): void {
  if (!can(actor, 'assessment.record') && !managesPeriod(actor, period)) throw forbidden();
}

/** A finalised period is frozen: every write is refused, saying so. */
export function assertNotFinalised(period: Pick<AssessmentPeriod, 'status' | 'label'>): void {
  if (period.status === 'finalised') {
    throw new AppError('CONFLICT', `${period.label}考核结果已定档，不能再修改`, { status: period.status });
  }
}

/** Records and ratings are taken while the period is open or computed (before publication). */
export function assertRecordingOpen(period: Pick<AssessmentPeriod, 'status' | 'label'>): void {
  assertNotFinalised(period);
  if (period.status === 'published') {
    throw new AppError('CONFLICT', `${period.label}考核结果正在公示，记录只能通过申诉决定更正`, {
      status: period.status,
    });
  }
}

type PeriodScope = { org_id: number; org_path: string };

/** Whether the actor runs this period (see managesPeriod). */
export const isManager = (actor: Actor, period: PeriodScope) => managesPeriod(actor, period);

/** Managers see results once computed; everyone else in the county once published. */
export function areResultsVisible(
  actor: Actor,
  period: Pick<AssessmentPeriod, 'status'> & PeriodScope,
): boolean {
  return isManager(actor, period)
    ? period.status !== 'open'
    : period.status === 'published' || period.status === 'finalised';
}

/** Whether the actor works on every subject of a period (manages, records or rates), not only its own. */
export const seesEverySubject = (actor: Actor, period: PeriodScope) =>
  managesPeriod(actor, period) || can(actor, 'assessment.record') || can(actor, 'assessment.rate');

/**
 * Whether the actor speaks for the subject (self-assessment, appeals, own scorecard): an officer
 * subject is the officer linked to the account; an organisation subject is the account's own
 * organisation or one it belongs to, or one inside a leader's scope.
 */
export function isOwnSubject(actor: Actor, actorPath: string, subject: SubjectRow): boolean {
  if (subject.kind === 'officer') return subject.officer_user_id === actor.id;
  if (actorPath.startsWith(subject.org_path)) return true;
  return (
    actor.roles.includes('leader') && actor.scopePaths.some((prefix) => subject.org_path.startsWith(prefix))
  );
}

/** isOwnSubject's inputs for the SQL form (subjects.repository.ts ownSubjectCondition). */
export function ownSubjectOf(actor: Actor, actorPath: string) {
  return {
    userId: actor.id,
    orgPath: actorPath,
    leaderScopes: actor.roles.includes('leader') ? actor.scopePaths : [],
  };
}

/** The subject if the actor may act for it; FORBIDDEN otherwise. */
export async function getOwnSubject(db: Db, actor: Actor, period: PeriodRow, subjectKey: string) {
  const [subject] = await findSubjectRows(db, period.id, [subjectKey]);
  if (!subject) throw notFound('考核对象');
  const actorPath = await findActorOrgPath(db, actor);
  if (!isManager(actor, period) && !isOwnSubject(actor, actorPath, subject)) {
    throw new AppError('FORBIDDEN', '只能为本人或本单位（科室）办理');
  }
  return subject;
}
