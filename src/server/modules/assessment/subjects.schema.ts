import { z } from 'zod';
import { Keyword, PagingQuery, pageOf } from '../../lib/paging.ts';

export const SubjectListQuery = PagingQuery.extend({
  keyword: Keyword,
  orgId: z.coerce.number({ error: '单位编号应为数字' }).int().positive('单位编号无效').optional(),
  grade: z.string().trim().max(20, '等次过长').optional(),
  selfSubmitted: z
    .enum(['true', 'false'], { error: '自评状态应为 true（已报送）或 false（未报送）' })
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true')),
});
export type SubjectListQuery = z.infer<typeof SubjectListQuery>;

export const SubjectListItem = z.object({
  /** the subject key, as every list row's id */
  id: z.string(),
  subjectKey: z.string(),
  kind: z.enum(['officer', 'org']),
  name: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  /** the unit (agency, township, bureau) the subject belongs to */
  unitName: z.string(),
  selfSubmittedOn: z.string().nullable(),
  /** null until the actor may see results (managers once computed, others once published) */
  result: z
    .object({
      total: z.string(),
      grade: z.string().nullable(),
      rank: z.number(),
      /** the engine's SubjectFlags: veto, cap, quota demotion, ceiling, honours barred, commended, barred */
      flags: z.object({
        isVetoed: z.boolean(),
        isCapped: z.boolean(),
        isQuotaDemoted: z.boolean(),
        isCeilinged: z.boolean(),
        isHonoursBarred: z.boolean(),
        isCommended: z.boolean(),
        isBarred: z.boolean(),
      }),
    })
    .nullable(),
});
export type SubjectListItem = z.infer<typeof SubjectListItem>;

export const SubjectPage = pageOf(SubjectListItem).extend({
  /** whether `result` is filled in (and the list ordered by rank) */
  hasResults: z.boolean(),
});
