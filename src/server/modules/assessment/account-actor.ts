import type { Db } from '../../db/database.ts';
import { type Actor, resolveScopePaths } from '../../lib/access.ts';
import { findAncestry } from '../org/org.repository.ts';
import { findUserByUsername } from '../users/users.repository.ts';

/**
 * The Actor of an account, as the auth hook resolves it from a session: for work done without a
 * request (the demo seed, service calls with a fixed date in tests).
 */
export async function actorOfAccount(db: Db, username: string): Promise<Actor> {
  const user = await findUserByUsername(db, username);
  if (!user) throw new Error(`no account named ${username}`);
  const ancestry = await findAncestry(db, { path: user.org_path });
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    orgId: user.org_id,
    roles: user.roles,
    scopePaths: resolveScopePaths(user.roles, ancestry),
  };
}
