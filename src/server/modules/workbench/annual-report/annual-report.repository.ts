/**
 * The annual report's SQL (行政执法数据年报): cases closed in the year per org and kind, the closed
 * penalty cases grouped by their penalty types with the sums in fen, notices per unit, and the
 * hand-in records (0094). Read-only over the cases and supervision tables, like the cockpit's.
 */
import { sql } from 'kysely';
import type { PenaltyType } from '../../../../common/penalties.ts';
import type { Db } from '../../../db/database.ts';
import type { CaseKind } from '../../../db/schema.ts';

const orNone = (ids: readonly number[]) => (ids.length > 0 ? ids : [0]);
const yearBounds = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

/** Cases closed in the year per org and kind (enforcement_case_org_closed_idx, index-only). */
export function countClosedByKind(db: Db, orgIds: readonly number[], year: number) {
  const [from, to] = yearBounds(year);
  return db
    .selectFrom('enforcement_case')
    .select(['org_id', 'kind', (eb) => eb.fn.countAll<string>().as('count')])
    .where('org_id', 'in', orNone(orgIds))
    .where('closed_on', '>=', from)
    .where('closed_on', '<=', to)
    .groupBy(['org_id', 'kind'])
    .execute() as Promise<Array<{ org_id: number; kind: CaseKind; count: string }>>;
}

/** Penalty cases closed in the year per org and set of penalty types, with the sums in fen. */
export function groupPenalties(db: Db, orgIds: readonly number[], year: number) {
  const [from, to] = yearBounds(year);
  return db
    .selectFrom('enforcement_case')
    .select([
      'org_id',
      'penalty_types',
      (eb) => eb.fn.countAll<string>().as('cases'),
      sql<string>`coalesce(sum(round(fine_amount * 100)), 0)`.as('fine_fen'),
      sql<string>`coalesce(sum(round(confiscated_amount * 100)), 0)`.as('confiscated_fen'),
    ])
    .where('org_id', 'in', orNone(orgIds))
    .where('kind', '=', 'penalty')
    .where('closed_on', '>=', from)
    .where('closed_on', '<=', to)
    .groupBy(['org_id', 'penalty_types'])
    .execute() as Promise<
    Array<{
      org_id: number;
      penalty_types: PenaltyType[];
      cases: string;
      fine_fen: string;
      confiscated_fen: string;
    }>
  >;
}

/** Supervision notices issued to each org in the year, and those whose report is late. */
export function countNoticesPerOrg(db: Db, orgIds: readonly number[], year: number, today: string) {
  const [from, to] = yearBounds(year);
  return db
    .selectFrom('supervision_notice')
    .select([
      'unit_org_id',
      (eb) => eb.fn.countAll<string>().as('received'),
      sql<string>`count(*) filter (where state in ('issued', 'served', 'returned') and report_due_on < ${today})`.as(
        'overdue',
      ),
    ])
    .where('unit_org_id', 'in', orNone(orgIds))
    .where('issued_on', '>=', from)
    .where('issued_on', '<=', to)
    .groupBy('unit_org_id')
    .execute();
}

/** The hand-in records of these orgs for the year. */
export function findSubmissions(db: Db, orgIds: readonly number[], year: number) {
  return db
    .selectFrom('annual_report_submission')
    .selectAll()
    .where('org_id', 'in', orNone(orgIds))
    .where('year', '=', year)
    .execute();
}

export function insertSubmission(
  trx: Db,
  values: { org_id: number; year: number; submitted_by: number; submitted_by_name: string },
) {
  return trx.insertInto('annual_report_submission').values(values).returningAll().executeTakeFirstOrThrow();
}

/** The county's agencies (with at least one duty recorded) that have not handed in the year's report. */
export function findAgenciesWithoutSubmission(db: Db, countyPath: string, year: number) {
  return db
    .selectFrom('org')
    .select(['org.id', 'org.name'])
    .where('org.path', 'like', `${countyPath}%`)
    .where('org.kind', '=', 'agency')
    .where('org.is_active', '=', true)
    .where((eb) =>
      eb.exists(
        eb.selectFrom('org_duty').select('org_duty.org_id').whereRef('org_duty.org_id', '=', 'org.id'),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('annual_report_submission')
            .select('annual_report_submission.org_id')
            .whereRef('annual_report_submission.org_id', '=', 'org.id')
            .where('annual_report_submission.year', '=', year),
        ),
      ),
    )
    .orderBy('org.sort_order')
    .execute();
}
