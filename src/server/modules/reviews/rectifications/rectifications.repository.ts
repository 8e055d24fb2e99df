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

const ATTACHMENT_META = [
  'id',
  'rectification_id',
  'file_name',
  'content_type',
  'size_bytes',
  'sha256',
  'created_at',
] as const;

/** The attachments of these reports (metadata, oldest first). */
export function findRectificationAttachments(db: Db, rectificationIds: readonly number[]) {
  if (rectificationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('review_rectification_attachment')
    .select(ATTACHMENT_META)
    .where('rectification_id', 'in', rectificationIds)
    .orderBy('id')
    .execute();
}

export function findRectificationAttachment(db: Db, rectificationId: number, id: number) {
  return db
    .selectFrom('review_rectification_attachment')
    .innerJoin(
      'review_rectification_attachment_content',
      'review_rectification_attachment_content.attachment_id',
      'review_rectification_attachment.id',
    )
    .select(['file_name', 'content_type', 'bytes'])
    .where('review_rectification_attachment.rectification_id', '=', rectificationId)
    .where('review_rectification_attachment.id', '=', id)
    .executeTakeFirst();
}

export async function insertRectificationAttachment(
  trx: Db,
  values: {
    rectification_id: number;
    file_name: string;
    content_type: 'application/pdf' | 'image/jpeg' | 'image/png';
    size_bytes: number;
    sha256: string;
    created_by: number;
  },
  bytes: Buffer,
) {
  const row = await trx
    .insertInto('review_rectification_attachment')
    .values(values)
    .returning(ATTACHMENT_META)
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('review_rectification_attachment_content')
    .values({ attachment_id: row.id, bytes })
    .execute();
  return row;
}
