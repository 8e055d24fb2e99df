/** The SQL of major matters (第九条) and the periodic circular, with the period's figures it reports. */
import { sql } from 'kysely';
import type { CircularStatus, MatterStatus } from '../../../../common/coordination.ts';
import type { Db } from '../../../db/database.ts';
import { containsPattern } from '../../../db/like.ts';
import { fetchPage, type PageRequest } from '../../../db/paging.repository.ts';
import type {
  CoordinationCircular,
  CoordinationMajorMatter,
  CoordinationMatterMeeting,
} from '../../../db/schema.ts';

export type MatterRow = CoordinationMajorMatter & {
  org_name: string | null;
  county_path: string;
  org_path: string | null;
};

function mattersQuery(db: Db) {
  return db
    .selectFrom('coordination_major_matter')
    .innerJoin('org as county', 'county.id', 'coordination_major_matter.county_org_id')
    .leftJoin('org as concerned', 'concerned.id', 'coordination_major_matter.org_id')
    .selectAll('coordination_major_matter')
    .select(['concerned.name as org_name', 'concerned.path as org_path', 'county.path as county_path']);
}

export interface MatterFilter {
  scopePaths: readonly string[];
  status?: MatterStatus | undefined;
  /** the concerned agency's subtree */
  orgPath?: string | undefined;
  raisedFrom?: string | undefined;
  raisedTo?: string | undefined;
  /** in the title or the description */
  keyword?: string | undefined;
}

/** Matters whose county, or the agency concerned, lies in the scope, newest first, with the list's filters. */
function filteredMatters(db: Db, filter: MatterFilter) {
  let query = mattersQuery(db).where((eb) =>
    eb.or(
      filter.scopePaths.flatMap((prefix) => [
        eb('county.path', 'like', `${prefix}%`),
        eb('concerned.path', 'like', `${prefix}%`),
      ]),
    ),
  );
  if (filter.status) query = query.where('coordination_major_matter.status', '=', filter.status);
  if (filter.orgPath) query = query.where('concerned.path', 'like', `${filter.orgPath}%`);
  if (filter.raisedFrom) query = query.where('coordination_major_matter.raised_on', '>=', filter.raisedFrom);
  if (filter.raisedTo) query = query.where('coordination_major_matter.raised_on', '<=', filter.raisedTo);
  if (filter.keyword) {
    const pattern = containsPattern(filter.keyword);
    query = query.where((eb) =>
      eb.or([
        eb('coordination_major_matter.title', 'like', pattern),
        eb('coordination_major_matter.description', 'like', pattern),
      ]),
    );
  }
  return query
    .orderBy('coordination_major_matter.raised_on', 'desc')
    .orderBy('coordination_major_matter.id', 'desc');
}

/** One page of the matters under the filter, and how many there are in all. */
export function findMatters(db: Db, filter: MatterFilter, page: PageRequest) {
  if (filter.scopePaths.length === 0) return Promise.resolve({ items: [] as MatterRow[], total: 0 });
  return fetchPage(filteredMatters(db, filter), page);
}

/** Every matter under the filter up to `limit` (the export). */
export function findAllMatters(db: Db, filter: MatterFilter, limit: number): Promise<MatterRow[]> {
  if (filter.scopePaths.length === 0) return Promise.resolve([]);
  return filteredMatters(db, filter).limit(limit).execute();
}

export function findMatterById(db: Db, id: number): Promise<MatterRow | undefined> {
  return mattersQuery(db).where('coordination_major_matter.id', '=', id).executeTakeFirst();
}

export function findMatterMeetings(
  db: Db,
  matterIds: readonly number[],
): Promise<CoordinationMatterMeeting[]> {
  if (matterIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('coordination_matter_meeting')
    .selectAll()
    .where('matter_id', 'in', matterIds)
    .orderBy('held_on')
    .orderBy('id')
    .execute();
}

export function lockMatter(trx: Db, id: number) {
  return trx
    .selectFrom('coordination_major_matter')
    .select('status')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function insertMatter(
  trx: Db,
  values: Omit<CoordinationMajorMatter, 'id' | 'created_at' | 'updated_at'>,
) {
  return trx.insertInto('coordination_major_matter').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateMatter(trx: Db, id: number, patch: Partial<CoordinationMajorMatter>) {
  return trx
    .updateTable('coordination_major_matter')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function insertMatterMeeting(trx: Db, values: Omit<CoordinationMatterMeeting, 'id' | 'created_at'>) {
  return trx
    .insertInto('coordination_matter_meeting')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Open matters of these counties (the bureau's to-dos). */
export function findOpenMatters(db: Db, countyPaths: readonly string[]) {
  if (countyPaths.length === 0) return Promise.resolve([]);
  return mattersQuery(db)
    .where('coordination_major_matter.status', '!=', 'resolved')
    .where((eb) => eb.or(countyPaths.map((path) => eb('county.path', '=', path))))
    .orderBy('coordination_major_matter.id')
    .execute();
}

export type CircularRow = CoordinationCircular & { county_path: string };

export interface CircularFilter {
  countyPaths: readonly string[];
  status?: CircularStatus | undefined;
  /** circulars whose period touches this calendar year */
  year?: number | undefined;
  keyword?: string | undefined;
}

/** One page of the counties' circulars, latest period first. */
export function findCirculars(db: Db, filter: CircularFilter, page: PageRequest) {
  if (filter.countyPaths.length === 0) return Promise.resolve({ items: [] as CircularRow[], total: 0 });
  let query = db
    .selectFrom('coordination_circular')
    .innerJoin('org as county', 'county.id', 'coordination_circular.county_org_id')
    .selectAll('coordination_circular')
    .select('county.path as county_path')
    .where((eb) => eb.or(filter.countyPaths.map((path) => eb('county.path', '=', path))));
  if (filter.status) query = query.where('coordination_circular.status', '=', filter.status);
  if (filter.year)
    query = query
      .where('coordination_circular.period_from', '<=', `${filter.year}-12-31`)
      .where('coordination_circular.period_to', '>=', `${filter.year}-01-01`);
  if (filter.keyword) {
    const pattern = containsPattern(filter.keyword);
    query = query.where((eb) =>
      eb.or([
        eb('coordination_circular.title', 'like', pattern),
        eb('coordination_circular.body', 'like', pattern),
      ]),
    );
  }
  return fetchPage(
    query.orderBy('coordination_circular.period_to', 'desc').orderBy('coordination_circular.id', 'desc'),
    page,
  );
}

export function findCircularById(db: Db, id: number): Promise<CircularRow | undefined> {
  return db
    .selectFrom('coordination_circular')
    .innerJoin('org as county', 'county.id', 'coordination_circular.county_org_id')
    .selectAll('coordination_circular')
    .select('county.path as county_path')
    .where('coordination_circular.id', '=', id)
    .executeTakeFirst();
}

export function lockCircular(trx: Db, id: number) {
  return trx
    .selectFrom('coordination_circular')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function insertCircular(
  trx: Db,
  values: Omit<CoordinationCircular, 'id' | 'created_at' | 'updated_at'>,
) {
  return trx.insertInto('coordination_circular').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateCircular(trx: Db, id: number, patch: Partial<CoordinationCircular>) {
  return trx
    .updateTable('coordination_circular')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

const count = (query: { executeTakeFirstOrThrow(): Promise<{ n: unknown }> }) =>
  query.executeTakeFirstOrThrow().then((row) => Number(row.n));

/** What the county's records say about a period (定期通报): cases, disputes, joint actions, matters, liaison, 第二十三条 marks. */
export async function findPeriodFigures(
  db: Db,
  countyPath: string,
  countyOrgId: number,
  from: string,
  to: string,
) {
  const casesByKind = await db
    .selectFrom('enforcement_case')
    .innerJoin('org', 'org.id', 'enforcement_case.org_id')
    .select([
      'enforcement_case.kind',
      sql<number>`count(*)`.as('filed'),
      sql<number>`count(enforcement_case.closed_on)`.as('closed'),
    ])
    .where('org.path', 'like', `${countyPath}%`)
    .where('enforcement_case.filed_on', '>=', from)
    .where('enforcement_case.filed_on', '<=', to)
    .groupBy('enforcement_case.kind')
    .orderBy('enforcement_case.kind')
    .execute();
  const inCounty = { county_org_id: countyOrgId };
  const [
    disputesFiled,
    disputesConcluded,
    jointStarted,
    jointClosed,
    mattersRaised,
    mattersResolved,
    liaisonSent,
    violations,
  ] = await Promise.all([
    count(
      db
        .selectFrom('coordination_dispute')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('county_org_id', '=', inCounty.county_org_id)
        .where('filed_on', '>=', from)
        .where('filed_on', '<=', to),
    ),
    count(
      db
        .selectFrom('coordination_dispute')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('county_org_id', '=', countyOrgId)
        .where('executed_on', '>=', from)
        .where('executed_on', '<=', to),
    ),
    count(
      db
        .selectFrom('coordination_joint_action')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('county_org_id', '=', countyOrgId)
        .where('started_on', '>=', from)
        .where('started_on', '<=', to),
    ),
    count(
      db
        .selectFrom('coordination_joint_action')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('county_org_id', '=', countyOrgId)
        .where('closed_on', '>=', from)
        .where('closed_on', '<=', to),
    ),
    count(
      db
        .selectFrom('coordination_major_matter')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('county_org_id', '=', countyOrgId)
        .where('raised_on', '>=', from)
        .where('raised_on', '<=', to),
    ),
    count(
      db
        .selectFrom('coordination_major_matter')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('county_org_id', '=', countyOrgId)
        .where('resolved_on', '>=', from)
        .where('resolved_on', '<=', to),
    ),
    count(
      db
        .selectFrom('coordination_liaison')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('county_org_id', '=', countyOrgId)
        .where('sent_on', '>=', from)
        .where('sent_on', '<=', to),
    ),
    count(
      db
        .selectFrom('coordination_violation')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('county_org_id', '=', countyOrgId)
        .where('marked_on', '>=', from)
        .where('marked_on', '<=', to),
    ),
  ]);
  return {
    casesByKind: casesByKind.map((row) => ({
      kind: row.kind,
      filed: Number(row.filed),
      closed: Number(row.closed),
    })),
    disputesFiled,
    disputesConcluded,
    jointStarted,
    jointClosed,
    mattersRaised,
    mattersResolved,
    liaisonSent,
    violations,
  };
}
export type PeriodFigures = Awaited<ReturnType<typeof findPeriodFigures>>;
