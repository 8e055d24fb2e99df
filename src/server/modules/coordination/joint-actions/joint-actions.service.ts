/**
 * Joint enforcement actions (联合执法, 协调监督办法第八条). The bureau proposes one for one of the
 * clause's five situations (建议书, numbered from its 博司协 register when issued), naming the
 * initiating and participating agencies, their duties, dates, places and targets; or agencies plan
 * one among themselves and, when they cannot agree (第八条(一)), ask the bureau to coordinate, which
 * makes it the bureau's draft. Every agency confirms or objects; once all confirm the action runs
 * (inspections, the Fazhi cases it produced) and closes with a summary. Every write locks the
 * action, checks the abilities, writes and audits in one transaction.
 */

import type { JointStatus } from '../../../../common/coordination.ts';
import {
  JOINT_RESPONSE_LABELS,
  JOINT_SITUATION_LABELS,
  JOINT_STATUS_LABELS,
} from '../../../../common/coordination.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan, can, isInScope } from '../../../lib/access.ts';
import { conflict, type FieldProblem, forbidden, invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { markDocumentWithdrawn } from '../../documents/documents.public.ts';
import { findOrgById } from '../../org/org.repository.ts';
import {
  COORDINATION_DOMAIN,
  COORDINATION_RECORD_TYPES,
  issueCoordinationDocument,
} from '../coordination.documents.ts';
import { canSeeCountyRecord, countyOf } from '../coordination.policy.ts';
import {
  findEnforcingOrgs,
  findEnforcingUnitOf,
  findJusticeBureau,
} from '../disputes/disputes.repository.ts';
import {
  BUREAU_PLAN_STATES,
  isPlanAgreed,
  type JointAbilities,
  jointAbilities,
} from './joint-action.rules.ts';
import {
  countJointRecords,
  findAllJointActions,
  findCaseWithOrg,
  findJointActionById,
  findJointActions,
  findJointCases,
  findJointInspections,
  findJointParticipants,
  insertJointAction,
  insertJointCase,
  insertJointInspection,
  type JointFilter,
  type JointParticipantRow,
  type JointRow,
  lockJointAction,
  replaceJointParticipants,
  resetJointResponses,
  updateJointAction,
  updateJointParticipant,
} from './joint-actions.repository.ts';
import type { JointListQuery, JointPlanBody, JointSummary, JointView } from './joint-actions.schema.ts';

export const JOINT_EXPORT_MAX_ROWS = 5_000;

export interface LoadedJoint {
  row: JointRow;
  participants: JointParticipantRow[];
}

/** An action with its participants, for an actor who may see it; NOT_FOUND otherwise. */
export async function loadVisibleJoint(db: Db, actor: Actor, id: number): Promise<LoadedJoint> {
  assertCan(actor, 'coordination.read');
  const row = await findJointActionById(db, id);
  if (!row) throw notFound('联合执法行动');
  const participants = await findJointParticipants(db, [id]);
  const isVisible = canSeeCountyRecord(actor, {
    countyPath: row.county_path,
    orgPaths: participants.map((participant) => participant.org_path),
  });
  if (!isVisible) throw notFound('联合执法行动');
  return { row, participants };
}

function abilitiesOf(actor: Actor, { row, participants }: LoadedJoint): JointAbilities {
  return jointAbilities(actor, {
    status: row.status,
    origin: row.origin,
    countyPath: row.county_path,
    initiatorPath: row.initiating_org_path,
    participants: participants.map((participant) => ({
      orgId: participant.org_id,
      orgPath: participant.org_path,
      role: participant.role,
      response: participant.response,
    })),
  });
}

function summaryOf(
  row: JointRow,
  participants: readonly JointParticipantRow[],
  counts: { inspections: number; cases: number },
): JointSummary {
  return {
    id: row.id,
    title: row.title,
    origin: row.origin,
    situation: row.situation,
    situationLabel: JOINT_SITUATION_LABELS[row.situation],
    status: row.status,
    statusLabel: JOINT_STATUS_LABELS[row.status],
    initiatingOrgName: row.initiating_org_name,
    participantNames: participants
      .filter((participant) => participant.role === 'participant')
      .map((participant) => participant.org_name),
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    proposalNumber: row.proposal_number,
    confirmedCount: participants.filter((participant) => participant.response === 'confirmed').length,
    objectedCount: participants.filter((participant) => participant.response === 'objected').length,
    inspectionCount: counts.inspections,
    caseCount: counts.cases,
  };
}

async function presentSummaries(db: Db, rows: readonly JointRow[]): Promise<JointSummary[]> {
  const ids = rows.map((row) => row.id);
  const [participants, counts] = await Promise.all([
    findJointParticipants(db, ids),
    countJointRecords(db, ids),
  ]);
  return rows.map((row) =>
    summaryOf(
      row,
      participants.filter((participant) => participant.action_id === row.id),
      { inspections: counts.inspections.get(row.id) ?? 0, cases: counts.cases.get(row.id) ?? 0 },
    ),
  );
}

const filterOf = (actor: Actor, query: Omit<JointListQuery, 'page' | 'pageSize'>): JointFilter => ({
  scopePaths: actor.scopePaths,
  status: query.status,
  situation: query.situation,
  orgId: query.orgId,
  keyword: query.keyword,
});

export async function listJointActions(db: Db, actor: Actor, query: JointListQuery) {
  assertCan(actor, 'coordination.read');
  const { rows, total } = await findJointActions(db, {
    ...filterOf(actor, query),
    page: query.page,
    pageSize: query.pageSize,
  });
  return { items: await presentSummaries(db, rows), total, page: query.page, pageSize: query.pageSize };
}

export async function listAllJointActions(
  db: Db,
  actor: Actor,
  query: Omit<JointListQuery, 'page' | 'pageSize'>,
) {
  assertCan(actor, 'coordination.read');
  return presentSummaries(db, await findAllJointActions(db, filterOf(actor, query), JOINT_EXPORT_MAX_ROWS));
}

export async function getJointAction(db: Db, actor: Actor, id: number): Promise<JointView> {
  const loaded = await loadVisibleJoint(db, actor, id);
  const [inspections, cases] = await Promise.all([findJointInspections(db, id), findJointCases(db, id)]);
  const { row, participants } = loaded;
  return {
    ...summaryOf(row, participants, { inspections: inspections.length, cases: cases.length }),
    countyOrgId: row.county_org_id,
    initiatingOrgId: row.initiating_org_id,
    places: row.places,
    targets: row.targets,
    coordinationReason: row.coordination_reason,
    coordinationRequestedOn: row.coordination_requested_on,
    proposalIssuedOn: row.proposal_issued_on,
    startedOn: row.started_on,
    summary: row.summary,
    closedOn: row.closed_on,
    participants: participants.map((participant) => ({
      orgId: participant.org_id,
      orgName: participant.org_name,
      role: participant.role,
      duty: participant.duty,
      response: participant.response,
      responseLabel: JOINT_RESPONSE_LABELS[participant.response],
      responseNote: participant.response_note,
      respondedOn: participant.responded_on,
    })),
    inspections: inspections.map((inspection) => ({
      id: inspection.id,
      heldOn: inspection.held_on,
      place: inspection.place,
      orgNames: inspection.org_names,
      findings: inspection.findings,
    })),
    cases,
    abilities: abilitiesOf(actor, loaded),
  };
}

/** The plan's organisations checked: enforcing bodies of the county, none twice, not the initiator. */
async function checkPlan(db: Db, countyPath: string, initiatorId: number, body: JointPlanBody) {
  const problems: FieldProblem[] = [];
  if (body.endsOn < body.startsOn) problems.push({ field: 'endsOn', message: '结束日期不能早于开始日期' });
  const ids = [initiatorId, ...body.participants.map((participant) => participant.orgId)];
  const orgs = await findEnforcingOrgs(db, ids);
  const isCounty = (id: number) => orgs.some((org) => org.id === id && org.path.startsWith(countyPath));
  if (!isCounty(initiatorId)) throw notFound('发起部门（本县的行政执法部门或乡镇）');
  body.participants.forEach((participant, index) => {
    const field = `participants.${index}.orgId`;
    // another county's organisation is not confirmed to exist (as everywhere: NOT_FOUND)
    if (!isCounty(participant.orgId)) throw notFound('参与部门（本县的行政执法部门或乡镇）');
    if (participant.orgId === initiatorId) problems.push({ field, message: '参与部门不能是发起部门' });
    else if (body.participants.findIndex((other) => other.orgId === participant.orgId) !== index)
      problems.push({ field, message: '参与部门重复' });
  });
  if (problems.length > 0) throw invalid(problems);
}

const participantsOf = (initiatorId: number, body: JointPlanBody, isInitiatorConfirmed: boolean) => [
  {
    org_id: initiatorId,
    role: 'initiator' as const,
    duty: body.initiatorDuty,
    ...(isInitiatorConfirmed && { response: 'confirmed' as const }),
  },
  ...body.participants.map((participant) => ({
    org_id: participant.orgId,
    role: 'participant' as const,
    duty: participant.duty,
  })),
];

/**
 * A new joint action: the bureau's draft proposal (a supervisor; situation required), or an
 * agency's own plan among agencies (its legal officer; the initiator is its agency, which has
 * agreed to its own plan).
 */
export async function createJointAction(db: Db, actor: Actor, body: JointPlanBody, today: string) {
  const isBureau = can(actor, 'coordination.manage');
  if (!isBureau) assertCan(actor, 'coordination.apply');
  let initiatorId: number;
  let countyPath: string;
  if (isBureau) {
    if (!body.situation) throw invalid([{ field: 'situation', message: '请选择第八条规定的情形' }]);
    if (!body.initiatingOrgId) throw invalid([{ field: 'initiatingOrgId', message: '请选择发起部门' }]);
    const scope = actor.scopePaths[0];
    if (!scope) throw forbidden();
    countyPath = countyOf(scope).countyPath;
    initiatorId = body.initiatingOrgId;
  } else {
    const actorOrg = await findOrgById(db, actor.orgId);
    const unit = actorOrg ? await findEnforcingUnitOf(db, actorOrg.path) : undefined;
    if (!unit || !isInScope(actor, unit.path)) throw forbidden('只有行政执法部门的法制人员可以发起联合执法');
    countyPath = countyOf(unit.path).countyPath;
    initiatorId = unit.id;
  }
  await checkPlan(db, countyPath, initiatorId, body);
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await insertJointAction(trx, {
      county_org_id: countyOf(countyPath).countyOrgId,
      origin: isBureau ? 'bureau' : 'agency',
      situation: body.situation ?? 'other',
      title: body.title,
      initiating_org_id: initiatorId,
      places: body.places,
      targets: body.targets,
      starts_on: body.startsOn,
      ends_on: body.endsOn,
      status: isBureau ? 'draft' : 'negotiating',
      coordination_reason: null,
      coordination_requested_on: null,
      proposal_number: null,
      proposal_issued_on: null,
      started_on: null,
      summary: null,
      closed_on: null,
      created_by: actor.id,
    });
    await replaceJointParticipants(trx, id, participantsOf(initiatorId, body, !isBureau), actor.id, today);
    await recordAudit(trx, actor, {
      action: 'coordination.joint_create',
      entityType: 'coordination_joint_action',
      entityId: id,
      orgId: initiatorId,
      after: body,
    });
    return id;
  });
  return getJointAction(db, actor, id);
}

/**
 * Runs one change of an action: loads it in the actor's scope, refuses it (403) when the actor has
 * no such ability in any state, locks it and refuses it (409) when its state no longer allows it.
 */
async function changeJoint(
  db: Db,
  actor: Actor,
  id: number,
  ability: (abilities: JointAbilities) => boolean,
  allowed: readonly JointStatus[],
  refusal: string,
  write: (trx: Db, loaded: LoadedJoint) => Promise<void>,
) {
  const loaded = await loadVisibleJoint(db, actor, id);
  if (!ability(abilitiesOf(actor, loaded))) {
    if (allowed.includes(loaded.row.status)) throw forbidden();
    throw conflict(refusal);
  }
  await db.transaction().execute(async (trx) => {
    const locked = await lockJointAction(trx, id);
    if (!locked || locked.status !== loaded.row.status) throw conflict(refusal);
    await write(trx, loaded);
  });
  return getJointAction(db, actor, id);
}

/** Edits the plan (the bureau's draft, or the initiating agency's own plan); every answer starts again. */
export function updateJointPlan(db: Db, actor: Actor, id: number, body: JointPlanBody, today: string) {
  return changeJoint(
    db,
    actor,
    id,
    (abilities) => abilities.canEditPlan,
    ['negotiating', ...BUREAU_PLAN_STATES],
    '当前阶段不能修改联合执法方案',
    async (trx, { row }) => {
      const isBureau = row.status !== 'negotiating';
      const initiatorId = isBureau ? (body.initiatingOrgId ?? row.initiating_org_id) : row.initiating_org_id;
      await checkPlan(trx, row.county_path, initiatorId, body);
      await updateJointAction(trx, id, {
        title: body.title,
        situation: isBureau ? (body.situation ?? row.situation) : row.situation,
        initiating_org_id: initiatorId,
        places: body.places,
        targets: body.targets,
        starts_on: body.startsOn,
        ends_on: body.endsOn,
        // the bureau takes a referred plan over as its draft (第八条(一))
        ...(row.status === 'coordination_requested' && { status: 'draft', origin: 'bureau' }),
      });
      await replaceJointParticipants(trx, id, participantsOf(initiatorId, body, !isBureau), actor.id, today);
      await recordAudit(trx, actor, {
        action: 'coordination.joint_plan',
        entityType: 'coordination_joint_action',
        entityId: id,
        orgId: initiatorId,
        before: { title: row.title, status: row.status },
        after: body,
      });
    },
  );
}

/**
 * 联合执法建议书 issued (第八条 "提出联合执法的建议"): numbered from the bureau's 博司协 register and
 * entered in the register book in the same transaction; every agency then confirms or objects.
 */
export function issueJointProposal(db: Db, actor: Actor, id: number, today: string) {
  return changeJoint(
    db,
    actor,
    id,
    (abilities) => abilities.canIssueProposal,
    BUREAU_PLAN_STATES,
    '只有建议书草稿可以印发',
    async (trx, { row, participants }) => {
      const bureau = await findJusticeBureau(trx, row.county_path);
      if (!bureau) throw conflict('本县未设置司法局，不能印发建议书');
      const { number } = await issueCoordinationDocument(
        trx,
        { accountId: actor.id, name: actor.displayName, signedOn: today, actor },
        {
          bureauOrgId: bureau.id,
          recordType: COORDINATION_RECORD_TYPES.jointProposal,
          recordId: id,
          title: `关于开展${row.title}的联合执法建议书`,
          recipient: participants.map((participant) => participant.org_name).join('、'),
        },
      );
      await updateJointAction(trx, id, {
        status: 'proposed',
        origin: 'bureau',
        proposal_number: number,
        proposal_issued_on: today,
      });
      await resetJointResponses(trx, id);
      await recordAudit(trx, actor, {
        action: 'coordination.joint_issue',
        entityType: 'coordination_joint_action',
        entityId: id,
        orgId: row.initiating_org_id,
        before: { status: row.status },
        after: { number, issuedOn: today },
      });
    },
  );
}

/** An issued 建议书 is never edited: revising withdraws it (the number stays used) and reopens the draft. */
export function reviseJointProposal(db: Db, actor: Actor, id: number, body: { reason: string }) {
  return changeJoint(
    db,
    actor,
    id,
    (abilities) => abilities.canRevise,
    ['proposed'],
    '只有待确认的建议书可以修改',
    async (trx, { row }) => {
      await markDocumentWithdrawn(trx, actor, {
        domain: COORDINATION_DOMAIN,
        recordType: COORDINATION_RECORD_TYPES.jointProposal,
        recordId: id,
        reason: body.reason,
      });
      await updateJointAction(trx, id, { status: 'draft', proposal_number: null, proposal_issued_on: null });
      await recordAudit(trx, actor, {
        action: 'coordination.joint_revise',
        entityType: 'coordination_joint_action',
        entityId: id,
        orgId: row.initiating_org_id,
        before: { number: row.proposal_number },
        after: body,
      });
    },
  );
}

/** An agency confirms or objects to the plan for itself; when all have confirmed the action is agreed. */
export function respondToJointPlan(
  db: Db,
  actor: Actor,
  id: number,
  body: { orgId: number; response: 'confirmed' | 'objected'; note?: string | null | undefined },
  today: string,
) {
  return changeJoint(
    db,
    actor,
    id,
    (abilities) => abilities.canRespondFor.includes(body.orgId),
    ['negotiating', 'proposed'],
    '当前阶段不能确认或提出异议',
    async (trx, { row, participants }) => {
      if (!participants.some((participant) => participant.org_id === body.orgId))
        throw invalid([{ field: 'orgId', message: '该单位不是本次联合执法的参与部门' }]);
      if (body.response === 'objected' && !body.note)
        throw invalid([{ field: 'note', message: '提出异议时请写明理由' }]);
      await updateJointParticipant(
        trx,
        { actionId: id, orgId: body.orgId },
        {
          response: body.response,
          response_note: body.note || null,
          responded_on: today,
          responded_by: actor.id,
        },
      );
      const after = participants.map((participant) =>
        participant.org_id === body.orgId ? { response: body.response } : { response: participant.response },
      );
      if (isPlanAgreed(after)) await updateJointAction(trx, id, { status: 'confirmed' });
      await recordAudit(trx, actor, {
        action: 'coordination.joint_respond',
        entityType: 'coordination_joint_action',
        entityId: id,
        orgId: body.orgId,
        before: { status: row.status },
        after: body,
      });
    },
  );
}

/** 第八条(一): the agencies could not agree on their plan and ask the bureau to coordinate. */
export function requestJointCoordination(
  db: Db,
  actor: Actor,
  id: number,
  body: { reason: string },
  today: string,
) {
  return changeJoint(
    db,
    actor,
    id,
    (abilities) => abilities.canRequestCoordination,
    ['negotiating'],
    '只有部门协商中且有异议的行动可以申请司法局协调',
    async (trx, { row }) => {
      await updateJointAction(trx, id, {
        status: 'coordination_requested',
        situation: 'plan_disagreement',
        coordination_reason: body.reason,
        coordination_requested_on: today,
      });
      await recordAudit(trx, actor, {
        action: 'coordination.joint_request',
        entityType: 'coordination_joint_action',
        entityId: id,
        orgId: row.initiating_org_id,
        after: body,
      });
    },
  );
}

export function startJointAction(
  db: Db,
  actor: Actor,
  id: number,
  body: { startedOn: string },
  today: string,
) {
  if (body.startedOn > today) throw invalid([{ field: 'startedOn', message: '开始日期不能晚于今天' }]);
  return changeJoint(
    db,
    actor,
    id,
    (abilities) => abilities.canStart,
    ['confirmed'],
    '只有各部门已确认的行动可以开始实施',
    async (trx, { row }) => {
      await updateJointAction(trx, id, { status: 'running', started_on: body.startedOn });
      await recordAudit(trx, actor, {
        action: 'coordination.joint_start',
        entityType: 'coordination_joint_action',
        entityId: id,
        orgId: row.initiating_org_id,
        after: body,
      });
    },
  );
}

export function recordJointInspection(
  db: Db,
  actor: Actor,
  id: number,
  body: { heldOn: string; place: string; orgNames: string; findings: string },
  today: string,
) {
  if (body.heldOn > today) throw invalid([{ field: 'heldOn', message: '检查日期不能晚于今天' }]);
  return changeJoint(
    db,
    actor,
    id,
    (abilities) => abilities.canRecord,
    ['running'],
    '只有实施中的行动可以记录检查',
    async (trx, { row }) => {
      if (row.started_on && body.heldOn < row.started_on)
        throw invalid([{ field: 'heldOn', message: '检查日期不能早于行动开始日期' }]);
      const { id: inspectionId } = await insertJointInspection(trx, {
        action_id: id,
        held_on: body.heldOn,
        place: body.place,
        org_names: body.orgNames,
        findings: body.findings,
        recorded_by: actor.id,
      });
      await recordAudit(trx, actor, {
        action: 'coordination.joint_inspection',
        entityType: 'coordination_joint_inspection',
        entityId: inspectionId,
        orgId: row.initiating_org_id,
        after: { actionId: id, ...body },
      });
    },
  );
}

/** Links a Fazhi case the action produced: a case of one of the participating agencies. */
export function linkJointCase(db: Db, actor: Actor, id: number, body: { caseId: number }) {
  return changeJoint(
    db,
    actor,
    id,
    (abilities) => abilities.canRecord,
    ['running'],
    '只有实施中的行动可以关联案件',
    async (trx, { row, participants }) => {
      const found = await findCaseWithOrg(trx, body.caseId);
      const isParticipants =
        found && participants.some((participant) => found.org_path.startsWith(participant.org_path));
      if (!found || !isParticipants)
        throw invalid([{ field: 'caseId', message: '只能关联参与部门办理的行政执法案件' }]);
      await insertJointCase(trx, { action_id: id, case_id: body.caseId, linked_by: actor.id });
      await recordAudit(trx, actor, {
        action: 'coordination.joint_case',
        entityType: 'coordination_joint_action',
        entityId: id,
        orgId: row.initiating_org_id,
        after: { caseId: body.caseId, caseNo: found.case_no },
      });
    },
  );
}

/** 行动总结: the action closes with its summary. */
export function closeJointAction(db: Db, actor: Actor, id: number, body: { summary: string }, today: string) {
  return changeJoint(
    db,
    actor,
    id,
    (abilities) => abilities.canClose,
    ['running'],
    '只有实施中的行动可以总结',
    async (trx, { row }) => {
      await updateJointAction(trx, id, { status: 'closed', summary: body.summary, closed_on: today });
      await recordAudit(trx, actor, {
        action: 'coordination.joint_close',
        entityType: 'coordination_joint_action',
        entityId: id,
        orgId: row.initiating_org_id,
        after: body,
      });
    },
  );
}
