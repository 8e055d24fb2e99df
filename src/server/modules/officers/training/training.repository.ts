import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { containsPattern } from '../../../db/like.ts';
import type { Training, TrainingKind, TrainingTable } from '../../../db/schema.ts';
import { type OfficerVisibility, visibleOfficers } from '../archive/officers.repository.ts';

export type TrainingRow = Training & {
  officer_name: string;
  org_id: number;
  org_name: string;
  org_path: string;
  officer_user_id: number | null;
};

export interface TrainingFilter extends OfficerVisibility {
  keyword?: string | undefined;
  orgPath?: string | undefined;
  officerId?: number | undefined;
  year?: number | undefined;
  kind?: TrainingKind | undefined;
}

function filteredTrainings(db: Db, filter: TrainingFilter) {
  let query = db
    .selectFrom('training')
    .innerJoin('officer', 'officer.id', 'training.officer_id')
    .innerJoin('org', 'org.id', 'officer.org_id')
    .where(visibleOfficers(filter));
  if (filter.orgPath) query = query.where('org.path', 'like', `${filter.orgPath}%`);
  if (filter.officerId) query = query.where('training.officer_id', '=', filter.officerId);
  if (filter.kind) query = query.where('training.kind', '=', filter.kind);
  if (filter.year) {
    query = query
      .where('training.held_on', '>=', `${filter.year}-01-01`)
      .where('training.held_on', '<=', `${filter.year}-12-31`);
  }
  if (filter.keyword) {
    const pattern = containsPattern(filter.keyword);
    query = query.where((eb) =>
      eb.or([
        eb('officer.name', 'like', pattern),
        eb('training.content', 'ilike', pattern),
        eb('training.organiser', 'ilike', pattern),
      ]),
    );
  }
  return query;
}

const columns = [
  'officer.name as officer_name',
  'org.id as org_id',
  'org.name as org_name',
  'org.path as org_path',
  'officer.user_id as officer_user_id',
] as const;

export async function findTrainings(db: Db, filter: TrainingFilter & { page: number; pageSize: number }) {
  const query = filteredTrainings(db, filter);
  const [rows, count] = await Promise.all([
    query
      .selectAll('training')
      .select(columns)
      .orderBy('training.held_on', 'desc')
      .orderBy('training.id', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as TrainingRow[], total: Number(count.total) };
}

export async function findAllTrainings(
  db: Db,
  filter: TrainingFilter,
  limit: number,
): Promise<TrainingRow[]> {
  return filteredTrainings(db, filter)
    .selectAll('training')
    .select(columns)
    .orderBy('training.held_on', 'desc')
    .orderBy('training.id', 'desc')
    .limit(limit)
    .execute();
}

export function findTrainingById(db: Db, id: number): Promise<TrainingRow | undefined> {
  return db
    .selectFrom('training')
    .innerJoin('officer', 'officer.id', 'training.officer_id')
    .innerJoin('org', 'org.id', 'officer.org_id')
    .selectAll('training')
    .select(columns)
    .where('training.id', '=', id)
    .executeTakeFirst();
}

/** 0120's columns: set by sessions and self-study logs, left null/false by a typed-in record. */
type SessionColumns =
  | 'session_id'
  | 'delivery'
  | 'content_category'
  | 'score'
  | 'passed'
  | 'platform'
  | 'is_self_reported';
export type TrainingValues = Omit<Training, 'id' | 'created_at' | 'hours' | SessionColumns> & {
  hours: number | string;
} & Partial<Pick<Training, SessionColumns>>;

export function insertTrainings(trx: Db, values: TrainingValues[]) {
  if (values.length === 0) return Promise.resolve([]);
  return trx.insertInto('training').values(values).returning('id').execute();
}

export function updateTrainingRow(trx: Db, id: number, values: Omit<TrainingValues, 'officer_id'>) {
  return trx.updateTable('training').set(values).where('id', '=', id).execute();
}

export function deleteTrainingRow(trx: Db, id: number) {
  return trx.deleteFrom('training').where('id', '=', id).execute();
}

/** Per in-service officer visible to the reader: the year's hours and bureau-held trainings. */
export function findTrainingTotals(
  db: Db,
  filter: OfficerVisibility & { orgPath?: string | undefined; year: number },
) {
  let query = db
    .selectFrom('officer')
    .innerJoin('org', 'org.id', 'officer.org_id')
    .leftJoin('training', (join) =>
      join
        .onRef('training.officer_id', '=', 'officer.id')
        .on('training.held_on', '>=', `${filter.year}-01-01`)
        .on('training.held_on', '<=', `${filter.year}-12-31`),
    )
    .where(visibleOfficers(filter))
    .where('officer.status', '=', 'active');
  if (filter.orgPath) query = query.where('org.path', 'like', `${filter.orgPath}%`);
  return query
    .select([
      'officer.id as officer_id',
      'officer.name as officer_name',
      'officer.org_id',
      'officer.user_id',
      'org.name as org_name',
      'org.path as org_path',
      sql<string>`coalesce(sum(training.hours), 0)::text`.as('hours'),
      sql<number>`count(training.id) filter (where training.is_bureau_organised)::int`.as('bureau_trainings'),
      // the officer works in the county justice bureau (协调监督队伍, 协调监督办法第十九条)
      sql<boolean>`exists (select 1 from org as unit where unit.kind = 'justice_bureau' and org.path like unit.path || '%')`.as(
        'is_bureau_staff',
      ),
    ])
    .groupBy(['officer.id', 'officer.name', 'officer.org_id', 'officer.user_id', 'org.name', 'org.path'])
    .orderBy('org.path')
    .orderBy('officer.id')
    .execute();
}

/** The county's configured minimum, or undefined (the default applies). */
export async function findRequirement(db: Db, countyOrgId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('training_requirement')
    .select('min_hours')
    .where('county_org_id', '=', countyOrgId)
    .executeTakeFirst();
  return row?.min_hours;
}

export async function upsertRequirement(trx: Db, countyOrgId: number, minHours: number, userId: number) {
  await trx
    .insertInto('training_requirement')
    .values({ county_org_id: countyOrgId, min_hours: minHours, updated_by: userId })
    .onConflict((conflict) =>
      conflict
        .column('county_org_id')
        .doUpdateSet({ min_hours: minHours, updated_by: userId, updated_at: new Date() }),
    )
    .execute();
}

/** Training records of a finished session, one per attendee (written in the session's transaction). */
export function insertSessionTrainingRows(trx: Db, values: Insertable<TrainingTable>[]) {
  if (values.length === 0) return Promise.resolve([]);
  return trx.insertInto('training').values(values).returning(['id', 'officer_id']).execute();
}

/** What compliance rules need of a year's records: which session wrote each, its kind. */
export function findTrainingFactsOfYear(db: Db, officerIds: readonly number[], year: number) {
  if (officerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('training')
    .select(['officer_id', 'session_id', 'kind'])
    .where('officer_id', 'in', [...officerIds])
    .where('held_on', '>=', `${year}-01-01`)
    .where('held_on', '<=', `${year}-12-31`)
    .execute();
}

/** The records a session wrote (its attendee list after finishing), with officer and unit. */
export function findTrainingsOfSession(db: Db, sessionId: number): Promise<TrainingRow[]> {
  return db
    .selectFrom('training')
    .innerJoin('officer', 'officer.id', 'training.officer_id')
    .innerJoin('org', 'org.id', 'officer.org_id')
    .selectAll('training')
    .select(columns)
    .where('training.session_id', '=', sessionId)
    .orderBy('org.path')
    .orderBy('officer.id')
    .execute();
}
