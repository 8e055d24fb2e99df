import { z } from 'zod';
import { zIdParam, zText } from '../../../../common/validation-zod.ts';
import { UnitCategoryEnum } from '../units.schema.ts';

export const PeriodParams = z.object({ periodId: zIdParam('考核周期编号无效') });
export const CategoryParams = PeriodParams.extend({ category: UnitCategoryEnum });

export const SubmitBody = z.object({
  note: zText().trim().max(2000, '报审说明不能超过 2000 个字符').optional(),
});
export const DecisionBody = z
  .object({
    decision: z.enum(['approve', 'return'], { error: '请选择审定通过或退回' }),
    note: zText().trim().max(2000, '审定意见不能超过 2000 个字符').optional(),
  })
  .refine((body) => body.decision === 'approve' || Boolean(body.note), {
    path: ['note'],
    error: '退回须写明理由',
  });

const ResultRow = z.object({
  subjectKey: zText(),
  orgId: z.number(),
  name: zText(),
  total: zText().nullable(),
  grade: zText().nullable(),
  rank: z.number().nullable(),
});

export const CategoryApprovalView = z.object({
  category: UnitCategoryEnum,
  categoryLabel: zText(),
  status: z.enum(['not_submitted', 'submitted', 'approved', 'returned']),
  statusLabel: zText(),
  /** approved or submitted on an earlier computation than the current one */
  isStale: z.boolean(),
  note: zText().nullable(),
  submittedOn: zText().nullable(),
  submittedByName: zText().nullable(),
  decidedOn: zText().nullable(),
  decidedByName: zText().nullable(),
  decisionNote: zText().nullable(),
  results: z.array(ResultRow),
  abilities: z.object({ canSubmit: z.boolean(), canDecide: z.boolean() }),
});

export const UnitPeriodView = z.object({
  id: z.number(),
  label: zText(),
  schemeName: zText(),
  status: z.enum(['open', 'computed', 'published', 'finalised']),
  categories: z.array(CategoryApprovalView),
  /** null = may publish; else why not (the same message publishing answers with) */
  publishRefusal: zText().nullable(),
});
export type UnitPeriodView = z.infer<typeof UnitPeriodView>;
export const UnitPeriodList = z.object({
  items: z.array(
    UnitPeriodView.omit({ categories: true }).extend({
      approvedCount: z.number(),
      categoryCount: z.number(),
    }),
  ),
});
