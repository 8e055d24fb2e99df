/** The SQL of a county's coordination time limits (one row per county, absent = the defaults). */
import type { Db } from '../../../db/database.ts';
import type { CoordinationSettingTable } from '../../../db/schema.ts';

export function findCoordinationSetting(db: Db, countyOrgId: number) {
  return db
    .selectFrom('coordination_setting')
    .selectAll()
    .where('county_org_id', '=', countyOrgId)
    .executeTakeFirst();
}

export type SettingValues = Omit<CoordinationSettingTable, 'county_org_id' | 'updated_at'>;

/** Writes the county's row, inserting it the first time. */
export function upsertCoordinationSetting(trx: Db, countyOrgId: number, values: SettingValues) {
  return trx
    .insertInto('coordination_setting')
    .values({ county_org_id: countyOrgId, ...values })
    .onConflict((conflict) =>
      conflict.column('county_org_id').doUpdateSet({ ...values, updated_at: new Date() }),
    )
    .execute();
}
