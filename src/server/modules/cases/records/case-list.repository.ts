/**
 * The case list and its exports: the filter, the capped count and the page strategies measured at
 * 1,000,000 cases (docs/cases.md, Benchmark).
 */
import { type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { PenaltyType } from '../../../../common/penalties.ts';
import type { Db } from '../../../db/database.ts';
import { containsPattern } from '../../../db/like.ts';
import type { Database, EnforcementCase } from '../../../db/schema.ts';
import { RECORD_DUE_DAYS, type RecordState, type RecordTiming } from '../cases.policy.ts';
import { handledBy, type ResolvedCaseVisibility, visibleCases } from './case-visibility.repository.ts';
import type { CaseRow } from './cases.repository.ts';

/**
 * A list's total is counted up to this many matches and shown as "10,000+" beyond it: counting every
 * match of a broad filter at 1,000,000 cases was what kept the list slow (docs/cases.md, Benchmark).
 */
export const CASE_COUNT_CAP = 10_000;

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
