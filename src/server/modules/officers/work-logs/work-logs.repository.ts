import type { Db } from '../../../db/database.ts';
import type { WorkLog, WorkLogKind } from '../../../db/schema.ts';
import { type OfficerVisibility, visibleOfficers } from '../archive/officers.repository.ts';

export type WorkLogRow = WorkLog & {
  officer_name: string;
  officer_org_id: number;
  org_name: string;
  org_path: string;
  officer_user_id: number | null;
};

const columns = [
  'officer.name as officer_name',
  'officer.org_id as officer_org_id',
  'org.name as org_name',
  'org.path as org_path',
  'officer.user_id as officer_user_id',
] as const;

export interface WorkLogFilter extends OfficerVisibility {
  officerId?: number | undefined;
  orgPath?: string | undefined;
  kind?: WorkLogKind | undefined;
  /** entries whose period overlaps [from, to] */
  from?: string | undefined;
  to?: string | undefined;
}

export async function findWorkLogs(db: Db, filter: WorkLogFilter & { page: number; pageSize: number }) {
  let query = db
    .selectFrom('work_log')
    .innerJoin('officer', 'officer.id', 'work_log.officer_id')
    .innerJoin('org', 'org.id', 'officer.org_id')
    .where(visibleOfficers(filter));
  if (filter.officerId) query = query.where('work_log.officer_id', '=', filter.officerId);
  if (filter.orgPath) query = query.where('org.path', 'like', `${filter.orgPath}%`);
  if (filter.kind) query = query.where('work_log.kind', '=', filter.kind);
  if (filter.from) query = query.where('work_log.period_end', '>=', filter.from);
  if (filter.to) query = query.where('work_log.period_start', '<=', filter.to);
  const [rows, count] = await Promise.all([
    query
      .selectAll('work_log')
      .select(columns)
      .orderBy('work_log.period_start', 'desc')
      .orderBy('work_log.id', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as WorkLogRow[], total: Number(count.total) };
}

export function findWorkLogById(db: Db, id: number): Promise<WorkLogRow | undefined> {
  return db
    .selectFrom('work_log')
    .innerJoin('officer', 'officer.id', 'work_log.officer_id')
    .innerJoin('org', 'org.id', 'officer.org_id')
    .selectAll('work_log')
    .select(columns)
    .where('work_log.id', '=', id)
    .executeTakeFirst();
}

export function insertWorkLogs(
  trx: Db,
  values: Array<{
    officer_id: number;
    kind: WorkLogKind;
    period_start: string;
    period_end: string;
    content: string;
  }>,
) {
  if (values.length === 0) return Promise.resolve([]);
  return trx.insertInto('work_log').values(values).returning('id').execute();
}

export function updateWorkLogRow(trx: Db, id: number, content: string) {
  return trx.updateTable('work_log').set({ content, updated_at: new Date() }).where('id', '=', id).execute();
}
