import { randomInt } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { checkPasswordStrength, hashPassword } from '../lib/password.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { insertOrg } from '../modules/org/org.repository.ts';
import { insertUser } from '../modules/users/users.repository.ts';

export const FIRST_ADMIN_USERNAME = 'admin';
/** The root organisation of an empty install; the administrator renames it and builds the tree. */
export const FIRST_ORG_NAME = '本级人民政府';

/** No 0/O/1/I/L: read off a console and typed by hand. */
const SETUP_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A one-time setup code, e.g. 'K7QM-2XHP-RW9D-T4NB' (about 79 bits). */
export function generateSetupCode(): string {
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 4 }, () => SETUP_CODE_ALPHABET[randomInt(SETUP_CODE_ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}

export type FirstAdminResult =
  | { created: false }
  | { created: true; username: string; setupCode: string | null };

/**
 * On a database without any account, creates the root organisation (when there is none) and the
 * first administrator, who must change the password at first sign-in. The password is
 * `adminPassword` (FAZHI_ADMIN_PASSWORD) or, without it, a generated one-time setup code that the
 * caller prints. Does nothing when any account exists.
 */
export async function ensureFirstAdmin(db: Db, adminPassword?: string): Promise<FirstAdminResult> {
  if (adminPassword !== undefined) {
    const problem = checkPasswordStrength(adminPassword, FIRST_ADMIN_USERNAME);
    if (problem) throw new Error(`FAZHI_ADMIN_PASSWORD: ${problem}`);
  }
  const setupCode = adminPassword === undefined ? generateSetupCode() : null;
  const passwordHash = await hashPassword(adminPassword ?? setupCode!);
  return db.transaction().execute(async (trx) => {
    const anyAccount = await trx.selectFrom('user_account').select('id').limit(1).executeTakeFirst();
    if (anyAccount) return { created: false as const };
    const root =
      (await trx
        .selectFrom('org')
        .select(['id', 'path'])
        .where('parent_id', 'is', null)
        .orderBy('id')
        .limit(1)
        .executeTakeFirst()) ??
      (await insertOrg(
        trx,
        {
          parent_id: null,
          kind: 'government',
          name: FIRST_ORG_NAME,
          short_name: null,
          doc_prefix: null,
          uscc: null,
          sort_order: 0,
        },
        '/',
      ));
    const { id } = await insertUser(trx, {
      username: FIRST_ADMIN_USERNAME,
      display_name: '系统管理员',
      org_id: root.id,
      roles: ['admin'],
      phone: null,
      password_hash: passwordHash,
      must_change_password: true,
    });
    await recordAudit(trx, null, {
      action: 'system.first_admin',
      entityType: 'user',
      entityId: id,
      orgId: root.id,
      after: { username: FIRST_ADMIN_USERNAME, from: setupCode ? 'setup_code' : 'FAZHI_ADMIN_PASSWORD' },
    });
    return { created: true as const, username: FIRST_ADMIN_USERNAME, setupCode };
  });
}
