import { api } from '../../app/api-client.ts';
import type { Page } from '../../app/session.types.ts';

export const AUDIT_KEY = 'audit';

/** One row of the append-only audit log. */
export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  orgId: number | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export interface AuditFilter {
  page: number;
  pageSize: number;
  keyword?: string;
  action?: string;
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
}

export function findAuditEntries(filter: AuditFilter): Promise<Page<AuditEntry>> {
  return api.get<Page<AuditEntry>>('/audit', { ...filter });
}
