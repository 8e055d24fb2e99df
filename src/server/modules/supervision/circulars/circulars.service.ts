/**
 * Circulars (通报, 协调监督工作办法 第二十二、二十三条): 通报批评 of an agency for 第二十三条's
 * situations — it shirked a dispute (一), did not execute a coordination decision (二), did not
 * correct by the deadline (三), other (四) — and 通报表扬 of an outstanding unit or its people
 * (第二十二条). A supervisor drafts it, linked to what caused it (a notice or decision here, a
 * coordination mark and its dispute there); a leader signs it off and it takes the next number of
 * 博司监 in the signing transaction; printed as an official document. Once issued it is never
 * edited, only withdrawn with a reason (its number stays used).
 */
import { todayInShanghai } from '../../../../common/format.ts';
import {
  CIRCULAR_KIND_LABELS,
  CIRCULAR_SITUATION_CLAUSES,
  CIRCULAR_SITUATION_LABELS,
  CIRCULAR_STATE_LABELS,
  type CircularState,
  circularKindOf,
} from '../../../../common/supervision.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan, can, isInScope } from '../../../lib/access.ts';
import { conflict, type FieldProblem, invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { findCoordinationViolation } from '../../coordination/coordination.public.ts';
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
import { findDecisionById } from '../decisions/decisions.repository.ts';
import { findNoticeById } from '../notices/notices.repository.ts';
import { countyIdOf, missingAt, resolveUnits } from '../supervision.links.ts';
import { buildCircularDocument } from './circular.build.ts';
import {
  type CircularRow,
  findCircularById,
  findCirculars,
  insertCircular,
  lockCircular,
  updateCircularRow,
} from './circulars.repository.ts';
import type {
  CircularDraftBody,
  CircularDraftPatch,
  CircularListQuery,
  CircularView,
} from './circulars.schema.ts';

export const CIRCULAR_RECORD_TYPE = 'supervision_circular';
const REGISTER_CODE = 'supervision';
const DOMAIN = 'supervision';

registerDocumentKind(CIRCULAR_RECORD_TYPE, {
  label: '通报',
  linkOf: (id) => `/supervision/circulars/${id}`,
});

registerSignOffHandler(CIRCULAR_RECORD_TYPE, {
  async onSigned(trx, request, signer) {
    const circular = await lockCircular(trx, request.recordId);
    if (circular?.state !== 'awaiting_sign_off') throw conflict('通报不在待签发状态');
    const row = (await findCircularById(trx, circular.id))!;
    const year = Number(signer.signedOn.slice(0, 4));
    const { sequence, number } = await takeDocumentNumber(trx, {
      orgId: circular.issuer_org_id,
      registerCode: REGISTER_CODE,
      year,
    });
    await updateCircularRow(trx, circular.id, {
      state: 'issued',
      number,
      year,
      sequence,
      signed_by: signer.name,
      issued_on: signer.signedOn,
    });
    await recordIssuedDocument(trx, signer.actor, {
      orgId: circular.issuer_org_id,
      registerCode: REGISTER_CODE,
      number,
      sequence,
      year,
      title: circular.title,
      recipient: row.subject_name,
      issuedOn: signer.signedOn,
      signedBy: signer.name,
      source: { domain: DOMAIN, recordType: CIRCULAR_RECORD_TYPE, recordId: circular.id },
    });
    await recordAudit(trx, signer.actor, {
      action: 'supervision.circular_issue',
      entityType: 'supervision_circular',
      entityId: circular.id,
      orgId: circular.issuer_org_id,
      after: { number, issuedOn: signer.signedOn, signedBy: signer.name },
    });
  },
  async onReturned(trx, request, comment) {
    const circular = await lockCircular(trx, request.recordId);
    if (circular?.state !== 'awaiting_sign_off') throw conflict('通报不在待签发状态');
    await updateCircularRow(trx, circular.id, { state: 'draft', sign_comment: comment });
  },
});

const canManage = (actor: Actor, row: CircularRow) =>
  can(actor, 'supervision.manage') && isInScope(actor, row.issuer_path);

function present(actor: Actor, row: CircularRow): CircularView {
  const manages = canManage(actor, row);
  return {
    id: row.id,
    issuer: { id: row.issuer_org_id, name: row.issuer_name },
    subject: { id: row.subject_org_id, name: row.subject_name },
    kind: row.kind,
    kindLabel: CIRCULAR_KIND_LABELS[row.kind],
    situation: row.situation,
    situationLabel: CIRCULAR_SITUATION_LABELS[row.situation],
    clause: CIRCULAR_SITUATION_CLAUSES[row.situation],
    persons: row.persons,
    title: row.title,
    facts: row.facts,
    requirement: row.requirement,
    noticeId: row.notice_id,
    decisionId: row.decision_id,
    violationId: row.violation_id,
    disputeId: row.dispute_id,
    state: row.state,
    stateLabel: CIRCULAR_STATE_LABELS[row.state],
    signComment: row.sign_comment,
    number: row.number,
    signedBy: row.signed_by,
    issuedOn: row.issued_on,
    withdrawnReason: row.withdrawn_reason,
    abilities: {
      canEdit: manages && row.state === 'draft',
      canSubmit: manages && row.state === 'draft',
      canWithdraw: manages && row.state === 'issued',
    },
  };
}

/** TS twin of findCirculars' condition: the issuer's side always; the subject's once issued. */
function canReadCircular(actor: Actor, row: CircularRow) {
  return isInScope(actor, row.issuer_path) || (row.number !== null && isInScope(actor, row.subject_path));
}

async function getCircularRow(db: Db, actor: Actor, id: number) {
  assertCan(actor, 'supervision.read');
  const row = await findCircularById(db, id);
  if (!row || !canReadCircular(actor, row)) throw notFound('通报');
  return row;
}

export async function getCircular(db: Db, actor: Actor, id: number): Promise<CircularView> {
  return present(actor, await getCircularRow(db, actor, id));
}

export async function listCirculars(db: Db, actor: Actor, query: CircularListQuery) {
  assertCan(actor, 'supervision.read');
  const { rows, total } = await findCirculars(db, { ...query, scopePaths: actor.scopePaths });
  return { items: rows.map((row) => present(actor, row)), total, page: query.page, pageSize: query.pageSize };
}

/**
 * The links a draft names, each in the writer's scope and about the circulated unit: a notice or
 * decision of this domain, or a coordination mark (第二十三条(一)(二) need one of the same kind).
 */
async function resolveLinks(db: Db, actor: Actor, body: CircularDraftBody) {
  const [subject] = await resolveUnits(db, actor, [body.subjectOrgId], 'subjectOrgId');
  const problems: FieldProblem[] = [];
  let disputeId: number | null = null;
  if (body.noticeId) {
    const notice = await findNoticeById(db, body.noticeId);
    if (!notice || !isInScope(actor, notice.owner_path) || notice.number === null)
      throw missingAt('noticeId', '监督通知书不存在或未签发');
    if (notice.unit_org_id !== subject!.id)
      problems.push({ field: 'noticeId', message: '通知书不是发给被通报单位的' });
  }
  if (body.decisionId) {
    const decision = await findDecisionById(db, body.decisionId);
    if (!decision || !isInScope(actor, decision.owner_path) || decision.decision_number === null)
      throw missingAt('decisionId', '监督决定不存在或尚未决定');
    if (decision.unit_org_id !== subject!.id)
      problems.push({ field: 'decisionId', message: '监督决定不是针对被通报单位的' });
  }
  if (body.violationId) {
    const mark = await findCoordinationViolation(db, {
      countyOrgId: countyIdOf(subject!.path),
      id: body.violationId,
    });
    if (!mark) throw missingAt('violationId', '协调违规记录不存在');
    if (mark.orgId !== subject!.id)
      problems.push({ field: 'violationId', message: '协调违规记录不是被通报单位的' });
    if (body.situation !== mark.kind)
      problems.push({ field: 'violationId', message: `协调违规记录的情形是“${mark.label}”，与通报情形不符` });
    disputeId = mark.disputeId;
  }
  if ((body.situation === 'shirked_dispute' || body.situation === 'not_executed') && !body.violationId)
    problems.push({ field: 'violationId', message: '请选择行政执法协调中记录的违规情形' });
  if (body.situation === 'not_corrected' && !body.noticeId && !body.decisionId)
    problems.push({ field: 'noticeId', message: '请选择未按期改正的监督通知书或监督决定' });
  if (body.situation === 'outstanding' && (body.noticeId || body.decisionId || body.violationId))
    problems.push({ field: 'situation', message: '通报表扬不关联通知书、决定或违规记录' });
  if (problems.length > 0) throw invalid(problems);
  return { subject: subject!, disputeId };
}

export async function createCircular(db: Db, actor: Actor, body: CircularDraftBody) {
  assertCan(actor, 'supervision.manage');
  const { subject, disputeId } = await resolveLinks(db, actor, body);
  const register = await findIssuingRegister(db, { orgId: actor.orgId, registerCode: REGISTER_CODE });
  if (!register) throw conflict('本单位未设置“监督通知书、决定书”发文登记簿，请管理员先设置');
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await insertCircular(trx, {
      issuer_org_id: register.orgId,
      subject_org_id: subject.id,
      kind: circularKindOf(body.situation),
      situation: body.situation,
      persons: body.persons,
      title: body.title,
      facts: body.facts,
      requirement: body.requirement,
      notice_id: body.noticeId ?? null,
      decision_id: body.decisionId ?? null,
      violation_id: body.violationId ?? null,
      dispute_id: disputeId,
      created_by: actor.id,
    });
    await recordAudit(trx, actor, {
      action: 'supervision.circular_draft',
      entityType: 'supervision_circular',
      entityId: id,
      orgId: register.orgId,
      after: body,
    });
    return id;
  });
  return getCircular(db, actor, id);
}

async function lockForManage(
  trx: Db,
  actor: Actor,
  id: number,
  states: readonly CircularState[],
  action: string,
) {
  assertCan(actor, 'supervision.manage');
  const row = await findCircularById(trx, id);
  if (!row || !canManage(actor, row)) throw notFound('通报');
  const locked = (await lockCircular(trx, id))!;
  if (!states.includes(locked.state))
    throw conflict(`通报${CIRCULAR_STATE_LABELS[locked.state]}，不能${action}`);
  return { row, locked };
}

export async function updateCircular(db: Db, actor: Actor, id: number, patch: CircularDraftPatch) {
  const current = await getCircularRow(db, actor, id);
  if (!canManage(actor, current)) throw notFound('通报');
  if (current.state !== 'draft') throw conflict(`通报${CIRCULAR_STATE_LABELS[current.state]}，不能修改`);
  const next: CircularDraftBody = {
    situation: patch.situation ?? current.situation,
    subjectOrgId: patch.subjectOrgId ?? current.subject_org_id,
    persons: patch.persons === undefined ? current.persons : patch.persons,
    title: patch.title ?? current.title,
    facts: patch.facts ?? current.facts,
    requirement: patch.requirement === undefined ? current.requirement : patch.requirement,
    noticeId: patch.noticeId === undefined ? current.notice_id : patch.noticeId,
    decisionId: patch.decisionId === undefined ? current.decision_id : patch.decisionId,
    violationId: patch.violationId === undefined ? current.violation_id : patch.violationId,
  };
  const { subject, disputeId } = await resolveLinks(db, actor, next);
  await db.transaction().execute(async (trx) => {
    const { locked } = await lockForManage(trx, actor, id, ['draft'], '修改');
    await updateCircularRow(trx, id, {
      subject_org_id: subject.id,
      kind: circularKindOf(next.situation),
      situation: next.situation,
      persons: next.persons ?? null,
      title: next.title,
      facts: next.facts,
      requirement: next.requirement ?? null,
      notice_id: next.noticeId ?? null,
      decision_id: next.decisionId ?? null,
      violation_id: next.violationId ?? null,
      dispute_id: disputeId,
    });
    await recordAudit(trx, actor, {
      action: 'supervision.circular_update',
      entityType: 'supervision_circular',
      entityId: id,
      orgId: locked.issuer_org_id,
      before: { situation: locked.situation, title: locked.title, facts: locked.facts },
      after: patch,
    });
  });
  return getCircular(db, actor, id);
}

export async function submitCircular(db: Db, actor: Actor, id: number) {
  await db.transaction().execute(async (trx) => {
    const { row } = await lockForManage(trx, actor, id, ['draft'], '提交签发');
    await updateCircularRow(trx, id, { state: 'awaiting_sign_off', sign_comment: null });
    await requestSignOff(trx, actor, {
      domain: DOMAIN,
      recordType: CIRCULAR_RECORD_TYPE,
      recordId: id,
      orgId: row.issuer_org_id,
      title: row.title,
    });
    await recordAudit(trx, actor, {
      action: 'supervision.circular_submit',
      entityType: 'supervision_circular',
      entityId: id,
      orgId: row.issuer_org_id,
    });
  });
  return getCircular(db, actor, id);
}

export async function withdrawCircular(db: Db, actor: Actor, id: number, reason: string) {
  await db.transaction().execute(async (trx) => {
    const { row } = await lockForManage(trx, actor, id, ['issued'], '撤回');
    await updateCircularRow(trx, id, { state: 'withdrawn', withdrawn_reason: reason });
    await markDocumentWithdrawn(trx, actor, {
      domain: DOMAIN,
      recordType: CIRCULAR_RECORD_TYPE,
      recordId: id,
      reason,
    });
    await recordAudit(trx, actor, {
      action: 'supervision.circular_withdraw',
      entityType: 'supervision_circular',
      entityId: id,
      orgId: row.issuer_org_id,
      before: { state: 'issued' },
      after: { state: 'withdrawn', reason },
    });
  });
  return getCircular(db, actor, id);
}

export async function renderCircular(db: Db, actor: Actor, id: number) {
  const row = await getCircularRow(db, actor, id);
  const register = await findIssuingRegister(db, { orgId: row.issuer_org_id, registerCode: REGISTER_CODE });
  const citations: string[] = [];
  if (row.notice_id) {
    const notice = await findNoticeById(db, row.notice_id);
    if (notice?.number) citations.push(`《行政执法监督通知书》（${notice.number}）`);
  }
  if (row.decision_id) {
    const decision = await findDecisionById(db, row.decision_id);
    if (decision?.decision_number) citations.push(`《行政执法监督决定书》（${decision.decision_number}）`);
  }
  const content = buildCircularDocument({
    issuerName: row.issuer_name,
    numberPrefix: register?.prefix ?? '',
    number: row.number,
    situation: row.situation,
    subjectName: row.subject_name,
    persons: row.persons,
    title: row.title,
    facts: row.facts,
    requirement: row.requirement,
    citations,
    issuedOn: row.issued_on,
    today: todayInShanghai(new Date()),
    isWithdrawn: row.state === 'withdrawn',
  });
  return {
    fileName: `${CIRCULAR_KIND_LABELS[row.kind]}${row.number ? `（${row.number}）` : '（未签发稿）'}.docx`,
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    bytes: await renderOfficialDocx(content),
  };
}
