/**
 * What other domains read from cases (the import graph stays one-way): the counts a unit's
 * 依法行政档案 links (issue 20, docs/units.md).
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

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
