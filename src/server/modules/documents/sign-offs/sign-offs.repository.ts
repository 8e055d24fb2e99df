/** SQL of the sign-off requests (签发). */
import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { SignOffRequest, SignOffStatus } from '../../../db/schema.ts';

export type SignOffRow = SignOffRequest & {
  org_name: string;
  org_path: string;
  signer_name: string | null;
  requested_by_name: string | null;
};

function signOffQuery(db: Db) {
  return db
    .selectFrom('sign_off_request')
    .innerJoin('org', 'org.id', 'sign_off_request.org_id')
    .leftJoin('user_account as signer', 'signer.id', 'sign_off_request.signer_account_id')
    .leftJoin('user_account as requester', 'requester.id', 'sign_off_request.requested_by')
    .selectAll('sign_off_request')
    .select([
      'org.name as org_name',
      'org.path as org_path',
      'signer.display_name as signer_name',
      'requester.display_name as requested_by_name',
    ]);
}

export interface SignOffFilter {
  scopePaths: string[];
  /** only requests this account may decide: addressed to it, or to nobody in particular */
  deciderId?: number | undefined;
  status?: SignOffStatus | undefined;
}

function filteredSignOffs(db: Db, filter: SignOffFilter) {
  let query = signOffQuery(db).where((eb) =>
    eb.or(filter.scopePaths.map((prefix) => eb('org.path', 'like', `${prefix}%`))),
  );
  if (filter.deciderId) {
    const deciderId = filter.deciderId;
    query = query.where((eb) =>
      eb.or([
        eb('sign_off_request.signer_account_id', '=', deciderId),
        eb('sign_off_request.signer_account_id', 'is', null),
      ]),
    );
  }
  if (filter.status) query = query.where('sign_off_request.status', '=', filter.status);
  return query;
}

export async function findSignOffs(db: Db, filter: SignOffFilter & { page: number; pageSize: number }) {
  const query = filteredSignOffs(db, filter);
  const [rows, count] = await Promise.all([
    query
      .orderBy('sign_off_request.requested_at', 'desc')
      .orderBy('sign_off_request.id', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/** Every pending request the account may decide (its to-do list), oldest first. */
export function findPendingFor(db: Db, filter: { scopePaths: string[]; deciderId: number }) {
  return filteredSignOffs(db, { ...filter, status: 'pending' })
    .orderBy('sign_off_request.requested_at')
    .execute();
}

export function findSignOffById(db: Db, id: number): Promise<SignOffRow | undefined> {
  return signOffQuery(db).where('sign_off_request.id', '=', id).executeTakeFirst();
}

/** Locks a request row for the decision (two leaders clicking at once: one wins, one sees it decided). */
export function lockSignOff(trx: Db, id: number) {
  return trx
    .selectFrom('sign_off_request')
    .select(['id', 'status'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function findSignOffsBySource(
  db: Db,
  source: { domain: string; recordType: string; recordId: number },
) {
  return signOffQuery(db)
    .where('sign_off_request.domain', '=', source.domain)
    .where('sign_off_request.record_type', '=', source.recordType)
    .where('sign_off_request.record_id', '=', source.recordId)
    .orderBy('sign_off_request.id', 'desc')
    .execute();
}

export function insertSignOff(
  trx: Db,
  values: Pick<
    SignOffRequest,
    'domain' | 'record_type' | 'record_id' | 'org_id' | 'title' | 'signer_account_id' | 'requested_by'
  >,
) {
  return trx.insertInto('sign_off_request').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateSignOffDecision(
  trx: Db,
  id: number,
  decision: Pick<SignOffRequest, 'status' | 'decided_by' | 'decided_by_name' | 'comment'>,
) {
  return trx
    .updateTable('sign_off_request')
    .set({ ...decision, decided_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Active leaders with their organisation's path (the service narrows them by scope). */
export function findLeaderAccounts(db: Db) {
  return db
    .selectFrom('user_account')
    .innerJoin('org', 'org.id', 'user_account.org_id')
    .select([
      'user_account.id',
      'user_account.display_name',
      'user_account.roles',
      'org.path as org_path',
      'org.name as org_name',
    ])
    .where('user_account.is_active', '=', true)
    .where(sql<boolean>`${'leader'} = any(user_account.roles)`)
    .orderBy('org.path')
    .orderBy('user_account.id')
    .execute();
}
