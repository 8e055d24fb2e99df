/**
 * Evidence files of assessment records (证据材料) and the proof attached to appeals (seed 004
 * 第四章第三条: 申诉时…并附相关证明材料): PDF, JPEG or PNG by their first bytes, at most 10 MiB,
 * SHA-256 kept. Read by whoever may read the record or the appeal; added and removed only while the
 * record or appeal can still change (records: while the period takes records; proof: while the
 * appeal waits for its decision). Every upload and removal is audited.
 */
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan, can } from '../../../lib/access.ts';
import { AppError, forbidden, notFound } from '../../../lib/errors.ts';
import { inspectUpload, type UploadedFile } from '../../../lib/uploads.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import {
  areResultsVisible,
  assertNotFinalised,
  assertRecordingOpen,
  assertRecordsIn,
  findActorOrgPath,
  getOwnSubject,
  getPeriodForActor,
  isManager,
  isOwnSubject,
  type PeriodRow,
} from '../assessment.access.ts';
import { findSubjectRows } from '../assessment.repository.ts';
import { findRecordById } from '../records/assessment-records.repository.ts';
import { assertOwnsItem, catalogueOfPeriod, ownedGroups } from '../records/assessment-records.service.ts';
import {
  countAttachments,
  deleteAttachmentRow,
  findAppealInPeriod,
  findAttachmentBytes,
  findAttachmentInPeriod,
  insertAttachment,
} from './assessment-attachments.repository.ts';
import { presentAttachment } from './assessment-attachments.view.ts';

/** Files one record or one appeal may hold. */
export const ATTACHMENTS_PER_OWNER_MAX = 20;
const FIELD = 'file';
const RECORD_NOUN = '证据材料';
const APPEAL_NOUN = '证明材料';

/** A record the actor may add evidence to or remove it from: its item in the actor's groups, not withdrawn. */
async function getRecordForEvidenceWrite(db: Db, actor: Actor, period: PeriodRow, recordId: number) {
  const record = await findRecordById(db, period.id, recordId);
  if (record?.kind !== 'record') throw notFound('考核记录');
  const item = (await catalogueOfPeriod(db, period)).items.get(record.item);
  if (item) assertOwnsItem(item, await ownedGroups(db, actor, period));
  if (record.status === 'withdrawn' || record.status === 'dismissed') {
    throw new AppError(
      'CONFLICT',
      `记录 R${record.id} 已${record.status === 'withdrawn' ? '撤回' : '不采纳'}，不能再更改证据材料`,
    );
  }
  return record;
}

/** A pending appeal the actor speaks for (its subject is the actor's own). */
async function getAppealForProofWrite(db: Db, actor: Actor, period: PeriodRow, appealId: number) {
  const appeal = await findAppealInPeriod(db, period.id, appealId);
  if (!appeal) throw notFound('申诉');
  const subject = await getOwnSubject(db, actor, period, appeal.subject_key);
  if (appeal.status !== 'pending') {
    throw new AppError('CONFLICT', '该申诉已作出决定，不能再更改证明材料');
  }
  return { appeal, subject };
}

function checkFile(file: UploadedFile, noun: string) {
  const inspected = inspectUpload(file, FIELD, noun);
  return inspected;
}

async function assertRoomFor(db: Db, owner: { recordId: number } | { appealId: number }, noun: string) {
  if ((await countAttachments(db, owner)) >= ATTACHMENTS_PER_OWNER_MAX) {
    throw new AppError(
      'VALIDATION_FAILED',
      `每条最多 ${ATTACHMENTS_PER_OWNER_MAX} 个${noun}，请先删除不需要的文件`,
      {
        fields: [{ field: FIELD, message: `${noun}已达 ${ATTACHMENTS_PER_OWNER_MAX} 个` }],
      },
    );
  }
}

/** Stores a file and audits it (assessment.attachment_upload). */
async function storeAttachment(
  db: Db,
  actor: Actor,
  owner: { period: PeriodRow; recordId: number | null; appealId: number | null; orgId: number },
  file: UploadedFile,
  inspected: ReturnType<typeof checkFile>,
) {
  return db.transaction().execute(async (trx) => {
    const row = await insertAttachment(
      trx,
      {
        period_id: owner.period.id,
        record_id: owner.recordId,
        appeal_id: owner.appealId,
        file_name: file.fileName,
        content_type: inspected.contentType,
        size_bytes: inspected.sizeBytes,
        sha256: inspected.sha256,
        created_by: actor.id,
      },
      file.bytes,
    );
    const view = presentAttachment(row);
    await recordAudit(trx, actor, {
      action: 'assessment.attachment_upload',
      entityType: 'assessment_attachment',
      entityId: row.id,
      orgId: owner.orgId,
      after: { periodId: owner.period.id, recordId: owner.recordId, appealId: owner.appealId, ...view },
    });
    return view;
  });
}

/** Evidence of a record, by a section that may record it, while the period takes records. */
export async function uploadRecordAttachment(
  db: Db,
  actor: Actor,
  periodId: number,
  recordId: number,
  file: UploadedFile,
) {
  const period = await getPeriodForActor(db, actor, periodId);
  assertRecordsIn(actor, period);
  assertRecordingOpen(period);
  const record = await getRecordForEvidenceWrite(db, actor, period, recordId);
  const inspected = checkFile(file, RECORD_NOUN);
  await assertRoomFor(db, { recordId }, RECORD_NOUN);
  const [subject] = await findSubjectRows(db, periodId, [record.subject_key]);
  return storeAttachment(
    db,
    actor,
    { period, recordId, appealId: null, orgId: subject?.org_id ?? period.org_id },
    file,
    inspected,
  );
}

/** Proof of an appeal, by its appellant, while the appeal waits for its decision. */
export async function uploadAppealAttachment(
  db: Db,
  actor: Actor,
  periodId: number,
  appealId: number,
  file: UploadedFile,
) {
  assertCan(actor, 'assessment.self');
  const period = await getPeriodForActor(db, actor, periodId);
  assertNotFinalised(period);
  const { subject } = await getAppealForProofWrite(db, actor, period, appealId);
  const inspected = checkFile(file, APPEAL_NOUN);
  await assertRoomFor(db, { appealId }, APPEAL_NOUN);
  return storeAttachment(
    db,
    actor,
    { period, recordId: null, appealId, orgId: subject.org_id },
    file,
    inspected,
  );
}

type AttachmentRow = NonNullable<Awaited<ReturnType<typeof findAttachmentInPeriod>>>;

/**
 * Whether the actor may read a record's evidence, as it may read the record: the office all, a
 * section the records of its groups, the subject its own active records — once results are
 * published (before that the subject follows only its provisional score).
 */
async function assertMayReadRecordEvidence(db: Db, actor: Actor, period: PeriodRow, row: AttachmentRow) {
  if (row.record_kind !== 'record') throw notFound('证据材料');
  if (isManager(actor, period)) return;
  if (can(actor, 'assessment.record')) {
    const owned = await ownedGroups(db, actor, period);
    const item = (await catalogueOfPeriod(db, period)).items.get(row.record_item!);
    if (owned === null || (item?.ownerGroup != null && owned.has(item.ownerGroup))) return;
  }
  const [subject] = await findSubjectRows(db, period.id, [row.record_subject_key!]);
  const isOwn =
    row.record_status === 'active' &&
    subject !== undefined &&
    isOwnSubject(actor, await findActorOrgPath(db, actor), subject);
  if (!isOwn) throw forbidden('无权查看该证据材料');
  if (!areResultsVisible(actor, period)) {
    throw new AppError('FORBIDDEN', '考核结果公示后方可下载本人考核记录的证据材料');
  }
}

/** Whether the actor may read an appeal's proof, as it may read the appeal: office and deciders all, the appellant its own. */
async function assertMayReadAppealProof(db: Db, actor: Actor, period: PeriodRow, row: AttachmentRow) {
  if (isManager(actor, period) || can(actor, 'assessment.decide')) return;
  const [subject] = await findSubjectRows(db, period.id, [row.appeal_subject_key!]);
  if (!subject || !isOwnSubject(actor, await findActorOrgPath(db, actor), subject)) {
    throw forbidden('无权查看该申诉的证明材料');
  }
}

/** An attachment the actor may read; NOT_FOUND outside the period (and the county). */
async function getReadableAttachment(db: Db, actor: Actor, periodId: number, attachmentId: number) {
  assertCan(actor, 'assessment.read');
  const period = await getPeriodForActor(db, actor, periodId);
  const row = await findAttachmentInPeriod(db, periodId, attachmentId);
  if (!row) throw notFound('附件');
  if (row.record_id !== null) await assertMayReadRecordEvidence(db, actor, period, row);
  else await assertMayReadAppealProof(db, actor, period, row);
  return { period, row };
}

/** The file to download, for whoever may read its record or appeal. */
export async function getAttachmentFile(db: Db, actor: Actor, periodId: number, attachmentId: number) {
  const { row } = await getReadableAttachment(db, actor, periodId, attachmentId);
  const content = await findAttachmentBytes(db, row.id);
  return { fileName: row.file_name, contentType: row.content_type, bytes: Buffer.from(content!.bytes) };
}

/**
 * Removes a file (to replace one: remove, then upload): record evidence by a section that may record
 * it while the period takes records; appeal proof by the appellant while the appeal is pending.
 */
export async function deleteAttachment(db: Db, actor: Actor, periodId: number, attachmentId: number) {
  assertCan(actor, 'assessment.read');
  const period = await getPeriodForActor(db, actor, periodId);
  const row = await findAttachmentInPeriod(db, periodId, attachmentId);
  if (!row) throw notFound('附件');
  let orgId: number;
  if (row.record_id !== null) {
    assertRecordsIn(actor, period);
    assertRecordingOpen(period);
    const record = await getRecordForEvidenceWrite(db, actor, period, row.record_id);
    const [subject] = await findSubjectRows(db, periodId, [record.subject_key]);
    orgId = subject?.org_id ?? period.org_id;
  } else {
    assertCan(actor, 'assessment.self');
    assertNotFinalised(period);
    orgId = (await getAppealForProofWrite(db, actor, period, row.appeal_id!)).subject.org_id;
  }
  await db.transaction().execute(async (trx) => {
    await deleteAttachmentRow(trx, row.id);
    await recordAudit(trx, actor, {
      action: 'assessment.attachment_delete',
      entityType: 'assessment_attachment',
      entityId: row.id,
      orgId,
      before: { periodId, recordId: row.record_id, appealId: row.appeal_id, ...presentAttachment(row) },
    });
  });
}
