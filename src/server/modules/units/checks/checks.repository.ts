/** The SQL of year-end checks and spot checks (seed 002 三(三)); callers have resolved the unit under scope. */
import type { Insertable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { UnitCheckTable } from '../../../db/schema.ts';

export function insertCheck(trx: Db, values: Insertable<UnitCheckTable>) {
  return trx.insertInto('unit_check').values(values).returning('id').executeTakeFirstOrThrow();
}

export function setCheckRecords(trx: Db, id: number, recordIds: number[]) {
  return trx.updateTable('unit_check').set({ record_ids: recordIds }).where('id', '=', id).execute();
}

/** One unit's checks of a year, newest first, with names. */
export function findChecks(db: Db, filter: { unitOrgId: number; year: number } | { id: number }) {
  let query = db
    .selectFrom('unit_check')
    .innerJoin('org', 'org.id', 'unit_check.unit_org_id')
    .innerJoin('user_account', 'user_account.id', 'unit_check.created_by')
    .selectAll('unit_check')
    .select(['org.name as unit_name', 'user_account.display_name as created_by_name']);
  query =
    'id' in filter
      ? query.where('unit_check.id', '=', filter.id)
      : query
          .where('unit_check.unit_org_id', '=', filter.unitOrgId)
          .where('unit_check.year', '=', filter.year);
  return query.orderBy('unit_check.checked_on', 'desc').orderBy('unit_check.id', 'desc').execute();
}
