import { z } from 'zod';
import { TRAINING_CONTENT_CATEGORIES, TRAINING_KINDS } from '../../../../common/training.ts';
import { zId, zIdParam, zText } from '../../../../common/validation-zod.ts';

export const TrainingYear = z.coerce
  .number({ error: '年度应为数字' })
  .int('年度应为整数')
  .min(2000, '年度无效')
  .max(2100, '年度无效');

/** One line of the yearly plan: category (第七条), content (第五条), month, whether it is required. */
export const PlanItemBody = z.object({
  /** an existing item when editing; absent for a new line */
  id: zId('计划事项编号无效').optional(),
  kind: z.enum(TRAINING_KINDS, { error: '请选择培训类别（岗位培训、专题培训或自主培训）' }),
  contentCategory: z.enum(TRAINING_CONTENT_CATEGORIES, {
    error: '请选择培训内容类别（第五条（一）至（四））',
  }),
  content: zText({ error: '请填写培训内容' })
    .trim()
    .min(1, '请填写培训内容')
    .max(200, '培训内容不能超过 200 个字符'),
  plannedMonth: z.coerce
    .number({ error: '请选择计划月份' })
    .int('计划月份应为 1–12')
    .min(1, '计划月份应为 1–12')
    .max(12, '计划月份应为 1–12'),
  /** 第七条(二): every enforcement officer of the organisation must attend */
  isRequired: z.boolean({ error: '是否必训应为是或否' }).default(false),
});
export type PlanItemBody = z.infer<typeof PlanItemBody>;

export const PlanBody = z.object({
  orgId: zId('请选择制定计划的单位', '请选择制定计划的单位'),
  year: TrainingYear,
  title: zText({ error: '请填写计划名称' })
    .trim()
    .min(1, '请填写计划名称')
    .max(100, '计划名称不能超过 100 个字符'),
  note: zText()
    .trim()
    .max(1000, '说明不能超过 1000 个字符')
    .nullable()
    .optional()
    .transform((value) => value || null),
  items: z.array(PlanItemBody, { error: '计划事项应为列表' }).max(100, '计划事项不能超过 100 项'),
});
export type PlanBody = z.infer<typeof PlanBody>;

export const PlanItemView = z.object({
  id: z.number(),
  kind: z.enum(TRAINING_KINDS),
  kindLabel: zText(),
  contentCategory: z.enum(TRAINING_CONTENT_CATEGORIES),
  contentCategoryLabel: zText(),
  content: zText(),
  plannedMonth: z.number(),
  isRequired: z.boolean(),
  /** sessions held for this item (finished) */
  finishedSessions: z.number(),
});
export type PlanItemView = z.infer<typeof PlanItemView>;

export const PlanView = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: zText(),
  year: z.number(),
  title: zText(),
  note: zText().nullable(),
  items: z.array(PlanItemView),
  abilities: z.object({ canEdit: z.boolean(), canDelete: z.boolean() }),
});
export type PlanView = z.infer<typeof PlanView>;

export const PlanListQuery = z.object({ year: TrainingYear.optional(), orgId: zIdParam().optional() });
export const PlanList = z.object({
  items: z.array(PlanView),
  /** whether the account may draw up a plan (for some organisation in its scope) */
  canCreate: z.boolean(),
});
