/** Counts over cases: the records due per handler and org, a unit's filed and closed cases. */
import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { type ResolvedCaseVisibility, visibleCases } from './case-visibility.repository.ts';

/** Unsubmitted records due soon or late, counted per handler and per org (the due lists). */
export function findDueCounts(
  db: Db,
  visibility: ResolvedCaseVisibility,
  overdueBefore: string,
  lastDueSoon: string,
) {
  return db
    .selectFrom('enforcement_case')
    .where(visibleCases(visibility))
    .innerJoin('org', 'org.id', 'enforcement_case.org_id')
    .innerJoin('case_handler', 'case_handler.case_id', 'enforcement_case.id')
    .innerJoin('officer', 'officer.id', 'case_handler.officer_id')
    .where('enforcement_case.record_submitted_on', 'is', null)
    .where('enforcement_case.closed_on', '<=', lastDueSoon)
    .select([
      'enforcement_case.id as case_id',
      'enforcement_case.org_id',
      'org.path as org_path',
      'officer.id as officer_id',
      'officer.name as officer_name',
      'enforcement_case.closed_on',
    ])
    .select((eb) => eb('enforcement_case.closed_on', '<', overdueBefore).as('is_overdue'))
    .execute();
}

/** Cases of the unit's subtree filed, and closed, in the calendar year. The caller has checked scope. */
export async function countCasesOfUnit(
  db: Db,
  unitPath: string,
  year: number,
): Promise<{ filed: number; closed: number }> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const row = await db
    .selectFrom('enforcement_case')
    .innerJoin('org', 'org.id', 'enforcement_case.org_id')
    .select([
      sql<number>`count(*) filter (where enforcement_case.filed_on between ${from} and ${to})::int`.as(
        'filed',
      ),
      sql<number>`count(*) filter (where enforcement_case.closed_on between ${from} and ${to})::int`.as(
        'closed',
      ),
    ])
    .where('org.path', 'like', `${unitPath}%`)
    .executeTakeFirstOrThrow();
  return { filed: row.filed, closed: row.closed };
}
