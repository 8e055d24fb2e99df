/** SQL of rectification reports (第十七条). */
import type { Db } from '../../../db/database.ts';

export function findRectifications(db: Db, campaignIds: readonly number[]) {
  if (campaignIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('review_rectification')
    .selectAll()
    .where('campaign_id', 'in', campaignIds)
    .orderBy('id')
    .execute();
}

export function findRectificationById(db: Db, campaignId: number, id: number) {
  return db
    .selectFrom('review_rectification')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertRectification(
  trx: Db,
  values: {
    campaign_id: number;
    unit_org_id: number;
    report: string;
    attachment_names: string[];
    submitted_by_id: number;
    submitted_by_name: string;
  },
) {
  return trx.insertInto('review_rectification').values(values).returning('id').executeTakeFirstOrThrow();
}

export function decideRectificationRow(
  trx: Db,
  id: number,
  values: { state: 'accepted' | 'returned'; decision_note: string | null; decided_by_name: string },
) {
  return trx
    .updateTable('review_rectification')
    .set({ ...values, decided_at: new Date() })
    .where('id', '=', id)
    .where('state', '=', 'submitted')
    .returning('id')
    .executeTakeFirst();
}
