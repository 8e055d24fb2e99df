/** The SQL of the unit list and one unit: every query under the reader's read paths (units.policy.ts). */
import { sql } from 'kysely';
import type { UnitCategory } from '../../../common/units.ts';
import type { Db } from '../../db/database.ts';
import { containsPattern } from '../../db/like.ts';
import type { OrgKind } from '../../db/schema.ts';
import { UNIT_ORG_KINDS, visibleUnitOrgs } from './units.policy.ts';

export interface UnitRow {
  id: number;
  name: string;
  kind: OrgKind;
  path: string;
  category: UnitCategory;
}

const categoryExpression = sql<UnitCategory>`coalesce(unit_category.category, case when org.kind = 'township' then 'township' else 'county_department' end)`;

function unitsQuery(db: Db, readPaths: readonly string[]) {
  return db
    .selectFrom('org')
    .leftJoin('unit_category', 'unit_category.org_id', 'org.id')
    .where('org.kind', 'in', UNIT_ORG_KINDS)
    .where('org.is_active', '=', true)
    .where(visibleUnitOrgs(readPaths));
}

export interface UnitListFilter {
  readPaths: readonly string[];
  year: number;
  keyword?: string | undefined;
  category?: UnitCategory | undefined;
  page: number;
  pageSize: number;
}

/** A page of units by category then sort order, with the year's dossier count, report and checks. */
export async function findUnitPage(db: Db, filter: UnitListFilter) {
  let base = unitsQuery(db, filter.readPaths);
  if (filter.keyword) base = base.where('org.name', 'like', containsPattern(filter.keyword));
  if (filter.category) base = base.where(categoryExpression, '=', filter.category);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  // The page's ids first, then the counts for those 20 only: PostgreSQL evaluates a select list's
  // subqueries for the rows an OFFSET skips as well, so page 50 of 2,000 units counted 1,000 dossiers
  // (3.2 s p50 in `npm run bench units`).
  const pageIds = (
    await base
      .select('org.id')
      .orderBy(sql`case when org.kind = 'township' then 0 else 1 end`)
      .orderBy('org.sort_order')
      .orderBy('org.id')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute()
  ).map((row) => row.id);
  if (pageIds.length === 0) return { total: Number(total), items: [] };
  const items = await db
    .selectFrom('org')
    .leftJoin('unit_category', 'unit_category.org_id', 'org.id')
    .where('org.id', 'in', pageIds)
    .select([
      'org.id',
      'org.name',
      'org.kind',
      'org.path',
      categoryExpression.as('category'),
      (eb) =>
        eb
          .selectFrom('unit_dossier_entry')
          .select((inner) => inner.fn.countAll<number>().as('count'))
          .whereRef('unit_dossier_entry.unit_org_id', '=', 'org.id')
          .where('unit_dossier_entry.year', '=', filter.year)
          .as('entry_count'),
      (eb) =>
        eb
          .selectFrom('unit_check')
          .select((inner) => inner.fn.countAll<number>().as('count'))
          .whereRef('unit_check.unit_org_id', '=', 'org.id')
          .where('unit_check.year', '=', filter.year)
          .as('check_count'),
      (eb) =>
        eb
          .selectFrom('unit_report')
          .select('unit_report.submitted_on')
          .whereRef('unit_report.unit_org_id', '=', 'org.id')
          .where('unit_report.year', '=', filter.year)
          .as('report_submitted_on'),
    ])
    .orderBy(sql`case when org.kind = 'township' then 0 else 1 end`)
    .orderBy('org.sort_order')
    .orderBy('org.id')
    .execute();
  return { total: Number(total), items };
}

/** One unit the reader sees, or undefined (another county's, or outside the reader's unit). */
export function findVisibleUnit(
  db: Db,
  readPaths: readonly string[],
  orgId: number,
): Promise<UnitRow | undefined> {
  return unitsQuery(db, readPaths)
    .select(['org.id', 'org.name', 'org.kind', 'org.path', categoryExpression.as('category')])
    .where('org.id', '=', orgId)
    .executeTakeFirst();
}

/** Every unit of the county with its category (for approvals by category and to-dos). */
export function findCountyUnits(db: Db, countyPath: string): Promise<UnitRow[]> {
  return unitsQuery(db, [countyPath])
    .select(['org.id', 'org.name', 'org.kind', 'org.path', categoryExpression.as('category')])
    .orderBy('org.sort_order')
    .orderBy('org.id')
    .execute();
}

/** Sets (or, for the kind's default, clears) a unit's category. */
export async function upsertUnitCategory(
  trx: Db,
  orgId: number,
  category: UnitCategory | null,
  userId: number,
) {
  if (category === null) {
    await trx.deleteFrom('unit_category').where('org_id', '=', orgId).execute();
    return;
  }
  await trx
    .insertInto('unit_category')
    .values({ org_id: orgId, category, updated_by: userId })
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({ category, updated_by: userId, updated_at: new Date() }),
    )
    .execute();
}

/** The paths of the given organisations (to apply the read rule to subjects of a period). */
export async function findOrgPaths(db: Db, orgIds: readonly number[]): Promise<Map<number, string>> {
  if (orgIds.length === 0) return new Map();
  const rows = await db.selectFrom('org').select(['id', 'path']).where('id', 'in', orgIds).execute();
  return new Map(rows.map((row) => [row.id, row.path]));
}

/** The county's leading-group office (领导小组办公室), the issuer of the 考核情况报告; undefined when the county has none. */
export function findLeadingGroupOffice(db: Db, countyPath: string) {
  return db
    .selectFrom('org')
    .select(['id', 'name'])
    .where('kind', '=', 'leading_group')
    .where('path', 'like', `${countyPath}%`)
    .orderBy('path')
    .executeTakeFirst();
}
