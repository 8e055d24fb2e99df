import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { type Actor, resolveScopePaths } from '../../lib/access.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { checkPasswordStrength, hashPassword, verifyPassword } from '../../lib/password.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findAncestry } from '../org/org.repository.ts';
import { findUserById, findUserByUsername, updateUserRow } from '../users/users.repository.ts';
import { presentUser } from '../users/users.service.ts';
import {
  claimLoginAttempt,
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  findSessionWithUser,
  insertSession,
  lockAccount,
  recordSuccessfulLogin,
  touchSession,
} from './auth.repository.ts';

/** Sessions last 12 hours from the last request (an office day), then the user signs in again. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** How often a live session's expiry is pushed forward (not on every request). */
const SESSION_TOUCH_INTERVAL_MS = 5 * 60 * 1000;
/** After this many wrong passwords in a row the account is locked (lockoutMs). */
export const MAX_FAILED_LOGINS = 5;
/** The first lock lasts a minute, each next one in a row twice as long, at most 15 minutes. */
export const FIRST_LOCKOUT_MS = 60 * 1000;
export const MAX_LOCKOUT_MS = 15 * 60 * 1000;
export const lockoutMs = (previousLocks: number) =>
  Math.min(MAX_LOCKOUT_MS, FIRST_LOCKOUT_MS * 2 ** Math.min(previousLocks, 10));

/**
 * Wrong passwords one address may try for one account per minute before it is throttled (429,
 * not counted): one client cannot lock someone out at will, only slowly, and each lock is short.
 */
export const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 3;
const THROTTLE_WINDOW_MS = 60 * 1000;
const recentFailures = new Map<string, { count: number; since: number }>();

function throttleKey(username: string, ip: string | null) {
  return `${username.toLowerCase()}|${ip ?? ''}`;
}

function isThrottled(key: string, now: number): boolean {
  const entry = recentFailures.get(key);
  return (
    entry !== undefined &&
    now - entry.since < THROTTLE_WINDOW_MS &&
    entry.count >= MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS
  );
}

function countFailure(key: string, now: number): void {
  if (recentFailures.size > 50_000) {
    for (const [other, entry] of recentFailures)
      if (now - entry.since >= THROTTLE_WINDOW_MS) recentFailures.delete(other);
  }
  const entry = recentFailures.get(key);
  if (!entry || now - entry.since >= THROTTLE_WINDOW_MS) recentFailures.set(key, { count: 1, since: now });
  else entry.count += 1;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Verified against when the username is unknown, so timing does not reveal which usernames exist. */
let dummyHash: Promise<string> | undefined;

export interface LoginInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

/** Checks the password, applies the lockout rule, opens a session; returns the cookie token. */
export async function login(db: Db, input: LoginInput, now = new Date()) {
  const key = throttleKey(input.username, input.ip);
  if (isThrottled(key, now.getTime())) {
    throw new AppError('RATE_LIMITED', '登录失败次数过多，请 1 分钟后再试');
  }
  const user = await findUserByUsername(db, input.username);
  // One answer for an unknown, a locked and a wrong-password account: none reveals that it exists.
  const badCredentials = new AppError(
    'INVALID_CREDENTIALS',
    `用户名或密码错误（连续错误 ${MAX_FAILED_LOGINS} 次将临时锁定，请稍后再试）`,
  );
  if (!user) {
    countFailure(key, now.getTime());
    dummyHash ??= hashPassword('fazhi-dummy-password');
    await verifyPassword(input.password, await dummyHash);
    await db.transaction().execute((trx) =>
      recordAudit(trx, null, {
        action: 'auth.login_failed',
        entityType: 'user',
        after: { username: input.username, ip: input.ip },
      }),
    );
    throw badCredentials;
  }
  const actorRef = {
    id: user.id,
    displayName: user.display_name,
    orgId: user.org_id,
    ip: input.ip ?? undefined,
  };
  // The attempt is counted before the password is checked, atomically, so a burst of concurrent
  // requests cannot verify more passwords than the lockout allows.
  const attempt = await claimLoginAttempt(db, user.id, MAX_FAILED_LOGINS, now);
  if (attempt === undefined) {
    // no hashing here: a burst against a locked account must stay cheap for the server
    countFailure(key, now.getTime());
    throw badCredentials;
  }
  if (!(await verifyPassword(input.password, user.password_hash))) {
    countFailure(key, now.getTime());
    const locked = attempt.failed_logins >= MAX_FAILED_LOGINS;
    const lockedForMs = lockoutMs(attempt.lockouts);
    await db.transaction().execute(async (trx) => {
      if (locked) await lockAccount(trx, user.id, new Date(now.getTime() + lockedForMs));
      await recordAudit(trx, actorRef, {
        action: locked ? 'auth.locked' : 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        after: {
          failures: attempt.failed_logins,
          ...(locked ? { lockedMinutes: lockedForMs / 60_000 } : {}),
        },
      });
    });
    throw badCredentials;
  }
  if (!user.is_active) {
    // the right password on a deactivated account: someone still holds it, and the admin should know
    await db
      .transaction()
      .execute((trx) =>
        recordAudit(trx, actorRef, { action: 'auth.login_inactive', entityType: 'user', entityId: user.id }),
      );
    throw new AppError('ACCOUNT_INACTIVE', '账号已停用，请联系系统管理员');
  }

  const token = randomBytes(32).toString('base64url');
  await db.transaction().execute(async (trx) => {
    await deleteExpiredSessions(trx, now);
    await insertSession(trx, {
      token_hash: hashToken(token),
      user_id: user.id,
      expires_at: new Date(now.getTime() + SESSION_TTL_MS),
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    });
    if (!(await recordSuccessfulLogin(trx, user.id, now))) throw badCredentials;
    await recordAudit(trx, actorRef, { action: 'auth.login', entityType: 'user', entityId: user.id });
  });
  return { token, user: presentUser(user, now) };
}

/** Ends the session server-side; the cookie alone can never reopen it. */
export async function logout(db: Db, token: string, actor: Actor | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await deleteSession(trx, hashToken(token));
    if (actor)
      await recordAudit(trx, actor, { action: 'auth.logout', entityType: 'user', entityId: actor.id });
  });
}

/** The actor behind a session cookie, or null when the session is unknown, expired or the account inactive. */
export async function resolveActor(
  db: Db,
  token: string,
  ip: string | undefined,
  now = new Date(),
): Promise<Actor | null> {
  const tokenHash = hashToken(token);
  const session = await findSessionWithUser(db, tokenHash);
  if (!session || session.expires_at <= now || !session.is_active) return null;
  if (now.getTime() - session.last_seen_at.getTime() > SESSION_TOUCH_INTERVAL_MS) {
    await touchSession(db, tokenHash, new Date(now.getTime() + SESSION_TTL_MS));
  }
  const ancestry = await findAncestry(db, { path: session.org_path });
  return {
    id: session.user_id,
    username: session.username,
    displayName: session.display_name,
    orgId: session.org_id,
    roles: session.roles,
    scopePaths: resolveScopePaths(session.roles, ancestry),
    ip,
    mustChangePassword: session.must_change_password,
  };
}

/** The signed-in user's profile with the organisation chain the web header shows. */
export async function getMe(db: Db, actor: Actor) {
  const user = await findUserById(db, actor.id);
  if (!user) throw new AppError('UNAUTHENTICATED', '请先登录');
  const ancestry = await findAncestry(db, { path: user.org_path });
  return {
    ...presentUser(user),
    orgChain: ancestry.map((org) => ({ id: org.id, name: org.name, kind: org.kind })),
  };
}

/** Changes one's own password after checking the current one; other sessions of the user end. */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; keepToken: string },
): Promise<void> {
  const user = await findUserById(db, actor.id);
  if (!user) throw new AppError('UNAUTHENTICATED', '请先登录');
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    throw invalid([{ field: 'currentPassword', message: '当前密码不正确' }]);
  }
  if (input.currentPassword === input.newPassword) {
    throw invalid([{ field: 'newPassword', message: '新密码不能与当前密码相同' }]);
  }
  const problem = checkPasswordStrength(input.newPassword, user.username);
  if (problem) throw invalid([{ field: 'newPassword', message: problem }]);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await updateUserRow(trx, actor.id, {
      password_hash: passwordHash,
      must_change_password: false,
      password_changed_at: new Date(),
    });
    await deleteSessionsOfUser(trx, actor.id);
    await insertSession(trx, {
      token_hash: hashToken(input.keepToken),
      user_id: actor.id,
      expires_at: new Date(Date.now() + SESSION_TTL_MS),
      ip: actor.ip ?? null,
      user_agent: null,
    });
    await recordAudit(trx, actor, { action: 'user.password_change', entityType: 'user', entityId: actor.id });
  });
}
