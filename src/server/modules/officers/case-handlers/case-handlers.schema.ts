import { z } from 'zod';
import { zIdParam, zIsoDate, zText } from '../../../../common/validation-zod.ts';
import { Keyword } from '../../../lib/paging.ts';

/** onDate: the filing date (default today); orgId: the case's org (default the reader's own). */
export const CaseHandlerCandidatesQuery = z.object({
  onDate: zIsoDate.optional(),
  orgId: zIdParam('单位无效').optional(),
  keyword: Keyword,
});
export type CaseHandlerCandidatesQuery = z.infer<typeof CaseHandlerCandidatesQuery>;

export const CaseHandlerCandidates = z.object({
  onDate: zText(),
  unitId: z.number(),
  unitName: zText(),
  items: z.array(
    z.object({
      id: z.number(),
      name: zText(),
      orgId: z.number(),
      orgName: zText(),
      /** the certificate in force on onDate, stored with the case as its handler's number */
      certificateNumber: zText(),
      /** the profile linked to the reader's own account */
      isSelf: z.boolean(),
    }),
  ),
});
export type CaseHandlerCandidates = z.infer<typeof CaseHandlerCandidates>;
