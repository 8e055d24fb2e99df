import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { containsPattern } from '../../db/like.ts';
import type { NewOrg, Org, OrgKind, OrgUpdate } from '../../db/schema.ts';

/** Organisations whose path starts with one of the prefixes, tree order. */
export function findOrgsInScope(
  db: Db,
  scopePaths: string[],
  filter: { kind?: OrgKind | undefined; keyword?: string | undefined; includeInactive?: boolean },
): Promise<Org[]> {
  if (scopePaths.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('org')
    .selectAll()
    .where((eb) => eb.or(scopePaths.map((prefix) => eb('path', 'like', `${prefix}%`))));
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.keyword) query = query.where('name', 'ilike', containsPattern(filter.keyword));
  if (!filter.includeInactive) query = query.where('is_active', '=', true);
  return query.orderBy('path').execute();
}

export function findOrgById(db: Db, id: number): Promise<Org | undefined> {
  return db.selectFrom('org').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The org's ancestors, root first, ending with the org itself. */
export function findAncestry(db: Db, org: Pick<Org, 'path'>): Promise<Org[]> {
  const ids = org.path.split('/').filter(Boolean).map(Number);
  return db.selectFrom('org').selectAll().where('id', 'in', ids).orderBy('path').execute();
}

/** Inserts and sets the materialised path from the parent's (root when parentPath is '/'). */
export async function insertOrg(trx: Db, values: Omit<NewOrg, 'path'>, parentPath: string): Promise<Org> {
  const inserted = await trx
    .insertInto('org')
    .values({ ...values, path: parentPath })
    .returning('id')
    .executeTakeFirstOrThrow();
  return trx
    .updateTable('org')
    .set({ path: `${parentPath}${inserted.id}/` })
    .where('id', '=', inserted.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateOrgRow(trx: Db, id: number, patch: OrgUpdate): Promise<Org> {
  return trx
    .updateTable('org')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Re-roots a subtree: every descendant's path prefix changes from oldPath to newPath. */
export async function moveSubtree(
  trx: Db,
  id: number,
  newParentId: number,
  oldPath: string,
  newPath: string,
) {
  await trx
    .updateTable('org')
    .set({ parent_id: newParentId, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  await trx
    .updateTable('org')
    .set({ path: sql<string>`${newPath}::text || substr(path, ${oldPath.length + 1}::int)` })
    .where('path', 'like', `${oldPath}%`)
    .execute();
}

export async function countDependents(db: Db, org: Pick<Org, 'id' | 'path'>) {
  const children = await db
    .selectFrom('org')
    .select((eb) => [
      eb.fn.countAll<number>().as('all'),
      eb.fn.count<number>('id').filterWhere('is_active', '=', true).as('active'),
    ])
    .where('parent_id', '=', org.id)
    .executeTakeFirstOrThrow();
  const accounts = await db
    .selectFrom('user_account')
    .select((eb) => [
      eb.fn.countAll<number>().as('all'),
      eb.fn.count<number>('id').filterWhere('is_active', '=', true).as('active'),
    ])
    .where('org_id', '=', org.id)
    .executeTakeFirstOrThrow();
  return {
    children: Number(children.all),
    activeChildren: Number(children.active),
    accounts: Number(accounts.all),
    activeAccounts: Number(accounts.active),
  };
}

export function deleteOrgRow(trx: Db, id: number) {
  return trx.deleteFrom('org').where('id', '=', id).execute();
}

export function findOrgByUscc(db: Db, uscc: string): Promise<Org | undefined> {
  return db.selectFrom('org').selectAll().where('uscc', '=', uscc).executeTakeFirst();
}
