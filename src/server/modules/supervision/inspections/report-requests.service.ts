/**
 * Requests to a unit to report on its enforcement (要求报告执法情况, 协调监督工作办法 第十三条(一)):
 * the supervisor sets the deadline; the unit's legal officer replies (with files); the reply is
 * the record, never edited afterwards.
 */
import { todayInShanghai } from '../../../../common/format.ts';
import { REPORT_REQUEST_STATE_LABELS, supervisionDue } from '../../../../common/supervision.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan } from '../../../lib/access.ts';
import { AppError, invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { findAttachmentsOf } from '../attachments/attachments.repository.ts';
import { attachmentsByOwner } from '../attachments/attachments.view.ts';
import { getMatterForActor, getMatterForManage } from '../matters/matters.service.ts';
import { canAnswerFor, canReadAddressed } from '../supervision.policy.ts';
import {
  findReportRequestById,
  findReportRequests,
  insertReportRequest,
  type ReportRequestRow,
  replyToReportRequest,
} from './inspections.repository.ts';
import type {
  ReportReplyBody,
  ReportRequestBody,
  ReportRequestListQuery,
  ReportRequestView,
} from './inspections.schema.ts';

async function presentRequests(
  db: Db,
  actor: Actor,
  rows: readonly ReportRequestRow[],
): Promise<ReportRequestView[]> {
  const today = todayInShanghai(new Date());
  const files = attachmentsByOwner(
    await findAttachmentsOf(
      db,
      'report_request',
      rows.map((row) => row.id),
    ),
  );
  return rows.map((row) => ({
    id: row.id,
    matterId: row.matter_id,
    matterTitle: row.matter_title,
    unit: { id: row.unit_org_id, name: row.unit_name },
    subject: row.subject,
    requestedOn: row.requested_on,
    dueOn: row.due_on,
    due: row.state === 'waiting' ? supervisionDue(row.due_on, today) : null,
    state: row.state,
    stateLabel: REPORT_REQUEST_STATE_LABELS[row.state],
    reply: row.reply,
    repliedOn: row.replied_on,
    attachments: files.get(row.id) ?? [],
    abilities: { canReply: row.state === 'waiting' && canAnswerFor(actor, row.unit_path) },
  }));
}

/** Report requests the actor sees (the unit's inbox, or the bureau's view of a matter). */
export async function listReportRequests(db: Db, actor: Actor, query: ReportRequestListQuery) {
  assertCan(actor, 'supervision.read');
  if (query.matterId) await getMatterForActor(db, actor, query.matterId);
  const { rows, total } = await findReportRequests(db, { ...query, scopePaths: actor.scopePaths });
  return { items: await presentRequests(db, actor, rows), total, page: query.page, pageSize: query.pageSize };
}

async function getRequestForActor(db: Db, actor: Actor, id: number) {
  assertCan(actor, 'supervision.read');
  const row = await findReportRequestById(db, id);
  if (!row) throw notFound('报告要求');
  const { row: matter } = await getMatterForActor(db, actor, row.matter_id).catch(() => {
    throw notFound('报告要求');
  });
  if (!canReadAddressed(actor, { ownerPath: matter.org_path, unitPath: row.unit_path }))
    throw notFound('报告要求');
  return row;
}

async function getOne(db: Db, actor: Actor, id: number) {
  return (await presentRequests(db, actor, [(await findReportRequestById(db, id))!]))[0]!;
}

/** Asks one of the matter's units to report by a deadline. */
export async function createReportRequest(db: Db, actor: Actor, matterId: number, body: ReportRequestBody) {
  const { units } = await getMatterForManage(db, actor, matterId);
  if (!units.some((unit) => unit.id === body.unitId)) {
    throw invalid([{ field: 'unitId', message: '只能要求本事项的被监督单位报告' }]);
  }
  if (body.dueOn < body.requestedOn) {
    throw invalid([{ field: 'dueOn', message: '报告期限不能早于提出要求的日期' }]);
  }
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await insertReportRequest(trx, {
      matter_id: matterId,
      unit_org_id: body.unitId,
      subject: body.subject,
      requested_on: body.requestedOn,
      due_on: body.dueOn,
      created_by: actor.id,
    });
    await recordAudit(trx, actor, {
      action: 'supervision.report_request_create',
      entityType: 'supervision_report_request',
      entityId: id,
      orgId: body.unitId,
      after: { matterId, ...body },
    });
    return id;
  });
  return getOne(db, actor, id);
}

/** The unit's reply, once, by its legal officer. */
export async function replyReportRequest(db: Db, actor: Actor, id: number, body: ReportReplyBody) {
  assertCan(actor, 'supervision.answer');
  const row = await getRequestForActor(db, actor, id);
  if (!canAnswerFor(actor, row.unit_path)) throw notFound('报告要求');
  if (row.state !== 'waiting') throw new AppError('CONFLICT', '已报告，不能重复报告');
  const today = todayInShanghai(new Date());
  await db.transaction().execute(async (trx) => {
    const result = await replyToReportRequest(trx, id, {
      reply: body.reply,
      replied_on: today,
      replied_by: actor.id,
    });
    if (Number(result.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '已报告，不能重复报告');
    await recordAudit(trx, actor, {
      action: 'supervision.report_request_reply',
      entityType: 'supervision_report_request',
      entityId: id,
      orgId: row.unit_org_id,
      after: { ...body, repliedOn: today },
    });
  });
  return getOne(db, actor, id);
}

/** For files of a reply: read by its readers, written by the unit's answerer while it waits. */
export async function getReportRequestOwner(db: Db, actor: Actor, id: number, mode: 'read' | 'write') {
  const row = await getRequestForActor(db, actor, id);
  if (mode === 'write') {
    if (!canAnswerFor(actor, row.unit_path)) throw notFound('报告要求');
    if (row.state !== 'waiting') throw new AppError('CONFLICT', '已报告，不能再更改附件');
  }
  return { orgId: row.unit_org_id };
}
