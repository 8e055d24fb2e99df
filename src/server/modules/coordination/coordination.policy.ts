/**
 * Who may do what in coordination, and which disputes each account sees (DESIGN.md: role ×
 * organisation subtree). A dispute belongs to its county and to every agency that is a party to
 * it: the bureau's staff (county scope) see the county's disputes, an agency's legal officer and
 * leader those its agency is a party to. The same rule as a TS predicate (for one loaded dispute)
 * and as the SQL condition the repository puts under every list (coordination.policy.test.ts checks
 * they agree).
 */
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { DisputeStatus } from '../../../common/coordination.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, can, isInScope } from '../../lib/access.ts';
import { ESCALATION_STATES, EXECUTION_STATES, MEETING_STATES } from './disputes/dispute.rules.ts';

/** The county an organisation belongs to: the root of its path ('/1/4/9/' → id 1, '/1/'). */
export function countyOf(orgPath: string): { countyOrgId: number; countyPath: string } {
  const rootId = orgPath.split('/')[1];
  if (!rootId) throw new RangeError(`Not an organisation path: ${orgPath}`);
  return { countyOrgId: Number(rootId), countyPath: `/${rootId}/` };
}

/** What the visibility rule needs to know about one dispute. */
export interface DisputeScopeFacts {
  countyPath: string;
  partyPaths: readonly string[];
}

/** Whether the actor reads the dispute: its county, or one of its parties, is in the actor's scope. */
export function canSeeDispute(actor: Pick<Actor, 'roles' | 'scopePaths'>, facts: DisputeScopeFacts): boolean {
  if (!can(actor, 'coordination.read')) return false;
  return isInScope(actor, facts.countyPath) || facts.partyPaths.some((path) => isInScope(actor, path));
}

/** Whether the actor runs the procedure for the dispute's county (the bureau's supervisors). */
export function canManageCounty(actor: Pick<Actor, 'roles' | 'scopePaths'>, countyPath: string): boolean {
  return can(actor, 'coordination.manage') && isInScope(actor, countyPath);
}

/**
 * The SQL form of {@link canSeeDispute} over `coordination_dispute`: the county root's path, or
 * a party's organisation path, starts with one of the scope paths. No scope → no rows.
 */
export function visibleDisputes(scopePaths: readonly string[]) {
  return (eb: ExpressionBuilder<Database, 'coordination_dispute'>): Expression<SqlBool> => {
    if (scopePaths.length === 0) return sql<SqlBool>`false`;
    return eb.or([
      eb.exists(
        eb
          .selectFrom('org as county_org')
          .select('county_org.id')
          .whereRef('county_org.id', '=', 'coordination_dispute.county_org_id')
          .where((inner) =>
            inner.or(scopePaths.map((prefix) => inner('county_org.path', 'like', `${prefix}%`))),
          ),
      ),
      eb.exists(
        eb
          .selectFrom('coordination_dispute_party')
          .innerJoin('org as party_org', 'party_org.id', 'coordination_dispute_party.org_id')
          .select('coordination_dispute_party.id')
          .whereRef('coordination_dispute_party.dispute_id', '=', 'coordination_dispute.id')
          .where((inner) =>
            inner.or(scopePaths.map((prefix) => inner('party_org.path', 'like', `${prefix}%`))),
          ),
      ),
    ]);
  };
}

/** One party as the abilities see it. */
export interface PartyFacts {
  orgPath: string;
  role: 'applicant' | 'respondent';
  hasAnsweredView: boolean;
  hasConfirmedExecution: boolean;
  isViewRequested: boolean;
}

/** What the buttons on a dispute may offer the actor: the server accepts exactly these. */
export interface DisputeAbilities {
  canReview: boolean;
  canAnswerView: boolean;
  canRecordMeeting: boolean;
  canDraftOpinion: boolean;
  canSignOpinion: boolean;
  canServe: boolean;
  canEscalate: boolean;
  canNameInterimLead: boolean;
  canRecordDecision: boolean;
  canConfirmExecution: boolean;
  canMarkViolation: boolean;
}

/** The abilities of `actor` on a dispute in `status` with these parties. */
export function disputeAbilities(
  actor: Pick<Actor, 'roles' | 'scopePaths'>,
  dispute: { status: DisputeStatus; countyPath: string; parties: readonly PartyFacts[] },
): DisputeAbilities {
  const manages = canManageCounty(actor, dispute.countyPath);
  const own = dispute.parties.filter((party) => isInScope(actor, party.orgPath));
  const answers = can(actor, 'coordination.answer');
  const status = dispute.status;
  return {
    canReview: manages && status === 'submitted',
    canAnswerView:
      answers &&
      status === 'consulting' &&
      own.some((party) => party.role === 'respondent' && party.isViewRequested && !party.hasAnsweredView),
    canRecordMeeting: manages && MEETING_STATES.includes(status),
    canDraftOpinion: manages && (status === 'consulting' || status === 'signing' || status === 'served'),
    canSignOpinion:
      can(actor, 'coordination.sign') && isInScope(actor, dispute.countyPath) && status === 'signing',
    canServe: manages && status === 'signing',
    canEscalate: manages && ESCALATION_STATES.includes(status),
    canNameInterimLead: manages && status === 'escalated',
    canRecordDecision: manages && (status === 'escalated' || status === 'decided'),
    canConfirmExecution:
      answers && EXECUTION_STATES.includes(status) && own.some((party) => !party.hasConfirmedExecution),
    canMarkViolation: manages && status !== 'returned',
  };
}

/**
 * A joint action is read as a dispute is: by the county's staff, and by every agency taking part.
 * The SQL form over `coordination_joint_action`.
 */
export function visibleJointActions(scopePaths: readonly string[]) {
  return (eb: ExpressionBuilder<Database, 'coordination_joint_action'>): Expression<SqlBool> => {
    if (scopePaths.length === 0) return sql<SqlBool>`false`;
    const under = (column: string) =>
      scopePaths.map((prefix) => sql<SqlBool>`${sql.ref(column)} like ${`${prefix}%`}`);
    return eb.or([
      eb.exists(
        eb
          .selectFrom('org as county_org')
          .select('county_org.id')
          .whereRef('county_org.id', '=', 'coordination_joint_action.county_org_id')
          .where((inner) => inner.or(under('county_org.path'))),
      ),
      eb.exists(
        eb
          .selectFrom('coordination_joint_participant as scope_participant')
          .innerJoin('org as participant_org', 'participant_org.id', 'scope_participant.org_id')
          .select('scope_participant.id')
          .whereRef('scope_participant.action_id', '=', 'coordination_joint_action.id')
          .where((inner) => inner.or(under('participant_org.path'))),
      ),
    ]);
  };
}

/** Whether the actor reads a record of the county that concerns these organisations. */
export function canSeeCountyRecord(
  actor: Pick<Actor, 'roles' | 'scopePaths'>,
  facts: { countyPath: string; orgPaths: readonly string[] },
): boolean {
  return canSeeDispute(actor, { countyPath: facts.countyPath, partyPaths: facts.orgPaths });
}
