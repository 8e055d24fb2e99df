/**
 * Files of supervision records (evidence, replies to report requests, later referrals and
 * rectification reports): checked as every upload is (lib/uploads.ts: PDF/JPEG/PNG by their first
 * bytes, ≤ 10 MiB, the name's claim matching), SHA-256 kept, audited. Who reads and writes a file is
 * who reads and writes its owner: each owner type names its resolver.
 */
import type { Db } from '../../../db/database.ts';
import type { SupervisionAttachmentOwner } from '../../../db/schema.ts';
import type { Actor } from '../../../lib/access.ts';
import { AppError, notFound } from '../../../lib/errors.ts';
import type { DownloadFile } from '../../../lib/http.ts';
import { inspectUpload, type UploadedFile } from '../../../lib/uploads.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { getEvidenceOwner } from '../inspections/inspections.service.ts';
import { getReportRequestOwner } from '../inspections/report-requests.service.ts';
import { getRectificationOwner } from '../notices/notices.service.ts';
import { getReferralOwner } from '../referrals/referrals.service.ts';
import type { AttachmentView } from '../supervision.schema.ts';
import {
  countAttachmentsOf,
  findAttachmentById,
  findAttachmentBytes,
  insertAttachment,
} from './attachments.repository.ts';
import { presentAttachment } from './attachments.view.ts';

/** Files one record may hold. */
export const ATTACHMENTS_PER_RECORD_MAX = 20;
const FIELD = 'file';

type OwnerResolver = (
  db: Db,
  actor: Actor,
  ownerId: number,
  mode: 'read' | 'write',
) => Promise<{ orgId: number }>;

/** Each owner type's access rule, from the sub-domain that owns it. */
const OWNERS: Partial<Record<SupervisionAttachmentOwner, OwnerResolver>> = {
  evidence: getEvidenceOwner,
  report_request: getReportRequestOwner,
  referral: getReferralOwner,
  rectification: getRectificationOwner,
};

function resolverOf(type: SupervisionAttachmentOwner): OwnerResolver {
  const resolver = OWNERS[type];
  if (!resolver) throw notFound('附件');
  return resolver;
}

/** Stores a file under a record the actor may write. */
export async function uploadAttachment(
  db: Db,
  actor: Actor,
  ownerType: SupervisionAttachmentOwner,
  ownerId: number,
  file: UploadedFile,
  noun = '附件',
): Promise<AttachmentView> {
  const { orgId } = await resolverOf(ownerType)(db, actor, ownerId, 'write');
  const inspected = inspectUpload(file, FIELD, noun);
  if ((await countAttachmentsOf(db, ownerType, ownerId)) >= ATTACHMENTS_PER_RECORD_MAX) {
    throw new AppError('VALIDATION_FAILED', `每条记录最多 ${ATTACHMENTS_PER_RECORD_MAX} 个${noun}`, {
      fields: [{ field: FIELD, message: `${noun}已达 ${ATTACHMENTS_PER_RECORD_MAX} 个` }],
    });
  }
  const row = await db.transaction().execute(async (trx) => {
    const row = await insertAttachment(
      trx,
      {
        owner_type: ownerType,
        owner_id: ownerId,
        file_name: file.fileName,
        content_type: inspected.contentType,
        size_bytes: inspected.sizeBytes,
        sha256: inspected.sha256,
        created_by: actor.id,
      },
      file.bytes,
    );
    await recordAudit(trx, actor, {
      action: 'supervision.attachment_upload',
      entityType: 'supervision_attachment',
      entityId: row.id,
      orgId,
      after: {
        ownerType,
        ownerId,
        fileName: file.fileName,
        sha256: inspected.sha256,
        sizeBytes: inspected.sizeBytes,
      },
    });
    return row;
  });
  return presentAttachment(row);
}

/** A file the actor may read (its owner readable), else NOT_FOUND. */
export async function getAttachmentFile(db: Db, actor: Actor, id: number): Promise<DownloadFile> {
  const row = await findAttachmentById(db, id);
  if (!row) throw notFound('附件');
  await resolverOf(row.owner_type)(db, actor, row.owner_id, 'read').catch(() => {
    throw notFound('附件');
  });
  const content = await findAttachmentBytes(db, id);
  return { fileName: row.file_name, contentType: row.content_type, bytes: content!.bytes };
}
