import type { Db } from '../../db/database.ts';

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
