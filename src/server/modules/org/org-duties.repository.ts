import type { Db } from '../../db/database.ts';
import type { CaseKind } from '../../db/schema.ts';

/** The case kinds each of these organisations holds as duties (0092), by org id. */
export async function findDutiesOf(db: Db, orgIds: readonly number[]): Promise<Map<number, CaseKind[]>> {
  const byOrg = new Map<number, CaseKind[]>(orgIds.map((id) => [id, []]));
  if (orgIds.length === 0) return byOrg;
  const rows = await db
    .selectFrom('org_duty')
    .select(['org_id', 'case_kind'])
    .where('org_id', 'in', orgIds)
    .orderBy('org_id')
    .orderBy('case_kind')
    .execute();
  for (const row of rows) byOrg.get(row.org_id)?.push(row.case_kind);
  return byOrg;
}

/** Replaces an organisation's duties with `kinds`. */
export async function replaceDuties(trx: Db, orgId: number, kinds: readonly CaseKind[]): Promise<void> {
  await trx.deleteFrom('org_duty').where('org_id', '=', orgId).execute();
  if (kinds.length > 0)
    await trx
      .insertInto('org_duty')
      .values(kinds.map((kind) => ({ org_id: orgId, case_kind: kind })))
      .execute();
}
