import { z } from 'zod';
import { zIsoDate } from '../../../common/validation-zod.ts';
import { Keyword, PagingQuery, pageOf } from '../../lib/paging.ts';

export const AuditListQuery = PagingQuery.extend({
  actorId: z.coerce.number().int().positive().optional(),
  action: z.string().max(100).optional(),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(50).optional(),
  from: zIsoDate.optional(),
  to: zIsoDate.optional(),
  keyword: Keyword,
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;

export const AuditEntryView = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  orgId: z.number().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});

export const AuditPage = pageOf(AuditEntryView);
