/**
 * SQL the supervision sub-domains share: the row-scope conditions of supervision.policy.ts (their TS
 * twins are there) and the look-ups of the records a supervision record links to
 * (supervision.links.ts).
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';

/** The SQL condition of supervision.policy.ts canReadMatter for `supervision_matter` rows (no join needed). */
export function visibleMatters(scopePaths: readonly string[]) {
  return (eb: ExpressionBuilder<Database, 'supervision_matter'>): Expression<SqlBool> => {
    if (scopePaths.length === 0) return eb.lit(false);
    return eb.or([
      eb.exists(
        eb
          .selectFrom('org as owner')
          .select('owner.id')
          .whereRef('owner.id', '=', 'supervision_matter.org_id')
          .where((inner) => inner.or(scopePaths.map((prefix) => inner('owner.path', 'like', `${prefix}%`)))),
      ),
      eb.exists(
        eb
          .selectFrom('supervision_matter_unit as unit')
          .innerJoin('org as unit_org', 'unit_org.id', 'unit.org_id')
          .select('unit.org_id')
          .whereRef('unit.matter_id', '=', 'supervision_matter.id')
          .where((inner) =>
            inner.or(scopePaths.map((prefix) => inner('unit_org.path', 'like', `${prefix}%`))),
          ),
      ),
    ]);
  };
}

/** The SQL of supervision.policy.ts canReadAddressed: the joined `supervision_matter` and the unit's path column. */
export function addressedInScope(scopePaths: readonly string[], unitPathColumn: 'unit.path') {
  return (
    eb: ExpressionBuilder<Database & { unit: Database['org'] }, 'supervision_matter' | 'unit'>,
  ): Expression<SqlBool> => {
    if (scopePaths.length === 0) return eb.lit(false);
    return eb.or([
      ...scopePaths.map((prefix) => eb(unitPathColumn, 'like', `${prefix}%`)),
      eb.exists(
        eb
          .selectFrom('org as owner')
          .select('owner.id')
          .whereRef('owner.id', '=', 'supervision_matter.org_id')
          .where((inner) => inner.or(scopePaths.map((prefix) => inner('owner.path', 'like', `${prefix}%`)))),
      ),
    ]);
  };
}

/** The organisations with these ids (unknown ids are left out). */
export function findOrgsByIds(db: Db, ids: readonly number[]) {
  return ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('org').selectAll().where('id', 'in', ids).execute();
}

/** A case with its organisation's path. */
export function findCaseWithPath(db: Db, caseId: number) {
  return db
    .selectFrom('enforcement_case')
    .innerJoin('org', 'org.id', 'enforcement_case.org_id')
    .select(['enforcement_case.id', 'enforcement_case.case_no', 'enforcement_case.name', 'org.path'])
    .where('enforcement_case.id', '=', caseId)
    .executeTakeFirst();
}

/** A case file with its case and the case's organisation path. */
export function findCaseFileWithPath(db: Db, caseFileId: number) {
  return db
    .selectFrom('case_file')
    .innerJoin('enforcement_case', 'enforcement_case.id', 'case_file.case_id')
    .innerJoin('org', 'org.id', 'enforcement_case.org_id')
    .select(['case_file.id', 'case_file.case_id', 'org.path'])
    .where('case_file.id', '=', caseFileId)
    .executeTakeFirst();
}

/** A complaint with its organisation's path. */
export function findComplaintWithPath(db: Db, complaintId: number) {
  return db
    .selectFrom('complaint')
    .innerJoin('org', 'org.id', 'complaint.org_id')
    .select(['complaint.id', 'org.path'])
    .where('complaint.id', '=', complaintId)
    .executeTakeFirst();
}
