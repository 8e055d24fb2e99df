import { z } from 'zod';
import { DATE_RULES } from '../../../../common/date-rules.ts';
import {
  dateOrderRefinement,
  zIdParam,
  zIsoDate,
  zRuleDate,
  zText,
} from '../../../../common/validation-zod.ts';
import { PagingQuery, pageOf } from '../../../lib/paging.ts';

export const WORK_LOG_KINDS = ['daily', 'weekly', 'self_evaluation'] as const;

const Content = z
  .string({ error: '请填写记实内容' })
  .trim()
  .min(1, '请填写记实内容')
  .max(5000, '记实内容不能超过 5000 个字符');

export const WorkLogBody = z
  .object({
    kind: z.enum(WORK_LOG_KINDS, { error: '类型应为日记实、周记实或小结自评' }),
    periodStart: zRuleDate(DATE_RULES.workLogPeriodStart),
    periodEnd: zIsoDate,
    content: Content,
  })
  .superRefine(dateOrderRefinement({ periodEnd: DATE_RULES.workLogPeriodEnd }));
export type WorkLogBody = z.infer<typeof WorkLogBody>;

export const WorkLogUpdateBody = z.object({ content: Content });

export const WorkLogQuery = PagingQuery.extend({
  officerId: zIdParam().optional(),
  orgId: zIdParam().optional(),
  kind: z.enum(WORK_LOG_KINDS, { error: '类型无效' }).optional(),
  from: zIsoDate.optional(),
  to: zIsoDate.optional(),
});
export type WorkLogQuery = z.infer<typeof WorkLogQuery>;

export const WorkLogView = z.object({
  id: z.number(),
  officerId: z.number(),
  officerName: zText(),
  orgName: zText(),
  kind: z.enum(WORK_LOG_KINDS),
  kindLabel: zText(),
  periodStart: zText(),
  periodEnd: zText(),
  content: zText(),
  createdAt: zText(),
  updatedAt: zText(),
});
export type WorkLogView = z.infer<typeof WorkLogView>;
export const WorkLogPage = pageOf(WorkLogView);
