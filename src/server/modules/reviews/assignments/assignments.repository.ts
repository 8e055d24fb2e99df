/** SQL of assignments (第十一条). */
import type { Db } from '../../../db/database.ts';

export function findAssignments(db: Db, campaignId: number) {
  return db
    .selectFrom('review_assignment')
    .innerJoin('review_file', 'review_file.id', 'review_assignment.file_id')
    .innerJoin('enforcement_case', 'enforcement_case.id', 'review_file.case_id')
    .innerJoin('review_expert', 'review_expert.id', 'review_assignment.expert_id')
    .select([
      'review_assignment.id',
      'review_assignment.file_id',
      'review_assignment.expert_id',
      'review_assignment.source',
      'review_assignment.kind',
      'review_assignment.reason',
      'review_assignment.assigned_by_name',
      'review_assignment.assigned_at',
      'enforcement_case.case_no',
      'review_expert.name as expert_name',
    ])
    .where('review_assignment.campaign_id', '=', campaignId)
    .orderBy('review_assignment.file_id')
    .orderBy('review_assignment.expert_id')
    .execute();
}

export async function applyAssignmentDiff(
  trx: Db,
  campaignId: number,
  diff: {
    added: ReadonlyArray<{ fileId: number; expertId: number }>;
    removed: ReadonlyArray<{ fileId: number; expertId: number }>;
  },
  by: { id: number; name: string },
) {
  for (const pair of diff.removed)
    await trx
      .deleteFrom('review_assignment')
      .where('campaign_id', '=', campaignId)
      .where('file_id', '=', pair.fileId)
      .where('expert_id', '=', pair.expertId)
      // a re-review (0064) is never part of the automatic proposal
      .where('kind', '=', 'initial')
      .execute();
  if (diff.added.length > 0)
    await trx
      .insertInto('review_assignment')
      .values(
        diff.added.map((pair) => ({
          campaign_id: campaignId,
          file_id: pair.fileId,
          expert_id: pair.expertId,
          source: 'auto' as const,
          assigned_by_id: by.id,
          assigned_by_name: by.name,
        })),
      )
      .execute();
}

/** The files assigned to the account, across campaigns in scoring (the reviewer's queue). */
export function findAssignmentsOfUser(db: Db, userId: number) {
  return db
    .selectFrom('review_assignment')
    .innerJoin('review_expert', 'review_expert.id', 'review_assignment.expert_id')
    .innerJoin('review_campaign', 'review_campaign.id', 'review_assignment.campaign_id')
    .innerJoin('review_file', 'review_file.id', 'review_assignment.file_id')
    .innerJoin('enforcement_case', 'enforcement_case.id', 'review_file.case_id')
    .innerJoin('org as unit', 'unit.id', 'review_file.unit_org_id')
    .select([
      'review_assignment.id as assignment_id',
      'review_assignment.expert_id',
      'review_assignment.file_id',
      'review_assignment.kind as assignment_kind',
      'review_campaign.id as campaign_id',
      'review_campaign.name as campaign_name',
      'review_campaign.scoring_due_on',
      'enforcement_case.id as case_id',
      'enforcement_case.case_no',
      'enforcement_case.name',
      'enforcement_case.kind',
      'enforcement_case.closed_on',
      'unit.id as unit_org_id',
      'unit.name as unit_name',
    ])
    .where('review_expert.user_id', '=', userId)
    .where('review_file.removed_at', 'is', null)
    .where('review_campaign.state', '=', 'scoring')
    .orderBy('review_campaign.scoring_due_on')
    .orderBy('review_assignment.id')
    .execute();
}
