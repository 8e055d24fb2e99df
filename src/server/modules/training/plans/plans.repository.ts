import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { TrainingPlanItemTable } from '../../../db/schema.ts';
import { readableTrainingOrgs, type TrainingActor } from '../training.policy.ts';

export type PlanRow = Awaited<ReturnType<typeof findPlans>>[number];

/** Plans the account reads (training.policy.ts), newest year first. */
export function findPlans(
  db: Db,
  ctx: TrainingActor,
  filter: { year?: number | undefined; orgPath?: string | undefined; id?: number },
) {
  let query = db
    .selectFrom('training_plan')
    .innerJoin('org', 'org.id', 'training_plan.org_id')
    .selectAll('training_plan')
    .select(['org.name as org_name', 'org.path as org_path'])
    .where(readableTrainingOrgs(ctx));
  if (filter.year) query = query.where('training_plan.year', '=', filter.year);
  if (filter.orgPath) query = query.where('org.path', 'like', `${filter.orgPath}%`);
  if (filter.id) query = query.where('training_plan.id', '=', filter.id);
  return query.orderBy('training_plan.year', 'desc').orderBy('org.path').limit(200).execute();
}

/** A plan by id with its organisation, unscoped (the service checks the policy). */
export function findPlanById(db: Db, id: number) {
  return db
    .selectFrom('training_plan')
    .innerJoin('org', 'org.id', 'training_plan.org_id')
    .selectAll('training_plan')
    .select(['org.name as org_name', 'org.path as org_path'])
    .where('training_plan.id', '=', id)
    .executeTakeFirst();
}

export function findPlanByOrgYear(db: Db, orgId: number, year: number) {
  return db
    .selectFrom('training_plan')
    .select('id')
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** The items of these plans with the number of finished sessions held for each. */
export function findPlanItems(db: Db, planIds: readonly number[]) {
  if (planIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('training_plan_item')
    .selectAll('training_plan_item')
    .select((eb) =>
      eb
        .selectFrom('training_session')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('training_session.plan_item_id', '=', 'training_plan_item.id')
        .where('training_session.status', '=', 'finished')
        .as('finished_sessions'),
    )
    .where('plan_id', 'in', [...planIds])
    .orderBy('plan_id')
    .orderBy('position')
    .execute();
}

export function findPlanItemById(db: Db, id: number) {
  return db
    .selectFrom('training_plan_item')
    .innerJoin('training_plan', 'training_plan.id', 'training_plan_item.plan_id')
    .innerJoin('org', 'org.id', 'training_plan.org_id')
    .selectAll('training_plan_item')
    .select(['training_plan.year', 'org.path as org_path'])
    .where('training_plan_item.id', '=', id)
    .executeTakeFirst();
}

/**
 * Required 专题培训 items of the year's plans whose organisation is an ancestor-or-self of any of
 * these paths (第七条(二)), with the sessions held for them.
 */
export async function findRequiredItemsOfYear(db: Db, year: number) {
  const items = await db
    .selectFrom('training_plan_item')
    .innerJoin('training_plan', 'training_plan.id', 'training_plan_item.plan_id')
    .innerJoin('org', 'org.id', 'training_plan.org_id')
    .select([
      'training_plan_item.id',
      'training_plan_item.content',
      'training_plan_item.planned_month',
      'org.path as org_path',
    ])
    .where('training_plan.year', '=', year)
    .where('training_plan_item.is_required', '=', true)
    .where('training_plan_item.kind', '=', 'thematic')
    .execute();
  const sessions =
    items.length === 0
      ? []
      : await db
          .selectFrom('training_session')
          .select(['id', 'plan_item_id'])
          .where(
            'plan_item_id',
            'in',
            items.map((item) => item.id),
          )
          .execute();
  return { items, sessions };
}

export function insertPlan(
  trx: Db,
  values: { org_id: number; year: number; title: string; note: string | null; created_by: number },
) {
  return trx.insertInto('training_plan').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updatePlanRow(trx: Db, id: number, values: { title: string; note: string | null }) {
  return trx
    .updateTable('training_plan')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function deletePlanRow(trx: Db, id: number) {
  return trx.deleteFrom('training_plan').where('id', '=', id).execute();
}

export function insertPlanItems(trx: Db, values: Insertable<TrainingPlanItemTable>[]) {
  if (values.length === 0) return Promise.resolve([]);
  return trx.insertInto('training_plan_item').values(values).returning('id').execute();
}

export function updatePlanItemRow(trx: Db, id: number, values: Partial<Insertable<TrainingPlanItemTable>>) {
  return trx.updateTable('training_plan_item').set(values).where('id', '=', id).execute();
}

export function deletePlanItems(trx: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return trx
    .deleteFrom('training_plan_item')
    .where('id', 'in', [...ids])
    .execute();
}

/** Whether any session (planned or finished) is linked to these items. */
export async function countSessionsOfItems(db: Db, itemIds: readonly number[]): Promise<number> {
  if (itemIds.length === 0) return 0;
  const row = await db
    .selectFrom('training_session')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('plan_item_id', 'in', [...itemIds])
    .executeTakeFirstOrThrow();
  return row.n;
}
