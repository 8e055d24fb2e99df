import type { RewardPunishmentView } from '../../../server/modules/officers/archive/officers.schema.ts';
import { api } from '../../app/api-client.ts';
import type { Page } from '../../app/session.types.ts';
import { downloadFile, uploadFile } from '../../components/file-transfer.ts';
import type {
  Certificate,
  CertificateInput,
  CertificateReviewInput,
  CertificateWarningReport,
  ComplianceReport,
  HistoryEntry,
  Officer,
  OfficerFilter,
  OfficerInput,
  OfficerListItem,
  PostChange,
  PostChangeInput,
  Training,
  TrainingFilter,
  TrainingInput,
  WorkLog,
  WorkLogFilter,
  WorkLogInput,
} from './officers.types.ts';

/** Query-cache prefixes; a write invalidates the ones it changes. */
export const OFFICERS_KEY = 'officers';
export const TRAININGS_KEY = 'trainings';
export const WORK_LOGS_KEY = 'work-logs';
export const CERTIFICATE_WARNINGS_KEY = 'certificate-warnings';
export const COMPLIANCE_KEY = 'training-compliance';

/** Largest photo the server accepts (officers.service: JPEG or PNG, ≤ 2 MiB). */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

export function findOfficers(filter: OfficerFilter): Promise<Page<OfficerListItem>> {
  return api.get<Page<OfficerListItem>>('/officers', { ...filter });
}

export function getOfficer(id: number): Promise<Officer> {
  return api.get<Officer>(`/officers/${id}`);
}

/** The profile linked to the signed-in account (404 when none is linked). */
export function getOwnOfficer(): Promise<Officer> {
  return api.get<Officer>('/officers/me');
}

/** 本人更正联系方式: only the phone and e-mail of the own profile (the server refuses any other field). */
export function updateOwnContact(input: { phone: string | null; email: string | null }): Promise<Officer> {
  return api.patch<Officer>('/officers/me/contact', input);
}

export function createOfficer(input: OfficerInput): Promise<Officer> {
  return api.post<Officer>('/officers', input);
}

export function updateOfficer(id: number, input: Partial<OfficerInput>): Promise<Officer> {
  return api.patch<Officer>(`/officers/${id}`, input);
}

export function getOfficerHistory(id: number): Promise<HistoryEntry[]> {
  return api.get<HistoryEntry[]>(`/officers/${id}/history`);
}

/** URL of the photo; `version` changes after an upload so the browser fetches it again. */
export function officerPhotoUrl(id: number, version: string): string {
  return `/api/officers/${id}/photo?v=${encodeURIComponent(version)}`;
}

export function uploadOfficerPhoto(id: number, file: File): Promise<void> {
  return uploadFile<void>(`/officers/${id}/photo`, file, 'PUT');
}

/** XLSX of every officer matching the filter (paging ignored). */
export function exportOfficers(filter: Omit<OfficerFilter, 'page' | 'pageSize'>): Promise<void> {
  return downloadFile('/officers/export.xlsx', '执法人员.xlsx', { ...filter });
}

export function downloadOfficerTemplate(): Promise<void> {
  return downloadFile('/officers/import-template.xlsx', '执法人员导入模板.xlsx');
}

/** All-or-nothing import; a refusal throws ImportRejectedError with the row report. */
export function importOfficers(file: File): Promise<{ officers: number; certificates: number }> {
  return uploadFile('/officers/import', file);
}

export function downloadOfficerArchive(id: number, name: string): Promise<void> {
  return downloadFile(`/officers/${id}/archive.docx`, `${name}执法业绩档案.docx`);
}

export function createCertificate(officerId: number, input: CertificateInput): Promise<Certificate> {
  return api.post<Certificate>(`/officers/${officerId}/certificates`, input);
}

export function updateCertificate(id: number, input: Partial<CertificateInput>): Promise<Certificate> {
  return api.patch<Certificate>(`/certificates/${id}`, input);
}

export function addCertificateReview(id: number, input: CertificateReviewInput): Promise<Certificate> {
  return api.post<Certificate>(`/certificates/${id}/reviews`, input);
}

export function findCertificateWarnings(orgId?: number): Promise<CertificateWarningReport> {
  return api.get<CertificateWarningReport>('/certificates/warnings', { orgId });
}

/** 奖惩记录 (seed 000 奖惩记录表): supervision's findings about the officer, newest first. */
export function findRewardsPunishments(officerId: number): Promise<RewardPunishmentView[]> {
  return api.get<RewardPunishmentView[]>(`/officers/${officerId}/rewards-punishments`);
}

export function createPostChange(officerId: number, input: PostChangeInput): Promise<PostChange> {
  return api.post<PostChange>(`/officers/${officerId}/post-changes`, input);
}

export function findTrainings(filter: TrainingFilter): Promise<Page<Training>> {
  return api.get<Page<Training>>('/trainings', { ...filter });
}

export function createTraining(officerId: number, input: TrainingInput): Promise<Training> {
  return api.post<Training>(`/officers/${officerId}/trainings`, input);
}

export function updateTraining(id: number, input: TrainingInput): Promise<Training> {
  return api.put<Training>(`/trainings/${id}`, input);
}

export function deleteTraining(id: number): Promise<void> {
  return api.delete(`/trainings/${id}`);
}

export function getTrainingCompliance(query: {
  year: number;
  orgId?: number;
  shortOnly?: boolean;
}): Promise<ComplianceReport> {
  return api.get<ComplianceReport>('/trainings/compliance', {
    ...query,
    shortOnly: query.shortOnly ? 'true' : undefined,
  });
}

export function findWorkLogs(filter: WorkLogFilter): Promise<Page<WorkLog>> {
  return api.get<Page<WorkLog>>('/work-logs', { ...filter });
}

export function createWorkLog(input: WorkLogInput): Promise<WorkLog> {
  return api.post<WorkLog>('/work-logs', input);
}

export function updateWorkLog(id: number, content: string): Promise<WorkLog> {
  return api.patch<WorkLog>(`/work-logs/${id}`, { content });
}
