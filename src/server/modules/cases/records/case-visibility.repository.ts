/**
 * Which cases a reader sees, resolved once per request into org ids and the handler branch, and
 * its SQL form (visibleCases) that every query over enforcement_case applies.
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { Database } from '../../../db/schema.ts';

/** Who may see a case: an org subtree in scope, or a case the reader's own officer profile handles. */
export interface CaseVisibility {
  scopePaths: string[];
  ownUserId: number;
}

type CaseEb = ExpressionBuilder<Database, 'enforcement_case'>;

/**
 * The visibility rule resolved before the list query, so that query is a plain condition on
 * enforcement_case that an index serves: the scope as literal org ids (the planner sees how many
 * cases they hold and uses enforcement_case_org_filed_idx), and the cases the reader handles as
 * their own branch, added only when some of them lie outside the scope (an `OR` with the handler
 * subquery kept PostgreSQL from the org index for every reader, docs/cases.md).
 */
export interface ResolvedCaseVisibility {
  /** org ids of the scope subtrees, narrowed to the agency filter when there is one */
  orgIds: number[];
  /** the reader's officer profiles, when some case they handle lies outside orgIds; [] = none */
  handlerOfficerIds: number[];
  /** the agency filter's org ids, which also narrow the handler branch; undefined = no filter */
  agencyOrgIds?: number[] | undefined;
}

/** Ids of the orgs under any of the path prefixes. */
export async function findOrgIdsUnder(db: Db, paths: readonly string[]): Promise<number[]> {
  if (paths.length === 0) return [];
  const rows = await db
    .selectFrom('org')
    .select('id')
    .where((eb) => eb.or(paths.map((path) => eb('path', 'like', `${path}%`))))
    .execute();
  return rows.map((row) => row.id);
}

/** `IN ()` is not SQL: an empty id list becomes one that matches nothing. */
const orNone = (ids: readonly number[]) => (ids.length > 0 ? ids : [0]);

/** The cases the officer profiles handle (case_handler_officer_idx). */
export const handledBy = (eb: CaseEb, officerIds: readonly number[]) =>
  eb(
    'enforcement_case.id',
    'in',
    eb
      .selectFrom('case_handler')
      .select('case_handler.case_id')
      .where('case_handler.officer_id', 'in', officerIds),
  );

/**
 * Resolves the reader's visibility (and the agency filter, given as its subtree's paths) into org ids
 * and the handler branch; two small queries, then every list, count and report reuses the result.
 */
export async function resolveCaseVisibility(
  db: Db,
  visibility: CaseVisibility,
  agencyPath?: string,
): Promise<ResolvedCaseVisibility> {
  const [scopeIds, agencyIds, ownOfficers] = await Promise.all([
    findOrgIdsUnder(db, visibility.scopePaths),
    agencyPath ? findOrgIdsUnder(db, [agencyPath]) : undefined,
    db.selectFrom('officer').select('id').where('user_id', '=', visibility.ownUserId).execute(),
  ]);
  const agencySet = agencyIds && new Set(agencyIds);
  const orgIds = agencySet ? scopeIds.filter((id) => agencySet.has(id)) : scopeIds;
  const ownOfficerIds = ownOfficers.map((officer) => officer.id);
  if (ownOfficerIds.length === 0) return { orgIds, handlerOfficerIds: [], agencyOrgIds: agencyIds };
  // Does any case the reader handles (within the agency filter) lie outside the scope? Usually not
  // (a legal officer linked to a profile handles cases of their own unit), and then the list is a
  // pure org condition.
  let outside = db
    .selectFrom('case_handler')
    .innerJoin('enforcement_case', 'enforcement_case.id', 'case_handler.case_id')
    .select('case_handler.case_id')
    .where('case_handler.officer_id', 'in', ownOfficerIds);
  if (orgIds.length > 0) outside = outside.where('enforcement_case.org_id', 'not in', orgIds);
  if (agencyIds) outside = outside.where('enforcement_case.org_id', 'in', orNone(agencyIds));
  const hasOutside = (await outside.limit(1).executeTakeFirst()) !== undefined;
  return { orgIds, handlerOfficerIds: hasOutside ? ownOfficerIds : [], agencyOrgIds: agencyIds };
}

/** The SQL form of a resolved visibility (and agency filter), for every query over enforcement_case. */
export function visibleCases(resolved: ResolvedCaseVisibility) {
  return (eb: CaseEb): Expression<SqlBool> => {
    const branches: Expression<SqlBool>[] = [];
    if (resolved.orgIds.length > 0) branches.push(eb('enforcement_case.org_id', 'in', resolved.orgIds));
    if (resolved.handlerOfficerIds.length > 0) {
      const handled = handledBy(eb, resolved.handlerOfficerIds);
      const { agencyOrgIds } = resolved;
      branches.push(
        agencyOrgIds ? eb.and([handled, eb('enforcement_case.org_id', 'in', orNone(agencyOrgIds))]) : handled,
      );
    }
    return branches.length > 0 ? eb.or(branches) : eb.lit(false);
  };
}
