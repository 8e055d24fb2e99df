import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';

export function insertSession(
  trx: Db,
  values: {
    token_hash: string;
    user_id: number;
    expires_at: Date;
    ip: string | null;
    user_agent: string | null;
  },
) {
  return trx.insertInto('user_session').values(values).execute();
}

/** The session with its account and the account's organisation path. */
export function findSessionWithUser(db: Db, tokenHash: string) {
  return db
    .selectFrom('user_session')
    .innerJoin('user_account', 'user_account.id', 'user_session.user_id')
    .innerJoin('org', 'org.id', 'user_account.org_id')
    .select([
      'user_session.token_hash',
      'user_session.expires_at',
      'user_session.last_seen_at',
      'user_account.id as user_id',
      'user_account.username',
      'user_account.display_name',
      'user_account.roles',
      'user_account.is_active',
      'user_account.must_change_password',
      'user_account.org_id',
      'org.path as org_path',
    ])
    .where('user_session.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export function touchSession(db: Db, tokenHash: string, expiresAt: Date) {
  return db
    .updateTable('user_session')
    .set({ last_seen_at: new Date(), expires_at: expiresAt })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export function deleteSession(db: Db, tokenHash: string) {
  return db.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute();
}

export function deleteSessionsOfUser(db: Db, userId: number) {
  return db.deleteFrom('user_session').where('user_id', '=', userId).execute();
}

export function deleteExpiredSessions(db: Db, now: Date) {
  return db.deleteFrom('user_session').where('expires_at', '<', now).execute();
}

/** Whether the account is locked at `now` (a lock that has run out is no lock). */
const notLocked = (now: Date) => (eb: ExpressionBuilder<Database, 'user_account'>) =>
  eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]);

/**
 * Claims one password attempt before the password is verified: one atomic update that counts the
 * attempt as a failure unless the account is locked or `maxAttempts` attempts are already counted.
 * Returns the count including this attempt (and the locks so far), or undefined when no attempt
 * may be made. Concurrent
 * requests therefore never verify more than `maxAttempts` passwords between two lockouts.
 */
export async function claimLoginAttempt(db: Db, userId: number, maxAttempts: number, now: Date) {
  const row = await db
    .updateTable('user_account')
    .set({ failed_logins: sql<number>`failed_logins + 1` })
    .where('id', '=', userId)
    .where('failed_logins', '<', maxAttempts)
    .where(notLocked(now))
    .returning(['failed_logins', 'lockouts'])
    .executeTakeFirst();
  return row;
}

/** Locks the account until `until` and starts counting afresh; one more lock in a row. */
export function lockAccount(db: Db, userId: number, until: Date) {
  return db
    .updateTable('user_account')
    .set({
      failed_logins: 0,
      locked_until: until,
      lockouts: sql<number>`lockouts + 1`,
      updated_at: new Date(),
    })
    .where('id', '=', userId)
    .execute();
}

/**
 * Records a successful sign-in unless the account was locked meanwhile (by attempts that ran at
 * the same time); returns false then, and the sign-in is refused.
 */
export async function recordSuccessfulLogin(db: Db, userId: number, now: Date) {
  const row = await db
    .updateTable('user_account')
    .set((eb) => ({
      failed_logins: 0,
      locked_until: null,
      lockouts: 0,
      previous_login_at: eb.ref('last_login_at'),
      last_login_at: now,
      updated_at: now,
    }))
    .where('id', '=', userId)
    .where(notLocked(now))
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
