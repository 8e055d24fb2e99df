/**
 * Fetchers of the training domain (培训制度第四–八条): plans, sessions with their attendee lists,
 * 结业 with the 考核 results, 培训通知 and 签到表, self-study logs. Types come from the server's schemas.
 */
import type { z } from 'zod';
import type { PlanBody, PlanList, PlanView } from '../../../server/modules/training/plans/plans.schema.ts';
import type { SelfStudyBody } from '../../../server/modules/training/self-study/self-study.schema.ts';
import type {
  SessionBody,
  SessionDetail,
  SessionListQuery,
  SessionPage,
  SessionView,
} from '../../../server/modules/training/sessions/sessions.schema.ts';
import { api } from '../../app/api-client.ts';
import { downloadFile, uploadFile } from '../../components/file-transfer.ts';

export type { PlanBody, PlanView, SelfStudyBody, SessionBody, SessionDetail, SessionView };
export type Plans = z.infer<typeof PlanList>;
export type Sessions = z.infer<typeof SessionPage>;
export type SessionFilter = Partial<SessionListQuery> & { page: number; pageSize: number };
export type FinishResult = { officerId: number; score?: number | null; passed?: boolean | null };
type Added = { added: number; session: SessionDetail };

/** Query-cache prefix; every write invalidates it. */
export const TRAINING_KEY = 'training-domain';

const sessionPath = (id: number) => `/training-sessions/${id}`;

export const findPlans = (query: { year?: number; orgId?: number }) =>
  api.get<Plans>('/training-plans', query);
export const createPlan = (body: PlanBody) => api.post<PlanView>('/training-plans', body);
export const updatePlan = (id: number, body: PlanBody) => api.put<PlanView>(`/training-plans/${id}`, body);
export const deletePlan = (id: number) => api.delete(`/training-plans/${id}`);

export const findSessions = (filter: SessionFilter) => api.get<Sessions>('/training-sessions', { ...filter });
export const getSession = (id: number) => api.get<SessionDetail>(sessionPath(id));
export const createSession = (body: SessionBody) => api.post<SessionDetail>('/training-sessions', body);
export const updateSession = (id: number, body: SessionBody) => api.put<SessionDetail>(sessionPath(id), body);
export const deleteSession = (id: number) => api.delete(sessionPath(id));
export const addAttendees = (id: number, officerIds: number[]) =>
  api.post<Added>(`${sessionPath(id)}/attendees`, { officerIds });
export const importAttendees = (id: number, file: Blob) =>
  uploadFile<Added>(`${sessionPath(id)}/attendees/import`, file);
export const removeAttendee = (id: number, officerId: number) =>
  api.delete<SessionDetail>(`${sessionPath(id)}/attendees/${officerId}`);
export const finishSession = (id: number, results: FinishResult[]) =>
  api.post<SessionDetail>(`${sessionPath(id)}/finish`, { results });
export const issueNotice = (id: number) => api.post<SessionDetail>(`${sessionPath(id)}/notice`);
export const downloadNotice = (session: SessionView) =>
  downloadFile(`${sessionPath(session.id)}/notice.docx`, `培训通知（${session.course}）.docx`);
export const downloadSignInSheet = (session: SessionView) =>
  downloadFile(`${sessionPath(session.id)}/sign-in.docx`, `签到表（${session.course}）.docx`);
export const downloadAttendeeTemplate = () =>
  downloadFile('/training-sessions/attendees-template.xlsx', '参训名单导入模板.xlsx');

export const addSelfStudy = (body: SelfStudyBody) => api.post<unknown>('/self-study', body);
