import type {
  DisputeApplyBody,
  DisputeListQuery,
  DisputePage,
  DisputeView,
} from '../../../server/modules/coordination/disputes/disputes.schema.ts';
import type {
  JointListQuery,
  JointPage,
  JointPlanBody,
  JointView,
} from '../../../server/modules/coordination/joint-actions/joint-actions.schema.ts';
import type {
  LiaisonBody,
  LiaisonListQuery,
  LiaisonView,
} from '../../../server/modules/coordination/liaison/liaison.schema.ts';
import type {
  CircularListQuery,
  MatterView as MajorMatterView,
  MatterListQuery,
  CircularView as PeriodicCircularView,
} from '../../../server/modules/coordination/matters/matters.schema.ts';
import { api } from '../../app/api-client.ts';
import type { Page } from '../../components/PagedResults.tsx';

export type { DisputeApplyBody, DisputePage, DisputeView };
export type DisputeSummary = DisputePage['items'][number];
export type DisputeFilter = Partial<DisputeListQuery> & { page: number; pageSize: number };

/** Query-cache prefix; every write invalidates it. */
export const COORDINATION_KEY = 'coordination';
const base = '/coordination/disputes';

export const findDisputes = (filter: DisputeFilter) => api.get<DisputePage>(base, { ...filter });
export const getDispute = (id: number) => api.get<DisputeView>(`${base}/${id}`);
export const applyDispute = (body: DisputeApplyBody) => api.post<DisputeView>(base, body);
export const findCountyAgencies = () =>
  api.get<{ items: Array<{ id: number; name: string }> }>('/coordination/agencies');

export const locateOpinion = (documentId: number) =>
  api.get<{ disputeId: number }>(`/coordination/opinions/${documentId}`);

/** One step of the procedure: POST (or PUT for a draft) to the dispute's sub-path, the new view back. */
export function disputeAction(id: number, path: string, body: object = {}, method: 'post' | 'put' = 'post') {
  return api[method]<DisputeView>(`${base}/${id}/${path}`, body);
}

// ---- 联合执法 (第八条) ----
export type { JointPage, JointPlanBody, JointView };
export type JointSummary = JointPage['items'][number];
export type JointFilter = Partial<JointListQuery> & { page: number; pageSize: number };
const joint = '/coordination/joint-actions';
export const findJointActions = (filter: JointFilter) => api.get<JointPage>(joint, { ...filter });
export const getJointAction = (id: number) => api.get<JointView>(`${joint}/${id}`);
export const createJointAction = (body: JointPlanBody) => api.post<JointView>(joint, body);
export function jointAction(id: number, path: string, body: object = {}, method: 'post' | 'put' = 'post') {
  return api[method]<JointView>(path ? `${joint}/${id}/${path}` : `${joint}/${id}`, body);
}

// ---- 重大疑难事项 and 定期通报 (第九条) ----
export type { LiaisonBody, LiaisonView, MajorMatterView, PeriodicCircularView };
/** The list's filters; the export takes the same without the paging. */
export type MajorMatterFilter = Partial<Omit<MatterListQuery, 'page' | 'pageSize'>>;
export const findMajorMatters = (filter: MajorMatterFilter & { page: number; pageSize: number }) =>
  api.get<Page<MajorMatterView>>('/coordination/matters', { ...filter });
export const MAJOR_MATTERS_EXPORT_PATH = '/coordination/matters/export.xlsx';
export const createMajorMatter = (body: {
  title: string;
  description: string;
  orgId?: number | null;
  raisedOn: string;
}) => api.post<MajorMatterView>('/coordination/matters', body);
export const recordMajorMatterMeeting = (
  id: number,
  body: { heldOn: string; attendees: string; minutes: string },
) => api.post<MajorMatterView>(`/coordination/matters/${id}/meetings`, body);
export const resolveMajorMatter = (id: number, resolution: string) =>
  api.post<MajorMatterView>(`/coordination/matters/${id}/resolve`, { resolution });

export type PeriodicCircularFilter = Partial<Omit<CircularListQuery, 'page' | 'pageSize'>>;
export const findPeriodicCirculars = (filter: PeriodicCircularFilter & { page: number; pageSize: number }) =>
  api.get<Page<PeriodicCircularView>>('/coordination/circulars', { ...filter });
export const generatePeriodicCircular = (body: { periodFrom: string; periodTo: string }) =>
  api.post<PeriodicCircularView>('/coordination/circulars', body);
export const editPeriodicCircular = (id: number, body: { title: string; body: string }) =>
  api.put<PeriodicCircularView>(`/coordination/circulars/${id}`, body);
export const submitPeriodicCircular = (id: number) =>
  api.post<PeriodicCircularView>(`/coordination/circulars/${id}/submit`);
export const periodicCircularDocxPath = (id: number) => `/coordination/circulars/${id}/docx`;

// ---- 工作衔接 (第十条) ----
export type LiaisonFilter = Partial<Omit<LiaisonListQuery, 'page' | 'pageSize'>>;
export const findLiaisons = (filter: LiaisonFilter & { page: number; pageSize: number }) =>
  api.get<Page<LiaisonView>>('/coordination/liaison', { ...filter });
export const LIAISON_EXPORT_PATH = '/coordination/liaison/export.xlsx';
export const createLiaison = (body: LiaisonBody) => api.post<LiaisonView>('/coordination/liaison', body);
export const recordLiaisonReceipt = (id: number, body: { receiptOn: string; receiptBy: string }) =>
  api.post<LiaisonView>(`/coordination/liaison/${id}/receipt`, body);
export const recordLiaisonOutcome = (id: number, body: { outcome: string; outcomeOn: string }) =>
  api.post<LiaisonView>(`/coordination/liaison/${id}/outcome`, body);
