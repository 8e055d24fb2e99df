/**
 * 账号管理: link an account to an officer archive, or unlink it (issue 19). One officer has at most
 * one account and one account at most one officer (officer_user_unique, 0005); a link that would
 * break that is refused at officerId with the name of what it is linked to already. Both the
 * account and the officer must lie in the admin's scope. Audited on the officer.
 */
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan, isInScope } from '../../../lib/access.ts';
import { isUniqueViolation } from '../../../lib/db-errors.ts';
import { invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { findUserById } from '../../users/users.repository.ts';
import { findOfficerById, findOfficerOfUser, updateOfficerRow } from './officers.repository.ts';
import type { AccountOfficerView } from './officers.schema.ts';
import { auditView } from './officers.service.ts';

async function setLink(
  db: Db,
  actor: Actor,
  officerId: number,
  userId: number | null,
  action: 'officer.account_link' | 'officer.account_unlink',
) {
  await db.transaction().execute(async (trx) => {
    const before = (await findOfficerById(trx, officerId))!;
    await updateOfficerRow(trx, officerId, { user_id: userId });
    const after = (await findOfficerById(trx, officerId))!;
    await recordAudit(trx, actor, {
      action,
      entityType: 'officer',
      entityId: officerId,
      orgId: after.org_id,
      before: auditView(before),
      after: auditView(after),
    });
  });
}

export async function setAccountOfficer(
  db: Db,
  actor: Actor,
  userId: number,
  officerId: number | null,
): Promise<AccountOfficerView> {
  assertCan(actor, 'user.write');
  const user = await findUserById(db, userId);
  if (!user || !isInScope(actor, user.org_path)) throw notFound('账号');
  const current = await findOfficerOfUser(db, userId);
  if (officerId === null) {
    if (current) await setLink(db, actor, current.id, null, 'officer.account_unlink');
    return { userId, officer: null };
  }
  const officer = await findOfficerById(db, officerId);
  if (!officer || !isInScope(actor, officer.org_path)) {
    throw invalid([{ field: 'officerId', message: '执法人员不存在或不在管辖范围内' }]);
  }
  if (current?.id === officerId) return { userId, officer: current };
  if (current) {
    throw invalid([
      { field: 'officerId', message: `该账号已关联执法人员「${current.name}」，请先解除关联再关联其他档案` },
    ]);
  }
  const takenBy = async () => {
    const other = officer.user_id === null ? undefined : await findUserById(db, officer.user_id);
    return invalid([
      {
        field: 'officerId',
        message: `「${officer.name}」已关联账号${other ? `「${other.username}」` : ''}，一名执法人员只能关联一个账号`,
      },
    ]);
  };
  if (officer.user_id !== null) throw await takenBy();
  try {
    await setLink(db, actor, officerId, userId, 'officer.account_link');
  } catch (error) {
    if (isUniqueViolation(error)) throw await takenBy();
    throw error;
  }
  return { userId, officer: { id: officer.id, name: officer.name } };
}
