import { api } from '../../app/api-client.ts';
import { downloadFile, uploadFile } from '../../components/file-transfer.ts';
import type {
  CaseFile,
  CaseFileFilter,
  CaseFileInput,
  CaseFilePage,
  DocumentInput,
  FileAttachment,
  KindStandard,
  RequiredWhen,
  RequirementRule,
} from './case-files.types.ts';

/** Query-cache prefixes; a write invalidates the ones it changes. */
export const CASE_FILES_KEY = 'case-files';
export const FILE_RULES_KEY = 'file-requirement-rules';

/** Largest evidence attachment the server accepts (PDF/JPEG/PNG, 10 MB). */
export { ATTACHMENT_MAX_BYTES } from '../../../common/attachments.ts';

/** Cases with their file's state and check, one request per page (total counted up to 10,000). */
export function findCaseFiles(filter: CaseFileFilter): Promise<CaseFilePage> {
  return api.get<CaseFilePage>('/case-files', { ...filter });
}

/** The case's file; 404 (NOT_FOUND) while nobody has 立卷 yet. */
export function getCaseFile(caseId: number): Promise<CaseFile> {
  return api.get<CaseFile>(`/cases/${caseId}/file`);
}

/** 立卷, or a change of cover fields and traits. */
export function saveCaseFile(caseId: number, input: CaseFileInput): Promise<CaseFile> {
  return api.put<CaseFile>(`/cases/${caseId}/file`, input);
}

export function addFileDocument(caseId: number, input: DocumentInput): Promise<CaseFile> {
  return api.post<CaseFile>(`/cases/${caseId}/file/documents`, input);
}

export function deleteFileDocument(documentId: number): Promise<void> {
  return api.delete(`/file-documents/${documentId}`);
}

/** Evidence as the raw body; the server checks PDF/JPEG/PNG by its first bytes and hashes it. */
export function uploadAttachment(documentId: number, file: File): Promise<FileAttachment> {
  return uploadFile<FileAttachment>(`/file-documents/${documentId}/attachments`, file, 'POST', {
    'x-file-name': encodeURIComponent(file.name),
  });
}

export function downloadAttachment(attachment: FileAttachment): Promise<void> {
  return downloadFile(`/file-attachments/${attachment.id}`, attachment.fileName);
}

/** 归档: refused unless the check passes or a legal officer gives the reason. */
export function archiveCaseFile(caseId: number, overrideReason?: string): Promise<CaseFile> {
  return api.post<CaseFile>(`/cases/${caseId}/file/archive`, overrideReason ? { overrideReason } : {});
}

/** 案卷封面 and 卷内目录 as Word. */
export function downloadFileCover(caseId: number, caseNo: string): Promise<void> {
  return downloadFile(`/cases/${caseId}/file/cover.docx`, `案卷封面及目录-${caseNo}.docx`);
}

export function findRequirementRules(): Promise<RequirementRule[]> {
  return api.get<RequirementRule[]>('/file-requirement-rules');
}

export function updateRequirementRule(code: string, requiredWhen: RequiredWhen): Promise<RequirementRule> {
  return api.put<RequirementRule>(`/file-requirement-rules/${code}`, { requiredWhen });
}

/** Per case kind: whether the standard binds its files or only advises (第九条, 第十八条). */
export function findKindStandards(): Promise<KindStandard[]> {
  return api.get<KindStandard[]>('/file-kind-standards');
}

export function updateKindStandard(kind: string, isBinding: boolean): Promise<KindStandard> {
  return api.put<KindStandard>(`/file-kind-standards/${kind}`, { isBinding });
}
