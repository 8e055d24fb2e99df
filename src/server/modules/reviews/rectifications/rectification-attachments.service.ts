/**
 * Attachments of a rectification report (评查办法第十七条: 整改情况报告 and its material): the unit adds
 * them while its report waits for the organiser's decision; whoever reads the unit's rectification
 * downloads them. The one upload check of the codebase (PDF/JPEG/PNG by their bytes, ≤ 10 MiB);
 * every upload is audited.
 */
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan } from '../../../lib/access.ts';
import { AppError, conflict, forbidden, notFound } from '../../../lib/errors.ts';
import { inspectUpload, type UploadedFile } from '../../../lib/uploads.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import {
  findRectificationAttachment,
  findRectificationAttachments,
  insertRectificationAttachment,
} from './rectifications.repository.ts';
import { getUnitRectification } from './rectifications.service.ts';

/** Files one report may hold (as an assessment record's evidence). */
export const RECTIFICATION_ATTACHMENTS_MAX = 20;
const NOUN = '整改材料';

/** The unit uploads one file to its pending report; 400 at `file` for a bad file, nothing stored. */
export async function uploadRectificationAttachment(
  db: Db,
  actor: Actor,
  campaignId: number,
  orgId: number,
  rectificationId: number,
  file: UploadedFile,
) {
  assertCan(actor, 'review.unit');
  const current = await getUnitRectification(db, actor, campaignId, orgId);
  const report = current.history.find((entry) => entry.id === rectificationId);
  if (!report) throw notFound('整改报告');
  if (!current.abilities.canAttach) {
    if (report.state === 'submitted') throw forbidden();
    throw conflict('整改报告已审核，不能再添加附件');
  }
  if (report !== current.history.at(-1)) throw conflict('只能为最近一次报送的整改报告添加附件');
  const inspected = inspectUpload(file, 'file', NOUN);
  if ((await findRectificationAttachments(db, [rectificationId])).length >= RECTIFICATION_ATTACHMENTS_MAX)
    throw new AppError('VALIDATION_FAILED', `每份整改报告最多 ${RECTIFICATION_ATTACHMENTS_MAX} 个附件`, {
      fields: [{ field: 'file', message: `每份整改报告最多 ${RECTIFICATION_ATTACHMENTS_MAX} 个附件` }],
    });
  const row = await db.transaction().execute(async (trx) => {
    const inserted = await insertRectificationAttachment(
      trx,
      {
        rectification_id: rectificationId,
        file_name: file.fileName,
        content_type: inspected.contentType,
        size_bytes: inspected.sizeBytes,
        sha256: inspected.sha256,
        created_by: actor.id,
      },
      file.bytes,
    );
    await recordAudit(trx, actor, {
      action: 'review.rectification.attach',
      entityType: 'review_rectification',
      entityId: rectificationId,
      orgId,
      after: { fileName: file.fileName, sizeBytes: inspected.sizeBytes, sha256: inspected.sha256 },
    });
    return inserted;
  });
  return {
    id: row.id,
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    createdAt: row.created_at.toISOString(),
  };
}

/** One attachment's bytes, for whoever reads the unit's rectification. */
export async function getRectificationAttachment(
  db: Db,
  actor: Actor,
  campaignId: number,
  orgId: number,
  rectificationId: number,
  attachmentId: number,
) {
  const current = await getUnitRectification(db, actor, campaignId, orgId);
  if (!current.history.some((entry) => entry.id === rectificationId)) throw notFound('整改报告');
  const row = await findRectificationAttachment(db, rectificationId, attachmentId);
  if (!row) throw notFound('附件');
  return { fileName: row.file_name, contentType: row.content_type, bytes: Buffer.from(row.bytes) };
}
