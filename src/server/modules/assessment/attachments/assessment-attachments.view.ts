/** How record evidence and appeal proof appear in lists, the scorecard and audit rows. */
import type { Db } from '../../../db/database.ts';
import type { AssessmentAttachment } from '../../../db/schema.ts';
import { findAttachmentsOfAppeals, findAttachmentsOfRecords } from './assessment-attachments.repository.ts';

export function presentAttachment(row: AssessmentAttachment) {
  return {
    id: row.id,
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    createdAt: row.created_at.toISOString(),
  };
}
export type AttachmentView = ReturnType<typeof presentAttachment>;

/** recordId → its files (metadata), for the records list and the scorecard. */
export async function attachmentsByRecord(db: Db, recordIds: readonly number[]) {
  return groupBy(await findAttachmentsOfRecords(db, recordIds), (row) => row.record_id!);
}
/** appealId → its files (metadata), for the appeals list and the scorecard. */
export async function attachmentsByAppeal(db: Db, appealIds: readonly number[]) {
  return groupBy(await findAttachmentsOfAppeals(db, appealIds), (row) => row.appeal_id!);
}

function groupBy(rows: AssessmentAttachment[], keyOf: (row: AssessmentAttachment) => number) {
  const byKey = new Map<number, AttachmentView[]>();
  for (const row of rows) {
    const key = keyOf(row);
    byKey.set(key, [...(byKey.get(key) ?? []), presentAttachment(row)]);
  }
  return byKey;
}
