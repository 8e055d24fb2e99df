/** SQL of supervision decisions (the request to the county government and its decision). */
import type { Insertable, Updateable } from 'kysely';
import type { DecisionState } from '../../../../common/supervision.ts';
import type { Db } from '../../../db/database.ts';
import type { Database } from '../../../db/schema.ts';
import { addressedInScope } from '../supervision.repository.ts';

function decisionsQuery(db: Db) {
  return db
    .selectFrom('supervision_decision')
    .innerJoin('supervision_notice', 'supervision_notice.id', 'supervision_decision.notice_id')
    .innerJoin('supervision_matter', 'supervision_matter.id', 'supervision_notice.matter_id')
    .innerJoin('org as unit', 'unit.id', 'supervision_notice.unit_org_id')
    .innerJoin('org as issuer', 'issuer.id', 'supervision_notice.issuer_org_id')
    .innerJoin('org as owner_org', 'owner_org.id', 'supervision_matter.org_id')
    .selectAll('supervision_decision')
    .select([
      'supervision_notice.matter_id',
      'supervision_notice.unit_org_id',
      'supervision_notice.issuer_org_id',
      'supervision_notice.number as notice_number',
      'supervision_notice.issued_on as notice_issued_on',
      'supervision_notice.state as notice_state',
      'supervision_notice.correction_due_on',
      'supervision_notice.facts',
      'supervision_notice.required_correction',
      'supervision_matter.title as matter_title',
      'unit.name as unit_name',
      'unit.path as unit_path',
      'issuer.name as issuer_name',
      'owner_org.path as owner_path',
    ]);
}
export type DecisionRow = Awaited<ReturnType<ReturnType<typeof decisionsQuery>['executeTakeFirstOrThrow']>>;

export interface DecisionFilter {
  scopePaths: readonly string[];
  state?: DecisionState | undefined;
  matterId?: number | undefined;
  noticeId?: number | undefined;
  unitId?: number | undefined;
}

function filteredDecisions(db: Db, filter: DecisionFilter) {
  let query = decisionsQuery(db).where(addressedInScope(filter.scopePaths, 'unit.path'));
  if (filter.state) query = query.where('supervision_decision.state', '=', filter.state);
  if (filter.matterId) query = query.where('supervision_notice.matter_id', '=', filter.matterId);
  if (filter.noticeId) query = query.where('supervision_decision.notice_id', '=', filter.noticeId);
  if (filter.unitId) query = query.where('supervision_notice.unit_org_id', '=', filter.unitId);
  // the bureau (and the government) see every stage; the unit's readers only the government's decision
  query = query.where((eb) =>
    eb.or([
      eb('supervision_decision.decision_number', 'is not', null),
      ...filter.scopePaths.map((prefix) => eb('owner_org.path', 'like', `${prefix}%`)),
    ]),
  );
  return query;
}

export async function findDecisions(db: Db, filter: DecisionFilter & { page: number; pageSize: number }) {
  const [rows, count] = await Promise.all([
    filteredDecisions(db, filter)
      .orderBy('supervision_decision.id', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    filteredDecisions(db, filter)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findDecisionById(db: Db, id: number) {
  return decisionsQuery(db).where('supervision_decision.id', '=', id).executeTakeFirst();
}

/** Locks the decision row for a state change (FOR UPDATE), in the caller's transaction. */
export function lockDecision(trx: Db, id: number) {
  return trx
    .selectFrom('supervision_decision')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** A decision of the notice still alive (not withdrawn): one notice has at most one at a time. */
export function findActiveDecisionOfNotice(trx: Db, noticeId: number) {
  return trx
    .selectFrom('supervision_decision')
    .select(['id', 'state'])
    .where('notice_id', '=', noticeId)
    .where('state', '<>', 'withdrawn')
    .executeTakeFirst();
}

export function insertDecision(trx: Db, values: Insertable<Database['supervision_decision']>) {
  return trx.insertInto('supervision_decision').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateDecisionRow(trx: Db, id: number, patch: Updateable<Database['supervision_decision']>) {
  return trx
    .updateTable('supervision_decision')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** The government's decisions that name a case (for the case's page), newest first. */
export function findDecidedOfCase(db: Db, caseId: number) {
  return db
    .selectFrom('supervision_decision')
    .innerJoin('supervision_notice', 'supervision_notice.id', 'supervision_decision.notice_id')
    .select([
      'supervision_decision.id',
      'supervision_decision.kind',
      'supervision_decision.decision_number',
      'supervision_decision.decided_on',
      'supervision_decision.state',
      'supervision_notice.number as notice_number',
    ])
    .where('supervision_decision.case_id', '=', caseId)
    .where('supervision_decision.decision_number', 'is not', null)
    .orderBy('supervision_decision.decided_on', 'desc')
    .execute();
}

/** Decided decisions of a county whose report is due before `dueBefore` and still not accepted. */
export function findOverdueDecisions(db: Db, countyPath: string, dueBefore: string) {
  return db
    .selectFrom('supervision_decision')
    .innerJoin('supervision_notice', 'supervision_notice.id', 'supervision_decision.notice_id')
    .innerJoin('org as unit', 'unit.id', 'supervision_notice.unit_org_id')
    .select([
      'supervision_decision.id',
      'supervision_notice.unit_org_id',
      'supervision_decision.decision_number',
      'unit.name as unit_name',
      'supervision_decision.report_due_on',
    ])
    .where('unit.path', 'like', `${countyPath}%`)
    .where('supervision_decision.state', 'in', ['decided', 'returned'])
    .where('supervision_decision.report_due_on', '<', dueBefore)
    .orderBy('supervision_decision.id')
    .execute();
}

/** The notice a decision was requested on (a decision's report is read and answered as that notice is). */
export async function findDecisionNoticeId(db: Db, id: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('supervision_decision')
    .select('notice_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.notice_id;
}
