import type { z } from 'zod';
import type {
  UnitPeriodList,
  UnitPeriodView,
} from '../../../server/modules/units/approvals/approvals.schema.ts';
import type { CheckBody, CheckList, CheckView } from '../../../server/modules/units/checks/checks.schema.ts';
import type { ReportBody, ReportView } from '../../../server/modules/units/reports/reports.schema.ts';
import type {
  FollowUpView,
  RectificationList,
  RectificationView,
} from '../../../server/modules/units/results/results.schema.ts';
import type {
  SummaryCopyBody,
  SummaryList,
  SummaryUnitView,
} from '../../../server/modules/units/summary/summary.schema.ts';
import type {
  DossierEntryBody,
  DossierEntryView,
  DossierPage,
  UnitList,
  UnitListQuery,
  UnitView,
} from '../../../server/modules/units/units.schema.ts';
import { api } from '../../app/api-client.ts';
import type { StoredFile } from '../../components/AttachmentLinks.tsx';
import { uploadFile } from '../../components/file-transfer.ts';

export type UnitPage = z.infer<typeof UnitList>;
export type UnitSummary = UnitPage['items'][number] & { id: number };
export type { CheckBody, CheckView, DossierEntryBody, DossierEntryView, ReportBody, ReportView, UnitView };
export type DossierEntries = z.infer<typeof DossierPage>;
export type Checks = z.infer<typeof CheckList>;
export type UnitPeriods = z.infer<typeof UnitPeriodList>;
export type UnitPeriod = UnitPeriodView;
export type FollowUp = z.infer<typeof FollowUpView>;
export type Rectification = RectificationView;
export type Rectifications = z.infer<typeof RectificationList>;
export type UnitFilter = Partial<UnitListQuery> & { year: number; page: number; pageSize: number };

/** Query-cache prefix; every write invalidates it. */
export const UNITS_KEY = 'units';

const unitPath = (orgId: number) => `/units/${orgId}`;
const reportPath = (orgId: number, year: number) => `${unitPath(orgId)}/reports/${year}`;
const periodPath = (periodId: number) => `/unit-periods/${periodId}`;

export const findUnits = async (filter: UnitFilter): Promise<{ items: UnitSummary[]; total: number }> => {
  const page = await api.get<UnitPage>('/units', { ...filter });
  return { ...page, items: page.items.map((item) => ({ ...item, id: item.orgId })) };
};
export const getUnit = (orgId: number, year: number) => api.get<UnitView>(unitPath(orgId), { year });
export const setUnitCategory = (orgId: number, year: number, category: string) =>
  api.put<UnitView>(`${unitPath(orgId)}/category?year=${year}`, { category });
export const findDossier = (orgId: number, year: number, page: number, pageSize: number) =>
  api.get<DossierEntries>(`${unitPath(orgId)}/dossier`, { year, page, pageSize });
export const addDossierEntry = (orgId: number, body: DossierEntryBody) =>
  api.post<DossierEntryView>(`${unitPath(orgId)}/dossier`, body);

export const getReport = (orgId: number, year: number) => api.get<ReportView>(reportPath(orgId, year));
export const submitReport = (orgId: number, year: number, body: ReportBody) =>
  api.put<ReportView>(reportPath(orgId, year), body);
export const uploadReportFile = (orgId: number, year: number, file: File) =>
  uploadFile<StoredFile>(`${reportPath(orgId, year)}/attachments`, file, 'POST', {
    'x-file-name': encodeURIComponent(file.name),
  });
export const reportFilePath = (orgId: number, year: number, id: number) =>
  `${reportPath(orgId, year)}/attachments/${id}`;
export const deleteReportFile = (orgId: number, year: number, id: number) =>
  api.delete(reportFilePath(orgId, year, id));

export const findChecks = (orgId: number, year: number) =>
  api.get<Checks>(`${unitPath(orgId)}/checks`, { year });
export const recordCheck = (orgId: number, body: CheckBody) =>
  api.post<CheckView>(`${unitPath(orgId)}/checks`, body);
export const findCheckItems = (periodId: number) =>
  api.get<{ items: Array<{ id: string; label: string; clause: string | null }> }>(
    `${periodPath(periodId)}/check-items`,
  );
export const findUnitRectifications = (orgId: number) =>
  api.get<Rectifications>(`${unitPath(orgId)}/rectifications`);

export const findUnitPeriods = () => api.get<UnitPeriods>('/unit-periods');
export const getUnitPeriod = (periodId: number) => api.get<UnitPeriod>(periodPath(periodId));
export const submitForApproval = (periodId: number, category: string, note?: string) =>
  api.post<UnitPeriod>(`${periodPath(periodId)}/approvals/${category}/submit`, note ? { note } : {});
export const decideApproval = (
  periodId: number,
  category: string,
  body: { decision: string; note?: string },
) => api.post<UnitPeriod>(`${periodPath(periodId)}/approvals/${category}/decision`, body);
export const getFollowUp = (periodId: number) => api.get<FollowUp>(`${periodPath(periodId)}/follow-up`);

/** One step of a rectification plan: '' files the plan, 'review' / 'progress' / 'done' the others. */
export const rectificationStep = (
  periodId: number,
  orgId: number,
  step: '' | 'review' | 'progress' | 'done',
  body = {},
) =>
  api.post<Rectification>(`${periodPath(periodId)}/rectifications/${orgId}${step ? `/${step}` : ''}`, body);
export const addCommendation = (
  periodId: number,
  body: { kind: string; orgId: number; personName?: string; reason: string },
) => api.post<FollowUp>(`${periodPath(periodId)}/commendations`, body);

export type SummarySubmissions = z.infer<typeof SummaryList>;
export type SummaryUnit = SummaryUnitView;
export const findSummarySubmissions = (year: number) =>
  api.get<SummarySubmissions>('/unit-summary-submissions', { year });
export const recordSummaryCopy = (orgId: number, body: SummaryCopyBody) =>
  api.post<SummaryUnit>(`${unitPath(orgId)}/summary-submissions`, body);
