/** Named raters of a period (assessment_period_rater, 0140) and the accounts that may be named. */
import type { Db } from '../../../db/database.ts';

/** The period's named raters with their names and units, by item then name. */
export function findNamedRaters(db: Db, periodId: number) {
  return db
    .selectFrom('assessment_period_rater')
    .innerJoin('user_account', 'user_account.id', 'assessment_period_rater.user_id')
    .innerJoin('org', 'org.id', 'user_account.org_id')
    .select([
      'assessment_period_rater.item',
      'assessment_period_rater.user_id',
      'assessment_period_rater.role',
      'user_account.display_name',
      'org.name as org_name',
    ])
    .where('assessment_period_rater.period_id', '=', periodId)
    .orderBy('assessment_period_rater.item')
    .orderBy('user_account.display_name')
    .execute();
}

/**
 * Accounts of the county that may be named: active leaders (领导评价, 第二章第二条) and the
 * assessment office's staff (supervisor), who enter the public's evaluation (群众评议).
 */
export function findRaterCandidates(db: Db, countyPath: string) {
  return db
    .selectFrom('user_account')
    .innerJoin('org', 'org.id', 'user_account.org_id')
    .select(['user_account.id', 'user_account.display_name', 'user_account.roles', 'org.name as org_name'])
    .where('org.path', 'like', `${countyPath}%`)
    .where('user_account.is_active', '=', true)
    .where((eb) =>
      eb.or([
        eb(eb.val('leader'), '=', eb.fn.any('user_account.roles')),
        eb(eb.val('supervisor'), '=', eb.fn.any('user_account.roles')),
      ]),
    )
    .orderBy('org.path')
    .orderBy('user_account.display_name')
    .execute();
}

/** Replaces the period's named raters. */
export async function replaceNamedRaters(
  db: Db,
  periodId: number,
  rows: { item: string; user_id: number; role: string }[],
  namedBy: number,
) {
  await db.deleteFrom('assessment_period_rater').where('period_id', '=', periodId).execute();
  if (rows.length === 0) return;
  await db
    .insertInto('assessment_period_rater')
    .values(rows.map((row) => ({ ...row, period_id: periodId, named_by: namedBy })))
    .execute();
}
