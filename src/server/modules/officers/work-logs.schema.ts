import { z } from 'zod';
import { zIsoDate } from '../../../common/validation-zod.ts';
import { PagingQuery, pageOf } from '../../lib/paging.ts';

export const WORK_LOG_KINDS = ['daily', 'weekly', 'self_evaluation'] as const;

const Content = z
  .string({ error: '请填写记实内容' })
  .trim()
  .min(1, '请填写记实内容')
  .max(5000, '记实内容不能超过 5000 个字符');

export const WorkLogBody = z.object({
  kind: z.enum(WORK_LOG_KINDS, { error: '类型应为日记实、周记实或小结自评' }),
  periodStart: zIsoDate,
  periodEnd: zIsoDate,
  content: Content,
});
export type WorkLogBody = z.infer<typeof WorkLogBody>;

export const WorkLogUpdateBody = z.object({ content: Content });

export const WorkLogQuery = PagingQuery.extend({
  officerId: z.coerce.number().int().positive().optional(),
  orgId: z.coerce.number().int().positive().optional(),
  kind: z.enum(WORK_LOG_KINDS, { error: '类型无效' }).optional(),
  from: zIsoDate.optional(),
  to: zIsoDate.optional(),
});
export type WorkLogQuery = z.infer<typeof WorkLogQuery>;

export const WorkLogView = z.object({
  id: z.number(),
  officerId: z.number(),
  officerName: z.string(),
  orgName: z.string(),
  kind: z.enum(WORK_LOG_KINDS),
  kindLabel: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  content: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WorkLogView = z.infer<typeof WorkLogView>;
export const WorkLogPage = pageOf(WorkLogView);
