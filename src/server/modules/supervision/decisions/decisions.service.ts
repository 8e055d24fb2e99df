/**
 * Supervision decisions (行政执法监督决定书, 协调监督工作办法 第十五条): a unit that does not correct
 * by the notice's deadline (逾期不改正) or refuses to (拒不改正) is reported to the county government
 * (报请本级人民政府). The request is drafted by the supervisor, signed off by a bureau leader and
 * numbered from 博司监 (the documents domain, in the signing transaction); the government's decision
 * (确认无效 / 确认违法 / 变更 / 撤销 / 其他) is recorded with the government's own number and date by a
 * supervisor or an account of the government's organisation; the unit reports within 30 calendar
 * days of receipt and the supervisor accepts or returns the report. A request not yet decided may be
 * withdrawn with a reason; a recorded decision is never edited.
 */
import { addCalendarDays } from '../../../../common/calendar.ts';
import { formatChineseDate, todayInShanghai } from '../../../../common/format.ts';
import {
  DECISION_GROUND_LABELS,
  DECISION_KIND_LABELS,
  DECISION_REPORT_DAYS,
  DECISION_STATE_LABELS,
  type DecisionState,
  supervisionDue,
} from '../../../../common/supervision.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan, can, isInScope } from '../../../lib/access.ts';
import { AppError, conflict, type FieldProblem, invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import {
  findIssuingRegister,
  markDocumentWithdrawn,
  recordIssuedDocument,
  registerDocumentKind,
  registerSignOffHandler,
  renderOfficialDocx,
  requestSignOff,
  takeDocumentNumber,
} from '../../documents/documents.public.ts';
import { findOrgById } from '../../org/org.repository.ts';
import { findNoticeById, lockNotice } from '../notices/notices.repository.ts';
import {
  reviewLatestRectificationReport,
  submitRectificationReport,
} from '../notices/rectifications.service.ts';
import { presentReports } from '../notices/rectifications.view.ts';
import { countyIdOf, resolveCase } from '../supervision.links.ts';
import { canAnswerFor, canManageMatter, canReadAddressed, canRecordDecision } from '../supervision.policy.ts';
import { buildDecisionDocument, buildDecisionRequestDocument } from './decision.build.ts';
import { decisionRequestRefusal } from './decision.rules.ts';
import {
  type DecisionRow,
  findActiveDecisionOfNotice,
  findDecidedOfCase,
  findDecisionById,
  findDecisions,
  insertDecision,
  lockDecision,
  updateDecisionRow,
} from './decisions.repository.ts';
import type {
  CaseDecisionView,
  DecisionListQuery,
  DecisionRecordBody,
  DecisionRequestBody,
  DecisionRequestPatch,
  DecisionView,
} from './decisions.schema.ts';

export const DECISION_RECORD_TYPE = 'supervision_decision';
const REGISTER_CODE = 'supervision';
const DOMAIN = 'supervision';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

registerDocumentKind(DECISION_RECORD_TYPE, {
  label: '提请作出行政执法监督决定的请示',
  linkOf: (id) => `/supervision/decisions/${id}`,
});

registerSignOffHandler(DECISION_RECORD_TYPE, {
  async onSigned(trx, request, signer) {
    const decision = await lockDecision(trx, request.recordId);
    if (decision?.state !== 'awaiting_sign_off') throw conflict('报请不在待签发状态');
    const row = (await findDecisionById(trx, decision.id))!;
    const year = Number(signer.signedOn.slice(0, 4));
    const { sequence, number } = await takeDocumentNumber(trx, {
      orgId: row.issuer_org_id,
      registerCode: REGISTER_CODE,
      year,
    });
    await updateDecisionRow(trx, decision.id, {
      state: 'requested',
      request_number: number,
      request_year: year,
      request_sequence: sequence,
      request_signed_by: signer.name,
      requested_on: signer.signedOn,
    });
    const government = await findOrgById(trx, countyIdOf(row.owner_path));
    await recordIssuedDocument(trx, signer.actor, {
      orgId: row.issuer_org_id,
      registerCode: REGISTER_CODE,
      number,
      sequence,
      year,
      title: `关于提请对${row.unit_name}作出行政执法监督决定的请示`,
      recipient: government?.name ?? '县人民政府',
      issuedOn: signer.signedOn,
      signedBy: signer.name,
      source: { domain: DOMAIN, recordType: DECISION_RECORD_TYPE, recordId: decision.id },
    });
    await recordAudit(trx, signer.actor, {
      action: 'supervision.decision_request_issue',
      entityType: 'supervision_decision',
      entityId: decision.id,
      orgId: row.issuer_org_id,
      after: { number, requestedOn: signer.signedOn, signedBy: signer.name },
    });
  },
  async onReturned(trx, request, comment) {
    const decision = await lockDecision(trx, request.recordId);
    if (decision?.state !== 'awaiting_sign_off') throw conflict('报请不在待签发状态');
    await updateDecisionRow(trx, decision.id, { state: 'draft', sign_comment: comment });
  },
});

/** The organisation kind of the actor's own org (a government account records decisions). */
async function actorOrgKind(db: Db, actor: Actor) {
  return (await findOrgById(db, actor.orgId))?.kind ?? null;
}

async function present(db: Db, actor: Actor, rows: readonly DecisionRow[]): Promise<DecisionView[]> {
  const today = todayInShanghai(new Date());
  const reports = await presentReports(
    db,
    rows.map((row) => row.id),
    'decision_id',
  );
  const orgKind = rows.length > 0 && can(actor, 'supervision.decide') ? await actorOrgKind(db, actor) : null;
  return rows.map((row) => {
    const manages = canManageMatter(actor, { ownerPath: row.owner_path, unitPaths: [] });
    const awaitsReport = row.state === 'decided' || row.state === 'returned';
    return {
      id: row.id,
      matterId: row.matter_id,
      matterTitle: row.matter_title,
      notice: { id: row.notice_id, number: row.notice_number },
      unit: { id: row.unit_org_id, name: row.unit_name },
      issuer: { id: row.issuer_org_id, name: row.issuer_name },
      caseId: row.case_id,
      ground: row.ground,
      groundLabel: DECISION_GROUND_LABELS[row.ground],
      requestReason: row.request_reason,
      proposedKind: row.proposed_kind,
      proposedKindLabel: DECISION_KIND_LABELS[row.proposed_kind],
      state: row.state,
      stateLabel: DECISION_STATE_LABELS[row.state],
      signComment: row.sign_comment,
      requestNumber: row.request_number,
      requestSignedBy: row.request_signed_by,
      requestedOn: row.requested_on,
      kind: row.kind,
      kindLabel: row.kind ? DECISION_KIND_LABELS[row.kind] : null,
      decisionNumber: row.decision_number,
      decidedOn: row.decided_on,
      decisionContent: row.decision_content,
      servedOn: row.served_on,
      due: awaitsReport && row.report_due_on ? supervisionDue(row.report_due_on, today) : null,
      closedOn: row.closed_on,
      withdrawnReason: row.withdrawn_reason,
      reports: reports.get(row.id) ?? [],
      abilities: {
        canEdit: manages && row.state === 'draft',
        canSubmit: manages && row.state === 'draft',
        canRecord:
          row.state === 'requested' && canRecordDecision(actor, { ownerPath: row.owner_path }, orgKind),
        canReport: awaitsReport && canAnswerFor(actor, row.unit_path),
        canReview: manages && row.state === 'reported',
        canWithdraw: manages && ['draft', 'requested'].includes(row.state),
        canPrintDecision: row.decision_number !== null,
      },
    };
  });
}

/**
 * The bureau and the government (whose scope covers the matter's owner) read every stage; the
 * unit's readers only once the government has decided (TS twin of findDecisions' condition).
 */
function canReadDecision(actor: Actor, row: DecisionRow): boolean {
  if (!canReadAddressed(actor, { ownerPath: row.owner_path, unitPath: row.unit_path })) return false;
  return row.decision_number !== null || isInScope(actor, row.owner_path);
}

async function getDecisionRow(db: Db, actor: Actor, id: number) {
  assertCan(actor, 'supervision.read');
  const row = await findDecisionById(db, id);
  if (!row || !canReadDecision(actor, row)) throw notFound('监督决定');
  return row;
}

export async function getDecision(db: Db, actor: Actor, id: number): Promise<DecisionView> {
  return (await present(db, actor, [await getDecisionRow(db, actor, id)]))[0]!;
}

export async function listDecisions(db: Db, actor: Actor, query: DecisionListQuery) {
  assertCan(actor, 'supervision.read');
  const { rows, total } = await findDecisions(db, {
    ...query,
    scopePaths: actor.scopePaths,
  });
  return { items: await present(db, actor, rows), total, page: query.page, pageSize: query.pageSize };
}

/** A decision the actor manages (the matter's supervisor), locked, in one of `states`. */
async function lockForManage(
  trx: Db,
  actor: Actor,
  id: number,
  states: readonly DecisionState[],
  action: string,
) {
  assertCan(actor, 'supervision.manage');
  const row = await findDecisionById(trx, id);
  if (!row || !canManageMatter(actor, { ownerPath: row.owner_path, unitPaths: [] }))
    throw notFound('监督决定');
  const locked = (await lockDecision(trx, id))!;
  if (!states.includes(locked.state)) {
    throw conflict(`监督决定${DECISION_STATE_LABELS[locked.state]}，不能${action}`);
  }
  return { row, locked };
}

/**
 * 第十五条: drafts the request to the county government on a notice whose correction is overdue
 * or refused. One live request per notice.
 */
export async function createDecisionRequest(
  db: Db,
  actor: Actor,
  noticeId: number,
  body: DecisionRequestBody,
) {
  assertCan(actor, 'supervision.manage');
  const notice = await findNoticeById(db, noticeId);
  if (!notice || !canManageMatter(actor, { ownerPath: notice.owner_path, unitPaths: [] }))
    throw notFound('监督通知书');
  const today = todayInShanghai(new Date());
  const refusal = decisionRequestRefusal(
    { state: notice.state, correctionDueOn: notice.correction_due_on },
    body.ground,
    today,
  );
  if (refusal === 'notice_not_open') throw conflict('只有已签发且未办结、未撤回的通知书可以报请监督决定');
  if (refusal === 'not_overdue') {
    throw new AppError('SUPERVISION_NOT_OVERDUE', '改正期限未届满，不能以逾期不改正为由报请', {
      fields: [{ field: 'ground', message: `改正期限${formatChineseDate(notice.correction_due_on)}未届满` }],
    });
  }
  const caseId = body.caseId ?? notice.case_id;
  if (body.caseId) await resolveCase(db, actor, body.caseId);
  const id = await db.transaction().execute(async (trx) => {
    // the notice's row lock serialises two supervisors requesting on the same notice
    await lockNotice(trx, noticeId);
    if (await findActiveDecisionOfNotice(trx, noticeId)) throw conflict('该通知书已有报请，不能重复报请');
    const { id } = await insertDecision(trx, {
      notice_id: noticeId,
      case_id: caseId,
      ground: body.ground,
      request_reason: body.requestReason,
      proposed_kind: body.proposedKind,
      created_by: actor.id,
    });
    await recordAudit(trx, actor, {
      action: 'supervision.decision_request_draft',
      entityType: 'supervision_decision',
      entityId: id,
      orgId: notice.issuer_org_id,
      after: { noticeId, ...body },
    });
    return id;
  });
  return getDecision(db, actor, id);
}

/** Edits the request while it is a draft. */
export async function updateDecisionRequest(db: Db, actor: Actor, id: number, body: DecisionRequestPatch) {
  if (body.caseId) await resolveCase(db, actor, body.caseId);
  await db.transaction().execute(async (trx) => {
    const { locked, row } = await lockForManage(trx, actor, id, ['draft'], '修改');
    await updateDecisionRow(trx, id, {
      ...(body.ground && { ground: body.ground }),
      ...(body.requestReason && { request_reason: body.requestReason }),
      ...(body.proposedKind && { proposed_kind: body.proposedKind }),
      ...(body.caseId !== undefined && { case_id: body.caseId }),
    });
    await recordAudit(trx, actor, {
      action: 'supervision.decision_request_update',
      entityType: 'supervision_decision',
      entityId: id,
      orgId: row.issuer_org_id,
      before: {
        ground: locked.ground,
        requestReason: locked.request_reason,
        proposedKind: locked.proposed_kind,
      },
      after: body,
    });
  });
  return getDecision(db, actor, id);
}

/** Sends the request to a bureau leader for 签发. */
export async function submitDecisionRequest(db: Db, actor: Actor, id: number) {
  await db.transaction().execute(async (trx) => {
    const { row } = await lockForManage(trx, actor, id, ['draft'], '提交签发');
    await updateDecisionRow(trx, id, { state: 'awaiting_sign_off', sign_comment: null });
    await requestSignOff(trx, actor, {
      domain: DOMAIN,
      recordType: DECISION_RECORD_TYPE,
      recordId: id,
      orgId: row.issuer_org_id,
      title: `关于提请对${row.unit_name}作出行政执法监督决定的请示`,
    });
    await recordAudit(trx, actor, {
      action: 'supervision.decision_request_submit',
      entityType: 'supervision_decision',
      entityId: id,
      orgId: row.issuer_org_id,
    });
  });
  return getDecision(db, actor, id);
}

/**
 * Records the county government's decision: kind, its own number and date, content, and the day
 * it reached the unit; the unit's report is due 30 calendar days later (第十五条).
 */
export async function recordDecision(db: Db, actor: Actor, id: number, body: DecisionRecordBody) {
  assertCan(actor, 'supervision.decide');
  const row = await getDecisionRow(db, actor, id);
  if (!canRecordDecision(actor, { ownerPath: row.owner_path }, await actorOrgKind(db, actor)))
    throw notFound('监督决定');
  const today = todayInShanghai(new Date());
  const problems: FieldProblem[] = [];
  if (body.decidedOn > today) problems.push({ field: 'decidedOn', message: '决定日期不能晚于今天' });
  if (row.requested_on && body.decidedOn < row.requested_on)
    problems.push({ field: 'decidedOn', message: '决定日期不能早于报请日期' });
  if (body.servedOn < body.decidedOn)
    problems.push({ field: 'servedOn', message: '送达日期不能早于决定日期' });
  if (body.servedOn > today) problems.push({ field: 'servedOn', message: '送达日期不能晚于今天' });
  if (problems.length > 0) throw invalid(problems);
  const reportDueOn = addCalendarDays(body.servedOn, DECISION_REPORT_DAYS);
  await db.transaction().execute(async (trx) => {
    const locked = (await lockDecision(trx, id))!;
    if (locked.state !== 'requested') {
      throw conflict(`监督决定${DECISION_STATE_LABELS[locked.state]}，不能登记决定`);
    }
    await updateDecisionRow(trx, id, {
      state: 'decided',
      kind: body.kind,
      decision_number: body.decisionNumber,
      decided_on: body.decidedOn,
      decision_content: body.content,
      served_on: body.servedOn,
      report_due_on: reportDueOn,
      recorded_by: actor.id,
    });
    await recordAudit(trx, actor, {
      action: 'supervision.decision_record',
      entityType: 'supervision_decision',
      entityId: id,
      orgId: row.issuer_org_id,
      after: { ...body, reportDueOn },
    });
  });
  return getDecision(db, actor, id);
}

/** The unit's legal officer reports in writing on carrying out the decision. */
export async function reportOnDecision(db: Db, actor: Actor, id: number, content: string) {
  assertCan(actor, 'supervision.answer');
  const row = await getDecisionRow(db, actor, id);
  if (!canAnswerFor(actor, row.unit_path)) throw notFound('监督决定');
  await db.transaction().execute(async (trx) => {
    const locked = (await lockDecision(trx, id))!;
    if (locked.state !== 'decided' && locked.state !== 'returned') {
      throw conflict(`监督决定${DECISION_STATE_LABELS[locked.state]}，不能报告`);
    }
    await submitRectificationReport(trx, actor, { of: 'decision_id', id, orgId: row.unit_org_id }, content);
    await updateDecisionRow(trx, id, { state: 'reported' });
  });
  return getDecision(db, actor, id);
}

/** The supervisor accepts the report (the decision is carried out) or returns it with reasons. */
export async function reviewDecisionReport(
  db: Db,
  actor: Actor,
  id: number,
  body: { accept: boolean; reason?: string | undefined },
) {
  const today = todayInShanghai(new Date());
  await db.transaction().execute(async (trx) => {
    const { row } = await lockForManage(trx, actor, id, ['reported'], '审核报告');
    await reviewLatestRectificationReport(
      trx,
      actor,
      { of: 'decision_id', id, orgId: row.issuer_org_id },
      body,
      today,
    );
    await updateDecisionRow(
      trx,
      id,
      body.accept ? { state: 'accepted', closed_on: today } : { state: 'returned' },
    );
  });
  return getDecision(db, actor, id);
}

/** Withdraws a request not yet decided (a draft, or one sent): a sent one keeps its number. */
export async function withdrawDecisionRequest(db: Db, actor: Actor, id: number, reason: string) {
  await db.transaction().execute(async (trx) => {
    const { locked, row } = await lockForManage(trx, actor, id, ['draft', 'requested'], '撤回');
    await updateDecisionRow(trx, id, { state: 'withdrawn', withdrawn_reason: reason });
    if (locked.request_number) {
      await markDocumentWithdrawn(trx, actor, {
        domain: DOMAIN,
        recordType: DECISION_RECORD_TYPE,
        recordId: id,
        reason,
      });
    }
    await recordAudit(trx, actor, {
      action: 'supervision.decision_request_withdraw',
      entityType: 'supervision_decision',
      entityId: id,
      orgId: row.issuer_org_id,
      before: { state: locked.state },
      after: { state: 'withdrawn', reason },
    });
  });
  return getDecision(db, actor, id);
}

/** The request (请示) as a DOCX: the bureau's upward document with 签发人. */
export async function renderDecisionRequest(db: Db, actor: Actor, id: number) {
  const row = await getDecisionRow(db, actor, id);
  const register = await findIssuingRegister(db, { orgId: row.issuer_org_id, registerCode: REGISTER_CODE });
  const government = await findOrgById(db, countyIdOf(row.owner_path));
  const content = buildDecisionRequestDocument({
    issuerName: row.issuer_name,
    governmentName: government?.name ?? '县人民政府',
    numberPrefix: register?.prefix ?? '',
    requestNumber: row.request_number,
    signedBy: row.request_signed_by,
    unitName: row.unit_name,
    noticeNumber: row.notice_number ?? '',
    noticeIssuedOn: row.notice_issued_on ?? row.correction_due_on,
    correctionDueOn: row.correction_due_on,
    facts: row.facts,
    requiredCorrection: row.required_correction,
    ground: row.ground,
    requestReason: row.request_reason,
    proposedKind: row.proposed_kind,
    requestedOn: row.requested_on,
    today: todayInShanghai(new Date()),
    isWithdrawn: row.state === 'withdrawn',
  });
  return {
    fileName: `提请作出行政执法监督决定的请示${row.request_number ? `（${row.request_number}）` : '（未签发稿）'}.docx`,
    contentType: DOCX,
    bytes: await renderOfficialDocx(content),
  };
}

/** The government's 行政执法监督决定书 as recorded, once recorded. */
export async function renderDecision(db: Db, actor: Actor, id: number) {
  const row = await getDecisionRow(db, actor, id);
  if (!row.decision_number || !row.kind || !row.decided_on)
    throw conflict('县人民政府尚未作出决定，没有决定书');
  const government = await findOrgById(db, countyIdOf(row.owner_path));
  const content = buildDecisionDocument({
    governmentName: government?.name ?? '县人民政府',
    decisionNumber: row.decision_number,
    decidedOn: row.decided_on,
    unitName: row.unit_name,
    kind: row.kind,
    content: row.decision_content ?? '',
    noticeNumber: row.notice_number ?? '',
    facts: row.facts,
  });
  return {
    fileName: `行政执法监督决定书（${row.decision_number}）.docx`,
    contentType: DOCX,
    bytes: await renderOfficialDocx(content),
  };
}

/** The government's decisions on a case (the case's page; the caller has checked the case is readable). */
export async function decisionsOfCase(db: Db, caseId: number): Promise<CaseDecisionView[]> {
  const rows = await findDecidedOfCase(db, caseId);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind!,
    kindLabel: DECISION_KIND_LABELS[row.kind!],
    decisionNumber: row.decision_number!,
    decidedOn: row.decided_on!,
    noticeNumber: row.notice_number,
    stateLabel: DECISION_STATE_LABELS[row.state],
  }));
}
