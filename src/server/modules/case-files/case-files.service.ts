/** Case files: cover, volumes and documents, evidence attachments, the completeness check, archiving. */
import { todayInShanghai } from '../../../common/format.ts';
import type { Db } from '../../db/database.ts';
import type { CaseFile, FileDocument } from '../../db/schema.ts';
import { type Actor, assertCan, isInScope } from '../../lib/access.ts';
import { conflict, forbidden, invalid, notFound } from '../../lib/errors.ts';
import { inspectUpload, type UploadedFile } from '../../lib/uploads.ts';
import { countyIdOf } from '../assessment/assessment.access.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { CASE_KIND_LABELS, closedOnBounds } from '../cases/cases.policy.ts';
import {
  type ResolvedCaseVisibility,
  resolveCaseVisibility,
} from '../cases/records/case-visibility.repository.ts';
import {
  type CaseRow,
  findCaseById,
  findCasesByIds,
  findHandlers,
} from '../cases/records/cases.repository.ts';
import {
  getCaseForRead,
  getCaseForWrite,
  presentCaseListItem,
  visibilityOf,
} from '../cases/records/cases.service.ts';
import { loadUnitNames } from '../officers/archive/officers.service.ts';
import { getOrgInScope } from '../org/org.service.ts';
import {
  archiveFileRow,
  type CaseFileValues,
  deleteDocumentRow,
  findAttachmentById,
  findAttachmentBytes,
  findAttachments,
  findCaseFiles,
  findDocumentById,
  findDocuments,
  findDocumentsOfFiles,
  findFileByCase,
  findRules,
  findUncheckedFiles,
  insertAttachment,
  insertDocument,
  markFilesUnchecked,
  updateFileCheck,
  upsertFile,
} from './case-files.repository.ts';
import type { CaseFileBody, CaseFileListQuery, CaseFileView, DocumentBody } from './case-files.schema.ts';
import {
  CATALOGUE_BY_CODE,
  type CaseKind,
  COVER_FIELDS,
  type CoverField,
  decodeRequiredWhen,
  type FileTrait,
  MAIN_CATALOGUE_FOR_KIND,
  type RequiredWhen,
} from './catalogue.ts';
import { type CheckInput, type CheckResult, checkCaseFile } from './completeness.ts';
import { kindBindings } from './requirement-rules.service.ts';

export const FILE_STATUS_LABELS = { open: '立卷中', archived: '已归档' } as const;
/** Files checked per round when the list recomputes unchecked ones. */
const CHECK_BATCH = 200;

/** 第十六条 cover: the file's own fields, the rest from the case (pure). */
function coverOf(
  row: CaseRow,
  file: CaseFile | undefined,
  handlerNames: readonly string[],
  unitName: string,
): Record<CoverField, string | null> {
  return {
    archiveNo: file?.archive_no ?? null,
    category: file?.category ?? CASE_KIND_LABELS[row.kind],
    fileNo: file?.file_no ?? null,
    cause: row.name,
    partyName: row.party_names || null,
    agencyName: unitName || row.org_name,
    handlerNames: handlerNames.join('、') || null,
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
  formedOn: document.formed_on,
});

/**
 * What the completeness checker needs for several files at once (handlers, unit names, documents
 * and each county's requirement rules loaded in a few queries), by file id.
 */
async function loadCheckInputs(
  db: Db,
  items: ReadonlyArray<{ row: CaseRow; file: CaseFile }>,
  documentsOfFile?: ReadonlyMap<number, FileDocument[]>,
): Promise<Map<number, CheckInput>> {
  const [handlers, unitName, documents] = await Promise.all([
    findHandlers(
      db,
      items.map((item) => item.row.id),
    ),
    loadUnitNames(
      db,
      items.map((item) => item.row.org_path),
    ),
    documentsOfFile
      ? undefined
      : findDocumentsOfFiles(
          db,
          items.map((item) => item.file.id),
        ),
  ]);
  const rulesOfCounty = new Map<number, Map<string, RequiredWhen>>();
  const bindingOfCounty = new Map<number, Record<CaseKind, boolean>>();
  for (const countyId of new Set(items.map((item) => countyIdOf(item.row.org_path)))) {
    const rules = await findRules(db, countyId);
    rulesOfCounty.set(
      countyId,
      new Map(rules.map((rule) => [rule.kind_code, decodeRequiredWhen(rule.required_when)])),
    );
    bindingOfCounty.set(countyId, await kindBindings(db, countyId));
  }
  return new Map(
    items.map(({ row, file }) => [
      file.id,
      {
        mainCatalogue: MAIN_CATALOGUE_FOR_KIND[row.kind],
        isBinding: bindingOfCounty.get(countyIdOf(row.org_path))![row.kind],
        traits: file.traits as FileTrait[],
        requirements: rulesOfCounty.get(countyIdOf(row.org_path))!,
        cover: coverOf(
          row,
          file,
          handlers.filter((handler) => handler.case_id === row.id).map((handler) => handler.name),
          unitName(row.org_path),
        ),
        documents: (
          documentsOfFile?.get(file.id) ??
          documents?.filter((document) => document.case_file_id === file.id) ??
          []
        ).map(toChecked),
      },
    ]),
  );
}

/** Stores a file's check when it differs from what is stored (null after a change: see 0027). */
async function storeCheck(db: Db, file: CaseFile, check: CheckResult) {
  if (file.check_passes === check.passes && file.check_finding_count === check.findings.length) return;
  await updateFileCheck(db, file.id, check.passes, check.findings.length);
}

/**
 * Checks the visible files whose stored check is null (all of them, or those of `fileIds`), in
 * batches, and stores the outcome; the list filters and shows the stored one.
 */
async function refreshUncheckedFiles(
  db: Db,
  visibility: ResolvedCaseVisibility,
  fileIds?: readonly number[],
) {
  for (;;) {
    const files = await findUncheckedFiles(db, visibility, CHECK_BATCH, fileIds);
    if (files.length === 0) return;
    const rows = new Map(
      (
        await findCasesByIds(
          db,
          files.map((file) => file.case_id),
        )
      ).map((row) => [row.id, row]),
    );
    const items = files.map((file) => ({ row: rows.get(file.case_id)!, file }));
    const inputs = await loadCheckInputs(db, items);
    for (const { file } of items) await storeCheck(db, file, checkCaseFile(inputs.get(file.id)!));
    if (files.length < CHECK_BATCH) return;
  }
}

async function presentFile(db: Db, row: CaseRow, written: CaseFile): Promise<CaseFileView> {
  // read again: a write just now marked the stored check unchecked (storeCheck compares with it)
  const file = (await findFileByCase(db, row.id)) ?? written;
  const documents = await findDocuments(db, file.id);
  const attachments = await findAttachments(
    db,
    documents.map((document) => document.id),
  );
  const input = (await loadCheckInputs(db, [{ row, file }], new Map([[file.id, documents]]))).get(file.id)!;
  const check = checkCaseFile(input);
  await storeCheck(db, file, check);
  return {
    id: file.id,
    caseId: row.id,
    status: file.status,
    statusLabel: FILE_STATUS_LABELS[file.status],
    mainCatalogue: MAIN_CATALOGUE_FOR_KIND[row.kind],
    traits: file.traits,
    cover: input.cover as Record<CoverField, string | null>,
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
      formedOn: document.formed_on,
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
    check,
    archiveOverrideReason: file.archive_override_reason,
  };
}

/**
 * The case-file list: cases in the reader's visibility with their file's state (未立卷 / 立卷中 /
 * 已归档) and stored check; filters of the case list plus file status and check outcome. Filtering by
 * the check first checks the visible files not checked since their last change.
 */
export async function listCaseFiles(
  db: Db,
  actor: Actor,
  query: CaseFileListQuery,
  today = todayInShanghai(new Date()),
) {
  assertCan(actor, 'case_file.read');
  const orgPath = query.orgId ? (await getOrgInScope(db, actor, query.orgId)).path : undefined;
  const visibility = await resolveCaseVisibility(db, visibilityOf(actor), orgPath);
  if (query.checkPasses !== undefined) await refreshUncheckedFiles(db, visibility);
  const filter = {
    visibility,
    keyword: query.keyword,
    kind: query.kind,
    state: query.state,
    fileStatus: query.fileStatus,
    checkPasses: query.checkPasses,
    ...closedOnBounds(today),
  };
  let page = await findCaseFiles(db, { ...filter, page: query.page, pageSize: query.pageSize });
  const unchecked = page.rows.filter((row) => row.file_id !== null && row.check_passes === null);
  if (unchecked.length > 0) {
    await refreshUncheckedFiles(
      db,
      visibility,
      unchecked.map((row) => row.file_id!),
    );
    page = await findCaseFiles(db, { ...filter, page: query.page, pageSize: query.pageSize });
  }
  return {
    items: page.rows.map((row) => ({
      ...presentCaseListItem(row, today),
      file:
        row.file_id === null
          ? null
          : {
              id: row.file_id,
              status: row.file_status!,
              statusLabel: FILE_STATUS_LABELS[row.file_status!],
              archivedOn: row.file_archived_on,
              checkPasses: row.check_passes,
              findingCount: row.check_finding_count,
            },
    })),
    total: page.total,
    isTotalCapped: page.isTotalCapped,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getCaseFile(db: Db, actor: Actor, caseId: number): Promise<CaseFileView> {
  assertCan(actor, 'case_file.read');
  const row = await getCaseForRead(db, actor, caseId);
  const file = await findFileByCase(db, caseId);
  if (!file) throw notFound('案卷');
  return presentFile(db, row, file);
}

/**
 * A case's file as it stands, for a reader the calling domain has already cleared (a reviewer of an
 * assigned file, 评查办法第十条 查阅案卷): the case's own scope is not checked here; null = no file.
 */
export async function readCaseFileOfCase(db: Db, caseId: number): Promise<CaseFileView | null> {
  const [row, file] = await Promise.all([findCaseById(db, caseId), findFileByCase(db, caseId)]);
  return row && file ? presentFile(db, row, file) : null;
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
    await markFilesUnchecked(trx, { caseIds: [caseId] });
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
      formed_on: body.formedOn ?? null,
    });
    await markFilesUnchecked(trx, { caseIds: [caseId] });
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
    await markFilesUnchecked(trx, { caseIds: [row.id] });
    await recordAudit(trx, actor, {
      action: 'file_document.delete',
      entityType: 'file_document',
      entityId: documentId,
      orgId: row.org_id,
      before: document,
    });
  });
}

/** Evidence attachment: the one upload check (type by magic bytes matching its name, ≤ 10 MiB), SHA-256 kept. */
export async function addAttachment(db: Db, actor: Actor, documentId: number, file: UploadedFile) {
  const { fileName, bytes } = file;
  const { row } = await getDocumentForWrite(db, actor, documentId);
  const { contentType, sha256 } = inspectUpload(file, 'file', '证据材料');
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
  const check = checkCaseFile((await loadCheckInputs(db, [{ row, file }])).get(file.id)!);
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
