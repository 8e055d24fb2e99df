import type { Db } from '../../db/database.ts';
import { containsPattern } from '../../db/like.ts';
import type { Role, UserAccount } from '../../db/schema.ts';

export type UserWithOrg = UserAccount & {
  org_name: string;
  org_path: string;
  /** the officer archive linked to the account (officer.user_id), if any */
  officer_id: number | null;
  officer_name: string | null;
};

function selectUsers(db: Db) {
  return db
    .selectFrom('user_account')
    .innerJoin('org', 'org.id', 'user_account.org_id')
    .leftJoin('officer', 'officer.user_id', 'user_account.id')
    .selectAll('user_account')
    .select([
      'org.name as org_name',
      'org.path as org_path',
      'officer.id as officer_id',
      'officer.name as officer_name',
    ]);
}

export interface UserFilter {
  scopePaths: string[];
  keyword?: string | undefined;
  /** this org and everything under it */
  orgPath?: string | undefined;
  role?: Role | undefined;
  isActive?: boolean | undefined;
  page: number;
  pageSize: number;
}

/** A page of accounts whose organisation lies in one of the scope subtrees. */
export async function findUsers(db: Db, filter: UserFilter): Promise<{ rows: UserWithOrg[]; total: number }> {
  if (filter.scopePaths.length === 0) return { rows: [], total: 0 };
  let query = db
    .selectFrom('user_account')
    .innerJoin('org', 'org.id', 'user_account.org_id')
    .where((eb) => eb.or(filter.scopePaths.map((prefix) => eb('org.path', 'like', `${prefix}%`))));
  if (filter.orgPath) query = query.where('org.path', 'like', `${filter.orgPath}%`);
  if (filter.role) query = query.where((eb) => eb(eb.val(filter.role), '=', eb.fn.any('user_account.roles')));
  if (filter.isActive !== undefined) query = query.where('user_account.is_active', '=', filter.isActive);
  if (filter.keyword) {
    const pattern = containsPattern(filter.keyword);
    query = query.where((eb) =>
      eb.or([
        eb('user_account.username', 'ilike', pattern),
        eb('user_account.display_name', 'ilike', pattern),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .leftJoin('officer', 'officer.user_id', 'user_account.id')
      .selectAll('user_account')
      .select([
        'org.name as org_name',
        'org.path as org_path',
        'officer.id as officer_id',
        'officer.name as officer_name',
      ])
      .orderBy('org.path')
      .orderBy('user_account.id')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findUserById(db: Db, id: number): Promise<UserWithOrg | undefined> {
  return selectUsers(db).where('user_account.id', '=', id).executeTakeFirst();
}

export function findUserByUsername(db: Db, username: string): Promise<UserWithOrg | undefined> {
  return selectUsers(db)
    .where((eb) => eb(eb.fn('lower', ['user_account.username']), '=', username.toLowerCase()))
    .executeTakeFirst();
}

export function insertUser(
  trx: Db,
  values: {
    username: string;
    display_name: string;
    org_id: number;
    roles: Role[];
    phone: string | null;
    password_hash: string;
    must_change_password?: boolean;
  },
) {
  return trx.insertInto('user_account').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateUserRow(
  trx: Db,
  id: number,
  patch: Partial<
    Pick<
      UserAccount,
      | 'display_name'
      | 'org_id'
      | 'roles'
      | 'phone'
      | 'is_active'
      | 'password_hash'
      | 'must_change_password'
      | 'failed_logins'
      | 'locked_until'
      | 'last_login_at'
      | 'password_changed_at'
    >
  >,
) {
  return trx
    .updateTable('user_account')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function countActiveAdminsInScope(db: Db, scopePath: string) {
  return db
    .selectFrom('user_account')
    .innerJoin('org', 'org.id', 'user_account.org_id')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('org.path', 'like', `${scopePath}%`)
    .where('user_account.is_active', '=', true)
    .where((eb) => eb(eb.val('admin'), '=', eb.fn.any('user_account.roles')))
    .executeTakeFirstOrThrow();
}
