import type { Db } from '../../../db/database.ts';
import type { AssessmentAttachment } from '../../../db/schema.ts';

export type AttachmentValues = Omit<AssessmentAttachment, 'id' | 'created_at'>;

/** Metadata columns only: lists never read the bytes. */
const META = [
  'assessment_attachment.id',
  'assessment_attachment.period_id',
  'assessment_attachment.record_id',
  'assessment_attachment.appeal_id',
  'assessment_attachment.file_name',
  'assessment_attachment.content_type',
  'assessment_attachment.size_bytes',
  'assessment_attachment.sha256',
  'assessment_attachment.created_by',
  'assessment_attachment.created_at',
] as const;

/** Stores the metadata row and the bytes; returns the row. */
export async function insertAttachment(
  trx: Db,
  values: AttachmentValues,
  bytes: Buffer,
): Promise<AssessmentAttachment> {
  const row = await trx
    .insertInto('assessment_attachment')
    .values(values)
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx.insertInto('assessment_attachment_content').values({ attachment_id: row.id, bytes }).execute();
  return row;
}

/**
 * One attachment of a period with what decides who reads it: the record's subject, item, kind and
 * status, or the appeal's subject and status. undefined when the period has no such attachment.
 */
export function findAttachmentInPeriod(db: Db, periodId: number, id: number) {
  return db
    .selectFrom('assessment_attachment')
    .leftJoin('assessment_record', 'assessment_record.id', 'assessment_attachment.record_id')
    .leftJoin('assessment_appeal', 'assessment_appeal.id', 'assessment_attachment.appeal_id')
    .select(META)
    .select([
      'assessment_record.subject_key as record_subject_key',
      'assessment_record.item as record_item',
      'assessment_record.kind as record_kind',
      'assessment_record.status as record_status',
      'assessment_appeal.subject_key as appeal_subject_key',
      'assessment_appeal.status as appeal_status',
    ])
    .where('assessment_attachment.period_id', '=', periodId)
    .where('assessment_attachment.id', '=', id)
    .executeTakeFirst();
}

export function findAttachmentBytes(db: Db, id: number) {
  return db
    .selectFrom('assessment_attachment_content')
    .select('bytes')
    .where('attachment_id', '=', id)
    .executeTakeFirst();
}

/** The attachments of these records (metadata, oldest first). */
export function findAttachmentsOfRecords(db: Db, recordIds: readonly number[]) {
  if (recordIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('assessment_attachment')
    .select(META)
    .where('assessment_attachment.record_id', 'in', recordIds)
    .orderBy('assessment_attachment.id')
    .execute();
}

/** The attachments of these appeals (metadata, oldest first). */
export function findAttachmentsOfAppeals(db: Db, appealIds: readonly number[]) {
  if (appealIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('assessment_attachment')
    .select(META)
    .where('assessment_attachment.appeal_id', 'in', appealIds)
    .orderBy('assessment_attachment.id')
    .execute();
}

/** How many files a record or an appeal holds. */
export async function countAttachments(db: Db, owner: { recordId: number } | { appealId: number }) {
  const row = await db
    .selectFrom('assessment_attachment')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where(
      'recordId' in owner ? 'record_id' : 'appeal_id',
      '=',
      'recordId' in owner ? owner.recordId : owner.appealId,
    )
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Deletes the row (the bytes go with it). */
export async function deleteAttachmentRow(trx: Db, id: number): Promise<void> {
  await trx.deleteFrom('assessment_attachment').where('id', '=', id).execute();
}

/** The appeal of a period with its subject, or undefined. */
export function findAppealInPeriod(db: Db, periodId: number, appealId: number) {
  return db
    .selectFrom('assessment_appeal')
    .select(['id', 'subject_key', 'status'])
    .where('period_id', '=', periodId)
    .where('id', '=', appealId)
    .executeTakeFirst();
}
