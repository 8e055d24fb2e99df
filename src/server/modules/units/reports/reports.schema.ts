import { z } from 'zod';
import { zIdParam, zText } from '../../../../common/validation-zod.ts';
import { zYear } from '../units.schema.ts';

export const ReportParams = z.object({ orgId: zIdParam('单位编号无效'), year: zYear });
export const ReportAttachmentParams = ReportParams.extend({ attachmentId: zIdParam('附件编号无效') });

export const ReportBody = z.object({
  body: zText({ error: '请填写依法行政年度报告' })
    .trim()
    .min(1, '请填写依法行政年度报告')
    .max(20_000, '年度报告不能超过 20000 个字符'),
  selfScore: z
    .number({ error: '自评分应为数字' })
    .min(0, '自评分应在 0 至 100 之间')
    .max(100, '自评分应在 0 至 100 之间')
    .nullable()
    .optional(),
});
export type ReportBody = z.infer<typeof ReportBody>;

export const ReportAttachmentView = z.object({
  id: z.number(),
  fileName: zText(),
  contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
  sizeBytes: z.number(),
  sha256: zText(),
  createdAt: zText(),
});

export const ReportView = z.object({
  year: z.number(),
  dueOn: zText(),
  /** 正常 / 临期 / 逾期 while not submitted; null once it is in */
  deadlineState: z.enum(['normal', 'due_soon', 'overdue']).nullable(),
  deadlineStateLabel: zText().nullable(),
  report: z
    .object({
      id: z.number(),
      body: zText(),
      selfScore: zText().nullable(),
      submittedOn: zText(),
      submittedByName: zText(),
      isLate: z.boolean(),
      attachments: z.array(ReportAttachmentView),
    })
    .nullable(),
  canSubmit: z.boolean(),
});
export type ReportView = z.infer<typeof ReportView>;
