import { createHash } from 'node:crypto';

/** The previous hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** The part of an audit row its hash covers (everything but id and hash). */
export interface AuditContent {
  at: Date;
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

/** JSON with object keys sorted at every level, so jsonb's reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, entry]) => entry !== undefined)
    .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
  return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
}

/** What a value looks like after a round trip through jsonb (Dates become ISO strings). */
export function toStoredJson(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));
}

/** sha256(previous hash, canonical content). */
export function hashAuditRow(prevHash: string, content: AuditContent): string {
  // fields named one by one: a stored row passed in also carries id and hash, which are not content
  const body = canonicalJson({
    at: content.at.toISOString(),
    actorId: content.actorId,
    actorName: content.actorName,
    action: content.action,
    entityType: content.entityType,
    entityId: content.entityId,
    orgId: content.orgId,
    ip: content.ip,
    before: toStoredJson(content.before),
    after: toStoredJson(content.after),
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export interface StoredAuditRow extends AuditContent {
  id: number;
  prevHash: string;
  hash: string;
}

export type ChainVerdict =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenAt: number; reason: 'hash_mismatch' | 'link_mismatch' };

/**
 * Walks rows in id order and reports the first whose stored hash does not match its content or
 * whose previous-hash link does not match the row before. Feed it in batches via `state`.
 */
export function createChainVerifier() {
  let previous = GENESIS_HASH;
  let count = 0;
  return {
    check(row: StoredAuditRow): ChainVerdict | null {
      count += 1;
      if (row.prevHash !== previous)
        return { ok: false, rows: count, brokenAt: row.id, reason: 'link_mismatch' };
      if (hashAuditRow(row.prevHash, row) !== row.hash) {
        return { ok: false, rows: count, brokenAt: row.id, reason: 'hash_mismatch' };
      }
      previous = row.hash;
      return null;
    },
    done(): ChainVerdict {
      return { ok: true, rows: count };
    },
  };
}
