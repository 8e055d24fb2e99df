/** The SQL of 审定 rows (seed 002 三(五)) and the category overrides they read. */
import type { Insertable } from 'kysely';
import type { UnitCategory } from '../../../../common/units.ts';
import type { Db } from '../../../db/database.ts';
import type { UnitApprovalTable } from '../../../db/schema.ts';

export function findApprovals(db: Db, periodId: number) {
  return db
    .selectFrom('unit_approval')
    .leftJoin('user_account as submitter', 'submitter.id', 'unit_approval.submitted_by')
    .leftJoin('user_account as decider', 'decider.id', 'unit_approval.decided_by')
    .selectAll('unit_approval')
    .select(['submitter.display_name as submitted_by_name', 'decider.display_name as decided_by_name'])
    .where('unit_approval.period_id', '=', periodId)
    .execute();
}

export function upsertSubmission(trx: Db, values: Insertable<UnitApprovalTable>) {
  return trx
    .insertInto('unit_approval')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['period_id', 'category']).doUpdateSet({
        status: 'submitted',
        computed_at: values.computed_at,
        note: values.note ?? null,
        submitted_by: values.submitted_by,
        submitted_on: values.submitted_on,
        decided_by: null,
        decided_on: null,
        decision_note: null,
        updated_at: new Date(),
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function updateDecision(
  trx: Db,
  periodId: number,
  category: UnitCategory,
  values: {
    status: 'approved' | 'returned';
    decided_by: number;
    decided_on: string;
    decision_note: string | null;
  },
) {
  return trx
    .updateTable('unit_approval')
    .set({ ...values, updated_at: new Date() })
    .where('period_id', '=', periodId)
    .where('category', '=', category)
    .execute();
}

/** Category overrides of the given organisations. */
export async function findCategoryOverrides(
  db: Db,
  orgIds: readonly number[],
): Promise<Map<number, UnitCategory>> {
  if (orgIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('unit_category')
    .select(['org_id', 'category'])
    .where('org_id', 'in', orgIds)
    .execute();
  return new Map(rows.map((row) => [row.org_id, row.category]));
}
