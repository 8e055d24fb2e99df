import { z } from 'zod';
import { zIdParam, zIsoDate, zText } from '../../../../common/validation-zod.ts';
import { PagingQuery } from '../../../lib/paging.ts';

export const RecordParams = z.object({
  id: zIdParam('编号无效'),
  recordId: zIdParam('编号无效'),
});
export const SubjectParams = z.object({
  id: zIdParam('编号无效'),
  subjectKey: zText().regex(/^(officer|org):\d+$/, '考核对象编号无效'),
});

const decimalText = z
  .union([z.number(), zText()])
  .transform((value) => String(value).trim())
  .refine((value) => /^\d+(\.\d{1,6})?$/.test(value), { error: '分值应为非负数，最多 6 位小数' });

export const Evidence = z.object({
  kind: z.enum(['case', 'complaint', 'case_file', 'attachment', 'link'], { error: '依据类型无效' }),
  id: zText().trim().min(1, '请填写依据编号').max(500, '依据编号过长'),
});

export const RecordCreateBody = z.object({
  subjectKey: zText().regex(/^(officer|org):\d+$/, '考核对象编号无效'),
  item: zText().min(1, '请选择考核项目'),
  occurredOn: zIsoDate,
  count: z
    .number({ error: '次数应为整数' })
    .int('次数应为整数')
    .min(1, '次数至少为 1')
    .max(10_000)
    .optional(),
  value: decimalText.optional(),
  level: zText().min(1).optional(),
  fact: zText().trim().min(1).max(100, '事实编号过长').optional(),
  note: zText().trim().max(2_000, '说明不能超过 2000 个字符').optional(),
  evidence: Evidence.optional(),
});
export type RecordCreateBody = z.infer<typeof RecordCreateBody>;

export const RecordListQuery = PagingQuery.extend({
  subjectKey: z
    .string()
    .regex(/^(officer|org):\d+$/, '考核对象编号无效')
    .optional(),
  status: z.enum(['active', 'proposed', 'dismissed', 'withdrawn'], { error: '记录状态无效' }).optional(),
  item: zText().trim().min(1).max(200, '考核项目编号过长').optional(),
});
export type RecordListQuery = z.infer<typeof RecordListQuery>;

export const RatingBody = z.object({
  subjectKey: zText().regex(/^(officer|org):\d+$/, '考核对象编号无效'),
  rater: zText().min(1, '请选择评价人身份'),
  value: decimalText,
  /** the rating item (the scheme's first when left out) */
  item: zText().trim().min(1).max(200, '测评项目编号过长').optional(),
});

export const SelfAssessmentBody = z.object({
  items: z
    .array(
      z.object({
        item: zText().min(1, '请选择考核项目'),
        count: z.number().int().min(1).max(10_000).optional(),
        level: zText().min(1).optional(),
        value: decimalText.optional(),
        note: zText().trim().max(2_000).optional(),
      }),
    )
    .max(500, '自评条目过多'),
  note: zText().trim().max(5_000, '自评说明不能超过 5000 个字符').optional(),
});
export type SelfAssessmentBody = z.infer<typeof SelfAssessmentBody>;
