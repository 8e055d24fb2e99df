import type { Db } from '../../db/database.ts';
import type { CaseFile, FileDocument } from '../../db/schema.ts';

export function findFileByCase(db: Db, caseId: number): Promise<CaseFile | undefined> {
  return db.selectFrom('case_file').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}

export function findDocuments(db: Db, fileId: number): Promise<FileDocument[]> {
  return db
    .selectFrom('file_document')
    .selectAll()
    .where('case_file_id', '=', fileId)
    .orderBy('volume')
    .orderBy('sequence')
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

export function findRules(db: Db) {
  return db.selectFrom('file_requirement_rule').selectAll().orderBy('kind_code').execute();
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

export function updateRuleRow(trx: Db, code: string, requiredWhen: string, userId: number) {
  return trx
    .updateTable('file_requirement_rule')
    .set({ required_when: requiredWhen, updated_by: userId, updated_at: new Date() })
    .where('kind_code', '=', code)
    .executeTakeFirst();
}
