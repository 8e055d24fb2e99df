import { z } from 'zod';
import { zId, zIdParam, zText } from '../../../../common/validation-zod.ts';
import { PagingQuery } from '../../../lib/paging.ts';
import { Evidence, RecordCreateBody } from '../records/assessment-records.schema.ts';

export const AppealParams = z.object({
  id: zIdParam('编号无效'),
  appealId: zIdParam('编号无效'),
});

export const AppealBody = z.object({
  reasons: z
    .string({ error: '请填写申诉理由' })
    .trim()
    .min(1, '请填写申诉理由')
    .max(5_000, '申诉理由不能超过 5000 个字符'),
  proof: z.array(Evidence).max(50, '证明材料过多').optional(),
});

export const AppealListQuery = PagingQuery.extend({
  status: z.enum(['pending', 'upheld', 'rejected'], { error: '申诉状态无效' }).optional(),
});
export type AppealListQuery = z.infer<typeof AppealListQuery>;

export const DecisionBody = z.object({
  decision: z.enum(['upheld', 'rejected'], { error: '决定应为 通过(upheld) 或 不通过(rejected)' }),
  reasons: zText({ error: '请填写决定理由' }).trim().min(1, '请填写决定理由').max(5_000),
  withdrawRecordIds: z.array(zId()).max(500).optional(),
  addRecords: z
    .array(RecordCreateBody.omit({ subjectKey: true }))
    .max(500)
    .optional(),
});
