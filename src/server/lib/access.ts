import { can, type Permission, type Role } from '../../common/permissions.ts';
import type { OrgKind } from '../db/schema.ts';
import { forbidden } from './errors.ts';

export { can, PERMISSIONS, type Permission } from '../../common/permissions.ts';

/** Who is acting: the signed-in account, resolved once per request. */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  orgId: number;
  roles: Role[];
  /**
   * Organisation path prefixes ('/1/4/') whose subtrees the actor may read; empty = only rows that
   * are the actor's own (officers, reviewers).
   */
  scopePaths: string[];
  ip?: string | undefined;
  /** Signed in with a password that must be changed first (reset, first admin): see app.ts. */
  mustChangePassword?: boolean;
}

/** Throws FORBIDDEN unless one of the actor's roles grants the permission. */
export function assertCan(actor: Pick<Actor, 'roles'>, permission: Permission): void {
  if (!can(actor, permission)) throw forbidden();
}

/** An ancestor of the actor's organisation, root first, ending with the organisation itself. */
export interface AncestorOrg {
  path: string;
  kind: OrgKind;
}

const UNIT_KINDS: readonly OrgKind[] = [
  'government',
  'justice_bureau',
  'agency',
  'township',
  'justice_office',
  'leading_group',
];
/** Units whose leaders look after the whole county rather than one agency. */
const COUNTY_LEVEL_UNITS: readonly OrgKind[] = ['government', 'justice_bureau', 'leading_group'];

function nearest(ancestry: readonly AncestorOrg[], kinds: readonly OrgKind[]): AncestorOrg | undefined {
  return ancestry.findLast((org) => kinds.includes(org.kind));
}

/**
 * The subtrees a role may read (DESIGN.md "Who uses it"): admins and supervisors the county; an
 * agency's legal officers, assessors and leaders their unit (bureau-level leaders the county);
 * a justice office its township; officers and reviewers none beyond their own rows.
 */
export function scopeRootFor(role: Role, ancestry: readonly AncestorOrg[]): string | null {
  const county = nearest(ancestry, ['government']) ?? ancestry[0];
  const unit = nearest(ancestry, UNIT_KINDS) ?? county;
  switch (role) {
    case 'admin':
    case 'supervisor':
      return county?.path ?? null;
    case 'leader':
      return (unit && COUNTY_LEVEL_UNITS.includes(unit.kind) ? county : unit)?.path ?? null;
    case 'legal_officer':
    case 'assessor':
      return unit?.path ?? null;
    case 'justice_office':
      return (nearest(ancestry, ['township']) ?? unit)?.path ?? null;
    case 'officer':
    case 'reviewer':
      return null;
  }
}

/** The union of the roles' scopes, without a path already covered by a wider one. */
export function resolveScopePaths(roles: readonly Role[], ancestry: readonly AncestorOrg[]): string[] {
  const roots = [
    ...new Set(roles.map((role) => scopeRootFor(role, ancestry)).filter((path) => path !== null)),
  ];
  return roots.filter((path) => !roots.some((other) => other !== path && path.startsWith(other))).sort();
}

export function isInScope(actor: Pick<Actor, 'scopePaths'>, orgPath: string): boolean {
  return actor.scopePaths.some((prefix) => orgPath.startsWith(prefix));
}
