import { z } from 'zod';
import { NOTICE_STATES, SERVICE_MANNERS } from '../../../../common/supervision.ts';
import { zIsoDate } from '../../../../common/validation-zod.ts';
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
    reason: z.string().trim().max(2000, '退回理由不能超过 2000 个字符').optional(),
  })
  .superRefine((body, context) => {
    if (!body.accept && !body.reason)
      context.addIssue({ code: 'custom', message: '退回须说明理由', path: ['reason'] });
  });
export type NoticeReviewBody = z.infer<typeof NoticeReviewBody>;
export const NoticeWithdrawBody = z.object({ reason: requiredText('撤回理由', 2000) });

export const NoticeListQuery = PagingQuery.extend({
  state: z.enum(NOTICE_STATES, { error: '状态无效' }).optional(),
  matterId: z.coerce.number().int().positive().optional(),
  unitId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type NoticeListQuery = z.infer<typeof NoticeListQuery>;

export const RectificationView = z.object({
  id: z.number(),
  content: z.string(),
  submittedOn: z.string(),
  state: z.enum(['submitted', 'accepted', 'returned']),
  reviewedOn: z.string().nullable(),
  returnReason: z.string().nullable(),
  attachments: z.array(AttachmentView),
});

export const NoticeView = z.object({
  id: z.number(),
  matterId: z.number(),
  matterTitle: z.string(),
  unit: OrgRef,
  issuer: OrgRef,
  caseId: z.number().nullable(),
  caseFileId: z.number().nullable(),
  facts: z.string(),
  reasons: z.string(),
  legalBasis: z.string(),
  requiredCorrection: z.string(),
  correctionDueOn: z.string(),
  state: z.enum(NOTICE_STATES),
  stateLabel: z.string(),
  signComment: z.string().nullable(),
  number: z.string().nullable(),
  signedBy: z.string().nullable(),
  issuedOn: z.string().nullable(),
  servedOn: z.string().nullable(),
  serviceManner: z.string().nullable(),
  serviceReceiver: z.string().nullable(),
  /** what is due in the current state (the report while served or returned), with 正常/临期/逾期 */
  due: DueView.nullable(),
  correctionDue: DueView.nullable(),
  closedOn: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  rectifications: z.array(RectificationView),
  abilities: z.object({
    canEdit: z.boolean(),
    canSubmit: z.boolean(),
    canServe: z.boolean(),
    canReport: z.boolean(),
    canReview: z.boolean(),
    canWithdraw: z.boolean(),
  }),
});
export type NoticeView = z.infer<typeof NoticeView>;
export const NoticePage = pageOf(NoticeView);
