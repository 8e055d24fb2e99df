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
  FileHistory,
  ObjectionBody,
  ObjectionDecisionBody,
  ObjectionList,
  RecheckBody,
} from '../../../server/modules/reviews/rechecks/rechecks.schema.ts';
import type {
  RectificationBody,
  RectificationDecisionBody,
  UnitRectification,
} from '../../../server/modules/reviews/rectifications/rectifications.schema.ts';
import type {
  CampaignBoard,
  ExemplaryBody,
  FilesReturnedBody,
  ShowcaseList,
  UnitResults,
} from '../../../server/modules/reviews/results/results.schema.ts';
import type {
  AssignedFileView,
  FileScoreList,
  SheetBody,
  SheetView,
} from '../../../server/modules/reviews/scoring/scoring.schema.ts';
import { api } from '../../app/api-client.ts';
import type { StoredFile } from '../../components/AttachmentLinks.tsx';
import { uploadFile } from '../../components/file-transfer.ts';

export type {
  AssignedFileView,
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
/** The assigned file's cover and 卷内目录, read-only (第十条 查阅案卷). */
export const getAssignedFile = (assignmentId: number) =>
  api.get<AssignedFileView>(`/review-assignments/${assignmentId}/file`);
export const saveSheet = (assignmentId: number, body: SheetInput) =>
  api.put<SheetView>(`/review-assignments/${assignmentId}/sheet`, body);

// ---- results, re-review, objections, rectification, showcase (第十二条(五)–(九)、第十七、十八条)
export type BoardData = z.infer<typeof CampaignBoard>;
export type BoardUnit = BoardData['units'][number];
export type UnitResultsData = z.infer<typeof UnitResults>;
export type UnitResultFile = UnitResultsData['files'][number];
export type FileHistoryData = z.infer<typeof FileHistory>;
export type ObjectionListData = z.infer<typeof ObjectionList>;
export type Objection = ObjectionListData['items'][number];
export type ObjectionInput = z.input<typeof ObjectionBody>;
export type ObjectionDecisionInput = z.input<typeof ObjectionDecisionBody>;
export type RecheckInput = z.infer<typeof RecheckBody>;
export type UnitRectificationData = z.infer<typeof UnitRectification>;
export type RectificationInput = z.input<typeof RectificationBody>;
export type RectificationDecisionInput = z.input<typeof RectificationDecisionBody>;
export type ShowcaseData = z.infer<typeof ShowcaseList>;
export type ShowcaseItem = ShowcaseData['items'][number];
export type FilesReturnedInput = z.input<typeof FilesReturnedBody>;
export type ExemplaryInput = z.input<typeof ExemplaryBody>;

export const getBoard = (id: number) => api.get<BoardData>(`${campaign(id)}/board`);
export const publishResults = (id: number) => api.post<BoardData>(`${campaign(id)}/publish`);
export const issueCircular = (id: number) =>
  api.post<{ circularNumber: string; circularIssuedOn: string }>(`${campaign(id)}/circular`);
export const getUnitResults = (id: number, orgId: number) =>
  api.get<UnitResultsData>(`${campaign(id)}/units/${orgId}/results`);
export const recordFilesReturned = (id: number, orgId: number, body: FilesReturnedInput) =>
  api.post<BoardData>(`${campaign(id)}/units/${orgId}/files-returned`, body);
export const markExemplary = (id: number, fileId: number, body: ExemplaryInput) =>
  api.put<{ fileId: number; isExemplary: boolean }>(`${campaign(id)}/files/${fileId}/exemplary`, body);
export const getFileHistory = (id: number, fileId: number) =>
  api.get<FileHistoryData>(`${campaign(id)}/files/${fileId}/history`);
export const assignRecheck = (id: number, body: RecheckInput) =>
  api.post<FileHistoryData>(`${campaign(id)}/rechecks`, body);
export const getObjections = (id: number) => api.get<ObjectionListData>(`${campaign(id)}/objections`);
export const fileObjection = (id: number, body: ObjectionInput) =>
  api.post<Objection>(`${campaign(id)}/objections`, body);
export const decideObjection = (id: number, objectionId: number, body: ObjectionDecisionInput) =>
  api.post<Objection>(`${campaign(id)}/objections/${objectionId}/decision`, body);
export const getRectification = (id: number, orgId: number) =>
  api.get<UnitRectificationData>(`${campaign(id)}/units/${orgId}/rectification`);
export const submitRectification = (id: number, orgId: number, body: RectificationInput) =>
  api.post<UnitRectificationData>(`${campaign(id)}/units/${orgId}/rectification`, body);
/** 第十七条 material of a pending report, as the raw body (PDF/JPEG/PNG, checked by the server). */
export const rectificationAttachmentsPath = (id: number, orgId: number, rectificationId: number) =>
  `${campaign(id)}/units/${orgId}/rectification/${rectificationId}/attachments`;
export const uploadRectificationAttachment = (
  id: number,
  orgId: number,
  rectificationId: number,
  file: File,
) =>
  uploadFile<StoredFile>(rectificationAttachmentsPath(id, orgId, rectificationId), file, 'POST', {
    'x-file-name': encodeURIComponent(file.name),
  });
export const decideRectification = (
  id: number,
  orgId: number,
  rectificationId: number,
  body: RectificationDecisionInput,
) =>
  api.post<UnitRectificationData>(
    `${campaign(id)}/units/${orgId}/rectification/${rectificationId}/decision`,
    body,
  );
export const findShowcase = () => api.get<ShowcaseData>('/review-showcase');
