import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { AssessmentPeriodTable, AssessmentSubject } from '../../../db/schema.ts';

export type PeriodListRow = Awaited<ReturnType<typeof findPeriods>>[number];

/**
 * Periods owned by an organisation or one inside it (the county's, and its agencies' own, 平时考核制度
 * 第十条), newest first, with the owner's path, scheme version and subject count.
 */
export function findPeriods(db: Db, underPath: string, periodId?: number) {
  let query = db
    .selectFrom('assessment_period')
    .innerJoin('scheme_version', 'scheme_version.id', 'assessment_period.scheme_version_id')
    .innerJoin('org', 'org.id', 'assessment_period.org_id')
    .selectAll('assessment_period')
    .select([
      'org.path as org_path',
      'org.name as org_name',
      'scheme_version.scheme_id',
      'scheme_version.name as scheme_name',
      'scheme_version.version_no',
      (eb) =>
        eb
          .selectFrom('assessment_subject')
          .select(eb.fn.countAll<string>().as('count'))
          .whereRef('assessment_subject.period_id', '=', 'assessment_period.id')
          .as('subject_count'),
    ])
    .where('org.path', 'like', `${underPath}%`);
  if (periodId !== undefined) query = query.where('assessment_period.id', '=', periodId);
  return query.orderBy('assessment_period.id', 'desc').execute();
}

/** Organisations (with kind and path) by id. */
export function findOrgsByIds(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('org').select(['id', 'name', 'kind', 'path']).where('id', 'in', ids).execute();
}

/** Organisations under a path (inclusive). */
export function findOrgsUnder(db: Db, path: string) {
  return db
    .selectFrom('org')
    .select(['id', 'name', 'kind', 'path'])
    .where('path', 'like', `${path}%`)
    .execute();
}

/** Officers by id, or every in-service officer under a path, with their organisation's path. */
export function findOfficersForSubjects(db: Db, filter: { ids?: readonly number[]; underPath?: string }) {
  let query = db
    .selectFrom('officer')
    .innerJoin('org', 'org.id', 'officer.org_id')
    .select(['officer.id', 'officer.name', 'officer.org_id', 'org.path']);
  if (filter.ids) {
    if (filter.ids.length === 0) return Promise.resolve([]);
    query = query.where('officer.id', 'in', filter.ids);
  }
  if (filter.underPath) {
    query = query.where('org.path', 'like', `${filter.underPath}%`).where('officer.status', '=', 'active');
  }
  return query.orderBy('officer.id').execute();
}

export async function insertSubjects(trx: Db, rows: readonly AssessmentSubject[]) {
  // PostgreSQL allows 65,535 parameters per statement: 6 columns → chunks of 5,000 rows.
  for (let start = 0; start < rows.length; start += 5_000) {
    await trx
      .insertInto('assessment_subject')
      .values(rows.slice(start, start + 5_000))
      .execute();
  }
}

export function findGroupOwners(db: Db, periodId: number) {
  return db
    .selectFrom('assessment_group_owner')
    .leftJoin('org', 'org.id', 'assessment_group_owner.org_id')
    .selectAll('assessment_group_owner')
    .select(['org.name as org_name', 'org.path as org_path'])
    .where('period_id', '=', periodId)
    .orderBy('group_id')
    .execute();
}

/** Sections of a county by name, to match a scheme's 负责考核科室 names. */
export function findSectionsByName(db: Db, countyPath: string, names: readonly string[]) {
  if (names.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('org')
    .select(['id', 'name', 'path'])
    .where('path', 'like', `${countyPath}%`)
    .where('kind', 'in', ['section', 'legal_unit'])
    .where('name', 'in', names)
    .orderBy('path')
    .execute();
}

/** A new period's id. */
export function insertPeriod(trx: Db, values: Insertable<AssessmentPeriodTable>) {
  return trx.insertInto('assessment_period').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function updatePeriodRow(trx: Db, id: number, patch: Updateable<AssessmentPeriodTable>) {
  await trx.updateTable('assessment_period').set(patch).where('id', '=', id).execute();
}

/** Which section answers for an item group of the period (null: nobody yet). */
export async function insertGroupOwner(
  trx: Db,
  values: { period_id: number; group_id: string; assessor_name: string; org_id: number | null },
) {
  await trx.insertInto('assessment_group_owner').values(values).execute();
}

export async function updateGroupOwner(trx: Db, periodId: number, groupId: string, orgId: number | null) {
  await trx
    .updateTable('assessment_group_owner')
    .set({ org_id: orgId })
    .where('period_id', '=', periodId)
    .where('group_id', '=', groupId)
    .execute();
}
