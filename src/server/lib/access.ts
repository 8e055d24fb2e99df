import type { OrgKind, Role } from '../db/schema.ts';
import { forbidden } from './errors.ts';

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
}

/** What each permission needs, as data: any one of the listed roles. */
export const PERMISSIONS = {
  'org.read': [
    'admin',
    'supervisor',
    'legal_officer',
    'officer',
    'assessor',
    'leader',
    'reviewer',
    'justice_office',
  ],
  'org.write': ['admin'],
  'user.read': ['admin', 'supervisor', 'legal_officer', 'leader'],
  'user.write': ['admin'],
  'audit.read': ['admin'],
  'calendar.write': ['admin'],
  // Officer archive (issue 4, docs/officers.md). An officer (empty scope) reads only the profile
  // linked to their account; the others read their scope subtree.
  'officer.read': ['admin', 'supervisor', 'legal_officer', 'leader', 'assessor', 'officer'],
  'officer.write': ['admin', 'legal_officer'],
  /** full phone numbers in lists and exports */
  'officer.read_personal': ['admin', 'legal_officer'],
  'certificate.warnings': ['admin', 'supervisor', 'legal_officer', 'leader'],
  'training.settings': ['admin'],
  'work_log.read': ['admin', 'legal_officer', 'leader', 'officer'],
  /** only into the officer profile linked to the writer's own account */
  'work_log.write': ['officer'],
  // Cases, complaints and case files (issue 5, docs/cases.md). Officers read and write only the
  // cases they handle (handler membership); the others read their scope subtree.
  'case.read': ['admin', 'supervisor', 'legal_officer', 'leader', 'officer'],
  'case.write': ['legal_officer', 'officer'],
  /** 案件质量分析意见 (seed 000 填表说明4: by the unit's legal unit) */
  'case.quality': ['legal_officer'],
  /** full ID numbers and phones of parties, one at a time, audited as party.view_full */
  'case.read_personal': ['legal_officer', 'supervisor'],
  'complaint.read': ['admin', 'supervisor', 'legal_officer', 'leader'],
  'complaint.write': ['supervisor', 'legal_officer'],
  'case_file.read': ['admin', 'supervisor', 'legal_officer', 'leader', 'officer'],
  'case_file.write': ['legal_officer', 'officer'],
  'case_file.archive': ['legal_officer'],
  'file_rule.write': ['admin'],
  // Assessment (issue 6, docs/assessment.md). Reading a period is for the county that owns it;
  // what each role then sees inside it (groups, sheets, own results) is narrowed in the service.
  'assessment.read': [
    'admin',
    'supervisor',
    'legal_officer',
    'officer',
    'assessor',
    'leader',
    'justice_office',
  ],
  /** schemes, periods, subjects, group owners, compute, publish, finalise */
  'assessment.manage': ['admin', 'supervisor'],
  /** deductions and bonuses; an assessor only in the item groups its section owns */
  'assessment.record': ['supervisor', 'assessor'],
  /** 班子测评: each rater sees and writes only their own sheet */
  'assessment.rate': ['leader'],
  /** self-assessment and appeals, for the subject the account belongs to */
  'assessment.self': ['officer', 'legal_officer', 'leader', 'assessor', 'justice_office'],
  /** appeal decisions (seed 004 第四章第三条: 考核工作领导小组) */
  'assessment.decide': ['supervisor'],
  /** what-if on a closed period, nothing stored */
  'assessment.what_if': ['admin', 'supervisor'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Pick<Actor, 'roles'>, permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return actor.roles.some((role) => allowed.includes(role));
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
