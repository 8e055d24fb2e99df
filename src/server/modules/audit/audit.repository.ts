import { sql } from 'kysely';
import { AUDIT_ACTION_LABELS, ENTITY_TYPE_LABELS } from '../../../common/audit-labels.ts';
import type { Db } from '../../db/database.ts';
import { containsPattern } from '../../db/like.ts';
import type { AuditLogRow } from '../../db/schema.ts';
import { type AuditContent, GENESIS_HASH, hashAuditRow, type StoredAuditRow } from './audit.chain.ts';

/** Serialises appends across connections so the chain never forks (any constant id). */
const AUDIT_CHAIN_LOCK_ID = 7_420_002;

/** Appends one row to the chain; call inside the transaction that makes the change. */
export async function appendAuditRow(trx: Db, content: AuditContent): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_ID})`.execute(trx);
  const last = await trx
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  await trx
    .insertInto('audit_log')
    .values({
      at: content.at,
      actor_id: content.actorId,
      actor_name: content.actorName,
      action: content.action,
      entity_type: content.entityType,
      entity_id: content.entityId,
      org_id: content.orgId,
      before: content.before === null || content.before === undefined ? null : JSON.stringify(content.before),
      after: content.after === null || content.after === undefined ? null : JSON.stringify(content.after),
      ip: content.ip,
      prev_hash: prevHash,
      hash: hashAuditRow(prevHash, content),
    })
    .execute();
}

export function toStoredAuditRow(row: AuditLogRow): StoredAuditRow {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    orgId: row.org_id,
    before: row.before,
    after: row.after,
    ip: row.ip,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Rows in id order after `afterId`, `limit` at a time (verification walks the whole table). */
export function findAuditBatch(db: Db, afterId: number, limit: number): Promise<AuditLogRow[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export interface AuditFilter {
  /** org path prefixes the reader may see; rows without an org (unknown-user logins) stay in the chain only */
  scopePaths: string[];
  actorId?: number | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  keyword?: string | undefined;
  /** also rows that belong to no organisation (system-wide) */
  includeUnowned?: boolean;
  page: number;
  pageSize: number;
}

/** Actions and entity types whose Chinese name contains the keyword (a reader types 重置密码, not the code). */
function labelMatches(keyword: string): { actions: string[]; entityTypes: string[] } {
  const needle = keyword.trim();
  return {
    actions: Object.entries(AUDIT_ACTION_LABELS)
      .filter(([, label]) => label.includes(needle))
      .map(([action]) => action),
    entityTypes: Object.entries(ENTITY_TYPE_LABELS)
      .filter(([, label]) => label.includes(needle))
      .map(([entityType]) => entityType),
  };
}

/** A page of audit rows visible to the reader, newest first, with the total count. */
export async function findAuditRows(
  db: Db,
  filter: AuditFilter,
): Promise<{ rows: AuditLogRow[]; total: number }> {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('org', 'org.id', 'audit_log.org_id')
    .where((eb) =>
      eb.or([
        ...filter.scopePaths.map((prefix) => eb('org.path', 'like', `${prefix}%`)),
        ...(filter.includeUnowned ? [eb('audit_log.org_id', 'is', null)] : []),
      ]),
    );
  if (filter.actorId !== undefined) query = query.where('audit_log.actor_id', '=', filter.actorId);
  if (filter.action) query = query.where('audit_log.action', '=', filter.action);
  if (filter.entityType) query = query.where('audit_log.entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('audit_log.entity_id', '=', filter.entityId);
  if (filter.from) query = query.where('audit_log.at', '>=', filter.from);
  if (filter.to) query = query.where('audit_log.at', '<', filter.to);
  if (filter.keyword) {
    const pattern = containsPattern(filter.keyword);
    const { actions, entityTypes } = labelMatches(filter.keyword);
    // the expression of the audit_log_search_trgm index (migration 0130), so the index serves it
    const searchText = sql<string>`audit_search_text(audit_log.actor_name, audit_log.entity_type, audit_log.entity_id, audit_log.before, audit_log.after)`;
    query = query.where((eb) =>
      eb.or([
        eb(searchText, 'ilike', pattern),
        eb('audit_log.action', 'ilike', pattern),
        ...(actions.length > 0 ? [eb('audit_log.action', 'in', actions)] : []),
        ...(entityTypes.length > 0 ? [eb('audit_log.entity_type', 'in', entityTypes)] : []),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll('audit_log')
      .orderBy('audit_log.id', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}
