import { z } from 'zod';
import { zIsoDate } from '../../../common/validation-zod.ts';
import { Keyword } from '../../lib/paging.ts';

/** onDate: the filing date (default today); orgId: the case's org (default the reader's own). */
export const CaseHandlerCandidatesQuery = z.object({
  onDate: zIsoDate.optional(),
  orgId: z.coerce.number({ error: '单位无效' }).int().positive('单位无效').optional(),
  keyword: Keyword,
});
export type CaseHandlerCandidatesQuery = z.infer<typeof CaseHandlerCandidatesQuery>;

export const CaseHandlerCandidates = z.object({
  onDate: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  items: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      orgId: z.number(),
      orgName: z.string(),
      /** the certificate in force on onDate, stored with the case as its handler's number */
      certificateNumber: z.string(),
      /** the profile linked to the reader's own account */
      isSelf: z.boolean(),
    }),
  ),
});
export type CaseHandlerCandidates = z.infer<typeof CaseHandlerCandidates>;
