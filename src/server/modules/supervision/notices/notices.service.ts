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
import { findAttachmentsOf } from '../attachments/attachments.repository.ts';
import { attachmentsByOwner } from '../attachments/attachments.view.ts';
import { getMatterForActor, getMatterForManage } from '../matters/matters.service.ts';
import { resolveCase, resolveCaseFile } from '../supervision.links.ts';
import { canAnswerFor, canManageMatter, canReadAddressed } from '../supervision.policy.ts';
import { buildNoticeDocument } from './notice.build.ts';
import {
  findNoticeById,
  findNotices,
  findRectificationById,
  findRectifications,
  insertNotice,
  insertRectification,
  lockNotice,
  type NoticeRow,
  updateNoticeRow,
  updateRectificationRow,
} from './notices.repository.ts';
import type {
  NoticeDraftBody,
  NoticeListQuery,
  NoticeReviewBody,
  NoticeServeBody,
  NoticeView,
} from './notices.schema.ts';

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
  },
  async onReturned(trx, request, comment) {
    const notice = await lockNotice(trx, request.recordId);
    if (notice?.state !== 'awaiting_sign_off') throw conflict('通知书不在待签发状态');
    await updateNoticeRow(trx, notice.id, { state: 'draft', sign_comment: comment });
  },
});

/** What is due in the notice's current state: the unit's report while served or returned. */
function dueOf(row: NoticeRow, today: string) {
  return (row.state === 'served' || row.state === 'returned') && row.report_due_on
    ? supervisionDue(row.report_due_on, today)
    : null;
}

async function present(db: Db, actor: Actor, rows: readonly NoticeRow[]): Promise<NoticeView[]> {
  const today = todayInShanghai(new Date());
  const reports = await findRectifications(
    db,
    rows.map((row) => row.id),
  );
  const files = attachmentsByOwner(
    await findAttachmentsOf(
      db,
      'rectification',
      reports.map((report) => report.id),
    ),
  );
  return rows.map((row) => {
    const manages = canManageMatter(actor, { ownerPath: row.owner_path, unitPaths: [] });
    const isOpen = ['issued', 'served', 'reported', 'returned'].includes(row.state);
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
      rectifications: reports
        .filter((report) => report.notice_id === row.id)
        .map((report) => ({
          id: report.id,
          content: report.content,
          submittedOn: report.submitted_on,
          state: report.state,
          reviewedOn: report.reviewed_on,
          returnReason: report.return_reason,
          attachments: files.get(report.id) ?? [],
        })),
      abilities: {
        canEdit: manages && row.state === 'draft',
        canSubmit: manages && row.state === 'draft',
        canServe: manages && row.state === 'issued',
        canReport: canAnswerFor(actor, row.unit_path) && (row.state === 'served' || row.state === 'returned'),
        canReview: manages && row.state === 'reported',
        canWithdraw: manages && isOpen,
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
export async function listNotices(db: Db, actor: Actor, query: NoticeListQuery) {
  assertCan(actor, 'supervision.read');
  if (query.matterId) await getMatterForActor(db, actor, query.matterId);
  const { rows, total } = await findNotices(db, {
    ...query,
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

/** Drafts a notice to one of the matter's units (prefilled from a failing review file: supervision.public.ts). */
export async function createNoticeDraft(db: Db, actor: Actor, matterId: number, body: NoticeDraftBody) {
  const { row: matter, units } = await getMatterForManage(db, actor, matterId);
  if (!units.some((unit) => unit.id === body.unitId)) {
    throw invalid([{ field: 'unitId', message: '通知书只能发给本事项的被监督单位' }]);
  }
  const today = todayInShanghai(new Date());
  if (body.correctionDueOn < today) {
    throw invalid([{ field: 'correctionDueOn', message: '改正期限不能早于今天' }]);
  }
  const caseFile = body.caseFileId ? await resolveCaseFile(db, actor, body.caseFileId) : null;
  const caseId = body.caseId ?? caseFile?.caseId ?? null;
  if (caseId) await resolveCase(db, actor, caseId);
  const register = await findIssuingRegister(db, {
    orgId: matter.org_id,
    registerCode: NOTICE_REGISTER_CODE,
  });
  if (!register) throw conflict('本单位未设置“监督通知书、决定书”发文登记簿，请管理员先设置');
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await insertNotice(trx, {
      matter_id: matterId,
      unit_org_id: body.unitId,
      issuer_org_id: register.orgId,
      case_id: caseId,
      case_file_id: caseFile?.id ?? null,
      facts: body.facts,
      reasons: body.reasons,
      legal_basis: body.legalBasis,
      required_correction: body.requiredCorrection,
      correction_due_on: body.correctionDueOn,
      created_by: actor.id,
    });
    await recordAudit(trx, actor, {
      action: 'supervision.notice_draft',
      entityType: 'supervision_notice',
      entityId: id,
      orgId: matter.org_id,
      after: body,
    });
    return id;
  });
  return getNotice(db, actor, id);
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
    const { id: reportId } = await insertRectification(trx, {
      notice_id: id,
      content,
      submitted_on: todayInShanghai(new Date()),
      submitted_by: actor.id,
    });
    await updateNoticeRow(trx, id, { state: 'reported' });
    await recordAudit(trx, actor, {
      action: 'supervision.rectification_submit',
      entityType: 'supervision_rectification',
      entityId: reportId,
      orgId: row.unit_org_id,
      after: { noticeId: id, content },
    });
  });
  return getNotice(db, actor, id);
}

/** The supervisor accepts the report (the notice closes) or returns it with reasons (report again). */
export async function reviewReport(db: Db, actor: Actor, id: number, body: NoticeReviewBody) {
  const today = todayInShanghai(new Date());
  await db.transaction().execute(async (trx) => {
    const { locked } = await lockForManage(trx, actor, id, ['reported'], '审核报告');
    const report = (await findRectifications(trx, [id])).at(-1)!;
    await updateRectificationRow(trx, report.id, {
      state: body.accept ? 'accepted' : 'returned',
      reviewed_on: today,
      reviewed_by: actor.id,
      return_reason: body.accept ? null : body.reason!,
    });
    await updateNoticeRow(
      trx,
      id,
      body.accept ? { state: 'accepted', closed_on: today } : { state: 'returned' },
    );
    await recordAudit(trx, actor, {
      action: body.accept ? 'supervision.rectification_accept' : 'supervision.rectification_return',
      entityType: 'supervision_rectification',
      entityId: report.id,
      orgId: locked.issuer_org_id,
      after: body,
    });
  });
  return getNotice(db, actor, id);
}

/** Withdraws an issued notice with a reason; its number stays used in the register. */
export async function withdrawNotice(db: Db, actor: Actor, id: number, reason: string) {
  await db.transaction().execute(async (trx) => {
    const { locked } = await lockForManage(
      trx,
      actor,
      id,
      ['issued', 'served', 'reported', 'returned'],
      '撤回',
    );
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
  const row = await getNoticeRow(db, actor, report.notice_id);
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
