import type { Db } from '../../db/database.ts';

export function findOverrides(db: Db, range?: { from: string; to: string }) {
  let query = db.selectFrom('calendar_override').selectAll();
  if (range) query = query.where('day', '>=', range.from).where('day', '<=', range.to);
  return query.orderBy('day').execute();
}

export function findOverride(db: Db, day: string) {
  return db.selectFrom('calendar_override').selectAll().where('day', '=', day).executeTakeFirst();
}

export function upsertOverride(
  trx: Db,
  values: { day: string; is_working_day: boolean; note: string | null; updated_by: number },
) {
  return trx
    .insertInto('calendar_override')
    .values(values)
    .onConflict((oc) =>
      oc.column('day').doUpdateSet({
        is_working_day: values.is_working_day,
        note: values.note,
        updated_by: values.updated_by,
        updated_at: new Date(),
      }),
    )
    .execute();
}

export function deleteOverride(trx: Db, day: string) {
  return trx.deleteFrom('calendar_override').where('day', '=', day).execute();
}
