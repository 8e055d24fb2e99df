/** SQL of matters, their units and the yearly focus list; every read under the policy's scope condition. */
import type { Expression, ExpressionBuilder, Insertable, SqlBool, Updateable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { containsPattern } from '../../../db/like.ts';
import type { Database, SupervisionMatter } from '../../../db/schema.ts';
import { visibleMatters } from '../supervision.repository.ts';

export type MatterRow = SupervisionMatter & {
  org_name: string;
  org_path: string;
  complaint_summary: string | null;
  complaint_received_on: string | null;
  case_no: string | null;
  case_name: string | null;
  focus_title: string | null;
  inspection_count: number | string | null;
  waiting_reports: number | string | null;
  is_overdue: boolean | number;
};

/**
 * An open matter is overdue on `today` when its own due date has passed or a unit's reply to it
 * (a report request, a served notice's report) is past its due date.
 */
export function overdueMatter(today: string) {
  return (eb: ExpressionBuilder<Database, 'supervision_matter'>) =>
    eb.and([
      eb('supervision_matter.state', '=', 'open'),
      eb.or([
        // not null-able: NOT (overdue) must hold for a matter without a due date
        eb.and([
          eb('supervision_matter.due_on', 'is not', null),
          eb('supervision_matter.due_on', '<', today),
        ]),
        eb.exists(
          eb
            .selectFrom('supervision_report_request as overdue_request')
            .select('overdue_request.id')
            .whereRef('overdue_request.matter_id', '=', 'supervision_matter.id')
            .where('overdue_request.state', '=', 'waiting')
            .where('overdue_request.due_on', '<', today),
        ),
        eb.exists(
          eb
            .selectFrom('supervision_notice as overdue_notice')
            .select('overdue_notice.id')
            .whereRef('overdue_notice.matter_id', '=', 'supervision_matter.id')
            .where('overdue_notice.state', 'in', ['served', 'returned'])
            .where('overdue_notice.report_due_on', '<', today),
        ),
      ]),
    ]);
}

function mattersQuery(db: Db, today: string) {
  return db
    .selectFrom('supervision_matter')
    .innerJoin('org', 'org.id', 'supervision_matter.org_id')
    .leftJoin('complaint', 'complaint.id', 'supervision_matter.complaint_id')
    .leftJoin('enforcement_case', 'enforcement_case.id', 'supervision_matter.case_id')
    .leftJoin('supervision_focus', 'supervision_focus.id', 'supervision_matter.focus_id')
    .selectAll('supervision_matter')
    .select((eb) => [
      'org.name as org_name',
      'org.path as org_path',
      'complaint.summary as complaint_summary',
      'complaint.received_on as complaint_received_on',
      'enforcement_case.case_no',
      'enforcement_case.name as case_name',
      'supervision_focus.title as focus_title',
      eb
        .selectFrom('supervision_inspection')
        .select((inner) => inner.fn.countAll<number>().as('count'))
        .whereRef('supervision_inspection.matter_id', '=', 'supervision_matter.id')
        .as('inspection_count'),
      eb
        .selectFrom('supervision_report_request')
        .select((inner) => inner.fn.countAll<number>().as('count'))
        .whereRef('supervision_report_request.matter_id', '=', 'supervision_matter.id')
        .where('supervision_report_request.state', '=', 'waiting')
        .as('waiting_reports'),
      overdueMatter(today)(eb).as('is_overdue'),
    ]);
}

export interface MatterFilter {
  scopePaths: readonly string[];
  today: string;
  kind?: SupervisionMatter['kind'] | undefined;
  field?: SupervisionMatter['field'] | undefined;
  source?: SupervisionMatter['source'] | undefined;
  state?: SupervisionMatter['state'] | undefined;
  /** path of the unit filtered by: matters supervising it or a unit under it */
  unitPath?: string | undefined;
  overdue?: boolean | undefined;
  year?: number | undefined;
  keyword?: string | undefined;
}

function filteredMatters(db: Db, filter: MatterFilter) {
  return mattersQuery(db, filter.today).where((eb) => {
    const conditions: Expression<SqlBool>[] = [visibleMatters(filter.scopePaths)(eb)];
    if (filter.kind) conditions.push(eb('supervision_matter.kind', '=', filter.kind));
    if (filter.field) conditions.push(eb('supervision_matter.field', '=', filter.field));
    if (filter.source) conditions.push(eb('supervision_matter.source', '=', filter.source));
    if (filter.state) conditions.push(eb('supervision_matter.state', '=', filter.state));
    if (filter.year) {
      conditions.push(eb('supervision_matter.opened_on', '>=', `${filter.year}-01-01`));
      conditions.push(eb('supervision_matter.opened_on', '<=', `${filter.year}-12-31`));
    }
    if (filter.keyword) {
      conditions.push(eb('supervision_matter.title', 'like', containsPattern(filter.keyword)));
    }
    if (filter.unitPath) {
      conditions.push(
        eb.exists(
          eb
            .selectFrom('supervision_matter_unit as filter_unit')
            .innerJoin('org as filter_org', 'filter_org.id', 'filter_unit.org_id')
            .select('filter_unit.org_id')
            .whereRef('filter_unit.matter_id', '=', 'supervision_matter.id')
            .where('filter_org.path', 'like', `${filter.unitPath}%`),
        ),
      );
    }
    if (filter.overdue !== undefined) {
      const overdue = overdueMatter(filter.today)(eb);
      conditions.push(filter.overdue ? overdue : eb.not(overdue));
    }
    return eb.and(conditions);
  });
}

export async function findMatters(db: Db, filter: MatterFilter & { page: number; pageSize: number }) {
  const query = filteredMatters(db, filter);
  const [rows, count] = await Promise.all([
    query
      .orderBy('supervision_matter.opened_on', 'desc')
      .orderBy('supervision_matter.id', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    filteredMatters(db, filter)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/** Every matter the filter lets through (exports), newest first, at most `limit`. */
export function findAllMatters(db: Db, filter: MatterFilter, limit: number): Promise<MatterRow[]> {
  return filteredMatters(db, filter)
    .orderBy('supervision_matter.opened_on', 'desc')
    .orderBy('supervision_matter.id', 'desc')
    .limit(limit)
    .execute();
}

/** One matter by id, unscoped: the service checks the policy with its units' paths. */
export function findMatterById(db: Db, id: number, today: string): Promise<MatterRow | undefined> {
  return mattersQuery(db, today).where('supervision_matter.id', '=', id).executeTakeFirst();
}

/** The units of these matters with their paths, ordered as the org tree. */
export async function findMatterUnits(db: Db, matterIds: readonly number[]) {
  if (matterIds.length === 0) return [];
  return db
    .selectFrom('supervision_matter_unit')
    .innerJoin('org', 'org.id', 'supervision_matter_unit.org_id')
    .select(['supervision_matter_unit.matter_id', 'org.id', 'org.name', 'org.path'])
    .where('supervision_matter_unit.matter_id', 'in', matterIds)
    .orderBy('org.path')
    .execute();
}

export function insertMatter(
  trx: Db,
  values: Omit<
    SupervisionMatter,
    'id' | 'state' | 'created_at' | 'updated_at' | 'closed_on' | 'closing_summary'
  >,
) {
  return trx.insertInto('supervision_matter').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateMatterRow(trx: Db, id: number, patch: Partial<SupervisionMatter>) {
  return trx
    .updateTable('supervision_matter')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Replaces a matter's units with `orgIds`. */
export async function replaceMatterUnits(trx: Db, matterId: number, orgIds: readonly number[]) {
  await trx.deleteFrom('supervision_matter_unit').where('matter_id', '=', matterId).execute();
  if (orgIds.length > 0) {
    await trx
      .insertInto('supervision_matter_unit')
      .values(orgIds.map((orgId) => ({ matter_id: matterId, org_id: orgId })))
      .execute();
  }
}

// The yearly focus list (第十二条)

export function findFocusItems(db: Db, countyOrgId: number, year: number | undefined) {
  let query = db
    .selectFrom('supervision_focus')
    .selectAll('supervision_focus')
    .select((eb) =>
      eb
        .selectFrom('supervision_matter')
        .select((inner) => inner.fn.countAll<number>().as('count'))
        .whereRef('supervision_matter.focus_id', '=', 'supervision_focus.id')
        .as('matter_count'),
    )
    .where('county_org_id', '=', countyOrgId);
  if (year) query = query.where('year', '=', year);
  return query.orderBy('year', 'desc').orderBy('sort_order').orderBy('id').execute();
}

export function findFocusById(db: Db, id: number) {
  return db.selectFrom('supervision_focus').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertFocus(trx: Db, values: Insertable<Database['supervision_focus']>) {
  return trx.insertInto('supervision_focus').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateFocusRow(trx: Db, id: number, patch: Updateable<Database['supervision_focus']>) {
  return trx
    .updateTable('supervision_focus')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}
