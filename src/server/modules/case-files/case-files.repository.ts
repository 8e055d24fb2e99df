import type { Db } from '../../db/database.ts';
import type { CaseFile, FileDocument } from '../../db/schema.ts';
import {
  CASE_COUNT_CAP,
  type CaseFilter,
  countCapped,
  filteredCases,
} from '../cases/records/case-list.repository.ts';
import { type ResolvedCaseVisibility, visibleCases } from '../cases/records/case-visibility.repository.ts';
import type { CaseRow } from '../cases/records/cases.repository.ts';

export function findFileByCase(db: Db, caseId: number): Promise<CaseFile | undefined> {
  return db.selectFrom('case_file').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}

export function findDocuments(db: Db, fileId: number): Promise<FileDocument[]> {
  return findDocumentsOfFiles(db, [fileId]);
}

/** The documents of several files, each file's in volume and sequence order. */
export function findDocumentsOfFiles(db: Db, fileIds: readonly number[]): Promise<FileDocument[]> {
  if (fileIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('file_document')
    .selectAll()
    .where('case_file_id', 'in', fileIds)
    .orderBy('case_file_id')
    .orderBy('volume')
    .orderBy('sequence')
    .execute();
}

export interface CaseFileListFilter extends CaseFilter {
  /** none = no file yet (未立卷), open = 立卷中, archived = 已归档 */
  fileStatus?: 'none' | 'open' | 'archived' | undefined;
  /** the stored completeness check passes (true) or finds problems (false) */
  checkPasses?: boolean | undefined;
}

export type CaseFileListRow = CaseRow & {
  file_id: number | null;
  file_status: 'open' | 'archived' | null;
  file_archived_on: string | null;
  check_passes: boolean | null;
  check_finding_count: number | null;
};

/** Cases in the filter with their file (left join: a case without a file is 未立卷). */
function filteredCaseFiles(db: Db, filter: CaseFileListFilter) {
  let query = filteredCases(db, filter).leftJoin('case_file', 'case_file.case_id', 'enforcement_case.id');
  if (filter.fileStatus === 'none') query = query.where('case_file.id', 'is', null);
  else if (filter.fileStatus) query = query.where('case_file.status', '=', filter.fileStatus);
  if (filter.checkPasses !== undefined)
    query = query.where('case_file.check_passes', '=', filter.checkPasses);
  return query;
}

/** A page of cases with their file's state, newest filing first; the total counted up to CASE_COUNT_CAP. */
export async function findCaseFiles(
  db: Db,
  filter: CaseFileListFilter & { page: number; pageSize: number },
): Promise<{ rows: CaseFileListRow[]; total: number; isTotalCapped: boolean }> {
  const query = filteredCaseFiles(db, filter);
  const [rows, count] = await Promise.all([
    query
      .innerJoin('org', 'org.id', 'enforcement_case.org_id')
      .selectAll('enforcement_case')
      .select([
        'org.name as org_name',
        'org.path as org_path',
        'case_file.id as file_id',
        'case_file.status as file_status',
        'case_file.archived_on as file_archived_on',
        'case_file.check_passes',
        'case_file.check_finding_count',
      ])
      .orderBy('enforcement_case.filed_on', 'desc')
      .orderBy('enforcement_case.id', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    countCapped(db, query, CASE_COUNT_CAP),
  ]);
  return { rows, ...count };
}

/** Files of visible cases whose check is not stored (null), at most `limit` (of `fileIds` if given). */
export function findUncheckedFiles(
  db: Db,
  visibility: ResolvedCaseVisibility,
  limit: number,
  fileIds?: readonly number[],
) {
  let query = db
    .selectFrom('case_file')
    .innerJoin('enforcement_case', 'enforcement_case.id', 'case_file.case_id')
    .where(visibleCases(visibility))
    .where('case_file.check_passes', 'is', null);
  if (fileIds) query = query.where('case_file.id', 'in', fileIds.length > 0 ? fileIds : [0]);
  return query.selectAll('case_file').orderBy('case_file.id').limit(limit).execute();
}

/** Stores a file's completeness check (what the list filters on). */
export function updateFileCheck(db: Db, fileId: number, passes: boolean, findingCount: number) {
  return db
    .updateTable('case_file')
    .set({ check_passes: passes, check_finding_count: findingCount })
    .where('id', '=', fileId)
    .execute();
}

/** Marks files unchecked, so the next read or list recomputes them: by case ids, or a county's. */
export function markFilesUnchecked(trx: Db, target: { caseIds: readonly number[] } | { orgPath: string }) {
  const query = trx.updateTable('case_file').set({ check_passes: null, check_finding_count: null });
  if ('caseIds' in target)
    return query.where('case_id', 'in', target.caseIds.length > 0 ? target.caseIds : [0]).execute();
  return query
    .where('case_id', 'in', (eb) =>
      eb
        .selectFrom('enforcement_case')
        .innerJoin('org', 'org.id', 'enforcement_case.org_id')
        .select('enforcement_case.id')
        .where('org.path', 'like', `${target.orgPath}%`),
    )
    .execute();
}

/** A document with the case it belongs to (for access checks). */
export function findDocumentById(db: Db, id: number) {
  return db
    .selectFrom('file_document')
    .innerJoin('case_file', 'case_file.id', 'file_document.case_file_id')
    .selectAll('file_document')
    .select(['case_file.case_id', 'case_file.status'])
    .where('file_document.id', '=', id)
    .executeTakeFirst();
}

export function findAttachments(db: Db, documentIds: readonly number[]) {
  if (documentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('file_attachment')
    .selectAll()
    .where('document_id', 'in', documentIds)
    .orderBy('id')
    .execute();
}

export function findAttachmentById(db: Db, id: number) {
  return db
    .selectFrom('file_attachment')
    .innerJoin('file_document', 'file_document.id', 'file_attachment.document_id')
    .innerJoin('case_file', 'case_file.id', 'file_document.case_file_id')
    .selectAll('file_attachment')
    .select(['case_file.case_id', 'file_document.volume'])
    .where('file_attachment.id', '=', id)
    .executeTakeFirst();
}

export function findAttachmentBytes(db: Db, id: number) {
  return db
    .selectFrom('file_attachment_content')
    .select('bytes')
    .where('attachment_id', '=', id)
    .executeTakeFirst();
}

/**
 * The requirement rules in force in a county (its root org id): the county's override of a kind,
 * else the installation default; with the default beside it.
 */
export function findRules(db: Db, countyId: number) {
  return db
    .selectFrom('file_requirement_rule as base')
    .leftJoin('file_requirement_rule as county', (join) =>
      join.onRef('county.kind_code', '=', 'base.kind_code').on('county.org_id', '=', countyId),
    )
    .where('base.org_id', 'is', null)
    .select((eb) => [
      'base.kind_code',
      eb.fn.coalesce('county.required_when', 'base.required_when').as('required_when'),
      'base.required_when as default_required_when',
      eb('county.id', 'is not', null).as('is_overridden'),
    ])
    .orderBy('base.kind_code')
    .execute();
}

export type CaseFileValues = Pick<
  CaseFile,
  'archive_no' | 'category' | 'file_no' | 'retention_period' | 'traits'
>;

export async function upsertFile(trx: Db, caseId: number, values: CaseFileValues): Promise<CaseFile> {
  return trx
    .insertInto('case_file')
    .values({ case_id: caseId, ...values })
    .onConflict((conflict) => conflict.column('case_id').doUpdateSet({ ...values, updated_at: new Date() }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function insertDocument(trx: Db, values: Omit<FileDocument, 'id' | 'created_at'>) {
  return trx.insertInto('file_document').values(values).returning('id').executeTakeFirstOrThrow();
}

export function deleteDocumentRow(trx: Db, id: number) {
  return trx.deleteFrom('file_document').where('id', '=', id).execute();
}

export async function insertAttachment(
  trx: Db,
  values: {
    document_id: number;
    file_name: string;
    content_type: 'application/pdf' | 'image/jpeg' | 'image/png';
    size_bytes: number;
    sha256: string;
    created_by: number;
  },
  bytes: Buffer,
) {
  const { id } = await trx
    .insertInto('file_attachment')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('file_attachment_content').values({ attachment_id: id, bytes }).execute();
  return id;
}

export function archiveFileRow(
  trx: Db,
  id: number,
  values: Pick<
    CaseFile,
    'archived_on' | 'archived_by_id' | 'archived_by_name' | 'archive_override_reason'
  > & {
    archive_findings: string | null;
  },
) {
  return trx
    .updateTable('case_file')
    .set({ ...values, status: 'archived', updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** A county's own rule for a kind (inserted or replaced). */
export function upsertCountyRule(
  trx: Db,
  countyId: number,
  code: string,
  requiredWhen: string,
  userId: number,
) {
  return trx
    .insertInto('file_requirement_rule')
    .values({ org_id: countyId, kind_code: code, required_when: requiredWhen, updated_by: userId })
    .onConflict((conflict) =>
      conflict
        .columns(['org_id', 'kind_code'])
        .where('org_id', 'is not', null)
        .doUpdateSet({ required_when: requiredWhen, updated_by: userId, updated_at: new Date() }),
    )
    .execute();
}

/** Drops a county's own rule for a kind: the county follows the default again. */
export function deleteCountyRule(trx: Db, countyId: number, code: string) {
  return trx
    .deleteFrom('file_requirement_rule')
    .where('org_id', '=', countyId)
    .where('kind_code', '=', code)
    .execute();
}

/** A county's own choices of whether the standard binds a case kind (migration 0101). */
export function findKindStandards(db: Db, countyId: number) {
  return db
    .selectFrom('file_kind_standard')
    .select(['case_kind', 'is_binding'])
    .where('org_id', '=', countyId)
    .execute();
}

/** Sets (or, with null, drops) a county's choice for a case kind. */
export async function setKindStandard(
  trx: Db,
  countyId: number,
  caseKind: string,
  isBinding: boolean | null,
  userId: number,
) {
  if (isBinding === null) {
    await trx
      .deleteFrom('file_kind_standard')
      .where('org_id', '=', countyId)
      .where('case_kind', '=', caseKind)
      .execute();
    return;
  }
  await trx
    .insertInto('file_kind_standard')
    .values({ org_id: countyId, case_kind: caseKind, is_binding: isBinding, updated_by: userId })
    .onConflict((conflict) =>
      conflict
        .columns(['org_id', 'case_kind'])
        .doUpdateSet({ is_binding: isBinding, updated_by: userId, updated_at: new Date() }),
    )
    .execute();
}
