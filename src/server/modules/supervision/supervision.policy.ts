/**
 * Who may do what in supervision, and which rows each reader sees — as TS predicates and as the SQL
 * conditions the repositories put on every query (supervision.policy.test.ts checks they agree).
 *
 * A matter is seen by whoever's scope covers the organisation that runs it (the bureau: supervisors,
 * bureau leaders) or one of the units it supervises (that unit's legal officers and leaders; a
 * justice office for the units of its township).
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database, OrgKind } from '../../db/schema.ts';
import { type Actor, can, isInScope } from '../../lib/access.ts';

/** Organisations a matter may supervise: agencies, townships and their enforcement sections. */
export const SUPERVISED_UNIT_KINDS: readonly OrgKind[] = ['agency', 'township', 'section'];

/** Paths of a matter as the policy sees them. */
export interface MatterPaths {
  ownerPath: string;
  unitPaths: readonly string[];
}

/** Whether the actor reads the matter (TS twin of {@link visibleMatters}). */
export function canReadMatter(actor: Pick<Actor, 'roles' | 'scopePaths'>, matter: MatterPaths): boolean {
  if (!can(actor, 'supervision.read')) return false;
  return isInScope(actor, matter.ownerPath) || matter.unitPaths.some((path) => isInScope(actor, path));
}

/** Whether the actor runs the matter: a supervisor whose county covers the organisation that owns it. */
export function canManageMatter(actor: Pick<Actor, 'roles' | 'scopePaths'>, matter: MatterPaths): boolean {
  return can(actor, 'supervision.manage') && isInScope(actor, matter.ownerPath);
}

/** Whether the actor answers for a unit (its legal officer: reports, rectification reports). */
export function canAnswerFor(actor: Pick<Actor, 'roles' | 'scopePaths'>, unitPath: string): boolean {
  return can(actor, 'supervision.answer') && isInScope(actor, unitPath);
}

/** The SQL condition of {@link canReadMatter} for `supervision_matter` rows (no join needed). */
export function visibleMatters(scopePaths: readonly string[]) {
  return (eb: ExpressionBuilder<Database, 'supervision_matter'>): Expression<SqlBool> => {
    if (scopePaths.length === 0) return eb.lit(false);
    return eb.or([
      eb.exists(
        eb
          .selectFrom('org as owner')
          .select('owner.id')
          .whereRef('owner.id', '=', 'supervision_matter.org_id')
          .where((inner) => inner.or(scopePaths.map((prefix) => inner('owner.path', 'like', `${prefix}%`)))),
      ),
      eb.exists(
        eb
          .selectFrom('supervision_matter_unit as unit')
          .innerJoin('org as unit_org', 'unit_org.id', 'unit.org_id')
          .select('unit.org_id')
          .whereRef('unit.matter_id', '=', 'supervision_matter.id')
          .where((inner) =>
            inner.or(scopePaths.map((prefix) => inner('unit_org.path', 'like', `${prefix}%`))),
          ),
      ),
    ]);
  };
}

/**
 * Whether the actor reads a record addressed to one unit under a matter (a report request, a
 * notice): the matter runs in their scope, or the unit is in it (TS twin of {@link addressedInScope}).
 */
export function canReadAddressed(
  actor: Pick<Actor, 'roles' | 'scopePaths'>,
  record: { ownerPath: string; unitPath: string },
): boolean {
  return (
    can(actor, 'supervision.read') &&
    (isInScope(actor, record.ownerPath) || isInScope(actor, record.unitPath))
  );
}

/** The SQL of {@link canReadAddressed}: the joined `supervision_matter` and the unit's path column. */
export function addressedInScope(scopePaths: readonly string[], unitPathColumn: 'unit.path') {
  return (
    eb: ExpressionBuilder<Database & { unit: Database['org'] }, 'supervision_matter' | 'unit'>,
  ): Expression<SqlBool> => {
    if (scopePaths.length === 0) return eb.lit(false);
    return eb.or([
      ...scopePaths.map((prefix) => eb(unitPathColumn, 'like', `${prefix}%`)),
      eb.exists(
        eb
          .selectFrom('org as owner')
          .select('owner.id')
          .whereRef('owner.id', '=', 'supervision_matter.org_id')
          .where((inner) => inner.or(scopePaths.map((prefix) => inner('owner.path', 'like', `${prefix}%`)))),
      ),
    ]);
  };
}

/**
 * 第十五条: whether the actor records the county government's decision on a matter — the matter's
 * supervisor, or an account of the government's own organisation (kind 'government') whose scope
 * covers the matter.
 */
export function canRecordDecision(
  actor: Pick<Actor, 'roles' | 'scopePaths'>,
  matter: { ownerPath: string },
  actorOrgKind: OrgKind | null,
): boolean {
  if (!can(actor, 'supervision.decide')) return false;
  if (canManageMatter(actor, { ownerPath: matter.ownerPath, unitPaths: [] })) return true;
  return actorOrgKind === 'government' && isInScope(actor, matter.ownerPath);
}
