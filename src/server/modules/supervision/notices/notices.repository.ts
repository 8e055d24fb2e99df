/** SQL of supervision notices and the units' rectification reports. */
import type { Insertable, Updateable } from 'kysely';
import {
  NOTICE_AWAITING_REPORT_STATES,
  NOTICE_OPEN_STATES,
  type NoticeSituation,
} from '../../../../common/supervision.ts';
import type { Db } from '../../../db/database.ts';
import type { Database, NoticeState } from '../../../db/schema.ts';
import { addressedInScope } from '../supervision.repository.ts';

function noticesQuery(db: Db) {
  return db
    .selectFrom('supervision_notice')
    .innerJoin('supervision_matter', 'supervision_matter.id', 'supervision_notice.matter_id')
    .innerJoin('org as unit', 'unit.id', 'supervision_notice.unit_org_id')
    .innerJoin('org as issuer', 'issuer.id', 'supervision_notice.issuer_org_id')
    .innerJoin('org as owner_org', 'owner_org.id', 'supervision_matter.org_id')
    .selectAll('supervision_notice')
    .select([
      'supervision_matter.title as matter_title',
      'unit.name as unit_name',
      'unit.path as unit_path',
      'issuer.name as issuer_name',
      'owner_org.path as owner_path',
    ]);
}
export type NoticeRow = Awaited<ReturnType<ReturnType<typeof noticesQuery>['executeTakeFirstOrThrow']>>;

export interface NoticeFilter {
  scopePaths: readonly string[];
  state?: NoticeState | undefined;
  matterId?: number | undefined;
  unitId?: number | undefined;
  year?: number | undefined;
  /** the addressed unit's subtree */
  unitPath?: string | undefined;
  issuedFrom?: string | undefined;
  issuedTo?: string | undefined;
  /** open (在办) or overdue, by the shared definitions the cockpit counts with; `today` dates overdue */
  situation?: { kind: NoticeSituation; today: string } | undefined;
  /** a unit's readers see a notice only once it is issued, never a draft */
  issuedOnlyForUnits: boolean;
}

function filteredNotices(db: Db, filter: NoticeFilter) {
  let query = noticesQuery(db).where(addressedInScope(filter.scopePaths, 'unit.path'));
  if (filter.state) query = query.where('supervision_notice.state', '=', filter.state);
  if (filter.matterId) query = query.where('supervision_notice.matter_id', '=', filter.matterId);
  if (filter.unitId) query = query.where('supervision_notice.unit_org_id', '=', filter.unitId);
  if (filter.year) query = query.where('supervision_notice.year', '=', filter.year);
  if (filter.unitPath) query = query.where('unit.path', 'like', `${filter.unitPath}%`);
  if (filter.issuedFrom) query = query.where('supervision_notice.issued_on', '>=', filter.issuedFrom);
  if (filter.issuedTo) query = query.where('supervision_notice.issued_on', '<=', filter.issuedTo);
  if (filter.situation?.kind === 'open')
    query = query.where('supervision_notice.state', 'in', NOTICE_OPEN_STATES);
  if (filter.situation?.kind === 'overdue')
    query = query
      .where('supervision_notice.state', 'in', NOTICE_AWAITING_REPORT_STATES)
      .where('supervision_notice.report_due_on', '<', filter.situation.today);
  if (filter.issuedOnlyForUnits) query = query.where('supervision_notice.number', 'is not', null);
  return query;
}

export async function findNotices(db: Db, filter: NoticeFilter & { page: number; pageSize: number }) {
  const [rows, count] = await Promise.all([
    filteredNotices(db, filter)
      .orderBy('supervision_notice.id', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    filteredNotices(db, filter)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findNoticeById(db: Db, id: number) {
  return noticesQuery(db).where('supervision_notice.id', '=', id).executeTakeFirst();
}

/** Locks the notice row for a state change (FOR UPDATE), in the caller's transaction. */
export function lockNotice(trx: Db, id: number) {
  return trx.selectFrom('supervision_notice').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function insertNotice(trx: Db, values: Insertable<Database['supervision_notice']>) {
  return trx.insertInto('supervision_notice').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateNoticeRow(trx: Db, id: number, patch: Updateable<Database['supervision_notice']>) {
  return trx
    .updateTable('supervision_notice')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** The written reports on notices (or, with `of: 'decision_id'`, on decisions), oldest first. */
export function findRectifications(
  db: Db,
  ids: readonly number[],
  of: 'notice_id' | 'decision_id' = 'notice_id',
) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('supervision_rectification').selectAll().where(of, 'in', ids).orderBy('id').execute();
}

export function findRectificationById(db: Db, id: number) {
  return db.selectFrom('supervision_rectification').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertRectification(trx: Db, values: Insertable<Database['supervision_rectification']>) {
  return trx.insertInto('supervision_rectification').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateRectificationRow(
  trx: Db,
  id: number,
  patch: Updateable<Database['supervision_rectification']>,
) {
  return trx.updateTable('supervision_rectification').set(patch).where('id', '=', id).execute();
}

/**
 * Open notices of a county past a deadline by `graceDays` or more (warning indicators): the unit's
 * report (served or returned, report_due_on) or the correction itself (correction_due_on).
 */
export function findOverdueNotices(
  db: Db,
  countyPath: string,
  deadline: 'report' | 'correction',
  dueBefore: string,
) {
  const column =
    deadline === 'report' ? 'supervision_notice.report_due_on' : 'supervision_notice.correction_due_on';
  const dueColumn = deadline === 'report' ? 'report_due_on' : 'correction_due_on';
  const states: NoticeState[] =
    deadline === 'report' ? ['served', 'returned'] : ['issued', 'served', 'returned', 'reported'];
  return db
    .selectFrom('supervision_notice')
    .innerJoin('org as unit', 'unit.id', 'supervision_notice.unit_org_id')
    .select([
      'supervision_notice.id',
      'supervision_notice.unit_org_id',
      'supervision_notice.number',
      'unit.name as unit_name',
      'supervision_notice.report_due_on',
      'supervision_notice.correction_due_on',
    ])
    .where('unit.path', 'like', `${countyPath}%`)
    .where('supervision_notice.state', 'in', states)
    .where(column, '<', dueBefore)
    .orderBy('supervision_notice.id')
    .execute()
    .then((rows) => rows.map((row) => ({ ...row, due_on: row[dueColumn] })));
}

/** The notices that replace `ids` (their successors), unless withdrawn themselves. */
export function findSuccessors(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('supervision_notice')
    .select(['id', 'number', 'supersedes_id', 'state'])
    .where('supersedes_id', 'in', ids)
    .where('state', '<>', 'withdrawn')
    .execute();
}

/** The states of the notices issued to the unit in the year, drafts and withdrawn ones left out. */
export function findNoticeStatesToUnit(db: Db, unitOrgId: number, year: number) {
  return db
    .selectFrom('supervision_notice')
    .select(['state'])
    .where('unit_org_id', '=', unitOrgId)
    .where('issued_on', '>=', `${year}-01-01`)
    .where('issued_on', '<=', `${year}-12-31`)
    .where('state', 'not in', ['draft', 'awaiting_sign_off', 'withdrawn'])
    .execute();
}
