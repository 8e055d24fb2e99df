import type { CaseReviewResultView } from '../../../server/modules/reviews/results/results.schema.ts';
import { api } from '../../app/api-client.ts';
import type { Page } from '../../app/session.types.ts';
import { downloadFile, uploadFile } from '../../components/file-transfer.ts';
import type {
  CaseDetail,
  CaseFilter,
  CaseHandlerCandidates,
  CaseInput,
  CasePage,
  Complaint,
  ComplaintCreateInput,
  ComplaintFilter,
  ComplaintUpdateInput,
  DueReport,
  OfficerCountsReport,
  Party,
  QualityGrade,
} from './cases.types.ts';

/** Query-cache prefixes; a write invalidates the ones it changes. */
export const CASES_KEY = 'cases';
export const COMPLAINTS_KEY = 'complaints';

/** A page of cases; the total is counted up to 10,000 (isTotalCapped beyond it). */
export function findCases(filter: CaseFilter): Promise<CasePage> {
  return api.get<CasePage>('/cases', { ...filter });
}

export function getCase(id: number): Promise<CaseDetail> {
  return api.get<CaseDetail>(`/cases/${id}`);
}

export function createCase(input: CaseInput): Promise<CaseDetail> {
  return api.post<CaseDetail>('/cases', input);
}

export function updateCase(id: number, input: Partial<CaseInput>): Promise<CaseDetail> {
  return api.patch<CaseDetail>(`/cases/${id}`, input);
}

/** The signed-in handler signs 办案意见 or 办案结果 (the server records who and when). */
export function signCase(id: number, part: 'opinion' | 'result'): Promise<CaseDetail> {
  return api.post<CaseDetail>(`/cases/${id}/sign`, { part });
}

export function setCaseQuality(
  id: number,
  input: { opinion: string; grade: QualityGrade },
): Promise<CaseDetail> {
  return api.put<CaseDetail>(`/cases/${id}/quality`, input);
}

/** The case's latest published 案卷评查 result, to fill its 质量分析 from (seed 000 填表说明4). */
export function getCaseReviewResult(id: number): Promise<CaseReviewResultView> {
  return api.get<CaseReviewResultView>(`/cases/${id}/review-result`);
}

/** 报送: the record handed to the unit's legal unit (stops the 30-day clock); late, with the reason. */
export function submitCaseRecord(id: number, lateReason: string | null): Promise<CaseDetail> {
  return api.post<CaseDetail>(`/cases/${id}/submit-record`, { lateReason });
}

/** A party's full ID number and phone; the server writes an audit entry for each call. */
export function getPartyFull(caseId: number, partyId: number): Promise<Party> {
  return api.get<Party>(`/cases/${caseId}/parties/${partyId}/full`);
}

export function getRecordsDue(): Promise<DueReport> {
  return api.get<DueReport>('/cases/records-due');
}

/** XLSX of every case matching the filter (paging ignored). */
export function exportCases(filter: Omit<CaseFilter, 'page' | 'pageSize'>): Promise<void> {
  return downloadFile('/cases/export.xlsx', '执法案件.xlsx', { ...filter });
}

export function downloadCaseTemplate(): Promise<void> {
  return downloadFile('/cases/import-template.xlsx', '执法案件导入模板.xlsx');
}

/** All-or-nothing import; a refusal throws ImportRejectedError with the row report. */
export function importCases(file: File): Promise<{ cases: number }> {
  return uploadFile('/cases/import', file);
}

/** 案件记录表 as Word, laid out like seed 000. */
export function downloadCaseRecord(id: number, caseNo: string): Promise<void> {
  return downloadFile(`/cases/${id}/record.docx`, `案件记录表-${caseNo}.docx`);
}

export function findComplaints(filter: ComplaintFilter): Promise<Page<Complaint>> {
  return api.get<Page<Complaint>>('/complaints', { ...filter });
}

export function createComplaint(input: ComplaintCreateInput): Promise<Complaint> {
  return api.post<Complaint>('/complaints', input);
}

export function getComplaint(id: number): Promise<Complaint> {
  return api.get<Complaint>(`/complaints/${id}`);
}

/** Changes any field (only those given); audited on the server. */
export function updateComplaint(id: number, input: ComplaintUpdateInput): Promise<Complaint> {
  return api.patch<Complaint>(`/complaints/${id}`, input);
}

/**
 * Officers of the reader's own unit who may handle a case of `orgId` filed on `onDate` (在岗 with a
 * certificate in force that day): what the case form offers as 执法人.
 */
export function findCaseHandlerCandidates(query: {
  orgId: number;
  onDate: string;
}): Promise<CaseHandlerCandidates> {
  return api.get<CaseHandlerCandidates>('/officers/case-handlers', query);
}

/** Per-officer numbers for a period key: 2025, 2025-H1, 2025-Q3 or 2025-03. */
export function getOfficerCounts(period: string, orgId?: number): Promise<OfficerCountsReport> {
  return api.get<OfficerCountsReport>('/cases/officer-counts', { period, orgId });
}
