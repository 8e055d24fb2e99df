/** The SQL of jurisdiction disputes; every list runs under the policy's visibility condition. */
import { sql } from 'kysely';
import type { DisputeStatus } from '../../../../common/coordination.ts';
import type { Db } from '../../../db/database.ts';
import { containsPattern } from '../../../db/like.ts';
import type {
  CoordinationDispute,
  CoordinationDisputeParty,
  CoordinationDocument,
  CoordinationMeeting,
} from '../../../db/schema.ts';
import { visibleDisputes } from '../coordination.policy.ts';

export type DisputeRow = CoordinationDispute & {
  applicant_name: string;
  county_path: string;
  interim_lead_name: string | null;
};

/**
 * The due day of the state a dispute is in, as SQL: the same rule as `currentDeadline` in
 * dispute.rules.ts (disputes.test.ts checks the list and the detail agree).
 */
const currentDueOn = sql<string | null>`case coordination_dispute.status
  when 'submitted' then coordination_dispute.review_due_on
  when 'consulting' then coalesce(
    (select min(open_party.view_due_on) from coordination_dispute_party open_party
      where open_party.dispute_id = coordination_dispute.id and open_party.view_answered_on is null),
    coordination_dispute.conclude_due_on)
  when 'signing' then coordination_dispute.conclude_due_on
  when 'served' then coordination_dispute.execution_due_on
  when 'decided' then coordination_dispute.execution_due_on
  end`;

function disputesQuery(db: Db) {
  return db
    .selectFrom('coordination_dispute')
    .innerJoin('org as applicant', 'applicant.id', 'coordination_dispute.applicant_org_id')
    .innerJoin('org as county', 'county.id', 'coordination_dispute.county_org_id')
    .leftJoin('org as interim', 'interim.id', 'coordination_dispute.interim_lead_org_id')
    .selectAll('coordination_dispute')
    .select([
      'applicant.name as applicant_name',
      'county.path as county_path',
      'interim.name as interim_lead_name',
    ]);
}

export interface DisputeFilter {
  scopePaths: readonly string[];
  status?: DisputeStatus | undefined;
  /** disputes this organisation is a party to */
  orgId?: number | undefined;
  keyword?: string | undefined;
  deadline?: { state: 'normal' | 'due_soon' | 'overdue'; today: string; warnDays: number } | undefined;
}

function filteredDisputes(db: Db, filter: DisputeFilter) {
  let query = disputesQuery(db).where(visibleDisputes(filter.scopePaths));
  if (filter.status) query = query.where('coordination_dispute.status', '=', filter.status);
  if (filter.orgId) {
    const orgId = filter.orgId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('coordination_dispute_party as filter_party')
          .select('filter_party.id')
          .whereRef('filter_party.dispute_id', '=', 'coordination_dispute.id')
          .where('filter_party.org_id', '=', orgId),
      ),
    );
  }
  if (filter.keyword)
    query = query.where('coordination_dispute.matter', 'like', containsPattern(filter.keyword));
  if (filter.deadline) {
    const { state, today, warnDays } = filter.deadline;
    const soonLimit = sql`(${today}::date + ${warnDays}::int)`;
    if (state === 'overdue') query = query.where(sql<boolean>`${currentDueOn} < ${today}::date`);
    if (state === 'due_soon')
      query = query.where(sql<boolean>`${currentDueOn} between ${today}::date and ${soonLimit}`);
    if (state === 'normal') query = query.where(sql<boolean>`${currentDueOn} > ${soonLimit}`);
  }
  return query;
}

export async function findDisputes(db: Db, filter: DisputeFilter & { page: number; pageSize: number }) {
  const query = filteredDisputes(db, filter);
  const [rows, count] = await Promise.all([
    query
      .orderBy('coordination_dispute.filed_on', 'desc')
      .orderBy('coordination_dispute.id', 'desc')
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

/** Every dispute the filter lets through (exports), newest first, at most `limit`. */
export function findAllDisputes(db: Db, filter: DisputeFilter, limit: number): Promise<DisputeRow[]> {
  return filteredDisputes(db, filter)
    .orderBy('coordination_dispute.filed_on', 'desc')
    .orderBy('coordination_dispute.id', 'desc')
    .limit(limit)
    .execute();
}

export function findDisputeById(db: Db, id: number): Promise<DisputeRow | undefined> {
  return disputesQuery(db).where('coordination_dispute.id', '=', id).executeTakeFirst();
}

/** Locks the dispute row for a state change, so two clicks cannot both move it. */
export function lockDispute(trx: Db, id: number) {
  return trx
    .selectFrom('coordination_dispute')
    .select('status')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export type PartyRow = CoordinationDisputeParty & { org_name: string; org_path: string };

/** The parties of these disputes, applicant first. */
export function findParties(db: Db, disputeIds: readonly number[]): Promise<PartyRow[]> {
  if (disputeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('coordination_dispute_party')
    .innerJoin('org', 'org.id', 'coordination_dispute_party.org_id')
    .selectAll('coordination_dispute_party')
    .select(['org.name as org_name', 'org.path as org_path'])
    .where('coordination_dispute_party.dispute_id', 'in', disputeIds)
    .orderBy('coordination_dispute_party.dispute_id')
    .orderBy(sql`coordination_dispute_party.role = 'applicant'`, 'desc')
    .orderBy('coordination_dispute_party.id')
    .execute();
}

export function findMeetings(db: Db, disputeId: number): Promise<CoordinationMeeting[]> {
  return db
    .selectFrom('coordination_meeting')
    .selectAll()
    .where('dispute_id', '=', disputeId)
    .orderBy('held_on')
    .orderBy('id')
    .execute();
}

export function findDocuments(db: Db, disputeIds: readonly number[]): Promise<CoordinationDocument[]> {
  if (disputeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('coordination_document')
    .selectAll()
    .where('dispute_id', 'in', disputeIds)
    .orderBy('id')
    .execute();
}

export function findDocumentById(db: Db, id: number): Promise<CoordinationDocument | undefined> {
  return db.selectFrom('coordination_document').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertDispute(
  trx: Db,
  values: Omit<CoordinationDispute, 'id' | 'created_at' | 'updated_at'>,
) {
  return trx.insertInto('coordination_dispute').values(values).returning('id').executeTakeFirstOrThrow();
}

export function insertParties(trx: Db, values: Array<Omit<CoordinationDisputeParty, 'id'>>) {
  return trx.insertInto('coordination_dispute_party').values(values).execute();
}

export function updateDisputeRow(trx: Db, id: number, patch: Partial<CoordinationDispute>) {
  return trx
    .updateTable('coordination_dispute')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function updatePartyRow(
  trx: Db,
  key: { disputeId: number; orgId?: number },
  patch: Partial<CoordinationDisputeParty>,
) {
  let query = trx
    .updateTable('coordination_dispute_party')
    .set(patch)
    .where('dispute_id', '=', key.disputeId);
  if (key.orgId !== undefined) query = query.where('org_id', '=', key.orgId);
  return query.execute();
}

/** Sets a patch on the dispute's respondents only (view requests). */
export function updateRespondents(trx: Db, disputeId: number, patch: Partial<CoordinationDisputeParty>) {
  return trx
    .updateTable('coordination_dispute_party')
    .set(patch)
    .where('dispute_id', '=', disputeId)
    .where('role', '=', 'respondent')
    .execute();
}

export function insertMeeting(trx: Db, values: Omit<CoordinationMeeting, 'id' | 'created_at'>) {
  return trx.insertInto('coordination_meeting').values(values).returning('id').executeTakeFirstOrThrow();
}

export function insertDocument(
  trx: Db,
  values: Omit<CoordinationDocument, 'id' | 'created_at' | 'updated_at'>,
) {
  return trx.insertInto('coordination_document').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateDocumentRow(trx: Db, id: number, patch: Partial<CoordinationDocument>) {
  return trx
    .updateTable('coordination_document')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Agencies and townships (the bodies that enforce) among these ids, with their paths. */
export function findEnforcingOrgs(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('org')
    .select(['id', 'name', 'path', 'kind'])
    .where('id', 'in', ids)
    .where('kind', 'in', ['agency', 'township'])
    .where('is_active', '=', true)
    .execute();
}

/** The nearest agency or township at or above an organisation: the unit a legal officer files for. */
export function findEnforcingUnitOf(db: Db, orgPath: string) {
  const ancestorIds = orgPath.split('/').filter(Boolean).map(Number);
  return db
    .selectFrom('org')
    .select(['id', 'name', 'path'])
    .where('id', 'in', ancestorIds)
    .where('kind', 'in', ['agency', 'township'])
    .orderBy(sql`length(path)`, 'desc')
    .executeTakeFirst();
}

/** The county's justice bureau (the coordinating body; its prefix numbers the documents). */
export function findJusticeBureau(db: Db, countyPath: string) {
  return db
    .selectFrom('org')
    .select(['id', 'name', 'path', 'doc_prefix'])
    .where('kind', '=', 'justice_bureau')
    .where('path', 'like', `${countyPath}%`)
    .orderBy('path')
    .executeTakeFirst();
}

/** The county's enforcing bodies (agencies, townships): whom an application may name. */
export function findCountyEnforcingOrgs(db: Db, countyPath: string) {
  return db
    .selectFrom('org')
    .select(['id', 'name', 'kind'])
    .where('path', 'like', `${countyPath}%`)
    .where('kind', 'in', ['agency', 'township'])
    .where('is_active', '=', true)
    .orderBy('kind')
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

/** Where open duties are looked for: under an actor's scope paths, or in one county. */
export type DutyWhere = { scopePaths: readonly string[] } | { countyPath: string };

/**
 * Parties with an open duty: a written view requested and not answered while consulting ('view'),
 * or a served opinion / decision not yet confirmed ('execution'). `where` narrows by the party's
 * organisation (an actor's scope) or by the county (warnings).
 */
export async function findOpenPartyDuties(db: Db, duty: 'view' | 'execution', where: DutyWhere) {
  let query = db
    .selectFrom('coordination_dispute_party as party')
    .innerJoin('coordination_dispute', 'coordination_dispute.id', 'party.dispute_id')
    .innerJoin('org as party_org', 'party_org.id', 'party.org_id')
    .innerJoin('org as county_org', 'county_org.id', 'coordination_dispute.county_org_id')
    .select([
      'party.id as partyId',
      'party.org_id as orgId',
      'party_org.name as orgName',
      'coordination_dispute.id as disputeId',
      'coordination_dispute.matter',
      'coordination_dispute.county_org_id as countyOrgId',
      'party.view_due_on as viewDueOn',
      'coordination_dispute.execution_due_on as executionDueOn',
    ]);
  query =
    duty === 'view'
      ? query
          .where('coordination_dispute.status', '=', 'consulting')
          .where('party.view_requested_on', 'is not', null)
          .where('party.view_answered_on', 'is', null)
      : query
          .where('coordination_dispute.status', 'in', ['served', 'decided'])
          .where('party.execution_confirmed_on', 'is', null);
  if ('countyPath' in where) query = query.where('county_org.path', '=', where.countyPath);
  else if (where.scopePaths.length === 0) return [];
  else
    query = query.where((eb) =>
      eb.or(where.scopePaths.map((prefix) => eb('party_org.path', 'like', `${prefix}%`))),
    );
  const rows = await query.orderBy('coordination_dispute.id').execute();
  return rows.map((row) => ({ ...row, dueOn: duty === 'view' ? row.viewDueOn : row.executionDueOn }));
}

/** Disputes of one county path in a state (the bureau's duties), with the applicant. */
export function findCountyDisputesInState(
  db: Db,
  countyPaths: readonly string[],
  status: 'submitted' | 'signing',
) {
  if (countyPaths.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('coordination_dispute')
    .innerJoin('org as county_org', 'county_org.id', 'coordination_dispute.county_org_id')
    .select([
      'coordination_dispute.id',
      'coordination_dispute.matter',
      'coordination_dispute.county_org_id as countyOrgId',
      'coordination_dispute.applicant_org_id as applicantOrgId',
      'coordination_dispute.review_due_on as reviewDueOn',
      'coordination_dispute.conclude_due_on as concludeDueOn',
      'county_org.path as countyPath',
    ])
    .where('coordination_dispute.status', '=', status)
    .where((eb) => eb.or(countyPaths.map((path) => eb('county_org.path', '=', path))))
    .orderBy('coordination_dispute.id')
    .execute();
}

/** Opinions waiting for sign-off (pending_sign) or for service (signed) in these counties. */
export function findOpinionsInStatus(
  db: Db,
  countyPaths: readonly string[],
  status: 'pending_sign' | 'signed',
) {
  if (countyPaths.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('coordination_document')
    .innerJoin('coordination_dispute', 'coordination_dispute.id', 'coordination_document.dispute_id')
    .innerJoin('org as county_org', 'county_org.id', 'coordination_dispute.county_org_id')
    .select([
      'coordination_document.id as documentId',
      'coordination_document.title',
      'coordination_dispute.id as disputeId',
      'coordination_dispute.county_org_id as countyOrgId',
      'coordination_dispute.conclude_due_on as concludeDueOn',
    ])
    .where('coordination_document.kind', '=', 'opinion')
    .where('coordination_document.status', '=', status)
    .where((eb) => eb.or(countyPaths.map((path) => eb('county_org.path', '=', path))))
    .orderBy('coordination_document.id')
    .execute();
}
