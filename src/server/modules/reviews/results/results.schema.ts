import { z } from 'zod';
import { ARTICLE19_GROUNDS, DEFAULT_FAILING_OFFICER_THRESHOLD } from '../../../../common/reviews.ts';
import { zIsoDate, zText } from '../../../../common/validation-zod.ts';
import { CASE_KINDS } from '../../cases/cases.policy.ts';
import { optionalText } from '../../cases/records/cases.schema.ts';

const BandEnum = z.enum(['excellent', 'pass', 'fail']);
const DeadlineEnum = z.enum(['normal', 'due_soon', 'overdue']);
const Window = z.object({ opensOn: zText().nullable(), closesOn: zText().nullable(), isOpen: z.boolean() });

export const UnitRates = z.object({
  files: z.number(),
  scored: z.number(),
  excellent: z.number(),
  pass: z.number(),
  fail: z.number(),
  /** 优秀率 and 合格率 (优秀 + 合格) in percent, one decimal; null with no scored file */
  excellentRate: zText().nullable(),
  passRate: zText().nullable(),
});

export const RectificationStatusEnum = z.enum([
  'not_required',
  'awaiting_circular',
  'missing',
  'submitted',
  'returned',
  'accepted',
]);

export const CampaignBoard = z.object({
  campaignId: z.number(),
  state: z.enum(['planning', 'drawn', 'scoring', 'published', 'closed']),
  publishedOn: zText().nullable(),
  circularNumber: zText().nullable(),
  circularIssuedOn: zText().nullable(),
  objectionWindow: Window,
  units: z.array(
    z.object({
      orgId: z.number(),
      name: zText(),
      listState: z.union([z.literal('submitted'), DeadlineEnum]),
      listStateLabel: zText(),
      files: z.number(),
      assigned: z.number(),
      scored: z.number(),
      flagged: z.number(),
      rechecked: z.number(),
      final: z.number(),
      /** counts and rates: the organiser and readers at once, everyone after publication */
      results: UnitRates.nullable(),
      pendingObjections: z.number(),
      filesReturnedOn: zText().nullable(),
      rectificationStatus: RectificationStatusEnum,
      rectificationStatusLabel: zText(),
      rectificationDueOn: zText().nullable(),
      rectificationDeadlineState: DeadlineEnum.nullable(),
      rectificationDeadlineLabel: zText().nullable(),
    }),
  ),
  abilities: z.object({
    canPublish: z.boolean(),
    canRecheck: z.boolean(),
    canChangeAssignments: z.boolean(),
    canIssueCircular: z.boolean(),
    canMarkFiles: z.boolean(),
  }),
});
export type CampaignBoard = z.infer<typeof CampaignBoard>;

export const UnitResults = z.object({
  orgId: z.number(),
  name: zText(),
  publishedOn: zText().nullable(),
  rates: UnitRates,
  filesReturnedOn: zText().nullable(),
  filesReturnedNote: zText().nullable(),
  objectionWindow: Window,
  files: z.array(
    z.object({
      fileId: z.number(),
      caseId: z.number(),
      caseNo: zText(),
      name: zText(),
      score: zText().nullable(),
      band: BandEnum.nullable(),
      bandLabel: zText().nullable(),
      source: z.enum(['initial', 'recheck', 'objection']).nullable(),
      sourceLabel: zText().nullable(),
      /** the deductions of the sheets that stand, with the reviewers' reasons (第十条) */
      deductions: z.array(z.object({ no: z.number(), deducted: zText(), reason: zText() })),
      isExemplary: z.boolean(),
      article19Grounds: z.array(z.number()),
      hasPendingObjection: z.boolean(),
      abilities: z.object({ canObject: z.boolean() }),
    }),
  ),
});
export type UnitResults = z.infer<typeof UnitResults>;

export const FilesReturnedBody = z.object({
  returnedOn: zIsoDate,
  note: optionalText('说明', 500),
});
export type FilesReturnedBody = z.infer<typeof FilesReturnedBody>;

export const ExemplaryBody = z.object({
  isExemplary: z.boolean({ error: '请选择是否列为优秀案卷' }),
  note: optionalText('推荐理由', 1000),
});
export type ExemplaryBody = z.infer<typeof ExemplaryBody>;
export const ExemplaryView = z.object({ fileId: z.number(), isExemplary: z.boolean() });

export const Article19Body = z.object({
  grounds: z
    .array(
      z
        .number({ error: '第十九条的情形无效' })
        .int('第十九条的情形无效')
        .min(1, '第十九条的情形为(一)至(五)')
        .max(ARTICLE19_GROUNDS.length, '第十九条的情形为(一)至(五)'),
    )
    .max(5),
  note: optionalText('说明', 2000),
  /** true = raise the draft 行政执法监督通知书 in supervision now */
  raiseNotice: z.boolean().default(false),
});
export type Article19Body = z.infer<typeof Article19Body>;
export const Article19View = z.object({
  fileId: z.number(),
  grounds: z.array(z.number()),
  noticeId: z.number().nullable(),
});

export const ShowcaseList = z.object({
  items: z.array(
    z.object({
      fileId: z.number(),
      campaignId: z.number(),
      campaignName: zText(),
      year: z.number(),
      caseNo: zText(),
      /** the case name and parties with every party name masked */
      name: zText(),
      kind: z.enum(CASE_KINDS),
      kindLabel: zText(),
      partyNames: zText(),
      closedOn: zText().nullable(),
      unitName: zText(),
      note: zText().nullable(),
      markedAt: zText(),
    }),
  ),
});

export const FailingOfficersQuery = z.object({
  threshold: z.coerce
    .number({ error: '阈值应为数字' })
    .int('阈值应为整数')
    .min(1, '阈值至少为 1')
    .max(100, '阈值最多为 100')
    .default(DEFAULT_FAILING_OFFICER_THRESHOLD),
});
export const FailingOfficerList = z.object({
  threshold: z.number(),
  items: z.array(
    z.object({
      personKey: zText(),
      name: zText(),
      role: z.enum(['handler', 'legal_reviewer']),
      roleLabel: zText(),
      orgName: zText().nullable(),
      officerId: z.number().nullable(),
      failingFiles: z.array(z.object({ fileId: z.number(), caseNo: zText() })),
    }),
  ),
});

/** A case's latest published review result, for its 质量分析 (seed 000 填表说明4). */
export const CaseReviewResult = z.object({
  campaignId: z.number(),
  campaignName: z.string(),
  publishedOn: zText().nullable(),
  score: z.string(),
  band: BandEnum,
  bandLabel: z.string(),
  sourceLabel: z.string().nullable(),
  reasons: z.array(
    z.object({
      no: z.number(),
      title: z.string(),
      deducted: z.string(),
      reason: z.string(),
      reviewer: z.string(),
    }),
  ),
  suggestedOpinion: z.string(),
});
export type CaseReviewResult = z.infer<typeof CaseReviewResult>;
export const CaseReviewResultView = z.object({ result: CaseReviewResult.nullable() });
export type CaseReviewResultView = z.infer<typeof CaseReviewResultView>;
