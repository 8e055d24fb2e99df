/** SQL of inspections, their supervisors and evidence, and report requests. */
import type { Insertable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { Database } from '../../../db/schema.ts';
import { addressedInScope } from '../supervision.repository.ts';

export function findInspections(db: Db, matterId: number) {
  return db
    .selectFrom('supervision_inspection')
    .selectAll()
    .where('matter_id', '=', matterId)
    .orderBy('planned_on')
    .orderBy('id')
    .execute();
}

export function findInspectionById(db: Db, id: number) {
  return db.selectFrom('supervision_inspection').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findInspectionSupervisors(db: Db, inspectionIds: readonly number[]) {
  if (inspectionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('supervision_inspection_supervisor')
    .innerJoin('user_account', 'user_account.id', 'supervision_inspection_supervisor.user_id')
    .select([
      'supervision_inspection_supervisor.inspection_id',
      'user_account.id',
      'user_account.display_name as name',
    ])
    .where('supervision_inspection_supervisor.inspection_id', 'in', inspectionIds)
    .orderBy('user_account.id')
    .execute();
}

export function findEvidence(db: Db, inspectionIds: readonly number[]) {
  if (inspectionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('supervision_evidence')
    .leftJoin('enforcement_case', 'enforcement_case.id', 'supervision_evidence.case_id')
    .selectAll('supervision_evidence')
    .select('enforcement_case.case_no')
    .where('supervision_evidence.inspection_id', 'in', inspectionIds)
    .orderBy('supervision_evidence.id')
    .execute();
}

export function findEvidenceById(db: Db, id: number) {
  return db.selectFrom('supervision_evidence').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Active accounts holding one of `roles`, among `ids`, with their org paths. */
export function findAccounts(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('user_account')
    .innerJoin('org', 'org.id', 'user_account.org_id')
    .select([
      'user_account.id',
      'user_account.display_name',
      'user_account.roles',
      'user_account.is_active',
      'org.path',
    ])
    .where('user_account.id', 'in', ids)
    .execute();
}

export function insertInspection(trx: Db, values: Insertable<Database['supervision_inspection']>) {
  return trx.insertInto('supervision_inspection').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateInspectionRow(
  trx: Db,
  id: number,
  patch: { state: 'done'; inspected_on: string; findings: string },
) {
  return trx
    .updateTable('supervision_inspection')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function replaceInspectionSupervisors(
  trx: Db,
  inspectionId: number,
  userIds: readonly number[],
) {
  await trx
    .deleteFrom('supervision_inspection_supervisor')
    .where('inspection_id', '=', inspectionId)
    .execute();
  await trx
    .insertInto('supervision_inspection_supervisor')
    .values(userIds.map((userId) => ({ inspection_id: inspectionId, user_id: userId })))
    .execute();
}

export function insertEvidence(trx: Db, values: Insertable<Database['supervision_evidence']>) {
  return trx.insertInto('supervision_evidence').values(values).returning('id').executeTakeFirstOrThrow();
}

// Report requests (第十三条(一))

function reportRequestsQuery(db: Db) {
  return db
    .selectFrom('supervision_report_request')
    .innerJoin('supervision_matter', 'supervision_matter.id', 'supervision_report_request.matter_id')
    .innerJoin('org as unit', 'unit.id', 'supervision_report_request.unit_org_id')
    .selectAll('supervision_report_request')
    .select(['supervision_matter.title as matter_title', 'unit.name as unit_name', 'unit.path as unit_path']);
}
export type ReportRequestRow = Awaited<
  ReturnType<ReturnType<typeof reportRequestsQuery>['executeTakeFirstOrThrow']>
>;

export interface ReportRequestFilter {
  scopePaths: readonly string[];
  state?: 'waiting' | 'replied' | undefined;
  matterId?: number | undefined;
}

/**
 * Report requests the reader sees (TS twin: canReadAddressed): those of matters run in their scope,
 * and those addressed to a unit in their scope — not another unit's under a shared matter.
 */
function filteredReportRequests(db: Db, filter: ReportRequestFilter) {
  let query = reportRequestsQuery(db).where(addressedInScope(filter.scopePaths, 'unit.path'));
  if (filter.state) query = query.where('supervision_report_request.state', '=', filter.state);
  if (filter.matterId) query = query.where('supervision_report_request.matter_id', '=', filter.matterId);
  return query;
}

export async function findReportRequests(
  db: Db,
  filter: ReportRequestFilter & { page: number; pageSize: number },
) {
  const [rows, count] = await Promise.all([
    filteredReportRequests(db, filter)
      .orderBy('supervision_report_request.due_on')
      .orderBy('supervision_report_request.id')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    filteredReportRequests(db, filter)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findReportRequestById(db: Db, id: number) {
  return reportRequestsQuery(db).where('supervision_report_request.id', '=', id).executeTakeFirst();
}

export function insertReportRequest(trx: Db, values: Insertable<Database['supervision_report_request']>) {
  return trx
    .insertInto('supervision_report_request')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function replyToReportRequest(
  trx: Db,
  id: number,
  values: { reply: string; replied_on: string; replied_by: number },
) {
  return trx
    .updateTable('supervision_report_request')
    .set({ ...values, state: 'replied' })
    .where('id', '=', id)
    .where('state', '=', 'waiting')
    .executeTakeFirst();
}
