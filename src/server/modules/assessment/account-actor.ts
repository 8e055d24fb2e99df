import type { Db } from '../../db/database.ts';
import { type Actor, resolveScopePaths } from '../../lib/access.ts';
import { findAncestry } from '../org/org.repository.ts';

/**
 * The Actor of an account, as the auth hook resolves it from a session: for work done without a
 * request (the demo seed, service calls with a fixed date in tests).
 */
export async function actorOfAccount(db: Db, username: string): Promise<Actor> {
  const user = await db
    .selectFrom('user_account')
    .innerJoin('org', 'org.id', 'user_account.org_id')
    .select([
      'user_account.id',
      'user_account.username',
      'user_account.display_name',
      'user_account.org_id',
      'user_account.roles',
      'org.path',
    ])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const ancestry = await findAncestry(db, { path: user.path });
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    orgId: user.org_id,
    roles: user.roles,
    scopePaths: resolveScopePaths(user.roles, ancestry),
  };
}
