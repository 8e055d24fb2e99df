/** Case files: cover, volumes and documents, evidence attachments, the completeness check, archiving. */
import { createHash } from 'node:crypto';
import { todayInShanghai } from '../../../common/format.ts';
import type { Db } from '../../db/database.ts';
import type { CaseFile, FileDocument } from '../../db/schema.ts';
import { type Actor, assertCan, isInScope } from '../../lib/access.ts';
import { conflict, forbidden, invalid, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { CASE_KIND_LABELS } from '../cases/cases.policy.ts';
import type { CaseRow } from '../cases/cases.repository.ts';
import { findHandlers } from '../cases/cases.repository.ts';
import { getCaseForRead, getCaseForWrite } from '../cases/cases.service.ts';
import { detectImageType, loadUnitNames } from '../officers/officers.service.ts';
import {
  archiveFileRow,
  type CaseFileValues,
  deleteDocumentRow,
  findAttachmentById,
  findAttachmentBytes,
  findAttachments,
  findDocumentById,
  findDocuments,
  findFileByCase,
  findRules,
  insertAttachment,
  insertDocument,
  upsertFile,
} from './case-files.repository.ts';
import type { CaseFileBody, CaseFileView, DocumentBody } from './case-files.schema.ts';
import {
  CATALOGUE_BY_CODE,
  COVER_FIELDS,
  type CoverField,
  type FileTrait,
  MAIN_CATALOGUE_FOR_KIND,
  type RequiredWhen,
} from './catalogue.ts';
import { checkCaseFile } from './completeness.ts';

/** Evidence attachments: PDF, JPEG or PNG by their first bytes, at most 10 MiB. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46];

/** 'application/pdf', 'image/jpeg' or 'image/png' from the first bytes, whatever the upload claims. */
export function detectAttachmentType(bytes: Uint8Array) {
  if (PDF_MAGIC.every((byte, index) => bytes[index] === byte)) return 'application/pdf' as const;
  return detectImageType(bytes);
}

async function coverOf(
  db: Db,
  row: CaseRow,
  file: CaseFile | undefined,
): Promise<Record<CoverField, string | null>> {
  const handlers = await findHandlers(db, [row.id]);
  const unitName = await loadUnitNames(db, [row.org_path]);
  return {
    archiveNo: file?.archive_no ?? null,
    category: file?.category ?? CASE_KIND_LABELS[row.kind],
    fileNo: file?.file_no ?? null,
    cause: row.name,
    partyName: row.party_names || null,
    agencyName: unitName(row.org_path) || row.org_name,
    handlerNames: handlers.map((handler) => handler.name).join('、') || null,
    receivedOn: row.filed_on,
    closedOn: row.closed_on,
    archivedOn: file?.archived_on ?? null,
    retentionPeriod: file?.retention_period ?? null,
  };
}

const toChecked = (document: FileDocument) => ({
  id: document.id,
  volume: document.volume,
  sequence: document.sequence,
  kindCode: document.kind_code,
  pageFrom: document.page_from,
  pageTo: document.page_to,
  isOriginal: document.is_original,
  verifiedBy: document.verified_by,
  verifiedOn: document.verified_on,
  copySource: document.copy_source,
});

async function checkFile(db: Db, row: CaseRow, file: CaseFile, documents: FileDocument[]) {
  const rules = await findRules(db);
  return checkCaseFile({
    mainCatalogue: MAIN_CATALOGUE_FOR_KIND[row.kind],
    traits: file.traits as FileTrait[],
    requirements: new Map(rules.map((rule) => [rule.kind_code, rule.required_when as RequiredWhen])),
    cover: await coverOf(db, row, file),
    documents: documents.map(toChecked),
  });
}

async function presentFile(db: Db, row: CaseRow, file: CaseFile): Promise<CaseFileView> {
  const documents = await findDocuments(db, file.id);
  const attachments = await findAttachments(
    db,
    documents.map((document) => document.id),
  );
  return {
    id: file.id,
    caseId: row.id,
    status: file.status,
    statusLabel: file.status === 'archived' ? '已归档' : '立卷中',
    mainCatalogue: MAIN_CATALOGUE_FOR_KIND[row.kind],
    traits: file.traits,
    cover: await coverOf(db, row, file),
    coverLabels: { ...COVER_FIELDS },
    documents: documents.map((document) => ({
      id: document.id,
      volume: document.volume,
      sequence: document.sequence,
      kindCode: document.kind_code,
      kindLabel: CATALOGUE_BY_CODE.get(document.kind_code)?.label ?? document.kind_code,
      title: document.title,
      pageFrom: document.page_from,
      pageTo: document.page_to,
      isOriginal: document.is_original,
      verifiedBy: document.verified_by,
      verifiedOn: document.verified_on,
      copySource: document.copy_source,
      attachments: attachments
        .filter((attachment) => attachment.document_id === document.id)
        .map((attachment) => ({
          id: attachment.id,
          fileName: attachment.file_name,
          contentType: attachment.content_type,
          sizeBytes: attachment.size_bytes,
          sha256: attachment.sha256,
        })),
    })),
    check: await checkFile(db, row, file, documents),
    archiveOverrideReason: file.archive_override_reason,
  };
}

export async function getCaseFile(db: Db, actor: Actor, caseId: number): Promise<CaseFileView> {
  assertCan(actor, 'case_file.read');
  const row = await getCaseForRead(db, actor, caseId);
  const file = await findFileByCase(db, caseId);
  if (!file) throw notFound('案卷');
  return presentFile(db, row, file);
}

/** The case and its file for a write: the case writable by the actor, the file not archived. */
async function getOpenFileForWrite(db: Db, actor: Actor, caseId: number) {
  assertCan(actor, 'case_file.write');
  const row = await getCaseForWrite(db, actor, caseId);
  const file = await findFileByCase(db, caseId);
  if (file?.status === 'archived') throw conflict('案卷已归档，不能修改');
  return { row, file };
}

/** Creates the file of a case or changes its cover fields and traits. */
export async function saveCaseFile(db: Db, actor: Actor, caseId: number, body: CaseFileBody) {
  const { row, file: before } = await getOpenFileForWrite(db, actor, caseId);
  const values: CaseFileValues = {
    archive_no: body.archiveNo,
    category: body.category,
    file_no: body.fileNo,
    retention_period: body.retentionPeriod,
    traits: [...new Set(body.traits)],
  };
  const file = await db.transaction().execute(async (trx) => {
    const saved = await upsertFile(trx, caseId, values);
    await recordAudit(trx, actor, {
      action: before ? 'case_file.update' : 'case_file.create',
      entityType: 'case_file',
      entityId: saved.id,
      orgId: row.org_id,
      before: before ?? null,
      after: values,
    });
    return saved;
  });
  return presentFile(db, row, file);
}

export async function addDocument(db: Db, actor: Actor, caseId: number, body: DocumentBody) {
  const { row, file } = await getOpenFileForWrite(db, actor, caseId);
  if (!file) throw notFound('案卷');
  if (!CATALOGUE_BY_CODE.has(body.kindCode))
    throw invalid([{ field: 'kindCode', message: '文书种类不在目录中' }]);
  const taken = (await findDocuments(db, file.id)).some(
    (document) => document.volume === body.volume && document.sequence === body.sequence,
  );
  if (taken) throw conflict(`${body.volume === 'main' ? '正卷' : '副卷'}第 ${body.sequence} 份文书已存在`);
  await db.transaction().execute(async (trx) => {
    const { id } = await insertDocument(trx, {
      case_file_id: file.id,
      volume: body.volume,
      sequence: body.sequence,
      kind_code: body.kindCode,
      title: body.title,
      page_from: body.pageFrom,
      page_to: body.pageTo,
      is_original: body.isOriginal,
      verified_by: body.verifiedBy,
      verified_on: body.verifiedOn ?? null,
      copy_source: body.copySource,
    });
    await recordAudit(trx, actor, {
      action: 'file_document.create',
      entityType: 'file_document',
      entityId: id,
      orgId: row.org_id,
      after: body,
    });
  });
  return presentFile(db, row, file);
}

/** The document, its case and file, for a write (not archived). */
async function getDocumentForWrite(db: Db, actor: Actor, documentId: number) {
  const document = await findDocumentById(db, documentId);
  if (!document) throw notFound('卷内文书');
  const { row, file } = await getOpenFileForWrite(db, actor, document.case_id);
  return { document, row, file: file! };
}

export async function deleteDocument(db: Db, actor: Actor, documentId: number) {
  const { document, row } = await getDocumentForWrite(db, actor, documentId);
  await db.transaction().execute(async (trx) => {
    await deleteDocumentRow(trx, documentId);
    await recordAudit(trx, actor, {
      action: 'file_document.delete',
      entityType: 'file_document',
      entityId: documentId,
      orgId: row.org_id,
      before: document,
    });
  });
}

/** Evidence attachment: type by magic bytes, ≤ 10 MiB, SHA-256 kept. */
export async function addAttachment(
  db: Db,
  actor: Actor,
  documentId: number,
  fileName: string,
  bytes: Buffer,
) {
  const { row } = await getDocumentForWrite(db, actor, documentId);
  if (bytes.length === 0) throw invalid([{ field: 'file', message: '请上传文件' }]);
  if (bytes.length > ATTACHMENT_MAX_BYTES) throw invalid([{ field: 'file', message: '附件不能超过 10 MB' }]);
  const contentType = detectAttachmentType(bytes);
  if (!contentType) throw invalid([{ field: 'file', message: '附件须为 PDF、JPEG 或 PNG 文件' }]);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const id = await db.transaction().execute(async (trx) => {
    const id = await insertAttachment(
      trx,
      {
        document_id: documentId,
        file_name: fileName.slice(0, 200) || '附件',
        content_type: contentType,
        size_bytes: bytes.length,
        sha256,
        created_by: actor.id,
      },
      bytes,
    );
    await recordAudit(trx, actor, {
      action: 'file_attachment.create',
      entityType: 'file_attachment',
      entityId: id,
      orgId: row.org_id,
      after: { documentId, fileName, contentType, size: bytes.length, sha256 },
    });
    return id;
  });
  return { id, contentType, sizeBytes: bytes.length, sha256 };
}

/** Download: only readers of the case (scope, or its handlers). */
export async function getAttachment(db: Db, actor: Actor, id: number) {
  assertCan(actor, 'case_file.read');
  const attachment = await findAttachmentById(db, id);
  if (!attachment) throw notFound('附件');
  await getCaseForRead(db, actor, attachment.case_id);
  const content = await findAttachmentBytes(db, id);
  return {
    fileName: attachment.file_name,
    contentType: attachment.content_type,
    bytes: Buffer.from(content!.bytes),
  };
}

/**
 * Archiving: only when the check passes, or a legal officer records why not (kept with the findings
 * of that moment). An archived file is read-only.
 */
export async function archiveCaseFile(
  db: Db,
  actor: Actor,
  caseId: number,
  overrideReason: string | undefined,
) {
  assertCan(actor, 'case_file.archive');
  const row = await getCaseForRead(db, actor, caseId);
  if (!isInScope(actor, row.org_path)) throw forbidden();
  const file = await findFileByCase(db, caseId);
  if (!file) throw notFound('案卷');
  if (file.status === 'archived') throw conflict('案卷已归档');
  const check = await checkFile(db, row, file, await findDocuments(db, file.id));
  if (!check.passes && !overrideReason)
    throw invalid([
      {
        field: 'overrideReason',
        message: `案卷检查有 ${check.findings.length} 处问题，须整改或注明不予整改的理由后归档`,
      },
    ]);
  await db.transaction().execute(async (trx) => {
    await archiveFileRow(trx, file.id, {
      archived_on: todayInShanghai(new Date()),
      archived_by_id: actor.id,
      archived_by_name: actor.displayName,
      archive_override_reason: check.passes ? null : overrideReason!,
      archive_findings: check.passes ? null : JSON.stringify(check.findings),
    });
    await recordAudit(trx, actor, {
      action: 'case_file.archive',
      entityType: 'case_file',
      entityId: file.id,
      orgId: row.org_id,
      after: {
        passes: check.passes,
        overrideReason: overrideReason ?? null,
        findings: check.findings.length,
      },
    });
  });
  return presentFile(db, row, (await findFileByCase(db, caseId))!);
}
