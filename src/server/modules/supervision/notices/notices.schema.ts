import { z } from 'zod';
import { NOTICE_SITUATIONS, NOTICE_STATES, SERVICE_MANNERS } from '../../../../common/supervision.ts';
import { zIdParam, zIsoDate, zText } from '../../../../common/validation-zod.ts';
import { PagingQuery, pageOf } from '../../../lib/paging.ts';
import { AttachmentView, DueView, idOf, OrgRef, requiredText } from '../supervision.schema.ts';

export const NoticeDraftBody = z.object({
  unitId: idOf('被监督单位'),
  caseId: idOf('案件').nullable().optional(),
  caseFileId: idOf('案卷').nullable().optional(),
  facts: requiredText('经查明的事实'),
  reasons: requiredText('理由'),
  legalBasis: requiredText('法律依据', 2000),
  requiredCorrection: requiredText('改正要求'),
  correctionDueOn: zIsoDate,
});
export type NoticeDraftBody = z.infer<typeof NoticeDraftBody>;
/** A draft's edit: any of the draft's fields. */
export const NoticeDraftPatch = NoticeDraftBody.partial();
export type NoticeDraftPatch = z.infer<typeof NoticeDraftPatch>;
/** What changes in the notice that supersedes an issued one (the unit stays the same). */
export const NoticeSupersedeBody = NoticeDraftBody.omit({ unitId: true }).partial();
export type NoticeSupersedeBody = z.infer<typeof NoticeSupersedeBody>;

export const NoticeServeBody = z.object({
  servedOn: zIsoDate,
  manner: z.enum(SERVICE_MANNERS, { error: '送达方式无效' }),
  receiver: requiredText('受送达人', 50),
});
export type NoticeServeBody = z.infer<typeof NoticeServeBody>;

export const NoticeReportBody = z.object({ content: requiredText('落实情况书面报告') });
export const NoticeReviewBody = z
  .object({
    accept: z.boolean({ error: '请选择通过或退回' }),
    reason: zText().trim().max(2000, '退回理由不能超过 2000 个字符').optional(),
  })
  .superRefine((body, context) => {
    if (!body.accept && !body.reason)
      context.addIssue({ code: 'custom', message: '退回须说明理由', path: ['reason'] });
  });
export type NoticeReviewBody = z.infer<typeof NoticeReviewBody>;
export const NoticeWithdrawBody = z.object({ reason: requiredText('撤回理由', 2000) });

export const NoticeListQuery = PagingQuery.extend({
  state: z.enum(NOTICE_STATES, { error: '状态无效' }).optional(),
  matterId: zIdParam().optional(),
  unitId: zIdParam().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** the addressed unit or any org under it (the cockpit's organisation filter) */
  orgId: zIdParam().optional(),
  issuedFrom: zIsoDate.optional(),
  issuedTo: zIsoDate.optional(),
  situation: z.enum(NOTICE_SITUATIONS, { error: '办理情况无效' }).optional(),
});
export type NoticeListQuery = z.infer<typeof NoticeListQuery>;

export const RectificationView = z.object({
  id: z.number(),
  content: zText(),
  submittedOn: zText(),
  state: z.enum(['submitted', 'accepted', 'returned']),
  reviewedOn: zText().nullable(),
  returnReason: zText().nullable(),
  attachments: z.array(AttachmentView),
});
export type RectificationView = z.infer<typeof RectificationView>;

export const NoticeView = z.object({
  id: z.number(),
  matterId: z.number(),
  matterTitle: zText(),
  unit: OrgRef,
  issuer: OrgRef,
  caseId: z.number().nullable(),
  caseFileId: z.number().nullable(),
  facts: zText(),
  reasons: zText(),
  legalBasis: zText(),
  requiredCorrection: zText(),
  correctionDueOn: zText(),
  state: z.enum(NOTICE_STATES),
  stateLabel: zText(),
  signComment: zText().nullable(),
  number: zText().nullable(),
  signedBy: zText().nullable(),
  issuedOn: zText().nullable(),
  servedOn: zText().nullable(),
  serviceManner: zText().nullable(),
  serviceReceiver: zText().nullable(),
  /** what is due in the current state (the report while served or returned), with 正常/临期/逾期 */
  due: DueView.nullable(),
  correctionDue: DueView.nullable(),
  closedOn: zText().nullable(),
  withdrawnReason: zText().nullable(),
  /** the issued notice this one replaces once signed */
  supersedesId: z.number().nullable(),
  /** the live notice that replaces this one (a draft until signed) */
  supersededBy: z.object({ id: z.number(), number: zText().nullable() }).nullable(),
  rectifications: z.array(RectificationView),
  abilities: z.object({
    canEdit: z.boolean(),
    canSubmit: z.boolean(),
    canServe: z.boolean(),
    canReport: z.boolean(),
    canReview: z.boolean(),
    canWithdraw: z.boolean(),
    canSupersede: z.boolean(),
  }),
});
export type NoticeView = z.infer<typeof NoticeView>;
export const NoticePage = pageOf(NoticeView);
