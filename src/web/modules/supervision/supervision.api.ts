import type {
  CircularDraftBody,
  CircularListQuery,
  CircularView,
} from '../../../server/modules/supervision/circulars/circulars.schema.ts';
import type {
  DecisionListQuery,
  DecisionRecordBody,
  DecisionRequestBody,
  DecisionView,
} from '../../../server/modules/supervision/decisions/decisions.schema.ts';
import type {
  EvidenceBody,
  EvidenceView,
  InspectionCreateBody,
  InspectionRecordBody,
  InspectionView,
  ReportReplyBody,
  ReportRequestBody,
  ReportRequestListQuery,
  ReportRequestView,
} from '../../../server/modules/supervision/inspections/inspections.schema.ts';
import type {
  FocusBody,
  FocusUpdateBody,
  FocusView,
  MatterCloseBody,
  MatterCreateBody,
  MatterListQuery,
  MatterUpdateBody,
  MatterView,
} from '../../../server/modules/supervision/matters/matters.schema.ts';
import type {
  NoticeDraftBody,
  NoticeDraftPatch,
  NoticeListQuery,
  NoticeReviewBody,
  NoticeServeBody,
  NoticeView,
} from '../../../server/modules/supervision/notices/notices.schema.ts';
import type {
  ReferralAcceptBody,
  ReferralBody,
  ReferralListQuery,
  ReferralView,
} from '../../../server/modules/supervision/referrals/referrals.schema.ts';
import type { AttachmentView } from '../../../server/modules/supervision/supervision.schema.ts';
import { api } from '../../app/api-client.ts';
import { uploadFile } from '../../components/file-transfer.ts';
import type { Page } from '../../components/PagedResults.tsx';

export type {
  AttachmentView,
  CircularDraftBody,
  CircularView,
  DecisionRecordBody,
  DecisionRequestBody,
  DecisionView,
  EvidenceBody,
  EvidenceView,
  FocusBody,
  FocusView,
  InspectionCreateBody,
  InspectionView,
  MatterCreateBody,
  MatterView,
  NoticeDraftBody,
  NoticeServeBody,
  NoticeView,
  ReferralAcceptBody,
  ReferralBody,
  ReferralView,
  ReportRequestBody,
  ReportRequestView,
};

/** Query-cache prefix; every write here invalidates it. */
export const SUPERVISION_KEY = 'supervision';

/** A list page's filter as the page keeps it (the server's query, paging required). */
type Filter<Q> = Partial<Omit<Q, 'page' | 'pageSize'>> & { page: number; pageSize: number };
export type MatterFilter = Filter<MatterListQuery>;
export type NoticeFilter = Filter<NoticeListQuery>;
export type ReferralFilter = Filter<ReferralListQuery>;
export type ReportRequestFilter = Filter<ReportRequestListQuery>;

const base = '/supervision';

// 监督事项 (第十一、十二条)
export const findMatters = (filter: MatterFilter) =>
  api.get<Page<MatterView>>(`${base}/matters`, { ...filter });
export const getMatter = (id: number) => api.get<MatterView>(`${base}/matters/${id}`);
export const createMatter = (body: MatterCreateBody) => api.post<MatterView>(`${base}/matters`, body);
export const updateMatter = (id: number, body: MatterUpdateBody) =>
  api.patch<MatterView>(`${base}/matters/${id}`, body);
export const closeMatter = (id: number, body: MatterCloseBody) =>
  api.post<MatterView>(`${base}/matters/${id}/close`, body);
export const MATTERS_EXPORT_PATH = `${base}/matters/export.xlsx`;

// 年度监督重点 (第十二条)
export const findFocus = (year?: number) => api.get<FocusView[]>(`${base}/focus`, { year });
export const createFocus = (body: FocusBody) => api.post<FocusView>(`${base}/focus`, body);
export const updateFocus = (id: number, body: FocusUpdateBody) =>
  api.patch<FocusView>(`${base}/focus/${id}`, body);

// 检查与取证 (第十三、十四条)
export const findInspections = (matterId: number) =>
  api.get<InspectionView[]>(`${base}/matters/${matterId}/inspections`);
export const createInspection = (matterId: number, body: InspectionCreateBody) =>
  api.post<InspectionView>(`${base}/matters/${matterId}/inspections`, body);
export const recordInspection = (id: number, body: InspectionRecordBody) =>
  api.post<InspectionView>(`${base}/inspections/${id}/record`, body);
export const addEvidence = (inspectionId: number, body: EvidenceBody) =>
  api.post<EvidenceView>(`${base}/inspections/${inspectionId}/evidence`, body);

// 要求报告执法情况 (第十三条(一))
export const findReportRequests = (filter: ReportRequestFilter) =>
  api.get<Page<ReportRequestView>>(`${base}/report-requests`, { ...filter });
export const createReportRequest = (matterId: number, body: ReportRequestBody) =>
  api.post<ReportRequestView>(`${base}/matters/${matterId}/report-requests`, body);
export const replyReportRequest = (id: number, body: ReportReplyBody) =>
  api.post<ReportRequestView>(`${base}/report-requests/${id}/reply`, body);

// 司法所提请 (第十七条)
export const findReferrals = (filter: ReferralFilter) =>
  api.get<Page<ReferralView>>(`${base}/referrals`, { ...filter });
export const getReferral = (id: number) => api.get<ReferralView>(`${base}/referrals/${id}`);
export const createReferral = (body: ReferralBody) => api.post<ReferralView>(`${base}/referrals`, body);
export const acceptReferral = (id: number, body: ReferralAcceptBody) =>
  api.post<ReferralView>(`${base}/referrals/${id}/accept`, body);
export const returnReferral = (id: number, reason: string) =>
  api.post<ReferralView>(`${base}/referrals/${id}/return`, { reason });

// 行政执法监督通知书 (第十五条)
export const findNotices = (filter: NoticeFilter) =>
  api.get<Page<NoticeView>>(`${base}/notices`, { ...filter });
export const getNotice = (id: number) => api.get<NoticeView>(`${base}/notices/${id}`);
export const draftNotice = (matterId: number, body: NoticeDraftBody) =>
  api.post<NoticeView>(`${base}/matters/${matterId}/notices`, body);
export const updateNotice = (id: number, body: NoticeDraftPatch) =>
  api.patch<NoticeView>(`${base}/notices/${id}`, body);
export const submitNotice = (id: number) => api.post<NoticeView>(`${base}/notices/${id}/submit`);
export const serveNotice = (id: number, body: NoticeServeBody) =>
  api.post<NoticeView>(`${base}/notices/${id}/serve`, body);
export const reportOnNotice = (id: number, content: string) =>
  api.post<NoticeView>(`${base}/notices/${id}/report`, { content });
export const reviewNoticeReport = (id: number, body: NoticeReviewBody) =>
  api.post<NoticeView>(`${base}/notices/${id}/review`, body);
export const withdrawNotice = (id: number, reason: string) =>
  api.post<NoticeView>(`${base}/notices/${id}/withdraw`, { reason });
export const noticeDocxPath = (id: number) => `${base}/notices/${id}/document.docx`;

// 附件 (PDF/JPEG/PNG, ≤ 10 MB; the server checks the bytes)
type AttachmentOwner = 'evidence' | 'report-requests' | 'referrals' | 'rectifications';
export function uploadSupervisionAttachment(owner: AttachmentOwner, ownerId: number, file: File) {
  return uploadFile<AttachmentView>(`${base}/${owner}/${ownerId}/attachments`, file, 'POST', {
    'x-file-name': encodeURIComponent(file.name),
  });
}
export const attachmentPath = (file: { id: number }) => `${base}/attachments/${file.id}`;

// 行政执法监督决定 (报请县政府, 第十五条) and 通报 (第二十二、二十三条)
export type DecisionFilter = Filter<DecisionListQuery>;
export type CircularFilter = Filter<CircularListQuery>;
export const findDecisions = (filter: DecisionFilter) =>
  api.get<Page<DecisionView>>(`${base}/decisions`, { ...filter });
export const getDecision = (id: number) => api.get<DecisionView>(`${base}/decisions/${id}`);
export const requestDecision = (noticeId: number, body: DecisionRequestBody) =>
  api.post<DecisionView>(`${base}/notices/${noticeId}/decisions`, body);
export const updateDecisionRequest = (id: number, body: Partial<DecisionRequestBody>) =>
  api.patch<DecisionView>(`${base}/decisions/${id}`, body);
export const submitDecisionRequest = (id: number) => api.post<DecisionView>(`${base}/decisions/${id}/submit`);
export const recordDecision = (id: number, body: DecisionRecordBody) =>
  api.post<DecisionView>(`${base}/decisions/${id}/record`, body);
export const reportOnDecision = (id: number, content: string) =>
  api.post<DecisionView>(`${base}/decisions/${id}/report`, { content });
export const reviewDecisionReport = (id: number, body: NoticeReviewBody) =>
  api.post<DecisionView>(`${base}/decisions/${id}/review`, body);
export const withdrawDecisionRequest = (id: number, reason: string) =>
  api.post<DecisionView>(`${base}/decisions/${id}/withdraw`, { reason });
export const findCirculars = (filter: CircularFilter) =>
  api.get<Page<CircularView>>(`${base}/circulars`, { ...filter });
export const getCircular = (id: number) => api.get<CircularView>(`${base}/circulars/${id}`);
export const createCircular = (body: CircularDraftBody) => api.post<CircularView>(`${base}/circulars`, body);
export const updateCircular = (id: number, body: Partial<CircularDraftBody>) =>
  api.patch<CircularView>(`${base}/circulars/${id}`, body);
export const submitCircular = (id: number) => api.post<CircularView>(`${base}/circulars/${id}/submit`);
export const withdrawCircular = (id: number, reason: string) =>
  api.post<CircularView>(`${base}/circulars/${id}/withdraw`, { reason });
export const decisionRequestDocxPath = (id: number) => `${base}/decisions/${id}/request.docx`;
export const decisionDocxPath = (id: number) => `${base}/decisions/${id}/document.docx`;
export const circularDocxPath = (id: number) => `${base}/circulars/${id}/document.docx`;
