import { z } from 'zod';
import { zIdParam, zText } from '../../../../common/validation-zod.ts';
import { Keyword, PagingQuery, pageOf } from '../../../lib/paging.ts';

export const SubjectListQuery = PagingQuery.extend({
  keyword: Keyword,
  orgId: zIdParam('单位编号无效').optional(),
  grade: zText().trim().max(20, '等次过长').optional(),
  selfSubmitted: z
    .enum(['true', 'false'], { error: '自评状态应为 true（已报送）或 false（未报送）' })
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true')),
});
export type SubjectListQuery = z.infer<typeof SubjectListQuery>;

export const SubjectListItem = z.object({
  /** the subject key, as every list row's id */
  id: zText(),
  subjectKey: zText(),
  kind: z.enum(['officer', 'org']),
  name: zText(),
  orgId: z.number(),
  orgName: zText(),
  /** the unit (agency, township, bureau) the subject belongs to */
  unitName: zText(),
  selfSubmittedOn: zText().nullable(),
  /** null until the actor may see results (managers once computed, others once published) */
  result: z
    .object({
      total: zText(),
      grade: zText().nullable(),
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
