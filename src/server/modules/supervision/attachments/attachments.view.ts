import type { AttachmentView } from '../supervision.schema.ts';
import type { AttachmentRow } from './attachments.repository.ts';

export function presentAttachment(row: AttachmentRow): AttachmentView {
  return {
    id: row.id,
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    createdAt: row.created_at.toISOString(),
  };
}

/** Attachments grouped by their owner id. */
export function attachmentsByOwner(rows: readonly AttachmentRow[]): Map<number, AttachmentView[]> {
  const byOwner = new Map<number, AttachmentView[]>();
  for (const row of rows)
    byOwner.set(row.owner_id, [...(byOwner.get(row.owner_id) ?? []), presentAttachment(row)]);
  return byOwner;
}
