import type { Insertable } from 'kysely';
import { type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { PenaltyType } from '../../../../common/penalties.ts';
import type { Db } from '../../../db/database.ts';
import { containsPattern } from '../../../db/like.ts';
import type { CaseParty, Database, EnforcementCase, EnforcementCaseTable } from '../../../db/schema.ts';
import { RECORD_DUE_DAYS, type RecordState, type RecordTiming } from '../cases.policy.ts';

export type CaseRow = EnforcementCase & { org_name: string; org_path: string };

/** Who may see a case: an org subtree in scope, or a case the reader's own officer profile handles. */
export interface CaseVisibility {
  scopePaths: string[];
  ownUserId: number;
}

/**
 * A list's total is counted up to this many matches and shown as "10,000+" beyond it: counting every
 * match of a broad filter at 1,000,000 cases was what kept the list slow (docs/cases.md, Benchmark).
 */
export const CASE_COUNT_CAP = 10_000;

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
const handledBy = (eb: CaseEb, officerIds: readonly number[]) =>
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

export interface CaseFilter {
  /** visibility and agency filter, from resolveCaseVisibility */
  visibility: ResolvedCaseVisibility;
  keyword?: string | undefined;
  kind?: EnforcementCase['kind'] | undefined;
  filedFrom?: string | undefined;
  filedTo?: string | undefined;
  closedFrom?: string | undefined;
  closedTo?: string | undefined;
  state?: RecordState | undefined;
  qualityGrade?: EnforcementCase['quality_grade'] | undefined;
  officerId?: number | undefined;
  recordTiming?: RecordTiming | undefined;
  /** cases whose penalty types include this one */
  penaltyType?: PenaltyType | undefined;
  /** closed_on bounds for the state filter (cases.policy.ts closedOnBounds) */
  overdueBefore: string;
  lastDueSoon: string;
}

/**
 * The filter over enforcement_case alone (no join: counts never read org); the case-file list
 * builds on it.
 */
export function filteredCases(db: Db, filter: CaseFilter) {
  let query = db.selectFrom('enforcement_case').where(visibleCases(filter.visibility));
  if (filter.kind) query = query.where('enforcement_case.kind', '=', filter.kind);
  if (filter.filedFrom) query = query.where('enforcement_case.filed_on', '>=', filter.filedFrom);
  if (filter.filedTo) query = query.where('enforcement_case.filed_on', '<=', filter.filedTo);
  if (filter.closedFrom) query = query.where('enforcement_case.closed_on', '>=', filter.closedFrom);
  if (filter.closedTo) query = query.where('enforcement_case.closed_on', '<=', filter.closedTo);
  if (filter.qualityGrade) query = query.where('enforcement_case.quality_grade', '=', filter.qualityGrade);
  // LIKE, not ILIKE: Chinese has no case, and ILIKE's case folding costs ~5× on a scan. Latin
  // letters (case numbers) match as typed or upper-cased. pg_trgm's GIN index serves both.
  if (filter.keyword) {
    const patterns = [...new Set([filter.keyword, filter.keyword.toUpperCase()])].map(containsPattern);
    query = query.where((eb) =>
      eb.or(patterns.map((pattern) => eb('enforcement_case.search_text', 'like', pattern))),
    );
  }
  if (filter.officerId) {
    const officerId = filter.officerId;
    query = query.where((eb) => handledBy(eb, [officerId]));
  }
  // 按时报送: handed in on or before closing + 30 days (RECORD_DUE_DAYS, seed 000 填表说明1)
  if (filter.recordTiming) {
    const due = sql`enforcement_case.closed_on + ${sql.lit(RECORD_DUE_DAYS)}`;
    query = query
      .where('enforcement_case.record_submitted_on', 'is not', null)
      .where(
        sql<SqlBool>`enforcement_case.record_submitted_on ${sql.raw(filter.recordTiming === 'on_time' ? '<=' : '>')} ${due}`,
      );
  }
  if (filter.penaltyType)
    query = query.where(sql<SqlBool>`enforcement_case.penalty_types @> array[${filter.penaltyType}]::text[]`);
  // Same rules as recordStateOf (cases.policy.ts); cases.test.ts checks they agree.
  switch (filter.state) {
    case undefined:
      break;
    case 'submitted':
      query = query.where('enforcement_case.record_submitted_on', 'is not', null);
      break;
    case 'open':
      query = query
        .where('enforcement_case.record_submitted_on', 'is', null)
        .where('enforcement_case.closed_on', 'is', null);
      break;
    default: {
      query = query
        .where('enforcement_case.record_submitted_on', 'is', null)
        .where('enforcement_case.closed_on', 'is not', null);
      if (filter.state === 'overdue')
        query = query.where('enforcement_case.closed_on', '<', filter.overdueBefore);
      if (filter.state === 'due_soon')
        query = query
          .where('enforcement_case.closed_on', '>=', filter.overdueBefore)
          .where('enforcement_case.closed_on', '<=', filter.lastDueSoon);
      if (filter.state === 'normal')
        query = query.where('enforcement_case.closed_on', '>', filter.lastDueSoon);
    }
  }
  return query;
}

/** A count that stops at `cap` + 1 rows: `{ total: cap, isTotalCapped: true }` beyond the cap. */
export async function countCapped<TB extends keyof Database, O>(
  db: Db,
  query: SelectQueryBuilder<Database, TB, O>,
  cap: number,
): Promise<{ total: number; isTotalCapped: boolean }> {
  const row = await db
    .selectFrom(
      query
        .select(sql<number>`1`.as('one'))
        .limit(cap + 1)
        .as('capped'),
    )
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const total = Number(row.total);
  return total > cap ? { total: cap, isTotalCapped: true } : { total, isTotalCapped: false };
}

/**
 * At most this many orgs get a branch each in the page query of a large result (findPageIds);
 * beyond it the plain query runs (planning a UNION of dozens of branches costs more than it saves).
 */
const MAX_ORG_BRANCHES = 50;

/** Of these orgs, those holding at least one case (one index probe each). */
async function findOrgsHoldingCases(db: Db, orgIds: readonly number[]): Promise<number[]> {
  if (orgIds.length === 0) return [];
  const rows = await db
    .selectFrom('org')
    .select('org.id')
    .where('org.id', 'in', orgIds)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('enforcement_case')
          .select('enforcement_case.id')
          .whereRef('enforcement_case.org_id', '=', 'org.id'),
      ),
    )
    .execute();
  return rows.map((row) => row.id);
}

/**
 * The ids of one page, newest filing first. How depends on how many match (measured at 1,000,000
 * cases, docs/cases.md "Benchmark"):
 * - up to CASE_COUNT_CAP: fetch them all through the filter's best index and sort (ordering by
 *   `filed_on + 0` keeps the planner off a backward walk of the filing-date index, which it
 *   misjudges when the filter correlates with the date, e.g. the newest cases are not yet handed in);
 * - more, without a keyword: one branch per org, each walking enforcement_case_org_filed_cover_idx
 *   in filing order and stopping at the page's end, merged;
 * - more, with a keyword: the plain query (a broad keyword's rows are found at once walking back
 *   from the newest).
 */
async function findPageIds(
  db: Db,
  filter: CaseFilter,
  isTotalCapped: boolean,
  page: { offset: number; limit: number },
): Promise<number[]> {
  const { visibility } = filter;
  if (!isTotalCapped) {
    const rows = await filteredCases(db, filter)
      .select('enforcement_case.id')
      .orderBy(sql`enforcement_case.filed_on + 0`, 'desc')
      .orderBy(sql`enforcement_case.id + 0`, 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return rows.map((row) => row.id);
  }
  const orgIds =
    filter.keyword || visibility.handlerOfficerIds.length > 0
      ? undefined
      : await findOrgsHoldingCases(db, visibility.orgIds);
  if (!orgIds || orgIds.length === 0 || orgIds.length > MAX_ORG_BRANCHES) {
    const rows = await filteredCases(db, filter)
      .select('enforcement_case.id')
      .orderBy('enforcement_case.filed_on', 'desc')
      .orderBy('enforcement_case.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return rows.map((row) => row.id);
  }
  const branches = orgIds.map((orgId, index) =>
    db
      .selectFrom(
        filteredCases(db, { ...filter, visibility: { orgIds: [orgId], handlerOfficerIds: [] } })
          .select(['enforcement_case.id', 'enforcement_case.filed_on'])
          .orderBy('enforcement_case.filed_on', 'desc')
          .orderBy('enforcement_case.id', 'desc')
          .limit(page.offset + page.limit)
          .as(`branch${index}`),
      )
      .select(['id', 'filed_on']),
  );
  const merged = branches.slice(1).reduce((union, branch) => union.unionAll(branch), branches[0]!);
  const rows = await db
    .selectFrom(merged.as('branches'))
    .select('id')
    .orderBy('filed_on', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Up to CASE_COUNT_CAP + 1 matches as (id, filed_on), unordered: for a list that includes the cases
 * the reader handles, counting them and then sorting them again read the same rows twice.
 */
function findHandledMatches(db: Db, filter: CaseFilter) {
  return filteredCases(db, filter)
    .select(['enforcement_case.id', 'enforcement_case.filed_on'])
    .limit(CASE_COUNT_CAP + 1)
    .execute();
}

/** A page of cases, newest filing first, with the total counted up to CASE_COUNT_CAP. */
export async function findCases(
  db: Db,
  filter: CaseFilter & { page: number; pageSize: number },
): Promise<{ rows: CaseRow[]; total: number; isTotalCapped: boolean }> {
  const page = { offset: (filter.page - 1) * filter.pageSize, limit: filter.pageSize };
  const ownOfficerId = ownListOfficerId(filter);
  const { count, ids } =
    ownOfficerId === undefined
      ? await findMatchingPage(db, filter, page)
      : await findOwnCasesByDate(db, filter, ownOfficerId, page);
  const rows =
    ids.length === 0
      ? []
      : await selectCaseRows(
          db.selectFrom('enforcement_case').where('enforcement_case.id', 'in', ids),
        ).execute();
  return { rows, ...count };
}

/** The total (capped) and one page's ids of any filter. */
async function findMatchingPage(
  db: Db,
  filter: CaseFilter,
  page: { offset: number; limit: number },
): Promise<{ count: { total: number; isTotalCapped: boolean }; ids: number[] }> {
  const handled =
    filter.visibility.handlerOfficerIds.length > 0 ? await findHandledMatches(db, filter) : null;
  if (handled && handled.length <= CASE_COUNT_CAP) {
    // the cases one handles, usually hundreds: total and page from one pass
    const ids = handled
      .sort((left, right) => right.filed_on.localeCompare(left.filed_on) || right.id - left.id)
      .slice(page.offset, page.offset + page.limit)
      .map((row) => row.id);
    return { count: { total: handled.length, isTotalCapped: false }, ids };
  }
  const count = handled
    ? { total: CASE_COUNT_CAP, isTotalCapped: true }
    : await countCapped(db, filteredCases(db, filter), CASE_COUNT_CAP);
  const isPastEnd = page.offset >= count.total && !count.isTotalCapped;
  return { count, ids: isPastEnd ? [] : await findPageIds(db, filter, count.isTotalCapped, page) };
}

/**
 * The officer profile whose own list this is, when the list is nothing else: the reader sees only
 * the cases they handle and filters by filing date at most. Such a list comes straight from
 * case_handler_officer_filed_idx (migration 0028).
 */
function ownListOfficerId(filter: CaseFilter): number | undefined {
  const { visibility } = filter;
  const hasOtherFilter =
    filter.keyword ||
    filter.kind ||
    filter.closedFrom ||
    filter.closedTo ||
    filter.state ||
    filter.qualityGrade ||
    filter.officerId ||
    visibility.agencyOrgIds;
  if (hasOtherFilter || visibility.orgIds.length > 0 || visibility.handlerOfficerIds.length !== 1)
    return undefined;
  return visibility.handlerOfficerIds[0];
}

/** One officer's cases by filing date: the count and the page both walk the handler index. */
async function findOwnCasesByDate(
  db: Db,
  filter: CaseFilter,
  officerId: number,
  page: { offset: number; limit: number },
) {
  let query = db.selectFrom('case_handler').where('case_handler.officer_id', '=', officerId);
  if (filter.filedFrom) query = query.where('case_handler.filed_on', '>=', filter.filedFrom);
  if (filter.filedTo) query = query.where('case_handler.filed_on', '<=', filter.filedTo);
  const [count, rows] = await Promise.all([
    countCapped(db, query, CASE_COUNT_CAP),
    query
      .select('case_handler.case_id')
      .orderBy('case_handler.filed_on', 'desc')
      .orderBy('case_handler.case_id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
  ]);
  return { count, ids: rows.map((row) => row.case_id) };
}

/** Case rows with their org's name and path, newest filing first. */
function selectCaseRows(query: SelectQueryBuilder<Database, 'enforcement_case', object>) {
  return query
    .innerJoin('org', 'org.id', 'enforcement_case.org_id')
    .selectAll('enforcement_case')
    .select(['org.name as org_name', 'org.path as org_path'])
    .orderBy('enforcement_case.filed_on', 'desc')
    .orderBy('enforcement_case.id', 'desc');
}

/** Every case the filter lets through (exports), at most `limit` rows. */
export function findAllCases(db: Db, filter: CaseFilter, limit: number): Promise<CaseRow[]> {
  return selectCaseRows(filteredCases(db, filter)).limit(limit).execute();
}

export function findCaseById(db: Db, id: number): Promise<CaseRow | undefined> {
  return db
    .selectFrom('enforcement_case')
    .innerJoin('org', 'org.id', 'enforcement_case.org_id')
    .selectAll('enforcement_case')
    .select(['org.name as org_name', 'org.path as org_path'])
    .where('enforcement_case.id', '=', id)
    .executeTakeFirst();
}

/** Several cases by id, with their org's name and path (in no particular order). */
export function findCasesByIds(db: Db, ids: readonly number[]): Promise<CaseRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('enforcement_case')
    .innerJoin('org', 'org.id', 'enforcement_case.org_id')
    .selectAll('enforcement_case')
    .select(['org.name as org_name', 'org.path as org_path'])
    .where('enforcement_case.id', 'in', ids)
    .execute();
}

export function findParties(db: Db, caseIds: readonly number[]): Promise<CaseParty[]> {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('case_party')
    .selectAll()
    .where('case_id', 'in', caseIds)
    .orderBy('case_id')
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

export function findHandlers(db: Db, caseIds: readonly number[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('case_handler')
    .innerJoin('officer', 'officer.id', 'case_handler.officer_id')
    .select([
      'case_handler.case_id',
      'case_handler.officer_id',
      'case_handler.certificate_number',
      'officer.name',
      'officer.user_id',
    ])
    .where('case_handler.case_id', 'in', caseIds)
    .orderBy('case_handler.case_id')
    .orderBy('case_handler.sort_order')
    .execute();
}

/** The 复议/诉讼 mark (0060), written only by the reviews domain's litigation service. */
/** 0091: penalty types and sums (行政执法数据年报); optional on insert (an import leaves them empty). */
type PenaltyColumn = 'penalty_types' | 'fine_amount' | 'confiscated_amount';

type LitigationColumn = `litigation_${'kind' | 'outcome' | 'note' | 'by_id' | 'by_name' | 'at'}`;

export type CaseValues = Omit<
  EnforcementCase,
  | 'id'
  | 'created_at'
  | 'updated_at'
  | 'search_text'
  | 'party_names'
  | 'is_supervised'
  | 'is_assigned'
  | 'is_major_stability'
  | LitigationColumn
  | PenaltyColumn
> & {
  party_names: string;
  is_supervised: boolean;
  is_assigned: boolean;
  is_major_stability: boolean;
} & Partial<Pick<Insertable<EnforcementCaseTable>, PenaltyColumn>>;

export function insertCase(trx: Db, values: CaseValues) {
  return trx.insertInto('enforcement_case').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateCaseRow(trx: Db, id: number, patch: Partial<CaseValues>) {
  return trx
    .updateTable('enforcement_case')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export type PartyValues = Omit<CaseParty, 'id' | 'case_id' | 'sort_order'>;

/** Replaces a case's parties (the form edits them as one list). */
export async function replaceParties(trx: Db, caseId: number, parties: readonly PartyValues[]) {
  await trx.deleteFrom('case_party').where('case_id', '=', caseId).execute();
  if (parties.length === 0) return;
  await trx
    .insertInto('case_party')
    .values(parties.map((party, index) => ({ ...party, case_id: caseId, sort_order: index })))
    .execute();
}

export async function replaceHandlers(
  trx: Db,
  caseId: number,
  handlers: ReadonlyArray<{ officerId: number; certificateNumber: string }>,
) {
  await trx.deleteFrom('case_handler').where('case_id', '=', caseId).execute();
  await trx
    .insertInto('case_handler')
    .values(
      handlers.map((handler, index) => ({
        case_id: caseId,
        officer_id: handler.officerId,
        certificate_number: handler.certificateNumber,
        sort_order: index,
      })),
    )
    .execute();
}

/** Unsubmitted records due soon or late, counted per handler and per org (the due lists). */
export function findDueCounts(
  db: Db,
  visibility: ResolvedCaseVisibility,
  overdueBefore: string,
  lastDueSoon: string,
) {
  return db
    .selectFrom('enforcement_case')
    .where(visibleCases(visibility))
    .innerJoin('org', 'org.id', 'enforcement_case.org_id')
    .innerJoin('case_handler', 'case_handler.case_id', 'enforcement_case.id')
    .innerJoin('officer', 'officer.id', 'case_handler.officer_id')
    .where('enforcement_case.record_submitted_on', 'is', null)
    .where('enforcement_case.closed_on', '<=', lastDueSoon)
    .select([
      'enforcement_case.id as case_id',
      'enforcement_case.org_id',
      'org.path as org_path',
      'officer.id as officer_id',
      'officer.name as officer_name',
      'enforcement_case.closed_on',
    ])
    .select((eb) => eb('enforcement_case.closed_on', '<', overdueBefore).as('is_overdue'))
    .execute();
}

/** Closed cases whose record the account's own officer profiles still have to hand in (the officer's to-dos). */
export function findRecordsToWrite(db: Db, userId: number) {
  return db
    .selectFrom('enforcement_case')
    .select([
      'enforcement_case.id',
      'enforcement_case.org_id',
      'enforcement_case.case_no',
      'enforcement_case.closed_on',
    ])
    .where('enforcement_case.record_submitted_on', 'is', null)
    .where('enforcement_case.closed_on', 'is not', null)
    .where((eb) =>
      eb(
        'enforcement_case.id',
        'in',
        eb
          .selectFrom('case_handler')
          .innerJoin('officer', 'officer.id', 'case_handler.officer_id')
          .select('case_handler.case_id')
          .where('officer.user_id', '=', userId),
      ),
    )
    .orderBy('enforcement_case.closed_on')
    .execute() as Promise<Array<{ id: number; org_id: number; case_no: string; closed_on: string }>>;
}

/** Handed-in records of these orgs still without the legal unit's quality analysis, oldest first. */
export function findQualityToGive(db: Db, orgIds: readonly number[], limit: number) {
  if (orgIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('enforcement_case')
    .select([
      'enforcement_case.id',
      'enforcement_case.org_id',
      'enforcement_case.case_no',
      'enforcement_case.record_submitted_on',
    ])
    .where('enforcement_case.org_id', 'in', orgIds)
    .where('enforcement_case.record_submitted_on', 'is not', null)
    .where('enforcement_case.quality_grade', 'is', null)
    .orderBy('enforcement_case.record_submitted_on')
    .orderBy('enforcement_case.id')
    .limit(limit)
    .execute();
}

/** The county's closed cases whose record is still not handed in and closed before `closedBefore` (warnings). */
export function findUnsubmittedClosedBefore(db: Db, countyPath: string, closedBefore: string) {
  return db
    .selectFrom('enforcement_case')
    .innerJoin('org', 'org.id', 'enforcement_case.org_id')
    .select([
      'enforcement_case.id',
      'enforcement_case.org_id',
      'enforcement_case.case_no',
      'enforcement_case.closed_on',
      sql<
        number[]
      >`array(select officer.user_id from case_handler join officer on officer.id = case_handler.officer_id where case_handler.case_id = enforcement_case.id and officer.user_id is not null)`.as(
        'handler_user_ids',
      ),
    ])
    .where('org.path', 'like', `${countyPath}%`)
    .where('enforcement_case.record_submitted_on', 'is', null)
    .where('enforcement_case.closed_on', '<', closedBefore)
    .execute() as Promise<
    Array<{ id: number; org_id: number; case_no: string; closed_on: string; handler_user_ids: number[] }>
  >;
}

/** The county's cases still open (not closed) that were filed before `filedBefore` (warnings). */
export function findOpenFiledBefore(db: Db, countyPath: string, filedBefore: string) {
  return db
    .selectFrom('enforcement_case')
    .innerJoin('org', 'org.id', 'enforcement_case.org_id')
    .select([
      'enforcement_case.id',
      'enforcement_case.org_id',
      'enforcement_case.case_no',
      'enforcement_case.filed_on',
    ])
    .where('org.path', 'like', `${countyPath}%`)
    .where('enforcement_case.closed_on', 'is', null)
    .where('enforcement_case.filed_on', '<', filedBefore)
    .execute();
}

/**
 * Handlers of the county's cases filed on or after `filedFrom` who held no certificate in force on
 * the filing day (issued by then, valid through it, neither suspended nor revoked — the rule of
 * certificate-state.ts isCertificateValidOn), e.g. named by an import or since suspended.
 */
export function findHandlersWithoutCertificate(db: Db, countyPath: string, filedFrom: string) {
  return db
    .selectFrom('case_handler')
    .innerJoin('enforcement_case', 'enforcement_case.id', 'case_handler.case_id')
    .innerJoin('org', 'org.id', 'enforcement_case.org_id')
    .innerJoin('officer', 'officer.id', 'case_handler.officer_id')
    .select([
      'enforcement_case.id as case_id',
      'enforcement_case.org_id',
      'enforcement_case.case_no',
      'enforcement_case.filed_on',
      'officer.id as officer_id',
      'officer.name as officer_name',
    ])
    .where('org.path', 'like', `${countyPath}%`)
    .where('enforcement_case.filed_on', '>=', filedFrom)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('certificate')
            .select('certificate.id')
            .whereRef('certificate.officer_id', '=', 'case_handler.officer_id')
            .where('certificate.is_revoked', '=', false)
            .where('certificate.is_suspended', '=', false)
            .whereRef('certificate.issued_on', '<=', 'enforcement_case.filed_on')
            .whereRef('certificate.valid_until', '>=', 'enforcement_case.filed_on'),
        ),
      ),
    )
    .execute();
}

/** The cases already registered under any of these numbers, compared in upper case (案号 are unique so). */
export function findCasesNumbered(db: Db, upperCaseNumbers: readonly string[]) {
  return db
    .selectFrom('enforcement_case')
    .select('case_no')
    .where((eb) => eb(eb.fn('upper', ['case_no']), 'in', [...upperCaseNumbers, '']))
    .execute();
}

/** Cases of the unit's subtree filed, and closed, in the calendar year. The caller has checked scope. */
export async function countCasesOfUnit(
  db: Db,
  unitPath: string,
  year: number,
): Promise<{ filed: number; closed: number }> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const row = await db
    .selectFrom('enforcement_case')
    .innerJoin('org', 'org.id', 'enforcement_case.org_id')
    .select([
      sql<number>`count(*) filter (where enforcement_case.filed_on between ${from} and ${to})::int`.as(
        'filed',
      ),
      sql<number>`count(*) filter (where enforcement_case.closed_on between ${from} and ${to})::int`.as(
        'closed',
      ),
    ])
    .where('org.path', 'like', `${unitPath}%`)
    .executeTakeFirstOrThrow();
  return { filed: row.filed, closed: row.closed };
}
