/** SQL of publication, files returned, the showcase, 第十九条 marks and the people behind failing files. */
import type { Db } from '../../../db/database.ts';

export function setPublished(trx: Db, campaignId: number, publishedOn: string, byName: string) {
  return trx
    .updateTable('review_campaign')
    .set({ state: 'published', published_on: publishedOn, published_by_name: byName, updated_at: new Date() })
    .where('id', '=', campaignId)
    .where('state', '=', 'scoring')
    .returning('id')
    .executeTakeFirst();
}

export function setFilesReturned(
  trx: Db,
  campaignId: number,
  orgId: number,
  values: { files_returned_on: string; files_returned_note: string | null; files_returned_by_name: string },
) {
  return trx
    .updateTable('review_campaign_unit')
    .set(values)
    .where('campaign_id', '=', campaignId)
    .where('org_id', '=', orgId)
    .execute();
}

export function setExemplary(
  trx: Db,
  fileId: number,
  values: { exemplary_at: Date | null; exemplary_by_name: string | null; exemplary_note: string | null },
) {
  return trx.updateTable('review_file').set(values).where('id', '=', fileId).execute();
}

export function setArticle19(
  trx: Db,
  fileId: number,
  values: { article19_grounds: number[]; article19_note: string | null; notice_id?: number },
) {
  return trx.updateTable('review_file').set(values).where('id', '=', fileId).execute();
}

/** 优秀案卷 of published campaigns within a county (第十八条), newest first. */
export function findShowcase(db: Db, countyPath: string, limit: number) {
  return db
    .selectFrom('review_file')
    .innerJoin('review_campaign', 'review_campaign.id', 'review_file.campaign_id')
    .innerJoin('enforcement_case', 'enforcement_case.id', 'review_file.case_id')
    .innerJoin('org as unit', 'unit.id', 'review_file.unit_org_id')
    .select([
      'review_file.id as file_id',
      'review_file.campaign_id',
      'review_file.exemplary_at',
      'review_file.exemplary_note',
      'review_file.case_id',
      'review_campaign.name as campaign_name',
      'review_campaign.year',
      'enforcement_case.case_no',
      'enforcement_case.name',
      'enforcement_case.kind',
      'enforcement_case.party_names',
      'enforcement_case.closed_on',
      'unit.name as unit_name',
    ])
    .where('review_file.exemplary_at', 'is not', null)
    .where('review_file.removed_at', 'is', null)
    .where('review_campaign.state', 'in', ['published', 'closed'])
    .where('review_campaign.scope_path', 'like', `${countyPath}%`)
    .orderBy('review_file.exemplary_at', 'desc')
    .limit(limit)
    .execute();
}

/** The officers who handled each case (案件承办人员), with their unit. */
export function findHandlersOfCases(db: Db, caseIds: readonly number[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('case_handler')
    .innerJoin('officer', 'officer.id', 'case_handler.officer_id')
    .innerJoin('org', 'org.id', 'officer.org_id')
    .select([
      'case_handler.case_id',
      'officer.id as officer_id',
      'officer.name',
      'org.name as org_name',
      'org.path as org_path',
    ])
    .where('case_handler.case_id', 'in', caseIds)
    .orderBy('officer.id')
    .execute();
}

/** Who did each case's legal review (法制审核: the legal unit's quality analysis), if anyone. */
export function findLegalReviewersOfCases(db: Db, caseIds: readonly number[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('enforcement_case')
    .select(['id as case_id', 'quality_by_id', 'quality_by_name'])
    .where('id', 'in', caseIds)
    .where('quality_by_id', 'is not', null)
    .execute();
}

/** Party names of cases, to mask them in what other agencies read. */
export function findPartyNames(db: Db, caseIds: readonly number[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('case_party').select(['case_id', 'name']).where('case_id', 'in', caseIds).execute();
}

/** The electronic file (case_file) of a case, which a supervision notice links to. */
export function findCaseFileOfCase(db: Db, caseId: number) {
  return db.selectFrom('case_file').select('id').where('case_id', '=', caseId).executeTakeFirst();
}
