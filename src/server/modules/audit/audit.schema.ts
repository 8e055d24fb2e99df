import { z } from 'zod';
import { zIdParam, zIsoDate, zText } from '../../../common/validation-zod.ts';
import { Keyword, PagingQuery, pageOf } from '../../lib/paging.ts';

export const AuditListQuery = PagingQuery.extend({
  actorId: zIdParam().optional(),
  action: zText().max(100).optional(),
  entityType: zText().max(50).optional(),
  entityId: zText().max(50).optional(),
  from: zIsoDate.optional(),
  to: zIsoDate.optional(),
  keyword: Keyword,
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;

export const AuditEntryView = z.object({
  id: z.number(),
  at: zText(),
  actorId: z.number().nullable(),
  actorName: zText().nullable(),
  action: zText(),
  entityType: zText(),
  entityId: zText().nullable(),
  orgId: z.number().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: zText().nullable(),
});

export const AuditPage = pageOf(AuditEntryView);
