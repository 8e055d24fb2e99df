import { z } from 'zod';
import { zIsoDate } from '../../../common/validation-zod.ts';
import { PagingQuery } from '../../lib/paging.ts';

export const RecordParams = z.object({
  id: z.coerce.number({ error: '编号无效' }).int().positive('编号无效'),
  recordId: z.coerce.number({ error: '编号无效' }).int().positive('编号无效'),
});
export const SubjectParams = z.object({
  id: z.coerce.number({ error: '编号无效' }).int().positive('编号无效'),
  subjectKey: z.string().regex(/^(officer|org):\d+$/, '考核对象编号无效'),
});

const decimalText = z
  .union([z.number(), z.string()])
  .transform((value) => String(value).trim())
  .refine((value) => /^\d+(\.\d{1,6})?$/.test(value), { error: '分值应为非负数，最多 6 位小数' });

export const Evidence = z.object({
  kind: z.enum(['case', 'complaint', 'case_file', 'attachment', 'link'], { error: '依据类型无效' }),
  id: z.string().trim().min(1, '请填写依据编号').max(500, '依据编号过长'),
});

export const RecordCreateBody = z.object({
  subjectKey: z.string().regex(/^(officer|org):\d+$/, '考核对象编号无效'),
  item: z.string().min(1, '请选择考核项目'),
  occurredOn: zIsoDate,
  count: z
    .number({ error: '次数应为整数' })
    .int('次数应为整数')
    .min(1, '次数至少为 1')
    .max(10_000)
    .optional(),
  value: decimalText.optional(),
  level: z.string().min(1).optional(),
  fact: z.string().trim().min(1).max(100, '事实编号过长').optional(),
  note: z.string().trim().max(2_000, '说明不能超过 2000 个字符').optional(),
  evidence: Evidence.optional(),
});
export type RecordCreateBody = z.infer<typeof RecordCreateBody>;

export const RecordListQuery = PagingQuery.extend({
  subjectKey: z
    .string()
    .regex(/^(officer|org):\d+$/, '考核对象编号无效')
    .optional(),
  status: z.enum(['active', 'proposed', 'dismissed', 'withdrawn'], { error: '记录状态无效' }).optional(),
  item: z.string().trim().min(1).max(200, '考核项目编号过长').optional(),
});
export type RecordListQuery = z.infer<typeof RecordListQuery>;

export const RatingBody = z.object({
  subjectKey: z.string().regex(/^(officer|org):\d+$/, '考核对象编号无效'),
  rater: z.string().min(1, '请选择评价人身份'),
  value: decimalText,
});

export const SelfAssessmentBody = z.object({
  items: z
    .array(
      z.object({
        item: z.string().min(1, '请选择考核项目'),
        count: z.number().int().min(1).max(10_000).optional(),
        level: z.string().min(1).optional(),
        value: decimalText.optional(),
        note: z.string().trim().max(2_000).optional(),
      }),
    )
    .max(500, '自评条目过多'),
  note: z.string().trim().max(5_000, '自评说明不能超过 5000 个字符').optional(),
});
export type SelfAssessmentBody = z.infer<typeof SelfAssessmentBody>;
