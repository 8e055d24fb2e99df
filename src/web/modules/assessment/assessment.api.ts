import { api } from '../../app/api-client.ts';
import type { StoredFile } from '../../components/AttachmentLinks.tsx';
import { uploadFile } from '../../components/file-transfer.ts';
import type {
  Appeal,
  AppealDecisionInput,
  AppealListItem,
  AssessmentRecord,
  MySubject,
  Period,
  PeriodBoard,
  PeriodDetail,
  PeriodOpenInput,
  PeriodRaters,
  Provisional,
  Ranking,
  RatingSheet,
  RecordFilter,
  RecordInput,
  RecordListItem,
  SchemeVersion,
  Scorecard,
  SelfAssessmentInput,
  SelfAssessmentView,
  ServerPage,
  SubjectFilter,
  SubjectPage,
} from './assessment.types.ts';

/** Query-cache prefix; every write invalidates it (a record moves the board, a decision the ranking). */
export const ASSESSMENT_KEY = 'assessment';

const periodPath = (periodId: number) => `/assessment/periods/${periodId}`;

export function listSchemeVersions(): Promise<SchemeVersion[]> {
  return api.get<SchemeVersion[]>('/assessment/schemes');
}

/** One version with its scheme file (the web builds the item catalogue from it). */
export function getSchemeVersion(id: number): Promise<SchemeVersion & { scheme: unknown }> {
  return api.get<SchemeVersion & { scheme: unknown }>(`/assessment/schemes/${id}`);
}

export function listPeriods(): Promise<Period[]> {
  return api.get<Period[]>('/assessment/periods');
}

export function getPeriod(periodId: number): Promise<PeriodDetail> {
  return api.get<PeriodDetail>(periodPath(periodId));
}

export function openPeriod(input: PeriodOpenInput): Promise<Period> {
  return api.post<Period>('/assessment/periods', input);
}

export function computePeriod(periodId: number): Promise<unknown> {
  return api.post(`${periodPath(periodId)}/compute`);
}

/** 公示: opens the appeal window (N working days on the statutory calendar). */
export function publishPeriod(periodId: number): Promise<unknown> {
  return api.post(`${periodPath(periodId)}/publish`);
}

/** 定档: results freeze; refused while the window is open or an appeal is undecided. */
export function finalisePeriod(periodId: number): Promise<unknown> {
  return api.post(`${periodPath(periodId)}/finalise`);
}

/** 周期看板: group progress, self-assessments and ratings in and missing, who is late. */
export function getBoard(periodId: number): Promise<PeriodBoard> {
  return api.get<PeriodBoard>(`${periodPath(periodId)}/board`);
}

/** The period's subjects the account may see, paged and filtered (ranked once results are visible). */
export function listSubjects(periodId: number, filter: SubjectFilter): Promise<SubjectPage> {
  return api.get<SubjectPage>(`${periodPath(periodId)}/subjects`, { ...filter });
}

/** The account's own subject in the period (subject null when it is not assessed in it). */
export function getMySubject(periodId: number): Promise<MySubject> {
  return api.get<MySubject>(`${periodPath(periodId)}/my-subject`);
}

export function getSelfAssessment(periodId: number, subjectKey: string): Promise<SelfAssessmentView> {
  return api.get<SelfAssessmentView>(`${periodPath(periodId)}/subjects/${subjectKey}/self-assessment`);
}

export function listRecords(periodId: number, filter: RecordFilter): Promise<ServerPage<RecordListItem>> {
  return api.get<ServerPage<RecordListItem>>(`${periodPath(periodId)}/records`, { ...filter });
}

export function createRecord(periodId: number, input: RecordInput): Promise<AssessmentRecord> {
  return api.post<AssessmentRecord>(`${periodPath(periodId)}/records`, input);
}

export function withdrawRecord(periodId: number, recordId: number): Promise<AssessmentRecord> {
  return api.post<AssessmentRecord>(`${periodPath(periodId)}/records/${recordId}/withdraw`);
}

export function getMyRatingSheet(periodId: number): Promise<RatingSheet> {
  return api.get<RatingSheet>(`${periodPath(periodId)}/ratings/mine`);
}

export function getPeriodRaters(periodId: number): Promise<PeriodRaters> {
  return api.get<PeriodRaters>(`${periodPath(periodId)}/raters`);
}

export function putPeriodRaters(
  periodId: number,
  raters: { item: string; role: string; userId: number }[],
): Promise<PeriodRaters> {
  return api.put<PeriodRaters>(`${periodPath(periodId)}/raters`, { raters });
}

export function putRating(
  periodId: number,
  input: { subjectKey: string; rater: string; value: string; item?: string },
): Promise<unknown> {
  return api.put(`${periodPath(periodId)}/ratings`, input);
}

export function submitSelfAssessment(
  periodId: number,
  subjectKey: string,
  input: SelfAssessmentInput,
): Promise<{ submittedOn: string; dueOn: string | null }> {
  return api.put(`${periodPath(periodId)}/subjects/${subjectKey}/self-assessment`, input);
}

export function getProvisional(periodId: number, subjectKey: string): Promise<Provisional> {
  return api.get<Provisional>(`${periodPath(periodId)}/subjects/${subjectKey}/provisional`);
}

export function getRanking(periodId: number): Promise<Ranking> {
  return api.get<Ranking>(`${periodPath(periodId)}/results`);
}

export function getScorecard(periodId: number, subjectKey: string): Promise<Scorecard> {
  return api.get<Scorecard>(`${periodPath(periodId)}/subjects/${subjectKey}/scorecard`);
}

export function listAppeals(
  periodId: number,
  filter: { page: number; pageSize: number },
): Promise<ServerPage<AppealListItem>> {
  return api.get<ServerPage<AppealListItem>>(`${periodPath(periodId)}/appeals`, { ...filter });
}

export function submitAppeal(periodId: number, subjectKey: string, reasons: string): Promise<Appeal> {
  return api.post<Appeal>(`${periodPath(periodId)}/subjects/${subjectKey}/appeals`, { reasons });
}

export function decideAppeal(
  periodId: number,
  appealId: number,
  input: AppealDecisionInput,
): Promise<Appeal> {
  return api.post<Appeal>(`${periodPath(periodId)}/appeals/${appealId}/decision`, input);
}

/** Evidence of a record as the raw body; the server checks PDF/JPEG/PNG by its bytes and hashes it. */
export function uploadRecordAttachment(periodId: number, recordId: number, file: File): Promise<StoredFile> {
  return uploadFile<StoredFile>(`${periodPath(periodId)}/records/${recordId}/attachments`, file, 'POST', {
    'x-file-name': encodeURIComponent(file.name),
  });
}

/** Proof of an appeal (the appellant, while the appeal waits for its decision). */
export function uploadAppealAttachment(periodId: number, appealId: number, file: File): Promise<StoredFile> {
  return uploadFile<StoredFile>(`${periodPath(periodId)}/appeals/${appealId}/attachments`, file, 'POST', {
    'x-file-name': encodeURIComponent(file.name),
  });
}

/** Where a record's evidence or an appeal's proof downloads from (for downloadFile). */
export function attachmentPath(periodId: number, attachmentId: number): string {
  return `${periodPath(periodId)}/attachments/${attachmentId}`;
}

/** Removes a file (audited); to replace one, remove it and upload the new one. */
export function deleteAttachment(periodId: number, attachmentId: number): Promise<void> {
  return api.delete(attachmentPath(periodId, attachmentId));
}
