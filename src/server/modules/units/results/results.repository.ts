/** The SQL of rectification plans and commendations (seed 002 五). */
import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { UnitCommendationTable, UnitRectificationTable } from '../../../db/schema.ts';

export function findRectifications(db: Db, filter: { periodId: number } | { unitOrgId: number }) {
  const query = db.selectFrom('unit_rectification').selectAll();
  return (
    'periodId' in filter
      ? query.where('period_id', '=', filter.periodId)
      : query.where('unit_org_id', '=', filter.unitOrgId)
  )
    .orderBy('id')
    .execute();
}

export function insertRectification(trx: Db, values: Insertable<UnitRectificationTable>) {
  return trx.insertInto('unit_rectification').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateRectification(trx: Db, id: number, values: Updateable<UnitRectificationTable>) {
  return trx
    .updateTable('unit_rectification')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function findCommendations(db: Db, periodId: number) {
  return db
    .selectFrom('unit_commendation')
    .innerJoin('org', 'org.id', 'unit_commendation.unit_org_id')
    .selectAll('unit_commendation')
    .select('org.name as unit_name')
    .where('unit_commendation.period_id', '=', periodId)
    .orderBy('unit_commendation.kind', 'desc')
    .orderBy('unit_commendation.id')
    .execute();
}

export function insertCommendation(trx: Db, values: Insertable<UnitCommendationTable>) {
  return trx.insertInto('unit_commendation').values(values).returning('id').executeTakeFirstOrThrow();
}
