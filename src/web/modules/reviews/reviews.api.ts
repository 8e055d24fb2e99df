import type { z } from 'zod';
import type {
  AssignmentApplyBody,
  AssignmentList,
  AssignmentPreview,
  MyAssignmentList,
} from '../../../server/modules/reviews/assignments/assignments.schema.ts';
import type {
  CampaignCreateBody,
  CampaignListQuery,
  CampaignPage,
  CampaignView,
  DrawApplyBody,
  DrawParamsBody,
  DrawPreview,
  DrawPreviewBody,
  DrawVerify,
  FileAddBody,
  ReviewFileList,
  UnitFileList,
} from '../../../server/modules/reviews/campaigns/campaigns.schema.ts';
import type {
  ConflictList,
  DeclarationBody,
  ExpertCreateBody,
  ExpertList,
  ExpertUpdateBody,
  ExpertView,
  PanelView,
  WaiverBody,
} from '../../../server/modules/reviews/panels/panels.schema.ts';
import type {
  FileScoreList,
  SheetBody,
  SheetView,
} from '../../../server/modules/reviews/scoring/scoring.schema.ts';
import { api } from '../../app/api-client.ts';

export type {
  CampaignCreateBody,
  CampaignView,
  DrawParamsBody,
  DrawPreview,
  ExpertCreateBody,
  ExpertView,
  SheetView,
};
export type CampaignPageData = z.infer<typeof CampaignPage>;
export type CampaignSummary = CampaignPageData['items'][number];
export type CampaignFilter = Partial<CampaignListQuery> & { page: number; pageSize: number };
export type UnitFileListData = z.infer<typeof UnitFileList>;
export type DrawPreviewInput = z.input<typeof DrawPreviewBody>;
export type DrawApplyInput = z.input<typeof DrawApplyBody>;
export type DrawVerifyData = z.infer<typeof DrawVerify>;
export type ReviewFiles = z.infer<typeof ReviewFileList>;
export type ReviewFile = ReviewFiles['items'][number];
export type DrawRecord = ReviewFiles['draws'][number];
export type FileAddInput = z.infer<typeof FileAddBody>;
export type ExpertListData = z.infer<typeof ExpertList>;
export type ExpertUpdateInput = z.input<typeof ExpertUpdateBody>;
export type DeclarationInput = z.infer<typeof DeclarationBody>;
export type PanelData = z.infer<typeof PanelView>;
export type ConflictListData = z.infer<typeof ConflictList>;
export type Conflict = ConflictListData['items'][number];
export type WaiverInput = z.infer<typeof WaiverBody>;
export type AssignmentPreviewData = AssignmentPreview;
export type AssignmentApplyInput = z.infer<typeof AssignmentApplyBody>;
export type AssignmentListData = z.infer<typeof AssignmentList>;
export type MyAssignments = z.infer<typeof MyAssignmentList>;
export type MyAssignmentItem = MyAssignments['items'][number];
export type SheetInput = z.input<typeof SheetBody>;
export type FileScores = z.infer<typeof FileScoreList>;
export type FileScore = FileScores['items'][number];

/** Query-cache prefix; every write invalidates it. */
export const REVIEWS_KEY = 'reviews';
const campaigns = '/review-campaigns';
const campaign = (id: number) => `${campaigns}/${id}`;

export const findCampaigns = (filter: CampaignFilter) => api.get<CampaignPageData>(campaigns, { ...filter });
export const createCampaign = (body: CampaignCreateBody) => api.post<CampaignView>(campaigns, body);
export const getCampaign = (id: number) => api.get<CampaignView>(campaign(id));

export const getUnitFileList = (id: number, orgId: number) =>
  api.get<UnitFileListData>(`${campaign(id)}/units/${orgId}/file-list`);
export const submitUnitFileList = (id: number, orgId: number, note?: string) =>
  api.post<CampaignView>(`${campaign(id)}/units/${orgId}/file-list`, { note });

export const previewDraw = (id: number, body: DrawPreviewInput) =>
  api.post<DrawPreview>(`${campaign(id)}/draw/preview`, body);
export const applyDraw = (id: number, body: DrawApplyInput) =>
  api.post<DrawPreview>(`${campaign(id)}/draw`, body);
export const verifyDraw = (id: number, drawId: number) =>
  api.get<DrawVerifyData>(`${campaign(id)}/draws/${drawId}/verify`);
export const getReviewFiles = (id: number) => api.get<ReviewFiles>(`${campaign(id)}/files`);
export const addReviewFile = (id: number, body: FileAddInput) =>
  api.post<ReviewFiles>(`${campaign(id)}/files`, body);
export const removeReviewFile = (id: number, fileId: number, reason: string) =>
  api.post<ReviewFiles>(`${campaign(id)}/files/${fileId}/remove`, { reason });

export const findExperts = () => api.get<ExpertListData>('/review-experts');
export const createExpert = (body: ExpertCreateBody) => api.post<ExpertView>('/review-experts', body);
export const updateExpert = (id: number, body: ExpertUpdateInput) =>
  api.patch<ExpertView>(`/review-experts/${id}`, body);
export const declareInterest = (id: number, body: DeclarationInput) =>
  api.post<ExpertView>(`/review-experts/${id}/declarations`, body);

export const getPanel = (id: number) => api.get<PanelData>(`${campaign(id)}/panel`);
export const setPanel = (id: number, expertIds: number[]) =>
  api.put<PanelData>(`${campaign(id)}/panel`, { expertIds });
export const getConflicts = (id: number) => api.get<ConflictListData>(`${campaign(id)}/conflicts`);
export const waiveConflict = (id: number, body: WaiverInput) =>
  api.post<ConflictListData>(`${campaign(id)}/waivers`, body);

export const previewAssignment = (id: number) =>
  api.post<AssignmentPreview>(`${campaign(id)}/assignment/preview`);
export const applyAssignment = (id: number, body: AssignmentApplyInput) =>
  api.post<AssignmentPreview>(`${campaign(id)}/assignment`, body);
export const getAssignments = (id: number) => api.get<AssignmentListData>(`${campaign(id)}/assignments`);
export const getFileScores = (id: number) => api.get<FileScores>(`${campaign(id)}/scores`);

export const findMyAssignments = () => api.get<MyAssignments>('/review-assignments/mine');
export const getSheet = (assignmentId: number) =>
  api.get<SheetView>(`/review-assignments/${assignmentId}/sheet`);
export const saveSheet = (assignmentId: number, body: SheetInput) =>
  api.put<SheetView>(`/review-assignments/${assignmentId}/sheet`, body);
