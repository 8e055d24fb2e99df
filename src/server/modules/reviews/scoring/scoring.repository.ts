/** SQL of criteria versions and score sheets. */
import type { Db } from '../../../db/database.ts';

/** The newest version of the county standard (第十四条), which a new campaign keeps. */
export function findCurrentCountyCriteria(db: Db) {
  return db
    .selectFrom('review_criteria_version')
    .selectAll()
    .where('code', '=', 'county')
    .where('scope_path', 'is', null)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function findCriteriaVersion(db: Db, id: number) {
  return db.selectFrom('review_criteria_version').selectAll().where('id', '=', id).executeTakeFirst();
}

/** One assignment with its campaign, file, case and member (for the member's own sheet). */
export function findAssignmentForSheet(db: Db, assignmentId: number) {
  return db
    .selectFrom('review_assignment')
    .innerJoin('review_expert', 'review_expert.id', 'review_assignment.expert_id')
    .innerJoin('review_campaign', 'review_campaign.id', 'review_assignment.campaign_id')
    .innerJoin('review_file', 'review_file.id', 'review_assignment.file_id')
    .innerJoin('enforcement_case', 'enforcement_case.id', 'review_file.case_id')
    .select([
      'review_assignment.id',
      'review_assignment.campaign_id',
      'review_assignment.file_id',
      'review_assignment.expert_id',
      'review_expert.user_id',
      'review_campaign.state',
      'review_campaign.criteria_version_id',
      'review_file.case_id',
      'review_file.removed_at',
      'enforcement_case.case_no',
      'enforcement_case.name',
    ])
    .where('review_assignment.id', '=', assignmentId)
    .executeTakeFirst();
}

export function findSheetsOfFiles(db: Db, fileIds: readonly number[]) {
  if (fileIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('review_sheet')
    .innerJoin('review_expert', 'review_expert.id', 'review_sheet.expert_id')
    .selectAll('review_sheet')
    .select('review_expert.name as expert_name')
    .where('review_sheet.file_id', 'in', fileIds)
    .orderBy('review_sheet.id')
    .execute();
}

export async function upsertSheet(
  trx: Db,
  values: {
    assignment_id: number;
    campaign_id: number;
    file_id: number;
    expert_id: number;
    items: string;
    total_tenths: number;
    note: string | null;
    submitted_at: Date | null;
    signer_name: string | null;
  },
) {
  await trx
    .insertInto('review_sheet')
    .values(values)
    .onConflict((conflict) =>
      conflict.column('assignment_id').doUpdateSet({
        items: values.items,
        total_tenths: values.total_tenths,
        note: values.note,
        submitted_at: values.submitted_at,
        signer_name: values.signer_name,
        updated_at: new Date(),
      }),
    )
    .execute();
}

/** The stored completeness check of each case's file (0027), for the 8 / 12 suggestions. */
export function findFileChecks(db: Db, caseIds: readonly number[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('case_file')
    .select(['case_id', 'check_passes', 'check_finding_count', 'status'])
    .where('case_id', 'in', caseIds)
    .execute();
}
