import { z } from 'zod';
import {
  DRAW_MODES,
  LITIGATION_KINDS,
  LITIGATION_OUTCOMES,
  MIN_REVIEWERS_PER_FILE,
  REVIEW_CAMPAIGN_STATES,
  REVIEW_METHODS,
  REVIEW_REGULARITIES,
} from '../../../../common/reviews.ts';
import { zIdParam, zIsoDate, zText } from '../../../../common/validation-zod.ts';
import { Keyword, PagingQuery, pageOf } from '../../../lib/paging.ts';
import { CASE_KINDS } from '../../cases/cases.policy.ts';
import { IdParams, optionalText, requiredText } from '../../cases/records/cases.schema.ts';

export { IdParams };
export const UnitParams = IdParams.extend({
  orgId: zIdParam('编号无效'),
});
export const FileParams = IdParams.extend({
  fileId: zIdParam('编号无效'),
});
export const DrawParamsPath = IdParams.extend({
  drawId: zIdParam('编号无效'),
});

/** 评查方案 (第十二条(一)): scope, method, deadlines and the campaign's parameters. */
export const CampaignCreateBody = z.object({
  name: requiredText('评查活动名称', 100),
  year: z.number({ error: '请填写年度' }).int().min(2000, '年度无效').max(2100, '年度无效'),
  method: z.enum(REVIEW_METHODS, { error: '评查方式应为全面评查、重点评查、专项评查或随机抽查' }),
  regularity: z.enum(REVIEW_REGULARITIES, { error: '请选择定期或不定期' }),
  unitIds: z
    .array(z.number().int().positive('被评查单位无效'), { error: '请选择被评查单位' })
    .min(1, '请至少选择一个被评查单位')
    .max(200, '被评查单位最多 200 个'),
  caseKinds: z
    .array(z.enum(CASE_KINDS, { error: '案件类别无效' }), { error: '请选择案件类别' })
    .min(1, '请至少选择一种案件类别'),
  closedFrom: zIsoDate,
  closedTo: zIsoDate,
  includeLitigated: z.boolean().optional(),
  requirements: optionalText('评查要求', 5000),
  fileListDueOn: zIsoDate,
  scoringDueOn: zIsoDate,
  objectionDays: z.number().int().min(1, '异议期至少 1 天').max(60, '异议期最多 60 天').optional(),
  reviewersPerFile: z
    .number()
    .int()
    .min(MIN_REVIEWERS_PER_FILE, `每件案卷的评查人员不得少于 ${MIN_REVIEWERS_PER_FILE} 名（第十一条）`)
    .max(7, '每件案卷的评查人员最多 7 名')
    .optional(),
  reviewerCap: z
    .number()
    .int()
    .min(1, '每名评查人员至少 1 件')
    .max(1000, '每名评查人员最多 1000 件')
    .optional(),
  divergenceThreshold: z.number().positive('分差阈值应大于 0').max(100, '分差阈值不能超过 100').optional(),
});
export type CampaignCreateBody = z.infer<typeof CampaignCreateBody>;

export const CampaignListQuery = PagingQuery.extend({
  keyword: Keyword,
  year: z.coerce.number().int().optional(),
  state: z.enum(REVIEW_CAMPAIGN_STATES, { error: '状态无效' }).optional(),
});
export type CampaignListQuery = z.infer<typeof CampaignListQuery>;

const DeadlineStateEnum = z.enum(['normal', 'due_soon', 'overdue']);

export const CampaignListItem = z.object({
  id: z.number(),
  name: zText(),
  year: z.number(),
  level: z.enum(['county', 'agency']),
  levelLabel: zText(),
  organiserName: zText(),
  method: z.enum(REVIEW_METHODS),
  methodLabel: zText(),
  regularity: z.enum(REVIEW_REGULARITIES),
  regularityLabel: zText(),
  state: z.enum(REVIEW_CAMPAIGN_STATES),
  stateLabel: zText(),
  fileListDueOn: zText(),
  scoringDueOn: zText(),
  unitCount: z.number(),
  fileCount: z.number(),
});
export type CampaignListItem = z.infer<typeof CampaignListItem>;
export const CampaignPage = pageOf(CampaignListItem);

export const CampaignUnitView = z.object({
  orgId: z.number(),
  name: zText(),
  /** submitted = 已报送; otherwise the deadline state of the file list (第二十条) */
  listState: z.union([z.literal('submitted'), DeadlineStateEnum]),
  listStateLabel: zText(),
  listSubmittedAt: zText().nullable(),
  listSubmittedBy: zText().nullable(),
  listNote: zText().nullable(),
  listCaseCount: z.number().nullable(),
  fileCount: z.number(),
  canSubmitList: z.boolean(),
});
export type CampaignUnitView = z.infer<typeof CampaignUnitView>;

export const CampaignView = CampaignListItem.extend({
  caseKinds: z.array(z.enum(CASE_KINDS)),
  caseKindLabels: z.array(zText()),
  closedFrom: zText(),
  closedTo: zText(),
  includeLitigated: z.boolean(),
  requirements: zText().nullable(),
  objectionDays: z.number(),
  reviewersPerFile: z.number(),
  reviewerCap: z.number(),
  divergenceThreshold: zText(),
  units: z.array(CampaignUnitView),
  abilities: z.object({ canManage: z.boolean(), canDraw: z.boolean(), canChangeFiles: z.boolean() }),
  createdAt: zText(),
});
export type CampaignView = z.infer<typeof CampaignView>;

export const FileListBody = z.object({ note: optionalText('说明', 1000) });

export const CaseBrief = z.object({
  caseId: z.number(),
  caseNo: zText(),
  name: zText(),
  kind: z.enum(CASE_KINDS),
  kindLabel: zText(),
  closedOn: zText().nullable(),
  unitOrgId: z.number(),
  unitName: zText(),
});
export type CaseBrief = z.infer<typeof CaseBrief>;

export const UnitFileList = z.object({
  orgId: z.number(),
  name: zText(),
  submittedAt: zText().nullable(),
  /** the cases now in the campaign's scope for this unit (what the unit confirms) */
  eligible: z.array(CaseBrief),
  /** the cases the unit confirmed, when it has */
  submittedCaseIds: z.array(z.number()).nullable(),
});

// ---- sampling (随机抽查)
export const DrawParamsBody = z
  .object({
    mode: z.enum(DRAW_MODES, { error: '抽取方式无效' }),
    count: z.number().int().min(1, '抽取件数至少 1 件').max(100_000).optional(),
    perUnit: z.number().int().min(1, '每个单位至少抽取 1 件').max(10_000).optional(),
    sharePercent: z.number().min(0.1, '抽取比例至少 0.1%').max(100, '抽取比例不能超过 100%').optional(),
    byUnit: z.boolean().default(true),
    byKind: z.boolean().default(false),
  })
  .superRefine((body, context) => {
    const need = { count: 'count', per_unit: 'perUnit', share: 'sharePercent' } as const;
    const field = need[body.mode];
    if (body[field] === undefined)
      context.addIssue({ code: 'custom', path: [field], message: '请填写抽取数量或比例' });
  });
export type DrawParamsBody = z.infer<typeof DrawParamsBody>;

export const DrawPreviewBody = z.object({
  params: DrawParamsBody,
  /** omitted: a new random seed is made and shown */
  seed: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{4,64}$/, '随机种子应为 4–64 位字母、数字或连字符')
    .optional(),
});
export const DrawApplyBody = z.object({
  params: DrawParamsBody,
  seed: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{4,64}$/, '随机种子应为 4–64 位字母、数字或连字符'),
  /** the eligible digest the preview showed: the draw is refused if the eligible set changed since */
  eligibleDigest: zText().regex(/^[0-9a-f]{64}$/, '请先预览抽取结果'),
});

export const DrawPreview = z.object({
  seed: zText(),
  eligibleCount: z.number(),
  eligibleDigest: zText(),
  drawnDigest: zText(),
  strata: z.array(z.object({ key: zText(), label: zText(), eligible: z.number(), drawn: z.number() })),
  drawn: z.array(CaseBrief),
});
export type DrawPreview = z.infer<typeof DrawPreview>;

export const DrawRecord = z.object({
  id: z.number(),
  seed: zText(),
  params: DrawParamsBody,
  eligibleCount: z.number(),
  eligibleDigest: zText(),
  drawnCount: z.number(),
  drawnDigest: zText(),
  drawnBy: zText(),
  drawnAt: zText(),
});
export const DrawVerify = z.object({
  draw: DrawRecord,
  eligibleMatches: z.boolean(),
  drawnMatches: z.boolean(),
  eligibleCountNow: z.number(),
  redrawnCaseIds: z.array(z.number()),
});

export const ReviewFileView = CaseBrief.extend({
  id: z.number(),
  source: z.enum(['draw', 'manual']),
  sourceLabel: zText(),
  addedReason: zText().nullable(),
  addedBy: zText().nullable(),
  addedAt: zText(),
  removedReason: zText().nullable(),
  removedBy: zText().nullable(),
  removedAt: zText().nullable(),
});
export type ReviewFileView = z.infer<typeof ReviewFileView>;
export const ReviewFileList = z.object({
  items: z.array(ReviewFileView),
  draws: z.array(DrawRecord),
});

export const FileAddBody = z.object({
  caseId: z.number({ error: '请选择案件' }).int().positive('请选择案件'),
  reason: requiredText('增补理由', 500),
});
export const FileRemoveBody = z.object({ reason: requiredText('移出理由', 500) });

// ---- 复议/诉讼 mark on a case (第四条)
export const LitigationBody = z.object({
  kind: z.enum(LITIGATION_KINDS, { error: '应为行政复议或行政诉讼' }).nullable(),
  outcome: z.enum(LITIGATION_OUTCOMES, { error: '结果无效' }).nullable().optional(),
  note: optionalText('说明', 500),
});
export const LitigationView = z.object({
  caseId: z.number(),
  kind: z.enum(LITIGATION_KINDS).nullable(),
  kindLabel: zText().nullable(),
  outcome: z.enum(LITIGATION_OUTCOMES).nullable(),
  outcomeLabel: zText().nullable(),
  note: zText().nullable(),
  markedBy: zText().nullable(),
  markedAt: zText().nullable(),
});
