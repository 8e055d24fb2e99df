/** The SQL of joint enforcement actions (第八条); every list runs under the policy's visibility. */
import type { JointSituation, JointStatus } from '../../../../common/coordination.ts';
import type { Db } from '../../../db/database.ts';
import { containsPattern } from '../../../db/like.ts';
import type {
  CoordinationJointAction,
  CoordinationJointInspection,
  CoordinationJointParticipant,
} from '../../../db/schema.ts';
import { visibleJointActions } from '../coordination.policy.ts';

export type JointRow = CoordinationJointAction & {
  initiating_org_name: string;
  initiating_org_path: string;
  county_path: string;
};
export type JointParticipantRow = CoordinationJointParticipant & { org_name: string; org_path: string };

function jointQuery(db: Db) {
  return db
    .selectFrom('coordination_joint_action')
    .innerJoin('org as initiator', 'initiator.id', 'coordination_joint_action.initiating_org_id')
    .innerJoin('org as county', 'county.id', 'coordination_joint_action.county_org_id')
    .selectAll('coordination_joint_action')
    .select([
      'initiator.name as initiating_org_name',
      'initiator.path as initiating_org_path',
      'county.path as county_path',
    ]);
}

export interface JointFilter {
  scopePaths: readonly string[];
  status?: JointStatus | undefined;
  situation?: JointSituation | undefined;
  orgId?: number | undefined;
  keyword?: string | undefined;
}

function filtered(db: Db, filter: JointFilter) {
  let query = jointQuery(db).where(visibleJointActions(filter.scopePaths));
  if (filter.status) query = query.where('coordination_joint_action.status', '=', filter.status);
  if (filter.situation) query = query.where('coordination_joint_action.situation', '=', filter.situation);
  if (filter.orgId) {
    const orgId = filter.orgId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('coordination_joint_participant as filter_participant')
          .select('filter_participant.id')
          .whereRef('filter_participant.action_id', '=', 'coordination_joint_action.id')
          .where('filter_participant.org_id', '=', orgId),
      ),
    );
  }
  if (filter.keyword)
    query = query.where('coordination_joint_action.title', 'like', containsPattern(filter.keyword));
  return query;
}

export async function findJointActions(db: Db, filter: JointFilter & { page: number; pageSize: number }) {
  const query = filtered(db, filter);
  const [rows, count] = await Promise.all([
    query
      .orderBy('coordination_joint_action.starts_on', 'desc')
      .orderBy('coordination_joint_action.id', 'desc')
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

export function findAllJointActions(db: Db, filter: JointFilter, limit: number): Promise<JointRow[]> {
  return filtered(db, filter)
    .orderBy('coordination_joint_action.starts_on', 'desc')
    .orderBy('coordination_joint_action.id', 'desc')
    .limit(limit)
    .execute();
}

export function findJointActionById(db: Db, id: number): Promise<JointRow | undefined> {
  return jointQuery(db).where('coordination_joint_action.id', '=', id).executeTakeFirst();
}

export function lockJointAction(trx: Db, id: number) {
  return trx
    .selectFrom('coordination_joint_action')
    .select(['status', 'proposal_number'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** The participants of these actions, initiator first. */
export function findJointParticipants(db: Db, actionIds: readonly number[]): Promise<JointParticipantRow[]> {
  if (actionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('coordination_joint_participant')
    .innerJoin('org', 'org.id', 'coordination_joint_participant.org_id')
    .selectAll('coordination_joint_participant')
    .select(['org.name as org_name', 'org.path as org_path'])
    .where('coordination_joint_participant.action_id', 'in', actionIds)
    .orderBy('coordination_joint_participant.action_id')
    .orderBy('coordination_joint_participant.role')
    .orderBy('coordination_joint_participant.id')
    .execute();
}

export function findJointInspections(db: Db, actionId: number): Promise<CoordinationJointInspection[]> {
  return db
    .selectFrom('coordination_joint_inspection')
    .selectAll()
    .where('action_id', '=', actionId)
    .orderBy('held_on')
    .orderBy('id')
    .execute();
}

/** Inspections and linked cases per action (list counts). */
export async function countJointRecords(db: Db, actionIds: readonly number[]) {
  if (actionIds.length === 0)
    return { inspections: new Map<number, number>(), cases: new Map<number, number>() };
  const [inspections, cases] = await Promise.all([
    db
      .selectFrom('coordination_joint_inspection')
      .select(['action_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('action_id', 'in', actionIds)
      .groupBy('action_id')
      .execute(),
    db
      .selectFrom('coordination_joint_case')
      .select(['action_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('action_id', 'in', actionIds)
      .groupBy('action_id')
      .execute(),
  ]);
  return {
    inspections: new Map(inspections.map((row) => [row.action_id, Number(row.n)])),
    cases: new Map(cases.map((row) => [row.action_id, Number(row.n)])),
  };
}

export function findJointCases(db: Db, actionId: number) {
  return db
    .selectFrom('coordination_joint_case')
    .innerJoin('enforcement_case', 'enforcement_case.id', 'coordination_joint_case.case_id')
    .innerJoin('org', 'org.id', 'enforcement_case.org_id')
    .select([
      'enforcement_case.id',
      'enforcement_case.case_no as caseNo',
      'enforcement_case.name',
      'org.name as orgName',
    ])
    .where('coordination_joint_case.action_id', '=', actionId)
    .orderBy('enforcement_case.filed_on')
    .execute();
}

/** A case with its organisation's path (to check it belongs to a participating agency). */
export function findCaseWithOrg(db: Db, caseId: number) {
  return db
    .selectFrom('enforcement_case')
    .innerJoin('org', 'org.id', 'enforcement_case.org_id')
    .select(['enforcement_case.id', 'enforcement_case.case_no', 'org.path as org_path'])
    .where('enforcement_case.id', '=', caseId)
    .executeTakeFirst();
}

export function insertJointAction(
  trx: Db,
  values: Omit<CoordinationJointAction, 'id' | 'created_at' | 'updated_at'>,
) {
  return trx.insertInto('coordination_joint_action').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateJointAction(trx: Db, id: number, patch: Partial<CoordinationJointAction>) {
  return trx
    .updateTable('coordination_joint_action')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Replaces the participants of an action (a new plan: every answer starts again). */
export async function replaceJointParticipants(
  trx: Db,
  actionId: number,
  values: Array<Pick<CoordinationJointParticipant, 'org_id' | 'role' | 'duty'> & { response?: 'confirmed' }>,
  respondedBy: number | null,
  today: string,
) {
  await trx.deleteFrom('coordination_joint_participant').where('action_id', '=', actionId).execute();
  await trx
    .insertInto('coordination_joint_participant')
    .values(
      values.map((value) => ({
        action_id: actionId,
        org_id: value.org_id,
        role: value.role,
        duty: value.duty,
        response: value.response ?? 'pending',
        responded_on: value.response ? today : null,
        responded_by: value.response ? respondedBy : null,
      })),
    )
    .execute();
}

/** Every answer starts again (a newly issued proposal). */
export function resetJointResponses(trx: Db, actionId: number) {
  return trx
    .updateTable('coordination_joint_participant')
    .set({ response: 'pending', response_note: null, responded_on: null, responded_by: null })
    .where('action_id', '=', actionId)
    .execute();
}

export function updateJointParticipant(
  trx: Db,
  key: { actionId: number; orgId: number },
  patch: Partial<CoordinationJointParticipant>,
) {
  return trx
    .updateTable('coordination_joint_participant')
    .set(patch)
    .where('action_id', '=', key.actionId)
    .where('org_id', '=', key.orgId)
    .execute();
}

export function insertJointInspection(
  trx: Db,
  values: Omit<CoordinationJointInspection, 'id' | 'created_at'>,
) {
  return trx
    .insertInto('coordination_joint_inspection')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function insertJointCase(trx: Db, values: { action_id: number; case_id: number; linked_by: number }) {
  return trx
    .insertInto('coordination_joint_case')
    .values(values)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Joint actions in these states whose participants lie under the scope (to-dos). */
export function findJointDuties(db: Db, scopePaths: readonly string[], statuses: readonly JointStatus[]) {
  if (scopePaths.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('coordination_joint_participant as participant')
    .innerJoin('coordination_joint_action as action', 'action.id', 'participant.action_id')
    .innerJoin('org as participant_org', 'participant_org.id', 'participant.org_id')
    .select([
      'participant.id as participantId',
      'participant.org_id as orgId',
      'participant.response',
      'action.id as actionId',
      'action.title',
      'action.status',
      'action.starts_on as startsOn',
      'action.county_org_id as countyOrgId',
    ])
    .where('action.status', 'in', [...statuses])
    .where((eb) => eb.or(scopePaths.map((prefix) => eb('participant_org.path', 'like', `${prefix}%`))))
    .orderBy('action.id')
    .execute();
}

/** The county's joint actions in these states (the bureau's to-dos). */
export function findCountyJointActions(
  db: Db,
  countyPaths: readonly string[],
  statuses: readonly JointStatus[],
) {
  if (countyPaths.length === 0) return Promise.resolve([]);
  return jointQuery(db)
    .where('coordination_joint_action.status', 'in', [...statuses])
    .where((eb) => eb.or(countyPaths.map((path) => eb('county.path', '=', path))))
    .orderBy('coordination_joint_action.id')
    .execute();
}
