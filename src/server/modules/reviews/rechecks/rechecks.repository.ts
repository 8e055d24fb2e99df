/** SQL of re-reviews, manual assignment changes and objections (第十二条(五)(七)). */
import type { Db } from '../../../db/database.ts';
import type { ReviewObjectionState } from '../../../db/schema.ts';

export async function insertManualAssignment(
  trx: Db,
  values: {
    campaign_id: number;
    file_id: number;
    expert_id: number;
    kind: 'initial' | 'recheck';
    reason: string;
    assigned_by_id: number;
    assigned_by_name: string;
  },
) {
  return trx
    .insertInto('review_assignment')
    .values({ ...values, source: 'manual' })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function deleteAssignment(trx: Db, campaignId: number, assignmentId: number) {
  return trx
    .deleteFrom('review_assignment')
    .where('campaign_id', '=', campaignId)
    .where('id', '=', assignmentId)
    .execute();
}

export function insertAssignmentChange(
  trx: Db,
  values: {
    campaign_id: number;
    file_id: number;
    expert_id: number;
    action: 'add' | 'remove' | 'recheck';
    reason: string;
    broken_rules: string[];
    changed_by_id: number;
    changed_by_name: string;
  },
) {
  return trx.insertInto('review_assignment_change').values(values).execute();
}

export function findAssignmentChanges(db: Db, campaignId: number) {
  return db
    .selectFrom('review_assignment_change')
    .innerJoin('review_expert', 'review_expert.id', 'review_assignment_change.expert_id')
    .innerJoin('review_file', 'review_file.id', 'review_assignment_change.file_id')
    .innerJoin('enforcement_case', 'enforcement_case.id', 'review_file.case_id')
    .selectAll('review_assignment_change')
    .select(['review_expert.name as expert_name', 'enforcement_case.case_no'])
    .where('review_assignment_change.campaign_id', '=', campaignId)
    .orderBy('review_assignment_change.id')
    .execute();
}

export function findObjections(db: Db, campaignId: number, unitOrgId?: number) {
  let query = db
    .selectFrom('review_objection')
    .innerJoin('review_file', 'review_file.id', 'review_objection.file_id')
    .innerJoin('enforcement_case', 'enforcement_case.id', 'review_file.case_id')
    .innerJoin('org as unit', 'unit.id', 'review_objection.unit_org_id')
    .selectAll('review_objection')
    .select(['enforcement_case.case_no', 'unit.name as unit_name'])
    .where('review_objection.campaign_id', '=', campaignId);
  if (unitOrgId !== undefined) query = query.where('review_objection.unit_org_id', '=', unitOrgId);
  return query.orderBy('review_objection.id').execute();
}

export function findObjectionById(db: Db, campaignId: number, objectionId: number) {
  return db
    .selectFrom('review_objection')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('id', '=', objectionId)
    .executeTakeFirst();
}

export function insertObjection(
  trx: Db,
  values: {
    campaign_id: number;
    file_id: number;
    unit_org_id: number;
    reasons: string;
    proof: string | null;
    filed_by_id: number;
    filed_by_name: string;
    score_before: string | null;
  },
) {
  return trx.insertInto('review_objection').values(values).returning('id').executeTakeFirstOrThrow();
}

export function decideObjectionRow(
  trx: Db,
  objectionId: number,
  decision: {
    state: Exclude<ReviewObjectionState, 'pending'>;
    changed_score_tenths: number | null;
    decision_reason: string;
    decided_by_name: string;
  },
) {
  return trx
    .updateTable('review_objection')
    .set({ ...decision, decided_at: new Date() })
    .where('id', '=', objectionId)
    .where('state', '=', 'pending')
    .returning('id')
    .executeTakeFirst();
}
