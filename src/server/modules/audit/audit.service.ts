import type { AuditAction } from '../../../common/audit-labels.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../lib/access.ts';
import { assertCan } from '../../lib/access.ts';
import { type ChainVerdict, createChainVerifier } from './audit.chain.ts';
import { appendAuditRow, findAuditBatch, findAuditRows, toStoredAuditRow } from './audit.repository.ts';
import type { AuditListQuery } from './audit.schema.ts';

export interface AuditEntry {
  /** dotted verb, e.g. 'org.create', 'user.password_reset', 'auth.login_failed' */
  action: AuditAction;
  entityType: string;
  entityId?: string | number | null;
  /** the organisation the entity belongs to, so scoped readers see the entry */
  orgId?: number | null;
  before?: unknown;
  after?: unknown;
}

/** Records a write in the hash-chained log; call inside the same transaction as the write. */
export async function recordAudit(
  trx: Db,
  actor: Pick<Actor, 'id' | 'displayName' | 'orgId' | 'ip'> | null,
  entry: AuditEntry,
): Promise<void> {
  await appendAuditRow(trx, {
    at: new Date(),
    actorId: actor?.id ?? null,
    actorName: actor?.displayName ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    orgId: entry.orgId ?? actor?.orgId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: actor?.ip ?? null,
  });
}

/** Lists whose export is audited as `<entity>.export`. */
export type ExportedEntity = {
  [Action in AuditAction]: Action extends `${infer Entity}.export` ? Entity : never;
}[AuditAction];

/**
 * Records a bulk export of personal or case data (issue 11 item 12: who took which list, how many
 * rows, under which filter). Exports write nothing else, so this is its own small transaction.
 */
export async function recordExport(
  db: Db,
  actor: Actor,
  entry: { entityType: ExportedEntity; rows: number; filter: unknown },
): Promise<void> {
  await db.transaction().execute((trx) =>
    recordAudit(trx, actor, {
      action: `${entry.entityType}.export`,
      entityType: entry.entityType,
      after: { rows: entry.rows, filter: entry.filter },
    }),
  );
}

const VERIFY_BATCH = 5_000;

/** Walks the whole chain; the verdict names the first broken row. */
export async function verifyAuditChain(db: Db): Promise<ChainVerdict> {
  const verifier = createChainVerifier();
  let afterId = 0;
  for (;;) {
    const batch = await findAuditBatch(db, afterId, VERIFY_BATCH);
    for (const row of batch) {
      const verdict = verifier.check(toStoredAuditRow(row));
      if (verdict) return verdict;
    }
    if (batch.length < VERIFY_BATCH) return verifier.done();
    afterId = batch.at(-1)!.id;
  }
}

const ROOT_PATH = /^\/\d+\/$/;

/** A page of the audit log, narrowed to what the reader's scope covers. */
export async function listAudit(db: Db, actor: Actor, query: AuditListQuery) {
  assertCan(actor, 'audit.read');
  const { rows, total } = await findAuditRows(db, {
    scopePaths: actor.scopePaths,
    // rows with no organisation (failed logins with unknown usernames, i.e. password spraying;
    // system tasks) belong to the whole system: the county-wide administrator sees them
    includeUnowned: actor.roles.includes('admin') && actor.scopePaths.some((path) => ROOT_PATH.test(path)),
    actorId: query.actorId,
    action: query.action,
    entityType: query.entityType,
    entityId: query.entityId,
    from: query.from ? new Date(`${query.from}T00:00:00+08:00`) : undefined,
    to: query.to ? new Date(new Date(`${query.to}T00:00:00+08:00`).getTime() + 86_400_000) : undefined,
    keyword: query.keyword,
    page: query.page,
    pageSize: query.pageSize,
  });
  return {
    items: rows.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      actorId: row.actor_id,
      actorName: row.actor_name,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      orgId: row.org_id,
      before: row.before ?? null,
      after: row.after ?? null,
      ip: row.ip,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
