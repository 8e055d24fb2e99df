/** SQL of justice-office referrals (第十七条). */
import type { Insertable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { Database, SupervisionReferral } from '../../../db/schema.ts';

function referralsQuery(db: Db) {
  return db
    .selectFrom('supervision_referral')
    .innerJoin('org as office', 'office.id', 'supervision_referral.office_org_id')
    .innerJoin('org as unit', 'unit.id', 'supervision_referral.unit_org_id')
    .selectAll('supervision_referral')
    .select(['office.name as office_name', 'office.path as office_path', 'unit.name as unit_name']);
}
export type ReferralRow = Awaited<ReturnType<ReturnType<typeof referralsQuery>['executeTakeFirstOrThrow']>>;

/** Referrals whose office lies in the reader's scope (a justice office its own; the bureau its county's). */
function filteredReferrals(
  db: Db,
  filter: { scopePaths: readonly string[]; state?: SupervisionReferral['state'] | undefined },
) {
  let query = referralsQuery(db).where((eb) =>
    filter.scopePaths.length === 0
      ? eb.lit(false)
      : eb.or(filter.scopePaths.map((prefix) => eb('office.path', 'like', `${prefix}%`))),
  );
  if (filter.state) query = query.where('supervision_referral.state', '=', filter.state);
  return query;
}

export async function findReferrals(
  db: Db,
  filter: {
    scopePaths: readonly string[];
    state?: SupervisionReferral['state'] | undefined;
    page: number;
    pageSize: number;
  },
) {
  const [rows, count] = await Promise.all([
    filteredReferrals(db, filter)
      .orderBy('supervision_referral.created_at', 'desc')
      .orderBy('supervision_referral.id', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    filteredReferrals(db, filter)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findReferralById(db: Db, id: number) {
  return referralsQuery(db).where('supervision_referral.id', '=', id).executeTakeFirst();
}

export function insertReferral(trx: Db, values: Insertable<Database['supervision_referral']>) {
  return trx.insertInto('supervision_referral').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Decides a referral still waiting; 0 rows when someone decided it first. */
export async function decideReferral(
  trx: Db,
  id: number,
  patch: Pick<SupervisionReferral, 'state' | 'decided_by' | 'decided_on' | 'return_reason' | 'matter_id'>,
) {
  const result = await trx
    .updateTable('supervision_referral')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .where('state', '=', 'submitted')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
