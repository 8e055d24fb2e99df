/**
 * Jurisdiction disputes (协调监督办法第七条): the application, the bureau's review, the other
 * parties' written views, coordination meetings, the referral to the county government, its
 * decision, an interim lead agency, and the parties' confirmations of execution. The opinion's
 * drafting, sign-off and service are in opinions.service.ts. Every write locks the dispute, checks
 * its state, writes and audits in one transaction.
 */
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan, isInScope } from '../../../lib/access.ts';
import { conflict, type FieldProblem, forbidden, invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { loadWorkCalendar } from '../../calendar/calendar.service.ts';
import { cancelSignOff } from '../../documents/documents.public.ts';
import { findOrgById } from '../../org/org.repository.ts';
import { COORDINATION_DOMAIN, COORDINATION_RECORD_TYPES } from '../coordination.documents.ts';
import { canManageCounty, countyOf } from '../coordination.policy.ts';
import { loadCoordinationParameters } from '../settings/settings.service.ts';
import {
  ESCALATION_STATES,
  EXECUTION_STATES,
  MEETING_STATES,
  NEGOTIATION_REQUIRED_MESSAGE,
} from './dispute.rules.ts';
import {
  findAllDisputes,
  findCountyEnforcingOrgs,
  findDisputes,
  findEnforcingOrgs,
  findEnforcingUnitOf,
  insertDispute,
  insertMeeting,
  insertParties,
  lockDispute,
  updateDisputeRow,
  updateDocumentRow,
  updatePartyRow,
  updateRespondents,
} from './disputes.repository.ts';
import type {
  DisputeApplyBody,
  DisputeListQuery,
  DisputeReviewBody,
  DisputeView,
} from './disputes.schema.ts';
import { type LoadedDispute, loadVisibleDispute, presentDispute, presentSummaries } from './disputes.view.ts';

/** Exports stop here (a county files a handful of disputes a year). */
export const DISPUTE_EXPORT_MAX_ROWS = 5_000;

async function listFilter(
  db: Db,
  actor: Actor,
  query: Omit<DisputeListQuery, 'page' | 'pageSize'>,
  today: string,
) {
  assertCan(actor, 'coordination.read');
  const scope = actor.scopePaths[0];
  const warnDays = scope ? (await loadCoordinationParameters(db, countyOf(scope).countyOrgId)).warnDays : 0;
  return {
    warnDays,
    filter: {
      scopePaths: actor.scopePaths,
      status: query.status,
      orgId: query.orgId,
      keyword: query.keyword,
      deadline: query.deadlineState ? { state: query.deadlineState, today, warnDays } : undefined,
    },
  };
}

export async function listDisputes(db: Db, actor: Actor, query: DisputeListQuery, today: string) {
  const { filter, warnDays } = await listFilter(db, actor, query, today);
  const { rows, total } = await findDisputes(db, { ...filter, page: query.page, pageSize: query.pageSize });
  return {
    items: await presentSummaries(db, rows, today, warnDays),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Every dispute the filter lets through, for the XLSX export. */
export async function listAllDisputes(
  db: Db,
  actor: Actor,
  query: Omit<DisputeListQuery, 'page' | 'pageSize'>,
  today: string,
) {
  const { filter, warnDays } = await listFilter(db, actor, query, today);
  const rows = await findAllDisputes(db, filter, DISPUTE_EXPORT_MAX_ROWS);
  return presentSummaries(db, rows, today, warnDays);
}

export async function getDispute(db: Db, actor: Actor, id: number, today: string): Promise<DisputeView> {
  assertCan(actor, 'coordination.read');
  return presentDispute(db, actor, await loadVisibleDispute(db, actor, id), today);
}

/**
 * 书面申请 (第七条) by a legal officer for the agency (or township) it belongs to, naming the other
 * agencies of the same county and each side's position and basis. Without the record of the
 * agencies' own negotiation it is refused with 第七条's reason and nothing is stored.
 */
export async function applyDispute(db: Db, actor: Actor, body: DisputeApplyBody, today: string) {
  assertCan(actor, 'coordination.apply');
  const problems: FieldProblem[] = [];
  if (!body.negotiationRecord)
    problems.push({ field: 'negotiationRecord', message: NEGOTIATION_REQUIRED_MESSAGE });
  const actorOrg = await findOrgById(db, actor.orgId);
  const applicant = actorOrg ? await findEnforcingUnitOf(db, actorOrg.path) : undefined;
  if (!applicant || !isInScope(actor, applicant.path))
    throw forbidden('只有行政执法部门的法制人员可以申请协调');
  const { countyOrgId, countyPath } = countyOf(applicant.path);
  const orgs = await findEnforcingOrgs(
    db,
    body.parties.map((party) => party.orgId),
  );
  // another county's organisation is not confirmed to exist (as everywhere: NOT_FOUND)
  if (
    body.parties.some(
      (party) => !orgs.find((org) => org.id === party.orgId && org.path.startsWith(countyPath)),
    )
  )
    throw notFound('争议相对单位（本县的行政执法部门或乡镇）');
  body.parties.forEach((party, index) => {
    const field = `parties.${index}.orgId`;
    if (party.orgId === applicant.id) problems.push({ field, message: '争议相对单位不能是本单位' });
    else if (body.parties.findIndex((other) => other.orgId === party.orgId) !== index)
      problems.push({ field, message: '争议相对单位重复' });
  });
  if (problems.length > 0) throw invalid(problems);
  const parameters = await loadCoordinationParameters(db, countyOrgId);
  const calendar = await loadWorkCalendar(db);
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await insertDispute(trx, {
      county_org_id: countyOrgId,
      applicant_org_id: applicant.id,
      filed_by: actor.id,
      filed_on: today,
      matter: body.matter,
      negotiation_record: body.negotiationRecord!,
      status: 'submitted',
      review_days: parameters.reviewDays,
      view_days: parameters.viewDays,
      conclude_days: parameters.concludeDays,
      execution_days: parameters.executionDays,
      review_due_on: calendar.addWorkingDays(today, parameters.reviewDays),
      reviewed_on: null,
      reviewed_by: null,
      return_reason: null,
      conclude_due_on: null,
      escalated_on: null,
      escalation_reason: null,
      interim_lead_org_id: null,
      interim_lead_reason: null,
      interim_lead_on: null,
      execution_due_on: null,
      executed_on: null,
    });
    const blankParty = {
      dispute_id: id,
      view_requested_on: null,
      view_due_on: null,
      view_position: null,
      view_basis: null,
      view_answered_on: null,
      view_answered_by: null,
      execution_confirmed_on: null,
      execution_confirmed_by: null,
      execution_note: null,
    };
    await insertParties(trx, [
      {
        ...blankParty,
        org_id: applicant.id,
        role: 'applicant',
        stated_position: body.position,
        stated_basis: body.legalBasis,
      },
      ...body.parties.map((party) => ({
        ...blankParty,
        org_id: party.orgId,
        role: 'respondent' as const,
        stated_position: party.position,
        stated_basis: party.legalBasis,
      })),
    ]);
    await recordAudit(trx, actor, {
      action: 'coordination.dispute_apply',
      entityType: 'coordination_dispute',
      entityId: id,
      orgId: applicant.id,
      after: body,
    });
    return id;
  });
  return getDispute(db, actor, id, today);
}

/**
 * Runs one state change of a dispute the actor manages (the county's supervisors): loads it under
 * the actor's scope, locks it, checks the state is still one of `allowed`, then calls `write`.
 */
export async function changeManagedDispute(
  db: Db,
  actor: Actor,
  id: number,
  allowed: readonly LoadedDispute['row']['status'][],
  refusal: string,
  write: (trx: Db, loaded: LoadedDispute) => Promise<void>,
) {
  assertCan(actor, 'coordination.manage');
  const loaded = await loadVisibleDispute(db, actor, id);
  if (!canManageCounty(actor, loaded.row.county_path)) throw forbidden();
  await db.transaction().execute(async (trx) => {
    const locked = await lockDispute(trx, id);
    if (!locked || !allowed.includes(locked.status)) throw conflict(refusal);
    await write(trx, loaded);
  });
}

/** 审核: accept (and ask every other party for its written view) or return with reasons. */
export async function reviewDispute(
  db: Db,
  actor: Actor,
  id: number,
  body: DisputeReviewBody,
  today: string,
) {
  const calendar = await loadWorkCalendar(db);
  await changeManagedDispute(
    db,
    actor,
    id,
    ['submitted'],
    '只有待审核的申请可以审核',
    async (trx, { row }) => {
      if (body.decision === 'return') {
        await updateDisputeRow(trx, id, {
          status: 'returned',
          reviewed_on: today,
          reviewed_by: actor.id,
          return_reason: body.reason,
        });
      } else {
        await updateDisputeRow(trx, id, {
          status: 'consulting',
          reviewed_on: today,
          reviewed_by: actor.id,
          conclude_due_on: calendar.addWorkingDays(today, row.conclude_days),
        });
        await updateRespondents(trx, id, {
          view_requested_on: today,
          view_due_on: calendar.addWorkingDays(today, row.view_days),
        });
      }
      await recordAudit(trx, actor, {
        action: body.decision === 'accept' ? 'coordination.dispute_accept' : 'coordination.dispute_return',
        entityType: 'coordination_dispute',
        entityId: id,
        orgId: row.applicant_org_id,
        before: { status: row.status },
        after: body,
      });
    },
  );
  return getDispute(db, actor, id, today);
}

/** The party of a dispute the actor answers for (its own agency), else FORBIDDEN. */
function ownParty(actor: Actor, loaded: LoadedDispute, orgId: number) {
  const party = loaded.parties.find((candidate) => candidate.org_id === orgId);
  if (!party) throw invalid([{ field: 'partyOrgId', message: '该单位不是本争议的当事单位' }]);
  if (!isInScope(actor, party.org_path)) throw forbidden('只能代表本单位答复或确认');
  return party;
}

/** 书面意见: the other party's legal officer answers the bureau's request, once. */
export async function answerView(
  db: Db,
  actor: Actor,
  id: number,
  body: { partyOrgId: number; position: string; legalBasis: string },
  today: string,
) {
  assertCan(actor, 'coordination.answer');
  const loaded = await loadVisibleDispute(db, actor, id);
  const party = ownParty(actor, loaded, body.partyOrgId);
  if (party.role !== 'respondent' || !party.view_requested_on) throw conflict('司法局未向该单位征求书面意见');
  if (party.view_answered_on) throw conflict('该单位已答复书面意见');
  await db.transaction().execute(async (trx) => {
    const locked = await lockDispute(trx, id);
    if (locked?.status !== 'consulting') throw conflict('争议已不在征求意见阶段');
    await updatePartyRow(
      trx,
      { disputeId: id, orgId: party.org_id },
      {
        view_position: body.position,
        view_basis: body.legalBasis,
        view_answered_on: today,
        view_answered_by: actor.id,
      },
    );
    await recordAudit(trx, actor, {
      action: 'coordination.view_answer',
      entityType: 'coordination_dispute',
      entityId: id,
      orgId: party.org_id,
      after: body,
    });
  });
  return getDispute(db, actor, id, today);
}

/** 协调会议: attendees, experts and minutes. */
export async function recordMeeting(
  db: Db,
  actor: Actor,
  id: number,
  body: {
    heldOn: string;
    place: string;
    attendees: string;
    experts?: string | null | undefined;
    minutes: string;
  },
  today: string,
) {
  if (body.heldOn > today) throw invalid([{ field: 'heldOn', message: '会议日期不能晚于今天' }]);
  await changeManagedDispute(
    db,
    actor,
    id,
    MEETING_STATES,
    '当前阶段不能记录协调会议',
    async (trx, { row }) => {
      if (body.heldOn < row.filed_on)
        throw invalid([{ field: 'heldOn', message: '会议日期不能早于申请日期' }]);
      const meeting = await insertMeeting(trx, {
        dispute_id: id,
        held_on: body.heldOn,
        place: body.place,
        attendees: body.attendees,
        experts: body.experts || null,
        minutes: body.minutes,
        recorded_by: actor.id,
      });
      await recordAudit(trx, actor, {
        action: 'coordination.meeting_record',
        entityType: 'coordination_meeting',
        entityId: meeting.id,
        orgId: row.applicant_org_id,
        after: { disputeId: id, ...body },
      });
    },
  );
  return getDispute(db, actor, id, today);
}

/** 协调不成，报本级人民政府决定 (第七条). An opinion already signed must be served, not referred. */
export async function escalateDispute(
  db: Db,
  actor: Actor,
  id: number,
  body: { reason: string },
  today: string,
) {
  await changeManagedDispute(
    db,
    actor,
    id,
    ESCALATION_STATES,
    '当前阶段不能报请县政府决定',
    async (trx, { row }) => {
      const signed = await trx
        .selectFrom('coordination_document')
        .select('id')
        .where('dispute_id', '=', id)
        .where('status', '=', 'signed')
        .executeTakeFirst();
      if (signed) throw conflict('协调意见书已签发，应予送达，不能再报请县政府决定');
      // an opinion waiting for sign-off goes back to draft: there is no agreement to sign
      const pending = await trx
        .selectFrom('coordination_document')
        .select('id')
        .where('dispute_id', '=', id)
        .where('status', '=', 'pending_sign')
        .execute();
      for (const document of pending) {
        await updateDocumentRow(trx, document.id, {
          status: 'draft',
          sign_comment: '协调不成，已报县人民政府决定',
        });
        await cancelSignOff(trx, actor, {
          domain: COORDINATION_DOMAIN,
          recordType: COORDINATION_RECORD_TYPES.opinion,
          recordId: document.id,
        });
      }
      await updateDisputeRow(trx, id, {
        status: 'escalated',
        escalated_on: today,
        escalation_reason: body.reason,
      });
      await recordAudit(trx, actor, {
        action: 'coordination.dispute_escalate',
        entityType: 'coordination_dispute',
        entityId: id,
        orgId: row.applicant_org_id,
        before: { status: row.status },
        after: body,
      });
    },
  );
  return getDispute(db, actor, id, today);
}

/** 临时牵头: in an emergency, one of the parties leads until the government decides. */
export async function nameInterimLead(
  db: Db,
  actor: Actor,
  id: number,
  body: { orgId: number; reason: string },
  today: string,
) {
  await changeManagedDispute(
    db,
    actor,
    id,
    ['escalated'],
    '只有已报县政府决定的争议可以指定临时牵头单位',
    async (trx, { row, parties }) => {
      if (!parties.some((party) => party.org_id === body.orgId))
        throw invalid([{ field: 'orgId', message: '临时牵头单位应为争议当事单位之一' }]);
      await updateDisputeRow(trx, id, {
        interim_lead_org_id: body.orgId,
        interim_lead_reason: body.reason,
        interim_lead_on: today,
      });
      await recordAudit(trx, actor, {
        action: 'coordination.interim_lead',
        entityType: 'coordination_dispute',
        entityId: id,
        orgId: row.applicant_org_id,
        before: { orgId: row.interim_lead_org_id, reason: row.interim_lead_reason },
        after: body,
      });
    },
  );
  return getDispute(db, actor, id, today);
}

/**
 * The county government's decision, recorded (its number, date, content) and served on the
 * parties. A decision already served is not edited: a new one supersedes it and the parties
 * confirm execution again.
 */
export async function recordDecision(
  db: Db,
  actor: Actor,
  id: number,
  body: { number: string; decidedOn: string; content: string; servedOn: string },
  today: string,
) {
  const problems: FieldProblem[] = [];
  if (body.decidedOn > today) problems.push({ field: 'decidedOn', message: '决定日期不能晚于今天' });
  if (body.servedOn < body.decidedOn)
    problems.push({ field: 'servedOn', message: '送达日期不能早于决定日期' });
  if (body.servedOn > today) problems.push({ field: 'servedOn', message: '送达日期不能晚于今天' });
  if (problems.length > 0) throw invalid(problems);
  const calendar = await loadWorkCalendar(db);
  await changeManagedDispute(
    db,
    actor,
    id,
    ['escalated', 'decided'],
    '只有已报县政府决定的争议可以登记政府决定',
    async (trx, { row }) => {
      if (row.escalated_on && body.decidedOn < row.escalated_on)
        throw invalid([{ field: 'decidedOn', message: '决定日期不能早于报请日期' }]);
      const previous = await trx
        .selectFrom('coordination_document')
        .select('id')
        .where('dispute_id', '=', id)
        .where('kind', '=', 'government_decision')
        .where('status', '=', 'served')
        .executeTakeFirst();
      const document = await trx
        .insertInto('coordination_document')
        .values({
          dispute_id: id,
          kind: 'government_decision',
          status: 'served',
          title: `县人民政府关于“${row.matter}”职责争议的决定`,
          body: body.content,
          number: body.number,
          decided_on: body.decidedOn,
          supersedes_id: previous?.id ?? null,
          created_by: actor.id,
          signed_by: null,
          signed_on: null,
          sign_comment: null,
          served_on: body.servedOn,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (previous) {
        await trx
          .updateTable('coordination_document')
          .set({ status: 'superseded', updated_at: new Date() })
          .where('id', '=', previous.id)
          .execute();
      }
      await startExecution(trx, id, 'decided', calendar.addWorkingDays(body.servedOn, row.execution_days));
      await recordAudit(trx, actor, {
        action: previous ? 'coordination.decision_supersede' : 'coordination.decision_record',
        entityType: 'coordination_document',
        entityId: document.id,
        orgId: row.applicant_org_id,
        after: { disputeId: id, supersedesId: previous?.id ?? null, ...body },
      });
    },
  );
  return getDispute(db, actor, id, today);
}

/** A served opinion or decision: the dispute waits for every party's confirmation again. */
export async function startExecution(
  trx: Db,
  id: number,
  status: 'served' | 'decided',
  executionDueOn: string,
) {
  await updateDisputeRow(trx, id, { status, execution_due_on: executionDueOn, executed_on: null });
  await updatePartyRow(
    trx,
    { disputeId: id },
    {
      execution_confirmed_on: null,
      execution_confirmed_by: null,
      execution_note: null,
    },
  );
}

/** A party confirms it executes the served opinion or decision; the last one closes the dispute. */
export async function confirmExecution(
  db: Db,
  actor: Actor,
  id: number,
  body: { partyOrgId: number; note: string },
  today: string,
) {
  assertCan(actor, 'coordination.answer');
  const loaded = await loadVisibleDispute(db, actor, id);
  const party = ownParty(actor, loaded, body.partyOrgId);
  if (party.execution_confirmed_on) throw conflict('该单位已确认执行');
  await db.transaction().execute(async (trx) => {
    const locked = await lockDispute(trx, id);
    if (!locked || !EXECUTION_STATES.includes(locked.status))
      throw conflict('尚无已送达的协调意见或政府决定');
    await updatePartyRow(
      trx,
      { disputeId: id, orgId: party.org_id },
      {
        execution_confirmed_on: today,
        execution_confirmed_by: actor.id,
        execution_note: body.note,
      },
    );
    const open = await trx
      .selectFrom('coordination_dispute_party')
      .select('id')
      .where('dispute_id', '=', id)
      .where('execution_confirmed_on', 'is', null)
      .executeTakeFirst();
    if (!open) await updateDisputeRow(trx, id, { status: 'executed', executed_on: today });
    await recordAudit(trx, actor, {
      action: 'coordination.execution_confirm',
      entityType: 'coordination_dispute',
      entityId: id,
      orgId: party.org_id,
      after: { ...body, isLast: !open },
    });
  });
  return getDispute(db, actor, id, today);
}

/** The agencies and townships of the actor's county, to name as parties (names only). */
export async function listCountyAgencies(db: Db, actor: Actor) {
  assertCan(actor, 'coordination.read');
  const scope = actor.scopePaths[0];
  if (!scope) return { items: [] };
  const rows = await findCountyEnforcingOrgs(db, countyOf(scope).countyPath);
  return { items: rows.map((row) => ({ id: row.id, name: row.name })) };
}
