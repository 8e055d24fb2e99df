/**
 * Who may do what in the unit assessment (seed 002), and which units each account sees (DESIGN.md:
 * role × organisation subtree). The office (县推进依法行政工作领导小组办公室, 一(一): the bureau's
 * supervisors and assessors) and the leading group (a leader whose scope is the county) see every
 * unit of the county; a unit's legal officer or justice office sees and adds to its own unit only.
 * The same rule as a TS predicate for one unit and as the SQL condition the repositories use.
 */
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { UnitCategory } from '../../../common/units.ts';
import type { Db } from '../../db/database.ts';
import type { Database, OrgKind } from '../../db/schema.ts';
import { type Actor, assertCan, can, isInScope } from '../../lib/access.ts';
import { notFound } from '../../lib/errors.ts';
import { findAncestry, findOrgById } from '../org/org.repository.ts';

/** Organisation kinds assessed as units (一(二): 乡镇(街道), 县直单位, 省市垂直管理单位). */
export const UNIT_ORG_KINDS: readonly OrgKind[] = ['township', 'agency'];
/** Kinds whose staff work for the whole county (the office sits in the bureau or the leading group). */
const COUNTY_LEVEL_KINDS: readonly OrgKind[] = ['government', 'justice_bureau', 'leading_group'];

/** The default category of a unit's kind; an agency may be marked 垂直管理单位 (`unit_category`). */
export function defaultCategoryOf(kind: OrgKind): UnitCategory {
  return kind === 'township' ? 'township' : 'county_department';
}

/** What the unit procedures need to know about the signed-in account. */
export interface UnitsActor {
  actor: Actor;
  countyOrgId: number;
  countyPath: string;
  /** the office: adds to every dossier, records checks, reports to the leading group */
  isOffice: boolean;
  /** a leader whose scope is the county: 审定 */
  isApprover: boolean;
  /** the subtrees whose units the account reads ([countyPath] for the office and the approver) */
  readPaths: string[];
}

/** Resolves the account once per request: its county, and whether it works for the whole county. */
export async function resolveUnitsActor(db: Db, actor: Actor): Promise<UnitsActor> {
  assertCan(actor, 'units.read');
  const org = await findOrgById(db, actor.orgId);
  if (!org) throw notFound('账号所属单位');
  const ancestry = await findAncestry(db, org);
  const county = ancestry.find((candidate) => candidate.kind === 'government') ?? ancestry[0]!;
  const countyPath = county.path;
  const nearestUnit = ancestry.findLast((candidate) =>
    [...COUNTY_LEVEL_KINDS, ...UNIT_ORG_KINDS, 'justice_office'].includes(candidate.kind),
  );
  const worksForCounty =
    isInScope(actor, countyPath) ||
    (nearestUnit !== undefined && COUNTY_LEVEL_KINDS.includes(nearestUnit.kind));
  const isOffice = can(actor, 'units.manage') && worksForCounty;
  const isApprover = can(actor, 'units.approve') && isInScope(actor, countyPath);
  const readsCounty = isOffice || isApprover || (can(actor, 'units.read') && isInScope(actor, countyPath));
  return {
    actor,
    countyOrgId: county.id,
    countyPath,
    isOffice,
    isApprover,
    readPaths: readsCounty ? [countyPath] : actor.scopePaths.filter((path) => path.startsWith(countyPath)),
  };
}

/** Whether the account reads the unit at `unitPath`. */
export function canSeeUnit(ctx: Pick<UnitsActor, 'readPaths'>, unitPath: string): boolean {
  return ctx.readPaths.some((prefix) => unitPath.startsWith(prefix));
}

/** Whether the account adds to the unit's dossier, report and plan as the unit itself. */
export function isOwnUnit(ctx: UnitsActor, unitPath: string): boolean {
  return can(ctx.actor, 'units.contribute') && isInScope(ctx.actor, unitPath);
}

/** The SQL form of {@link canSeeUnit} over an `org` alias: its path starts with a read path. */
export function visibleUnitOrgs(readPaths: readonly string[], column = 'org.path') {
  return (eb: ExpressionBuilder<Database, 'org'>): Expression<SqlBool> => {
    if (readPaths.length === 0) return sql<SqlBool>`false`;
    // biome-ignore lint/suspicious/noExplicitAny: the alias is the caller's
    return eb.or(readPaths.map((prefix) => eb(column as any, 'like', `${prefix}%`)));
  };
}

/** What the unit's page may offer the account (the server accepts exactly these). */
export interface UnitAbilities {
  canAddEntry: boolean;
  canSubmitReport: boolean;
  canRecordCheck: boolean;
}

export function unitAbilities(ctx: UnitsActor, unitPath: string): UnitAbilities {
  const own = isOwnUnit(ctx, unitPath);
  return {
    canAddEntry: ctx.isOffice || own,
    canSubmitReport: own,
    canRecordCheck: ctx.isOffice,
  };
}
