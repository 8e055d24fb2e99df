/**
 * Who may do what with training plans and sessions (seed 001 培训制度第四条: 培训工作由各执法单位组织实施),
 * and which rows each account sees (DESIGN.md: role × organisation subtree). A plan or session
 * belongs to its organiser's organisation. An account reads those in its scope and those of its own
 * organisation's ancestors (the bureau's county training is announced to every unit); it manages
 * (edits, adds attendees, finishes) only those in its scope with `training.manage`. The same rule as
 * a TS predicate and as the SQL condition the repositories use (training.policy.test.ts).
 */
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { TrainingOrganiserKind } from '../../../common/training.ts';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, assertCan, can, isInScope } from '../../lib/access.ts';
import { notFound } from '../../lib/errors.ts';
import { findAncestry, findOrgById } from '../org/org.repository.ts';

/** What the training procedures need to know about the signed-in account, resolved once per request. */
export interface TrainingActor {
  actor: Actor;
  /** the path of the account's own organisation (its ancestors' plans and sessions are read too) */
  ownOrgPath: string;
}

export async function resolveTrainingActor(db: Db, actor: Actor): Promise<TrainingActor> {
  assertCan(actor, 'training.read');
  const org = await findOrgById(db, actor.orgId);
  if (!org) throw notFound('账号所属单位');
  return { actor, ownOrgPath: org.path };
}

/** Whether the account reads a plan or session of the organisation at `orgPath`. */
export function canReadTrainingOf(ctx: TrainingActor, orgPath: string): boolean {
  return isInScope(ctx.actor, orgPath) || ctx.ownOrgPath.startsWith(orgPath);
}

/** Whether the account runs plans and sessions of the organisation at `orgPath`. */
export function canManageTrainingOf(ctx: TrainingActor, orgPath: string): boolean {
  return can(ctx.actor, 'training.manage') && isInScope(ctx.actor, orgPath);
}

/** The SQL form of {@link canReadTrainingOf} over an `org` alias. */
export function readableTrainingOrgs(ctx: TrainingActor) {
  return (eb: ExpressionBuilder<Database, 'org'>): Expression<SqlBool> =>
    eb.or([
      ...ctx.actor.scopePaths.map((prefix) => eb('org.path', 'like', `${prefix}%`)),
      sql<SqlBool>`${ctx.ownOrgPath} like org.path || '%'`,
    ]);
}

/** Whether the organiser is the county justice bureau (第七条(一): 县司法局举办的业务培训). */
export async function organiserKindOf(db: Db, orgPath: string): Promise<TrainingOrganiserKind> {
  const ancestry = await findAncestry(db, { path: orgPath });
  return ancestry.some((org) => org.kind === 'justice_bureau') ? 'bureau' : 'unit';
}
