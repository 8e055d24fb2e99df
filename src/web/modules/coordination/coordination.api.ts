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
import { api } from '../../app/api-client.ts';

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
