/** SQL of the expert pool, declarations, panels and waivers, and the facts recusal is computed from. */
import type { Insertable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { ReviewExpertDeclarationTable, ReviewExpertTable } from '../../../db/schema.ts';

const selectExperts = (db: Db) =>
  db
    .selectFrom('review_expert')
    .innerJoin('user_account', 'user_account.id', 'review_expert.user_id')
    .innerJoin('org', 'org.id', 'user_account.org_id')
    .selectAll('review_expert')
    .select(['user_account.username', 'org.name as org_name', 'org.path as org_path']);

export type ExpertRow = Awaited<ReturnType<ReturnType<typeof selectExperts>['execute']>>[number];

/** The pool members whose pool lies under one of the paths. */
export function findExperts(db: Db, scopePaths: readonly string[]) {
  if (scopePaths.length === 0) return Promise.resolve([]);
  return selectExperts(db)
    .where((eb) => eb.or(scopePaths.map((path) => eb('review_expert.scope_path', 'like', `${path}%`))))
    .orderBy('review_expert.name')
    .orderBy('review_expert.id')
    .execute();
}

export function findExpertsByIds(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return selectExperts(db).where('review_expert.id', 'in', ids).orderBy('review_expert.id').execute();
}

export function findExpertsOfUser(db: Db, userId: number) {
  return selectExperts(db).where('review_expert.user_id', '=', userId).execute();
}

export function insertExpert(trx: Db, values: Insertable<ReviewExpertTable>) {
  return trx.insertInto('review_expert').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateExpertRow(
  trx: Db,
  id: number,
  patch: Partial<Pick<Insertable<ReviewExpertTable>, 'category' | 'expertise' | 'is_active' | 'note'>>,
) {
  return trx.updateTable('review_expert').set(patch).where('id', '=', id).execute();
}

export function findDeclarations(db: Db, expertIds: readonly number[]) {
  if (expertIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('review_expert_declaration')
    .leftJoin('org', 'org.id', 'review_expert_declaration.org_id')
    .leftJoin('enforcement_case', 'enforcement_case.id', 'review_expert_declaration.case_id')
    .selectAll('review_expert_declaration')
    .select(['org.name as org_name', 'org.path as org_path', 'enforcement_case.case_no'])
    .where('review_expert_declaration.expert_id', 'in', expertIds)
    .orderBy('review_expert_declaration.id')
    .execute();
}

export function insertDeclaration(trx: Db, values: Insertable<ReviewExpertDeclarationTable>) {
  return trx.insertInto('review_expert_declaration').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function findPanelExpertIds(db: Db, campaignId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('review_panel_member')
    .select('expert_id')
    .where('campaign_id', '=', campaignId)
    .orderBy('expert_id')
    .execute();
  return rows.map((row) => row.expert_id);
}

export async function replacePanel(trx: Db, campaignId: number, expertIds: readonly number[]) {
  await trx.deleteFrom('review_panel_member').where('campaign_id', '=', campaignId).execute();
  if (expertIds.length > 0)
    await trx
      .insertInto('review_panel_member')
      .values(expertIds.map((expertId) => ({ campaign_id: campaignId, expert_id: expertId })))
      .execute();
}

export function findWaivers(db: Db, campaignId: number) {
  return db.selectFrom('review_waiver').selectAll().where('campaign_id', '=', campaignId).execute();
}

export function insertWaiver(
  trx: Db,
  values: Omit<Insertable<import('../../../db/schema.ts').ReviewWaiverTable>, 'id' | 'waived_at'>,
) {
  return trx.insertInto('review_waiver').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Officer profiles of the accounts: current ones (handled cases) and transferred ones (units left). */
export function findOfficersOfUsers(db: Db, userIds: readonly number[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('officer')
    .innerJoin('org', 'org.id', 'officer.org_id')
    .select(['officer.id', 'officer.user_id', 'officer.status', 'officer.updated_at', 'org.path', 'org.name'])
    .where('officer.user_id', 'in', userIds)
    .execute();
}

/** What recusal needs of each live file: unit, handlers, signers and parties. */
export async function findRecusalFacts(db: Db, campaignId: number) {
  const files = await db
    .selectFrom('review_file')
    .innerJoin('enforcement_case', 'enforcement_case.id', 'review_file.case_id')
    .innerJoin('org as unit', 'unit.id', 'review_file.unit_org_id')
    .select([
      'review_file.id as file_id',
      'review_file.case_id',
      'enforcement_case.case_no',
      'enforcement_case.kind',
      'enforcement_case.opinion_signer_id',
      'enforcement_case.result_signer_id',
      'enforcement_case.quality_by_id',
      'unit.path as unit_path',
      'unit.name as unit_name',
    ])
    .where('review_file.campaign_id', '=', campaignId)
    .where('review_file.removed_at', 'is', null)
    .orderBy('review_file.id')
    .execute();
  const caseIds = files.map((file) => file.case_id);
  const [handlers, parties] = caseIds.length
    ? await Promise.all([
        db
          .selectFrom('case_handler')
          .select(['case_id', 'officer_id'])
          .where('case_id', 'in', caseIds)
          .execute(),
        db.selectFrom('case_party').select(['case_id', 'name']).where('case_id', 'in', caseIds).execute(),
      ])
    : [[], []];
  return { files, handlers, parties };
}
