/** The SQL of the 第二十三条 marks; lists run under the reader's scope (the marked agency or the county). */
import type { Db } from '../../../db/database.ts';
import type { CoordinationViolation } from '../../../db/schema.ts';

export type ViolationRow = CoordinationViolation & {
  org_name: string;
  org_path: string;
  matter: string | null;
};

function violationsQuery(db: Db) {
  return db
    .selectFrom('coordination_violation')
    .innerJoin('org', 'org.id', 'coordination_violation.org_id')
    .leftJoin('coordination_dispute', 'coordination_dispute.id', 'coordination_violation.dispute_id')
    .selectAll('coordination_violation')
    .select(['org.name as org_name', 'org.path as org_path', 'coordination_dispute.matter']);
}

/** Marks on agencies under the scope paths, marked between `from` and `to` (inclusive) when given. */
export function findViolations(
  db: Db,
  filter: { scopePaths: readonly string[]; countyOrgId?: number; from?: string; to?: string },
): Promise<ViolationRow[]> {
  if (filter.scopePaths.length === 0) return Promise.resolve([]);
  let query = violationsQuery(db).where((eb) =>
    eb.or(filter.scopePaths.map((prefix) => eb('org.path', 'like', `${prefix}%`))),
  );
  if (filter.countyOrgId)
    query = query.where('coordination_violation.county_org_id', '=', filter.countyOrgId);
  if (filter.from) query = query.where('coordination_violation.marked_on', '>=', filter.from);
  if (filter.to) query = query.where('coordination_violation.marked_on', '<=', filter.to);
  return query
    .orderBy('coordination_violation.marked_on', 'desc')
    .orderBy('coordination_violation.id', 'desc')
    .execute();
}

export function findViolationById(db: Db, id: number): Promise<ViolationRow | undefined> {
  return violationsQuery(db).where('coordination_violation.id', '=', id).executeTakeFirst();
}

export function insertViolation(trx: Db, values: Omit<CoordinationViolation, 'id' | 'created_at'>) {
  return trx.insertInto('coordination_violation').values(values).returning('id').executeTakeFirstOrThrow();
}
