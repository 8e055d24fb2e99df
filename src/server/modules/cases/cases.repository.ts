import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { CaseParty, Database, EnforcementCase } from '../../db/schema.ts';
import type { RecordState } from './cases.policy.ts';

export type CaseRow = EnforcementCase & { org_name: string; org_path: string };

/** Who may see a case: an org subtree in scope, or a case the reader's own officer profile handles. */
export interface CaseVisibility {
  scopePaths: string[];
  ownUserId: number;
}

type CaseEb = ExpressionBuilder<Database, 'enforcement_case' | 'org'>;

/** The SQL form of the visibility rule, for every query over cases (joined with org). */
export function visibleCases(visibility: CaseVisibility) {
  return (eb: CaseEb) =>
    eb.or([
      ...visibility.scopePaths.map((prefix) => eb('org.path', 'like', `${prefix}%`)),
      eb.exists(
        eb
          .selectFrom('case_handler as own_handler')
          .innerJoin('officer as own_officer', 'own_officer.id', 'own_handler.officer_id')
          .select('own_handler.case_id')
          .whereRef('own_handler.case_id', '=', 'enforcement_case.id')
          .where('own_officer.user_id', '=', visibility.ownUserId),
      ),
    ]);
}

export interface CaseFilter extends CaseVisibility {
  keyword?: string | undefined;
  orgPath?: string | undefined;
  kind?: EnforcementCase['kind'] | undefined;
  filedFrom?: string | undefined;
  filedTo?: string | undefined;
  closedFrom?: string | undefined;
  closedTo?: string | undefined;
  state?: RecordState | undefined;
  qualityGrade?: EnforcementCase['quality_grade'] | undefined;
  officerId?: number | undefined;
  /** closed_on bounds for the state filter (cases.policy.ts closedOnBounds) */
  overdueBefore: string;
  lastDueSoon: string;
}

export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (match) => `\\${match}`);

function filteredCases(db: Db, filter: CaseFilter) {
  let query = db
    .selectFrom('enforcement_case')
    .innerJoin('org', 'org.id', 'enforcement_case.org_id')
    .where(visibleCases(filter));
  // org ids of the subtree (a handful) rather than a LIKE on the joined path, so PostgreSQL can
  // use enforcement_case_org_filed_idx
  if (filter.orgPath) {
    const orgPath = filter.orgPath;
    query = query.where('enforcement_case.org_id', 'in', (eb) =>
      eb
        .selectFrom('org as filter_org')
        .select('filter_org.id')
        .where('filter_org.path', 'like', `${orgPath}%`),
    );
  }
  if (filter.kind) query = query.where('enforcement_case.kind', '=', filter.kind);
  if (filter.filedFrom) query = query.where('enforcement_case.filed_on', '>=', filter.filedFrom);
  if (filter.filedTo) query = query.where('enforcement_case.filed_on', '<=', filter.filedTo);
  if (filter.closedFrom) query = query.where('enforcement_case.closed_on', '>=', filter.closedFrom);
  if (filter.closedTo) query = query.where('enforcement_case.closed_on', '<=', filter.closedTo);
  if (filter.qualityGrade) query = query.where('enforcement_case.quality_grade', '=', filter.qualityGrade);
  // LIKE, not ILIKE: Chinese has no case, and ILIKE's case folding costs ~5× on a PGlite scan.
  // Latin letters (case numbers) match as typed or upper-cased. pg_trgm serves both on PostgreSQL.
  if (filter.keyword) {
    const patterns = [...new Set([filter.keyword, filter.keyword.toUpperCase()])].map(
      (keyword) => `%${escapeLike(keyword)}%`,
    );
    query = query.where((eb) =>
      eb.or(patterns.map((pattern) => eb('enforcement_case.search_text', 'like', pattern))),
    );
  }
  if (filter.officerId) {
    const officerId = filter.officerId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_handler')
          .select('case_handler.case_id')
          .whereRef('case_handler.case_id', '=', 'enforcement_case.id')
          .where('case_handler.officer_id', '=', officerId),
      ),
    );
  }
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

/** A page of cases, newest filing first. */
export async function findCases(
  db: Db,
  filter: CaseFilter & { page: number; pageSize: number },
): Promise<{ rows: CaseRow[]; total: number }> {
  const query = filteredCases(db, filter);
  const [rows, count] = await Promise.all([
    query
      .selectAll('enforcement_case')
      .select(['org.name as org_name', 'org.path as org_path'])
      .orderBy('enforcement_case.filed_on', 'desc')
      .orderBy('enforcement_case.id', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/** Every case the filter lets through (exports), at most `limit` rows. */
export function findAllCases(db: Db, filter: CaseFilter, limit: number): Promise<CaseRow[]> {
  return filteredCases(db, filter)
    .selectAll('enforcement_case')
    .select(['org.name as org_name', 'org.path as org_path'])
    .orderBy('enforcement_case.filed_on', 'desc')
    .orderBy('enforcement_case.id', 'desc')
    .limit(limit)
    .execute();
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
> & { party_names: string; is_supervised: boolean; is_assigned: boolean; is_major_stability: boolean };

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
  visibility: CaseVisibility,
  overdueBefore: string,
  lastDueSoon: string,
) {
  return db
    .selectFrom('enforcement_case')
    .innerJoin('org', 'org.id', 'enforcement_case.org_id')
    .innerJoin('case_handler', 'case_handler.case_id', 'enforcement_case.id')
    .innerJoin('officer', 'officer.id', 'case_handler.officer_id')
    .where(visibleCases(visibility))
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
