/**
 * Supervision notices (行政执法监督通知书, 协调监督工作办法 第十五条): drafted by the supervisor
 * under a matter; signed off by a leader through the documents domain (签发), which numbers it from
 * the bureau's register (博司监〔2026〕3号) in the same transaction; served (date, manner,
 * receiver); the unit reports within 30 calendar days of receipt; the supervisor accepts (closes)
 * or returns the report with reasons. An issued notice is never edited, only withdrawn with a
 * reason (its number stays used).
 */
import { addCalendarDays } from '../../../../common/calendar.ts';
import { todayInShanghai } from '../../../../common/format.ts';
import { NOTICE_REPORT_DAYS, NOTICE_STATE_LABELS, supervisionDue } from '../../../../common/supervision.ts';
import type { Db } from '../../../db/database.ts';
import type { NoticeState } from '../../../db/schema.ts';
import { type Actor, assertCan, can } from '../../../lib/access.ts';
import { AppError, conflict, invalid, notFound } from '../../../lib/errors.ts';
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
import { getOrgInScope } from '../../org/org.service.ts';
import { findDecisionNoticeId } from '../decisions/decisions.repository.ts';
import { getMatterForActor, getMatterForManage } from '../matters/matters.service.ts';
import { resolveCase, resolveCaseFile } from '../supervision.links.ts';
import { canAnswerFor, canManageMatter, canReadAddressed } from '../supervision.policy.ts';
import { buildNoticeDocument } from './notice.build.ts';
import {
  findNoticeById,
  findNotices,
  findRectificationById,
  findSuccessors,
  insertNotice,
  lockNotice,
  type NoticeRow,
  updateNoticeRow,
} from './notices.repository.ts';
import type {
  NoticeDraftBody,
  NoticeDraftPatch,
  NoticeListQuery,
  NoticeReviewBody,
  NoticeServeBody,
  NoticeSupersedeBody,
  NoticeView,
} from './notices.schema.ts';
import { reviewLatestRectificationReport, submitRectificationReport } from './rectifications.service.ts';
import { presentReports } from './rectifications.view.ts';

/** The register notices are numbered from (documents domain; 博司监 in the demo county). */
export const NOTICE_REGISTER_CODE = 'supervision';
export const NOTICE_RECORD_TYPE = 'supervision_notice';
const DOMAIN = 'supervision';

registerDocumentKind(NOTICE_RECORD_TYPE, {
  label: '行政执法监督通知书',
  linkOf: (id) => `/supervision/notices/${id}`,
});

/**
 * Takes the notice's number from the bureau's register: the one place numbering happens, in the
 * signing transaction (gapless, never reused, safe under concurrent signing: documents domain).
 */
async function takeNoticeNumber(trx: Db, issuerOrgId: number, year: number) {
  return takeDocumentNumber(trx, { orgId: issuerOrgId, registerCode: NOTICE_REGISTER_CODE, year });
}

registerSignOffHandler(NOTICE_RECORD_TYPE, {
  async onSigned(trx, request, signer) {
    const notice = await lockNotice(trx, request.recordId);
    if (notice?.state !== 'awaiting_sign_off') throw conflict('通知书不在待签发状态');
    const year = Number(signer.signedOn.slice(0, 4));
    const { sequence, number } = await takeNoticeNumber(trx, notice.issuer_org_id, year);
    await updateNoticeRow(trx, notice.id, {
      state: 'issued',
      number,
      year,
      sequence,
      signed_by: signer.name,
      issued_on: signer.signedOn,
    });
    const unit = (await findOrgById(trx, notice.unit_org_id))!;
    await recordIssuedDocument(trx, signer.actor, {
      orgId: notice.issuer_org_id,
      registerCode: NOTICE_REGISTER_CODE,
      number,
      sequence,
      year,
      title: '行政执法监督通知书',
      recipient: unit.name,
      issuedOn: signer.signedOn,
      signedBy: signer.name,
      source: { domain: DOMAIN, recordType: NOTICE_RECORD_TYPE, recordId: notice.id },
    });
    await recordAudit(trx, signer.actor, {
      action: 'supervision.notice_issue',
      entityType: 'supervision_notice',
      entityId: notice.id,
      orgId: notice.issuer_org_id,
      after: { number, issuedOn: signer.signedOn, signedBy: signer.name },
    });
    if (notice.supersedes_id) await retireSuperseded(trx, signer.actor, notice.supersedes_id, number);
  },
  async onReturned(trx, request, comment) {
    const notice = await lockNotice(trx, request.recordId);
    if (notice?.state !== 'awaiting_sign_off') throw conflict('通知书不在待签发状态');
    await updateNoticeRow(trx, notice.id, { state: 'draft', sign_comment: comment });
  },
});

/** The old notice a newly signed one replaces is withdrawn in the same transaction, its number kept. */
async function retireSuperseded(trx: Db, actor: Actor, oldId: number, newNumber: string) {
  const old = await lockNotice(trx, oldId);
  if (!old || !OPEN_STATES.includes(old.state)) throw conflict('被替代的通知书已办结或已撤回，不能再替代');
  const reason = `已由${newNumber}替代`;
  await updateNoticeRow(trx, oldId, { state: 'withdrawn', withdrawn_reason: reason });
  await markDocumentWithdrawn(trx, actor, {
    domain: DOMAIN,
    recordType: NOTICE_RECORD_TYPE,
    recordId: oldId,
    reason,
  });
  await recordAudit(trx, actor, {
    action: 'supervision.notice_supersede',
    entityType: 'supervision_notice',
    entityId: oldId,
    orgId: old.issuer_org_id,
    before: { state: old.state },
    after: { state: 'withdrawn', reason },
  });
}

/** Issued and not yet closed or withdrawn: the unit still owes the correction. */
const OPEN_STATES: readonly NoticeState[] = ['issued', 'served', 'reported', 'returned'];

/** What is due in the notice's current state: the unit's report while served or returned. */
function dueOf(row: NoticeRow, today: string) {
  return (row.state === 'served' || row.state === 'returned') && row.report_due_on
    ? supervisionDue(row.report_due_on, today)
    : null;
}

async function present(db: Db, actor: Actor, rows: readonly NoticeRow[]): Promise<NoticeView[]> {
  const today = todayInShanghai(new Date());
  const ids = rows.map((row) => row.id);
  const [reports, successors] = await Promise.all([
    presentReports(db, ids, 'notice_id'),
    findSuccessors(db, ids),
  ]);
  const successorOf = new Map(successors.map((successor) => [successor.supersedes_id!, successor]));
  return rows.map((row) => {
    const manages = canManageMatter(actor, { ownerPath: row.owner_path, unitPaths: [] });
    const isOpen = OPEN_STATES.includes(row.state);
    const successor = successorOf.get(row.id);
    return {
      id: row.id,
      matterId: row.matter_id,
      matterTitle: row.matter_title,
      unit: { id: row.unit_org_id, name: row.unit_name },
      issuer: { id: row.issuer_org_id, name: row.issuer_name },
      caseId: row.case_id,
      caseFileId: row.case_file_id,
      facts: row.facts,
      reasons: row.reasons,
      legalBasis: row.legal_basis,
      requiredCorrection: row.required_correction,
      correctionDueOn: row.correction_due_on,
      state: row.state,
      stateLabel: NOTICE_STATE_LABELS[row.state],
      signComment: row.sign_comment,
      number: row.number,
      signedBy: row.signed_by,
      issuedOn: row.issued_on,
      servedOn: row.served_on,
      serviceManner: row.service_manner,
      serviceReceiver: row.service_receiver,
      due: dueOf(row, today),
      correctionDue: isOpen ? supervisionDue(row.correction_due_on, today) : null,
      closedOn: row.closed_on,
      withdrawnReason: row.withdrawn_reason,
      supersedesId: row.supersedes_id,
      supersededBy: successor ? { id: successor.id, number: successor.number } : null,
      rectifications: reports.get(row.id) ?? [],
      abilities: {
        canEdit: manages && row.state === 'draft',
        canSubmit: manages && row.state === 'draft',
        canServe: manages && row.state === 'issued',
        canReport: canAnswerFor(actor, row.unit_path) && (row.state === 'served' || row.state === 'returned'),
        canReview: manages && row.state === 'reported',
        canWithdraw: manages && isOpen,
        canSupersede: manages && isOpen && !successor,
      },
    };
  });
}

/** Whether the actor reads the notice: its matter's runners always; the unit's readers once issued. */
function canReadNotice(actor: Actor, row: NoticeRow): boolean {
  if (!canReadAddressed(actor, { ownerPath: row.owner_path, unitPath: row.unit_path })) return false;
  return row.number !== null || canManageMatter(actor, { ownerPath: row.owner_path, unitPaths: [] });
}

async function getNoticeRow(db: Db, actor: Actor, id: number) {
  assertCan(actor, 'supervision.read');
  const row = await findNoticeById(db, id);
  if (!row || !canReadNotice(actor, row)) throw notFound('监督通知书');
  return row;
}

export async function getNotice(db: Db, actor: Actor, id: number): Promise<NoticeView> {
  return (await present(db, actor, [await getNoticeRow(db, actor, id)]))[0]!;
}

/** The register view (supervisors) and the unit's inbox (legal officers: issued notices only). */
export async function listNotices(
  db: Db,
  actor: Actor,
  query: NoticeListQuery,
  today = todayInShanghai(new Date()),
) {
  assertCan(actor, 'supervision.read');
  if (query.matterId) await getMatterForActor(db, actor, query.matterId);
  const { orgId, situation, ...rest } = query;
  const { rows, total } = await findNotices(db, {
    ...rest,
    unitPath: orgId ? (await getOrgInScope(db, actor, orgId)).path : undefined,
    situation: situation ? { kind: situation, today } : undefined,
    scopePaths: actor.scopePaths,
    issuedOnlyForUnits: !can(actor, 'supervision.manage'),
  });
  return { items: await present(db, actor, rows), total, page: query.page, pageSize: query.pageSize };
}

/** A notice the actor manages, locked, in one of `states`. */
async function lockForManage(
  trx: Db,
  actor: Actor,
  id: number,
  states: readonly NoticeState[],
  action: string,
) {
  assertCan(actor, 'supervision.manage');
  const row = await findNoticeById(trx, id);
  if (!row || !canManageMatter(actor, { ownerPath: row.owner_path, unitPaths: [] }))
    throw notFound('监督通知书');
  const locked = await lockNotice(trx, id);
  if (!locked || !states.includes(locked.state)) {
    throw new AppError('CONFLICT', `通知书${NOTICE_STATE_LABELS[locked?.state ?? 'draft']}，不能${action}`);
  }
  return { row, locked };
}

/** The checks a draft's content passes, on creation and on every edit: the unit, the deadline, the links. */
async function checkDraft(
  db: Db,
  actor: Actor,
  unitIds: readonly number[],
  body: Pick<NoticeDraftBody, 'unitId' | 'caseId' | 'caseFileId' | 'correctionDueOn'>,
) {
  if (!unitIds.includes(body.unitId)) {
    throw invalid([{ field: 'unitId', message: '通知书只能发给本事项的被监督单位' }]);
  }
  if (body.correctionDueOn < todayInShanghai(new Date())) {
    throw invalid([{ field: 'correctionDueOn', message: '改正期限不能早于今天' }]);
  }
  const caseFile = body.caseFileId ? await resolveCaseFile(db, actor, body.caseFileId) : null;
  const caseId = body.caseId ?? caseFile?.caseId ?? null;
  if (caseId) await resolveCase(db, actor, caseId);
  return { caseId, caseFileId: caseFile?.id ?? null };
}

/** Drafts a notice to one of the matter's units (prefilled from a failing review file: supervision.public.ts). */
export async function createNoticeDraft(
  db: Db,
  actor: Actor,
  matterId: number,
  body: NoticeDraftBody,
  supersedesId: number | null = null,
) {
  const { row: matter, units } = await getMatterForManage(db, actor, matterId);
  const links = await checkDraft(
    db,
    actor,
    units.map((unit) => unit.id),
    body,
  );
  const register = await findIssuingRegister(db, {
    orgId: matter.org_id,
    registerCode: NOTICE_REGISTER_CODE,
  });
  if (!register) throw conflict('本单位未设置“监督通知书、决定书”发文登记簿，请管理员先设置');
  const id = await db.transaction().execute(async (trx) => {
    if (supersedesId) {
      const old = await lockNotice(trx, supersedesId);
      if (!old || !OPEN_STATES.includes(old.state)) throw conflict('只有已签发且未办结的通知书可以替代');
      if ((await findSuccessors(trx, [supersedesId])).length > 0)
        throw conflict('该通知书已有替代通知书，不能重复替代');
    }
    const { id } = await insertNotice(trx, {
      matter_id: matterId,
      unit_org_id: body.unitId,
      issuer_org_id: register.orgId,
      case_id: links.caseId,
      case_file_id: links.caseFileId,
      facts: body.facts,
      reasons: body.reasons,
      legal_basis: body.legalBasis,
      required_correction: body.requiredCorrection,
      correction_due_on: body.correctionDueOn,
      supersedes_id: supersedesId,
      created_by: actor.id,
    });
    await recordAudit(trx, actor, {
      action: 'supervision.notice_draft',
      entityType: 'supervision_notice',
      entityId: id,
      orgId: matter.org_id,
      after: { ...body, supersedesId },
    });
    return id;
  });
  return getNotice(db, actor, id);
}

/** Edits a draft (never an issued notice: that is withdrawn or superseded). */
export async function updateNoticeDraft(db: Db, actor: Actor, id: number, patch: NoticeDraftPatch) {
  const current = await getNoticeRow(db, actor, id);
  const { units } = await getMatterForManage(db, actor, current.matter_id);
  if (current.state !== 'draft') {
    throw conflict(`通知书${NOTICE_STATE_LABELS[current.state]}，不能修改；已签发的通知书只能撤回或替代`);
  }
  const next = {
    unitId: patch.unitId ?? current.unit_org_id,
    caseId: patch.caseId === undefined ? current.case_id : patch.caseId,
    caseFileId: patch.caseFileId === undefined ? current.case_file_id : patch.caseFileId,
    correctionDueOn: patch.correctionDueOn ?? current.correction_due_on,
  };
  if (current.supersedes_id && next.unitId !== current.unit_org_id) {
    throw invalid([{ field: 'unitId', message: '替代通知书的被监督单位不能更改' }]);
  }
  const links = await checkDraft(
    db,
    actor,
    units.map((unit) => unit.id),
    next,
  );
  await db.transaction().execute(async (trx) => {
    const { locked } = await lockForManage(trx, actor, id, ['draft'], '修改');
    await updateNoticeRow(trx, id, {
      unit_org_id: next.unitId,
      case_id: links.caseId,
      case_file_id: links.caseFileId,
      correction_due_on: next.correctionDueOn,
      ...(patch.facts && { facts: patch.facts }),
      ...(patch.reasons && { reasons: patch.reasons }),
      ...(patch.legalBasis && { legal_basis: patch.legalBasis }),
      ...(patch.requiredCorrection && { required_correction: patch.requiredCorrection }),
    });
    await recordAudit(trx, actor, {
      action: 'supervision.notice_update',
      entityType: 'supervision_notice',
      entityId: id,
      orgId: locked.issuer_org_id,
      before: {
        unitId: locked.unit_org_id,
        facts: locked.facts,
        reasons: locked.reasons,
        legalBasis: locked.legal_basis,
        requiredCorrection: locked.required_correction,
        correctionDueOn: locked.correction_due_on,
      },
      after: patch,
    });
  });
  return getNotice(db, actor, id);
}

/**
 * Supersedes an issued notice: a new draft to the same unit, prefilled from the old one and
 * changed by `patch`, that names it. The old one stays in force until the new one is signed, and
 * is then withdrawn (已由…替代) in the signing transaction.
 */
export async function supersedeNotice(db: Db, actor: Actor, id: number, patch: NoticeSupersedeBody) {
  const old = await getNoticeRow(db, actor, id);
  if (!canManageMatter(actor, { ownerPath: old.owner_path, unitPaths: [] })) throw notFound('监督通知书');
  return createNoticeDraft(
    db,
    actor,
    old.matter_id,
    {
      unitId: old.unit_org_id,
      caseId: patch.caseId === undefined ? old.case_id : patch.caseId,
      caseFileId: patch.caseFileId === undefined ? old.case_file_id : patch.caseFileId,
      facts: patch.facts ?? old.facts,
      reasons: patch.reasons ?? old.reasons,
      legalBasis: patch.legalBasis ?? old.legal_basis,
      requiredCorrection: patch.requiredCorrection ?? old.required_correction,
      correctionDueOn: patch.correctionDueOn ?? old.correction_due_on,
    },
    id,
  );
}

/** Sends a draft to a leader for sign-off (签发). */
export async function submitNotice(db: Db, actor: Actor, id: number) {
  await db.transaction().execute(async (trx) => {
    const { row } = await lockForManage(trx, actor, id, ['draft'], '提交签发');
    await updateNoticeRow(trx, id, { state: 'awaiting_sign_off', sign_comment: null });
    await requestSignOff(trx, actor, {
      domain: DOMAIN,
      recordType: NOTICE_RECORD_TYPE,
      recordId: id,
      orgId: row.issuer_org_id,
      title: `行政执法监督通知书（${row.unit_name}）`,
    });
    await recordAudit(trx, actor, {
      action: 'supervision.notice_submit',
      entityType: 'supervision_notice',
      entityId: id,
      orgId: row.issuer_org_id,
    });
  });
  return getNotice(db, actor, id);
}

/** Records service (送达); the report is due 30 calendar days after receipt (第十五条). */
export async function serveNotice(db: Db, actor: Actor, id: number, body: NoticeServeBody) {
  await db.transaction().execute(async (trx) => {
    const { locked } = await lockForManage(trx, actor, id, ['issued'], '登记送达');
    if (body.servedOn < locked.issued_on!) {
      throw invalid([{ field: 'servedOn', message: '送达日期不能早于签发日期' }]);
    }
    if (body.servedOn > todayInShanghai(new Date())) {
      throw invalid([{ field: 'servedOn', message: '送达日期不能晚于今天' }]);
    }
    const reportDueOn = addCalendarDays(body.servedOn, NOTICE_REPORT_DAYS);
    await updateNoticeRow(trx, id, {
      state: 'served',
      served_on: body.servedOn,
      service_manner: body.manner,
      service_receiver: body.receiver,
      report_due_on: reportDueOn,
    });
    await recordAudit(trx, actor, {
      action: 'supervision.notice_serve',
      entityType: 'supervision_notice',
      entityId: id,
      orgId: locked.issuer_org_id,
      after: { ...body, reportDueOn },
    });
  });
  return getNotice(db, actor, id);
}

/** The unit's legal officer hands in the written report on its rectification. */
export async function reportOnNotice(db: Db, actor: Actor, id: number, content: string) {
  assertCan(actor, 'supervision.answer');
  const row = await getNoticeRow(db, actor, id);
  if (!canAnswerFor(actor, row.unit_path)) throw notFound('监督通知书');
  await db.transaction().execute(async (trx) => {
    const locked = await lockNotice(trx, id);
    if (locked?.state !== 'served' && locked?.state !== 'returned') {
      throw new AppError('CONFLICT', `通知书${NOTICE_STATE_LABELS[locked?.state ?? 'draft']}，不能报告`);
    }
    await submitRectificationReport(trx, actor, { of: 'notice_id', id, orgId: row.unit_org_id }, content);
    await updateNoticeRow(trx, id, { state: 'reported' });
  });
  return getNotice(db, actor, id);
}

/** The supervisor accepts the report (the notice closes) or returns it with reasons (report again). */
export async function reviewReport(db: Db, actor: Actor, id: number, body: NoticeReviewBody) {
  const today = todayInShanghai(new Date());
  await db.transaction().execute(async (trx) => {
    const { locked } = await lockForManage(trx, actor, id, ['reported'], '审核报告');
    await reviewLatestRectificationReport(
      trx,
      actor,
      { of: 'notice_id', id, orgId: locked.issuer_org_id },
      body,
      today,
    );
    await updateNoticeRow(
      trx,
      id,
      body.accept ? { state: 'accepted', closed_on: today } : { state: 'returned' },
    );
  });
  return getNotice(db, actor, id);
}

/** Withdraws an issued notice with a reason; its number stays used in the register. */
export async function withdrawNotice(db: Db, actor: Actor, id: number, reason: string) {
  await db.transaction().execute(async (trx) => {
    const { locked } = await lockForManage(trx, actor, id, OPEN_STATES, '撤回');
    await updateNoticeRow(trx, id, { state: 'withdrawn', withdrawn_reason: reason });
    await markDocumentWithdrawn(trx, actor, {
      domain: DOMAIN,
      recordType: NOTICE_RECORD_TYPE,
      recordId: id,
      reason,
    });
    await recordAudit(trx, actor, {
      action: 'supervision.notice_withdraw',
      entityType: 'supervision_notice',
      entityId: id,
      orgId: locked.issuer_org_id,
      before: { state: locked.state },
      after: { state: 'withdrawn', reason },
    });
  });
  return getNotice(db, actor, id);
}

/**
 * Who reads and writes the files of a rectification report (attachments.service): readers of its
 * notice read them; the unit's legal officer adds them while the report waits for review.
 */
export async function getRectificationOwner(db: Db, actor: Actor, id: number, mode: 'read' | 'write') {
  const report = await findRectificationById(db, id);
  if (!report) throw notFound('落实情况报告');
  // a report on a supervision decision (第十五条) belongs to the notice the decision was requested on
  const noticeId =
    report.notice_id ??
    (report.decision_id === null ? undefined : await findDecisionNoticeId(db, report.decision_id));
  if (noticeId === undefined) throw notFound('落实情况报告');
  const row = await getNoticeRow(db, actor, noticeId);
  if (mode === 'write') {
    if (!canAnswerFor(actor, row.unit_path)) throw notFound('落实情况报告');
    if (report.state !== 'submitted') throw new AppError('CONFLICT', '报告已审核，不能再更改附件');
  }
  return { orgId: row.unit_org_id };
}

/** The notice as a DOCX (GB/T 9704 via the documents renderer). */
export async function renderNotice(db: Db, actor: Actor, id: number) {
  const row = await getNoticeRow(db, actor, id);
  const register = await findIssuingRegister(db, {
    orgId: row.issuer_org_id,
    registerCode: NOTICE_REGISTER_CODE,
  });
  const content = buildNoticeDocument({
    issuerName: row.issuer_name,
    numberPrefix: register?.prefix ?? '',
    number: row.number,
    unitName: row.unit_name,
    facts: row.facts,
    reasons: row.reasons,
    legalBasis: row.legal_basis,
    requiredCorrection: row.required_correction,
    correctionDueOn: row.correction_due_on,
    issuedOn: row.issued_on,
    today: todayInShanghai(new Date()),
    isWithdrawn: row.state === 'withdrawn',
  });
  return {
    fileName: `行政执法监督通知书${row.number ? `（${row.number}）` : '（未签发稿）'}.docx`,
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    bytes: await renderOfficialDocx(content),
  };
}
