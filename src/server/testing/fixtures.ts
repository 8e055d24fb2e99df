import { ROLES } from '../../common/permissions.ts';
import type { Db } from '../db/database.ts';
import type { Org, OrgKind, Role } from '../db/schema.ts';
import { hashPassword } from '../lib/password.ts';
import { findOrgById, insertOrg } from '../modules/org/org.repository.ts';
import { insertUser } from '../modules/users/users.repository.ts';
import { DEMO_PASSWORD } from '../seed/demo-county.ts';

export const ALL_ROLES: Role[] = [...ROLES];

export interface ForeignCounty {
  root: Org;
  agency: Org;
  section: Org;
  township: Org;
  /** one account per role, username `${prefix}_${role}`, password DEMO_PASSWORD */
  usernames: Record<Role, string>;
}

/**
 * A second county (和静县) beside the demo one, with an account for every role, so tests can
 * prove that nobody in it reads the demo county's rows and vice versa.
 */
export async function createForeignCounty(db: Db, prefix = 'hj'): Promise<ForeignCounty> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    const add = (parent: Org | null, kind: OrgKind, name: string) =>
      insertOrg(
        trx,
        { parent_id: parent?.id ?? null, kind, name, short_name: null, uscc: null, doc_prefix: null },
        parent?.path ?? '/',
      );
    const root = await add(null, 'government', `${prefix}和静县人民政府`);
    const bureau = await add(root, 'justice_bureau', '和静县司法局');
    const agency = await add(root, 'agency', '和静县市场监督管理局');
    const section = await add(agency, 'section', '综合行政执法大队');
    const legalUnit = await add(agency, 'legal_unit', '法规股');
    const township = await add(root, 'township', '和静镇人民政府');
    const justiceOffice = await add(township, 'justice_office', '和静镇司法所');
    const orgFor: Record<Role, Org> = {
      admin: bureau,
      supervisor: bureau,
      legal_officer: legalUnit,
      officer: section,
      assessor: bureau,
      leader: agency,
      reviewer: legalUnit,
      justice_office: justiceOffice,
    };
    const usernames = {} as Record<Role, string>;
    for (const role of ALL_ROLES) {
      const username = `${prefix}_${role}`;
      await insertUser(trx, {
        username,
        display_name: `${prefix}-${role}`,
        org_id: orgFor[role].id,
        roles: [role],
        phone: null,
        password_hash: passwordHash,
      });
      usernames[role] = username;
    }
    return { root, agency, section, township, usernames };
  });
}

/** The demo county's organisation with this exact name. */
export async function demoOrgByName(db: Db, name: string): Promise<Org> {
  const row = await db
    .selectFrom('org')
    .select('id')
    .where('name', '=', name)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return (await findOrgById(db, row.id))!;
}
