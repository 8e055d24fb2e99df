/** The 汇总表 submission's SQL (0113): which units owe the table, and the copies recorded. */
import { sql } from 'kysely';
import type { SummaryRecipient } from '../../../../common/units.ts';
import type { Db } from '../../../db/database.ts';
import type { OrgKind } from '../../../db/schema.ts';
import { UNIT_ORG_KINDS, visibleUnitOrgs } from '../units.policy.ts';

export interface OwingUnitRow {
  id: number;
  name: string;
  kind: OrgKind;
  path: string;
}

/**
 * The units under `readPaths` that owe the year's table: the county's active townships and agencies
 * with at least one officer of their own (the table lists 行政执法人员; a unit without any has none
 * to report). Ordered as the unit list: townships first, then by sort order.
 */
export function findOwingUnits(
  db: Db,
  readPaths: readonly string[],
  orgId?: number,
): Promise<OwingUnitRow[]> {
  let query = db
    .selectFrom('org')
    .select(['org.id', 'org.name', 'org.kind', 'org.path'])
    .where('org.kind', 'in', UNIT_ORG_KINDS)
    .where('org.is_active', '=', true)
    .where(visibleUnitOrgs(readPaths))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('officer')
          .innerJoin('org as officer_org', 'officer_org.id', 'officer.org_id')
          .select('officer.id')
          .where('officer.status', '=', 'active')
          .where('officer_org.path', 'like', sql<string>`org.path || '%'`),
      ),
    );
  if (orgId !== undefined) query = query.where('org.id', '=', orgId);
  return query
    .orderBy(sql`case when org.kind = 'township' then 0 else 1 end`)
    .orderBy('org.sort_order')
    .orderBy('org.id')
    .execute();
}

/** The copies recorded for these units and year, with who recorded them. */
export function findSummaryCopies(db: Db, unitOrgIds: readonly number[], year: number) {
  return db
    .selectFrom('unit_summary_submission')
    .innerJoin('user_account', 'user_account.id', 'unit_summary_submission.submitted_by')
    .select([
      'unit_summary_submission.id',
      'unit_summary_submission.unit_org_id',
      'unit_summary_submission.recipient',
      'unit_summary_submission.submitted_on',
      'unit_summary_submission.note',
      'user_account.display_name as submitted_by_name',
    ])
    .where('unit_summary_submission.unit_org_id', 'in', unitOrgIds.length > 0 ? unitOrgIds : [0])
    .where('unit_summary_submission.year', '=', year)
    .orderBy('unit_summary_submission.id')
    .execute();
}

/** Records one copy; undefined when that copy was already recorded (the unique key). */
export function insertSummaryCopy(
  trx: Db,
  values: {
    county_org_id: number;
    unit_org_id: number;
    year: number;
    recipient: SummaryRecipient;
    submitted_on: string;
    submitted_by: number;
    note: string | null;
  },
) {
  return trx
    .insertInto('unit_summary_submission')
    .values(values)
    .onConflict((oc) => oc.columns(['unit_org_id', 'year', 'recipient']).doNothing())
    .returning(['id'])
    .executeTakeFirst();
}
