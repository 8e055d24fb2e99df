import type { Db } from '../../db/database.ts';
import { type Actor, assertCan, isInScope } from '../../lib/access.ts';
import { isUniqueViolation } from '../../lib/db-errors.ts';
import { conflict, invalid, notFound } from '../../lib/errors.ts';
import { checkPasswordStrength, hashPassword } from '../../lib/password.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { deleteSessionsOfUser } from '../auth/auth.repository.ts';
import { getOrgInScope } from '../org/org.service.ts';
import { findUserById, findUsers, insertUser, type UserWithOrg, updateUserRow } from './users.repository.ts';
import type { UserCreateBody, UserListQuery, UserUpdateBody, UserView } from './users.schema.ts';

export function presentUser(user: UserWithOrg, now = new Date()): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    orgId: user.org_id,
    orgName: user.org_name,
    roles: user.roles,
    phone: user.phone,
    isActive: user.is_active,
    mustChangePassword: user.must_change_password,
    isLocked: user.locked_until !== null && user.locked_until > now,
    lastLoginAt: user.last_login_at?.toISOString() ?? null,
    previousLoginAt: user.previous_login_at?.toISOString() ?? null,
    createdAt: user.created_at.toISOString(),
    officer: user.officer_id === null ? null : { id: user.officer_id, name: user.officer_name ?? '' },
  };
}

/** What the audit log keeps of an account: never the password hash. */
function auditView(user: UserWithOrg) {
  const {
    lastLoginAt: _lastLogin,
    previousLoginAt: _previous,
    isLocked: _locked,
    officer: _officer,
    ...rest
  } = presentUser(user);
  return rest;
}

export async function listUsers(db: Db, actor: Actor, query: UserListQuery) {
  assertCan(actor, 'user.read');
  const orgPath = query.orgId ? (await getOrgInScope(db, actor, query.orgId)).path : undefined;
  const { rows, total } = await findUsers(db, {
    scopePaths: actor.scopePaths,
    keyword: query.keyword,
    orgPath,
    role: query.role,
    isActive: query.isActive,
    page: query.page,
    pageSize: query.pageSize,
  });
  return { items: rows.map((row) => presentUser(row)), total, page: query.page, pageSize: query.pageSize };
}

async function getUserInScope(db: Db, actor: Actor, id: number): Promise<UserWithOrg> {
  const user = await findUserById(db, id);
  if (!user || !isInScope(actor, user.org_path)) throw notFound('账号');
  return user;
}

export async function getUser(db: Db, actor: Actor, id: number): Promise<UserView> {
  assertCan(actor, 'user.read');
  return presentUser(await getUserInScope(db, actor, id));
}

function assertStrongPassword(password: string, username: string, field: string) {
  const problem = checkPasswordStrength(password, username);
  if (problem) throw invalid([{ field, message: problem }]);
}

export async function createUser(db: Db, actor: Actor, body: UserCreateBody): Promise<UserView> {
  assertCan(actor, 'user.write');
  const org = await getOrgInScope(db, actor, body.orgId);
  if (!org.is_active) throw invalid([{ field: 'orgId', message: '所属机构已停用' }]);
  assertStrongPassword(body.password, body.username, 'password');
  const passwordHash = await hashPassword(body.password);
  try {
    return await db.transaction().execute(async (trx) => {
      const { id } = await insertUser(trx, {
        username: body.username,
        display_name: body.displayName,
        org_id: org.id,
        roles: [...new Set(body.roles)],
        phone: body.phone ?? null,
        password_hash: passwordHash,
        // an account made by an admin starts with a password someone else knows
        must_change_password: true,
      });
      const created = (await findUserById(trx, id))!;
      await recordAudit(trx, actor, {
        action: 'user.create',
        entityType: 'user',
        entityId: id,
        orgId: org.id,
        after: auditView(created),
      });
      return presentUser(created);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`用户名“${body.username}”已被使用`);
    throw error;
  }
}

export async function updateUser(db: Db, actor: Actor, id: number, body: UserUpdateBody): Promise<UserView> {
  assertCan(actor, 'user.write');
  const user = await getUserInScope(db, actor, id);
  if (body.orgId !== undefined && body.orgId !== user.org_id) {
    const org = await getOrgInScope(db, actor, body.orgId);
    if (!org.is_active) throw invalid([{ field: 'orgId', message: '所属机构已停用' }]);
  }
  if (id === actor.id) {
    // An admin cannot lock themselves out; another admin must do it.
    if (body.isActive === false) throw conflict('不能停用自己的账号');
    if (body.roles && !body.roles.includes('admin')) throw conflict('不能取消自己的系统管理员角色');
  }
  return db.transaction().execute(async (trx) => {
    await updateUserRow(trx, id, {
      ...(body.displayName !== undefined && { display_name: body.displayName }),
      ...(body.orgId !== undefined && { org_id: body.orgId }),
      ...(body.roles !== undefined && { roles: [...new Set(body.roles)] }),
      ...(body.phone !== undefined && { phone: body.phone }),
      ...(body.isActive !== undefined && { is_active: body.isActive }),
      // re-enabling an account also lifts a lockout
      ...(body.isActive === true && { failed_logins: 0, locked_until: null }),
    });
    // a deactivated account, or one whose access changed, must sign in again
    if (body.isActive === false || body.roles !== undefined || body.orgId !== undefined) {
      await deleteSessionsOfUser(trx, id);
    }
    const updated = (await findUserById(trx, id))!;
    const action =
      body.isActive === false
        ? 'user.deactivate'
        : body.isActive === true && !user.is_active
          ? 'user.activate'
          : 'user.update';
    await recordAudit(trx, actor, {
      action,
      entityType: 'user',
      entityId: id,
      orgId: updated.org_id,
      before: auditView(user),
      after: auditView(updated),
    });
    return presentUser(updated);
  });
}

/** Admin reset: sets a new password the user must change at next sign-in, and ends their sessions. */
export async function resetPassword(db: Db, actor: Actor, id: number, newPassword: string): Promise<void> {
  assertCan(actor, 'user.write');
  const user = await getUserInScope(db, actor, id);
  assertStrongPassword(newPassword, user.username, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  await db.transaction().execute(async (trx) => {
    await updateUserRow(trx, id, {
      password_hash: passwordHash,
      must_change_password: true,
      failed_logins: 0,
      locked_until: null,
      password_changed_at: new Date(),
    });
    await deleteSessionsOfUser(trx, id);
    await recordAudit(trx, actor, {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: id,
      orgId: user.org_id,
    });
  });
}
