import { z } from 'zod';
import { DATE_RULES } from '../../../../common/date-rules.ts';
import { zIdParam, zRuleDate, zText } from '../../../../common/validation-zod.ts';
import { Keyword, PagingQuery, pageOf } from '../../../lib/paging.ts';

export const TRAINING_KINDS = ['post', 'thematic', 'self_study'] as const;

export const Hours = z.coerce
  .number({ error: '学时应为数字' })
  .positive('学时应大于 0')
  .max(1000, '学时不能超过 1000')
  .refine((value) => Math.abs(value * 10 - Math.round(value * 10)) < 1e-9, {
    message: '学时最多保留一位小数',
  });

export const TrainingBody = z.object({
  heldOn: zRuleDate(DATE_RULES.trainingHeldOn),
  hours: Hours,
  content: z
    .string({ error: '请填写培训内容' })
    .trim()
    .min(1, '请填写培训内容')
    .max(500, '培训内容不能超过 500 个字符'),
  kind: z.enum(TRAINING_KINDS, { error: '培训类别应为岗位培训、专题培训或自主培训' }),
  organiser: z
    .string({ error: '请填写举办单位' })
    .trim()
    .min(1, '请填写举办单位')
    .max(100, '举办单位不能超过 100 个字符'),
  /** omitted: true when the organiser's name contains 司法局 */
  isBureauOrganised: z.boolean({ error: '是否县司法局举办应为是或否' }).optional(),
  result: z
    .string()
    .trim()
    .max(50, '成绩不能超过 50 个字符')
    .nullable()
    .optional()
    .transform((value) => (value ? value : null)),
});
export type TrainingBody = z.infer<typeof TrainingBody>;

export const TrainingView = z.object({
  id: z.number(),
  officerId: z.number(),
  officerName: zText(),
  orgName: zText(),
  heldOn: zText(),
  hours: z.number(),
  content: zText(),
  kind: z.enum(TRAINING_KINDS),
  kindLabel: zText(),
  organiser: zText(),
  isBureauOrganised: z.boolean(),
  result: zText().nullable(),
  /** the finished training session that wrote the record (issue 20), null for one typed in */
  sessionId: z.number().nullable(),
  deliveryLabel: zText().nullable(),
  contentCategoryLabel: zText().nullable(),
  /** 第八条 考核: score 0–100 and pass, as ability evidence; null = not graded */
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
  /** self-study platform (法治讲堂·逢九必讲, 法宣在线, 相关书籍), null otherwise */
  platformLabel: zText().nullable(),
  /** logged by the officer themself (自学记录) */
  isSelfReported: z.boolean(),
});
export type TrainingView = z.infer<typeof TrainingView>;

const Year = z.coerce.number({ error: '年度应为数字' }).int().min(2000, '年度无效').max(2100, '年度无效');

export const TrainingListQuery = PagingQuery.extend({
  keyword: Keyword,
  orgId: zIdParam().optional(),
  officerId: zIdParam().optional(),
  year: Year.optional(),
  kind: z.enum(TRAINING_KINDS, { error: '培训类别无效' }).optional(),
});
export type TrainingListQuery = z.infer<typeof TrainingListQuery>;
export const TrainingPage = pageOf(TrainingView);

export const ComplianceQuery = z.object({
  year: Year.optional(),
  orgId: zIdParam().optional(),
  shortOnly: z
    .enum(['true', 'false'], { error: '应为 true 或 false' })
    .optional()
    .transform((value) => value === 'true'),
});
export type ComplianceQuery = z.infer<typeof ComplianceQuery>;

export const ComplianceReport = z.object({
  year: z.number(),
  minHours: z.number(),
  /** in-service officers the reader's scope holds (0: nothing to judge, never an all-clear) */
  officersInScope: z.number(),
  /** 您的权限范围内没有执法人员 when the scope holds none */
  emptyMessage: zText().nullable(),
  officers: z.array(
    z.object({
      officerId: z.number(),
      name: zText(),
      orgId: z.number(),
      orgName: zText(),
      /** the profile linked to the reader's own account */
      isOwn: z.boolean(),
      agencyName: zText(),
      hours: z.number(),
      bureauTrainings: z.number(),
      isCompliant: z.boolean(),
      shortfalls: z.array(zText()),
    }),
  ),
  byAgency: z.array(
    z.object({ agencyName: zText(), officers: z.number(), compliant: z.number(), short: z.number() }),
  ),
});
export type ComplianceReport = z.infer<typeof ComplianceReport>;

export const TrainingRequirement = z.object({
  minHours: z.coerce
    .number({ error: '最低学时应为数字' })
    .min(0, '最低学时不能为负数')
    .max(1000, '最低学时不能超过 1000'),
});
