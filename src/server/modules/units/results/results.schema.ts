import { z } from 'zod';
import { zId, zIdParam, zText } from '../../../../common/validation-zod.ts';

export const FollowUpParams = z.object({ periodId: zIdParam('考核周期编号无效') });
export const RectificationParams = FollowUpParams.extend({ orgId: zIdParam('单位编号无效') });

export const PlanBody = z.object({
  plan: zText({ error: '请填写书面整改方案' })
    .trim()
    .min(1, '请填写书面整改方案')
    .max(20_000, '整改方案不能超过 20000 个字符'),
});
export const ReviewBody = z
  .object({
    decision: z.enum(['accept', 'return'], { error: '请选择同意或退回' }),
    note: zText().trim().max(2000, '意见不能超过 2000 个字符').optional(),
  })
  .refine((body) => body.decision === 'accept' || Boolean(body.note), {
    path: ['note'],
    error: '退回须写明理由',
  });
export const ProgressBody = z.object({
  progress: zText({ error: '请填写整改落实情况' })
    .trim()
    .min(1, '请填写整改落实情况')
    .max(20_000, '整改落实情况不能超过 20000 个字符'),
});
export const CommendationBody = z
  .object({
    kind: z.enum(['unit', 'individual'], { error: '请选择先进单位或先进个人' }),
    orgId: zId('请选择单位'),
    personName: zText().trim().max(50, '姓名不能超过 50 个字符').optional(),
    reason: zText({ error: '请填写表彰事由' })
      .trim()
      .min(1, '请填写表彰事由')
      .max(2000, '事由不能超过 2000 个字符'),
  })
  .refine((body) => body.kind === 'unit' || Boolean(body.personName), {
    path: ['personName'],
    error: '先进个人须填写姓名',
  });

export const RectificationView = z.object({
  periodId: z.number(),
  periodLabel: zText(),
  orgId: z.number(),
  unitName: zText(),
  grade: zText().nullable(),
  total: zText().nullable(),
  status: z.enum(['missing', 'filed', 'returned', 'accepted', 'done']),
  statusLabel: zText(),
  plan: zText().nullable(),
  filedOn: zText().nullable(),
  reviewNote: zText().nullable(),
  reviewedOn: zText().nullable(),
  progress: zText().nullable(),
  progressOn: zText().nullable(),
  doneOn: zText().nullable(),
  abilities: z.object({
    canFile: z.boolean(),
    canReview: z.boolean(),
    canReportProgress: z.boolean(),
    canConfirmDone: z.boolean(),
  }),
});
export type RectificationView = z.infer<typeof RectificationView>;

export const CommendationView = z.object({
  id: z.number(),
  kind: z.enum(['unit', 'individual']),
  kindLabel: zText(),
  orgId: z.number(),
  unitName: zText(),
  personName: zText().nullable(),
  reason: zText(),
});

export const FollowUpView = z.object({
  periodId: z.number(),
  periodLabel: zText(),
  status: z.enum(['open', 'computed', 'published', 'finalised']),
  rectifications: z.array(RectificationView),
  commendations: z.array(CommendationView),
  canCommend: z.boolean(),
});
export const RectificationList = z.object({ items: z.array(RectificationView) });
