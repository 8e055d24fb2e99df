/**
 * Who may do what in supervision, and which rows each reader sees, as TS predicates; their SQL twins,
 * the conditions the repositories put on every query, are in supervision.repository.ts
 * (supervision.scope.test.ts checks they agree).
 *
 * A matter is seen by whoever's scope covers the organisation that runs it (the bureau: supervisors,
 * bureau leaders) or one of the units it supervises (that unit's legal officers and leaders; a
 * justice office for the units of its township).
 */
import type { OrgKind } from '../../db/schema.ts';
import { type Actor, can, isInScope } from '../../lib/access.ts';

/** Organisations a matter may supervise: agencies, townships and their enforcement sections. */
export const SUPERVISED_UNIT_KINDS: readonly OrgKind[] = ['agency', 'township', 'section'];

/** Paths of a matter as the policy sees them. */
export interface MatterPaths {
  ownerPath: string;
  unitPaths: readonly string[];
}

/** Whether the actor reads the matter (TS twin of supervision.repository.ts visibleMatters). */
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

/**
 * Whether the actor reads a record addressed to one unit under a matter (a report request, a
 * notice): the matter runs in their scope, or the unit is in it (TS twin of supervision.repository.ts
 * addressedInScope).
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
