import { z } from 'zod';
import { zIdParam, zText } from '../../../../common/validation-zod.ts';
import { AttachmentView } from '../../assessment/attachments/assessment-attachments.schema.ts';
import { optionalText, requiredText } from '../../cases/records/cases.schema.ts';
import { UnitParams } from '../campaigns/campaigns.schema.ts';
import { RectificationStatusEnum } from '../results/results.schema.ts';

export const RectificationParams = UnitParams.extend({ rectificationId: zIdParam('编号无效') });
export const RectificationAttachmentParams = RectificationParams.extend({
  attachmentId: zIdParam('编号无效'),
});

export const RectificationBody = z.object({
  report: requiredText('整改情况报告', 20_000),
  /** names of the attached material (已整改案卷, 整改措施), as listed in the report */
  attachmentNames: z.array(requiredText('附件名称', 200)).max(50, '附件最多 50 项').default([]),
});
export type RectificationBody = z.infer<typeof RectificationBody>;

export const RectificationDecisionBody = z
  .object({
    decision: z.enum(['accepted', 'returned'], { error: '请选择通过或退回' }),
    note: optionalText('审核意见', 2000),
  })
  .superRefine((body, context) => {
    if (body.decision === 'returned' && !body.note)
      context.addIssue({ code: 'custom', path: ['note'], message: '退回时请写明理由' });
  });
export type RectificationDecisionBody = z.infer<typeof RectificationDecisionBody>;

export const UnitRectification = z.object({
  orgId: z.number(),
  name: zText(),
  failingFiles: z.number(),
  circularNumber: zText().nullable(),
  circularIssuedOn: zText().nullable(),
  status: RectificationStatusEnum,
  statusLabel: zText(),
  dueOn: zText().nullable(),
  deadlineState: z.enum(['normal', 'due_soon', 'overdue']).nullable(),
  deadlineLabel: zText().nullable(),
  history: z.array(
    z.object({
      id: z.number(),
      report: zText(),
      attachmentNames: z.array(zText()),
      attachments: z.array(AttachmentView),
      submittedBy: zText(),
      submittedAt: zText(),
      state: z.enum(['submitted', 'accepted', 'returned']),
      stateLabel: zText(),
      decisionNote: zText().nullable(),
      decidedBy: zText().nullable(),
      decidedAt: zText().nullable(),
    }),
  ),
  abilities: z.object({ canSubmit: z.boolean(), canDecide: z.boolean(), canAttach: z.boolean() }),
});
export type UnitRectification = z.infer<typeof UnitRectification>;
