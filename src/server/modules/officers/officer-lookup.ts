import type { Db } from '../../db/database.ts';
import type { Org } from '../../db/schema.ts';
import { type Actor, assertCan, isInScope } from '../../lib/access.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { findOfficerById, findOrgsOnPaths, type OfficerWithOrg } from './archive/officers.repository.ts';

/**
 * Officer lookups that the officer, certificate, training and work-log services share: kept apart
 * from officers.service.ts so that those services do not import each other in a circle.
 */

const UNIT_KINDS: readonly Org['kind'][] = [
  'agency',
  'township',
  'justice_bureau',
  'government',
  'leading_group',
];

/** The unit (agency, township …) an org belongs to: the nearest unit on its path, itself included. */
export function unitNameFor(path: string, orgsById: ReadonlyMap<number, Org>): string {
  const ids = path.split('/').filter(Boolean).map(Number).reverse();
  for (const id of ids) {
    const org = orgsById.get(id);
    if (org && UNIT_KINDS.includes(org.kind)) return org.name;
  }
  return '';
}

export async function loadUnitNames(db: Db, paths: readonly string[]): Promise<(path: string) => string> {
  const orgs = new Map((await findOrgsOnPaths(db, paths)).map((org) => [org.id, org]));
  return (path) => unitNameFor(path, orgs);
}

/** The reader's visibility: their scope subtrees plus the profile linked to their own account. */
export function visibilityOf(actor: Actor) {
  return { scopePaths: actor.scopePaths, ownUserId: actor.id };
}

/** An officer the actor may read (scope, or their own linked profile), else NOT_FOUND. */
export async function getOfficerForRead(db: Db, actor: Actor, id: number): Promise<OfficerWithOrg> {
  assertCan(actor, 'officer.read');
  const officer = await findOfficerById(db, id);
  if (!officer || !(isInScope(actor, officer.org_path) || officer.user_id === actor.id))
    throw notFound('执法人员');
  return officer;
}

/** An officer in the actor's scope whom the actor may change, else NOT_FOUND / FORBIDDEN. */
export async function getOfficerForWrite(db: Db, actor: Actor, id: number): Promise<OfficerWithOrg> {
  const officer = await getOfficerForRead(db, actor, id);
  assertCan(actor, 'officer.write');
  if (!isInScope(actor, officer.org_path)) throw forbidden();
  return officer;
}
