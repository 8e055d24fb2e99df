/** The SQL of dossier entries (依法行政档案, seed 002 三(二)); callers have resolved the unit under scope. */

import type { Insertable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { UnitDossierEntryTable } from '../../../db/schema.ts';

export function insertDossierEntry(trx: Db, values: Insertable<UnitDossierEntryTable>) {
  return trx.insertInto('unit_dossier_entry').values(values).returningAll().executeTakeFirstOrThrow();
}

/** One unit's entries of a year, newest first, with the adder's name; paged. */
export async function findDossierPage(
  db: Db,
  filter: { unitOrgId: number; year: number; page: number; pageSize: number },
) {
  const base = db
    .selectFrom('unit_dossier_entry')
    .where('unit_dossier_entry.unit_org_id', '=', filter.unitOrgId)
    .where('unit_dossier_entry.year', '=', filter.year);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const items = await base
    .innerJoin('user_account', 'user_account.id', 'unit_dossier_entry.created_by')
    .selectAll('unit_dossier_entry')
    .select('user_account.display_name as created_by_name')
    .orderBy('unit_dossier_entry.occurred_on', 'desc')
    .orderBy('unit_dossier_entry.id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { total: Number(total), items };
}
