/** The SQL of the liaison log (第十条); lists run under the county-or-own-agency scope. */
import { sql } from 'kysely';
import type { LiaisonKind, LiaisonStatus } from '../../../../common/coordination.ts';
import type { Db } from '../../../db/database.ts';
import { containsPattern } from '../../../db/like.ts';
import { fetchPage, type PageRequest } from '../../../db/paging.repository.ts';
import type { CoordinationLiaison } from '../../../db/schema.ts';

export type LiaisonRow = CoordinationLiaison & {
  org_name: string;
  org_path: string;
  county_path: string;
  case_no: string | null;
};

function liaisonQuery(db: Db) {
  return db
    .selectFrom('coordination_liaison')
    .innerJoin('org as concerned', 'concerned.id', 'coordination_liaison.org_id')
    .innerJoin('org as county', 'county.id', 'coordination_liaison.county_org_id')
    .leftJoin('enforcement_case', 'enforcement_case.id', 'coordination_liaison.case_id')
    .selectAll('coordination_liaison')
    .select([
      'concerned.name as org_name',
      'concerned.path as org_path',
      'county.path as county_path',
      'enforcement_case.case_no',
    ]);
}

export interface LiaisonFilter {
  scopePaths: readonly string[];
  kind?: LiaisonKind | undefined;
  status?: LiaisonStatus | undefined;
  /** the concerned agency's subtree */
  orgPath?: string | undefined;
  sentFrom?: string | undefined;
  sentTo?: string | undefined;
  /** in the subject, the reason or the counterpart's name */
  keyword?: string | undefined;
  /** entries still waiting for a receipt or an outcome (not 已办结) */
  openOnly?: boolean | undefined;
  deadline?: { state: 'normal' | 'due_soon' | 'overdue'; today: string; warnDays: number } | undefined;
}

/** Entries of the county, or of the agency concerned, under the scope; open ones filtered by deadline state. */
function filteredLiaisons(db: Db, filter: LiaisonFilter) {
  let query = liaisonQuery(db).where((eb) =>
    eb.or(
      filter.scopePaths.flatMap((prefix) => [
        eb('county.path', 'like', `${prefix}%`),
        eb('concerned.path', 'like', `${prefix}%`),
      ]),
    ),
  );
  if (filter.kind) query = query.where('coordination_liaison.kind', '=', filter.kind);
  if (filter.status) query = query.where('coordination_liaison.status', '=', filter.status);
  if (filter.orgPath) query = query.where('concerned.path', 'like', `${filter.orgPath}%`);
  if (filter.sentFrom) query = query.where('coordination_liaison.sent_on', '>=', filter.sentFrom);
  if (filter.sentTo) query = query.where('coordination_liaison.sent_on', '<=', filter.sentTo);
  if (filter.keyword) {
    const pattern = containsPattern(filter.keyword);
    query = query.where((eb) =>
      eb.or([
        eb('coordination_liaison.subject', 'like', pattern),
        eb('coordination_liaison.reason', 'like', pattern),
        eb('coordination_liaison.counterpart_name', 'like', pattern),
      ]),
    );
  }
  if (filter.openOnly) query = query.where('coordination_liaison.status', '!=', 'done');
  if (filter.deadline) {
    const { state, today, warnDays } = filter.deadline;
    const soon = sql`(${today}::date + ${warnDays}::int)`;
    query = query.where('coordination_liaison.status', '!=', 'done');
    if (state === 'overdue') query = query.where(sql<boolean>`coordination_liaison.due_on < ${today}::date`);
    if (state === 'due_soon')
      query = query.where(sql<boolean>`coordination_liaison.due_on between ${today}::date and ${soon}`);
    if (state === 'normal') query = query.where(sql<boolean>`coordination_liaison.due_on > ${soon}`);
  }
  return query.orderBy('coordination_liaison.sent_on', 'desc').orderBy('coordination_liaison.id', 'desc');
}

/** One page of the entries under the filter, and how many there are in all. */
export function findLiaisons(db: Db, filter: LiaisonFilter, page: PageRequest) {
  if (filter.scopePaths.length === 0) return Promise.resolve({ items: [] as LiaisonRow[], total: 0 });
  return fetchPage(filteredLiaisons(db, filter), page);
}

/** Every entry under the filter up to `limit` (the export). */
export function findAllLiaisons(db: Db, filter: LiaisonFilter, limit: number): Promise<LiaisonRow[]> {
  if (filter.scopePaths.length === 0) return Promise.resolve([]);
  return filteredLiaisons(db, filter).limit(limit).execute();
}

export function findLiaisonById(db: Db, id: number): Promise<LiaisonRow | undefined> {
  return liaisonQuery(db).where('coordination_liaison.id', '=', id).executeTakeFirst();
}

export function lockLiaison(trx: Db, id: number) {
  return trx
    .selectFrom('coordination_liaison')
    .select('status')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function insertLiaison(
  trx: Db,
  values: Omit<CoordinationLiaison, 'id' | 'created_at' | 'updated_at'>,
) {
  return trx.insertInto('coordination_liaison').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateLiaison(trx: Db, id: number, patch: Partial<CoordinationLiaison>) {
  return trx
    .updateTable('coordination_liaison')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** A case with its organisation's path (it must be the concerned agency's). */
export function findCaseOrgPath(db: Db, caseId: number) {
  return db
    .selectFrom('enforcement_case')
    .innerJoin('org', 'org.id', 'enforcement_case.org_id')
    .select(['enforcement_case.id', 'org.path'])
    .where('enforcement_case.id', '=', caseId)
    .executeTakeFirst();
}
