import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** A key already used by this account: what its first request was and, once answered, the answer. */
export interface HeldKey {
  requestHash: string;
  /** null while the first request runs, or when it died before answering */
  statusCode: number | null;
  responseBody: string | null;
}

/**
 * Claims (account, key) for a new request, or returns the request that holds it. The account's keys
 * older than a day are dropped first: a retry comes within seconds, a day later it is a new request.
 */
export async function claimIdempotencyKey(
  db: Db,
  userId: number,
  key: string,
  requestHash: string,
): Promise<{ kind: 'claimed' } | ({ kind: 'held' } & HeldKey)> {
  await db
    .deleteFrom('idempotency_key')
    .where('user_id', '=', userId)
    .where('created_at', '<', sql<Date>`now() - interval '1 day'`)
    .execute();
  // the first request may release the key between our insert and our read: claim again then
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const inserted = await db
      .insertInto('idempotency_key')
      .values({ user_id: userId, key, request_hash: requestHash })
      .onConflict((conflict) => conflict.columns(['user_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (inserted) return { kind: 'claimed' };
    const held = await db
      .selectFrom('idempotency_key')
      .select(['request_hash as requestHash', 'status_code as statusCode', 'response_body as responseBody'])
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .executeTakeFirst();
    if (held) return { kind: 'held', ...held };
  }
  throw new Error('idempotency key could not be claimed');
}

/** Keeps the first request's successful answer for replay. */
export async function saveIdempotentResponse(
  db: Db,
  userId: number,
  key: string,
  statusCode: number,
  responseBody: string,
): Promise<void> {
  await db
    .updateTable('idempotency_key')
    .set({ status_code: statusCode, response_body: responseBody })
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .execute();
}

/** The first request failed (nothing was written): the key is free for the retry to run again. */
export async function releaseIdempotencyKey(db: Db, userId: number, key: string): Promise<void> {
  await db.deleteFrom('idempotency_key').where('user_id', '=', userId).where('key', '=', key).execute();
}
