/**
 * 工作衔接 (协调监督办法第十条): case transfers to 人大, 监察 and 司法机关 (to whom, why, the case, the
 * receipt, the outcome), issue reports and information exchanges, as a log whose open entries show
 * 正常/临期/逾期 against their due date. The bureau's supervisors log any entry of the county; an
 * agency's legal officer logs and follows its own agency's.
 */
import { addCalendarDays, DEADLINE_STATE_LABELS, deadlineState } from '../../../../common/calendar.ts';
import {
  DEFAULT_LIAISON_DUE_DAYS,
  LIAISON_COUNTERPART_LABELS,
  LIAISON_KIND_LABELS,
  LIAISON_STATUS_LABELS,
} from '../../../../common/coordination.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan, can, isInScope } from '../../../lib/access.ts';
import { conflict, type FieldProblem, forbidden, invalid, notFound } from '../../../lib/errors.ts';
import type { SheetModel } from '../../../lib/xlsx.ts';
import { recordAudit, recordExport } from '../../audit/audit.service.ts';
import { findOrgById } from '../../org/org.repository.ts';
import { getOrgInScope } from '../../org/org.service.ts';
import { canManageCounty, countyOf } from '../coordination.policy.ts';
import { findEnforcingOrgs, findEnforcingUnitOf } from '../disputes/disputes.repository.ts';
import { loadCoordinationParameters } from '../settings/settings.service.ts';
import {
  findAllLiaisons,
  findCaseOrgPath,
  findLiaisonById,
  findLiaisons,
  insertLiaison,
  type LiaisonFilter,
  type LiaisonRow,
  lockLiaison,
  updateLiaison,
} from './liaison.repository.ts';
import type { LiaisonBody, LiaisonExportQuery, LiaisonListQuery, LiaisonView } from './liaison.schema.ts';

export const LIAISON_EXPORT_MAX_ROWS = 5_000;

/** Who follows an entry: the county's supervisors, or the concerned agency's legal officer. */
const canFollow = (actor: Actor, row: Pick<LiaisonRow, 'county_path' | 'org_path'>) =>
  canManageCounty(actor, row.county_path) ||
  (can(actor, 'coordination.apply') && isInScope(actor, row.org_path));

function present(actor: Actor, row: LiaisonRow, today: string, warnDays: number): LiaisonView {
  const isOpen = row.status !== 'done';
  const state = isOpen ? deadlineState(row.due_on, today, warnDays) : null;
  const follows = canFollow(actor, row);
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: LIAISON_KIND_LABELS[row.kind],
    counterpart: row.counterpart,
    counterpartLabel: LIAISON_COUNTERPART_LABELS[row.counterpart],
    counterpartName: row.counterpart_name,
    orgId: row.org_id,
    orgName: row.org_name,
    caseId: row.case_id,
    caseNo: row.case_no,
    subject: row.subject,
    reason: row.reason,
    sentOn: row.sent_on,
    dueOn: row.due_on,
    receiptOn: row.receipt_on,
    receiptBy: row.receipt_by,
    outcome: row.outcome,
    outcomeOn: row.outcome_on,
    status: row.status,
    statusLabel: LIAISON_STATUS_LABELS[row.status],
    deadline: state
      ? {
          label: row.status === 'sent' ? '接收回执' : '办理结果',
          dueOn: row.due_on,
          state,
          stateLabel: DEADLINE_STATE_LABELS[state],
        }
      : null,
    abilities: { canRecordReceipt: follows && row.status === 'sent', canRecordOutcome: follows && isOpen },
  };
}

async function warnDaysOf(db: Db, actor: Actor) {
  const scope = actor.scopePaths[0];
  return scope ? (await loadCoordinationParameters(db, countyOf(scope).countyOrgId)).warnDays : 0;
}

/** The repository's filter from the list's query; an organisation outside the scope is NOT_FOUND. */
async function liaisonFilter(
  db: Db,
  actor: Actor,
  query: LiaisonExportQuery,
  today: string,
  warnDays: number,
): Promise<LiaisonFilter> {
  if (query.sentFrom && query.sentTo && query.sentTo < query.sentFrom)
    throw invalid([{ field: 'sentTo', message: '结束日期不能早于开始日期' }]);
  return {
    scopePaths: actor.scopePaths,
    kind: query.kind,
    status: query.status,
    orgPath: query.orgId ? (await getOrgInScope(db, actor, query.orgId)).path : undefined,
    sentFrom: query.sentFrom,
    sentTo: query.sentTo,
    keyword: query.keyword,
    deadline: query.deadlineState ? { state: query.deadlineState, today, warnDays } : undefined,
  };
}

export async function listLiaisons(db: Db, actor: Actor, query: LiaisonListQuery, today: string) {
  assertCan(actor, 'coordination.read');
  const warnDays = await warnDaysOf(db, actor);
  const filter = await liaisonFilter(db, actor, query, today, warnDays);
  const { items, total } = await findLiaisons(db, filter, query);
  return {
    items: items.map((row) => present(actor, row, today, warnDays)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** 导出: the log under the same filters (up to LIAISON_EXPORT_MAX_ROWS), audited as an export. */
export async function exportLiaisons(db: Db, actor: Actor, query: LiaisonExportQuery, today: string) {
  assertCan(actor, 'coordination.read');
  const warnDays = await warnDaysOf(db, actor);
  const filter = await liaisonFilter(db, actor, query, today, warnDays);
  const rows = await findAllLiaisons(db, filter, LIAISON_EXPORT_MAX_ROWS);
  await recordExport(db, actor, { entityType: 'coordination_liaison', rows: rows.length, filter: query });
  return buildLiaisonSheet(rows.map((row) => present(actor, row, today, warnDays)));
}

async function getLiaison(db: Db, actor: Actor, id: number, today: string) {
  const row = await findLiaisonById(db, id);
  if (!row || !(isInScope(actor, row.county_path) || isInScope(actor, row.org_path)))
    throw notFound('衔接事项');
  return present(actor, row, today, await warnDaysOf(db, actor));
}

/** Logs a transfer, report or exchange. A legal officer logs for its own agency, a supervisor for any of the county. */
export async function createLiaison(db: Db, actor: Actor, body: LiaisonBody, today: string) {
  const manages = can(actor, 'coordination.manage');
  if (!manages) assertCan(actor, 'coordination.apply');
  const problems: FieldProblem[] = [];
  let orgId: number;
  let orgPath: string;
  if (manages) {
    if (!body.orgId) throw invalid([{ field: 'orgId', message: '请选择涉及单位' }]);
    const [org] = await findEnforcingOrgs(db, [body.orgId]);
    if (!org || !isInScope(actor, org.path)) throw notFound('涉及单位（本县的行政执法部门或乡镇）');
    orgId = org.id;
    orgPath = org.path;
  } else {
    const actorOrg = await findOrgById(db, actor.orgId);
    const unit = actorOrg ? await findEnforcingUnitOf(db, actorOrg.path) : undefined;
    if (!unit || !isInScope(actor, unit.path)) throw forbidden('只有行政执法部门的法制人员可以登记');
    if (body.orgId && body.orgId !== unit.id) throw forbidden('只能登记本单位的衔接事项');
    orgId = unit.id;
    orgPath = unit.path;
  }
  if (body.sentOn > today) problems.push({ field: 'sentOn', message: '移送或发出日期不能晚于今天' });
  const dueOn = body.dueOn ?? addCalendarDays(body.sentOn, DEFAULT_LIAISON_DUE_DAYS);
  if (dueOn < body.sentOn) problems.push({ field: 'dueOn', message: '回复期限不能早于移送日期' });
  if (body.kind === 'case_transfer' && !body.caseId)
    problems.push({ field: 'caseId', message: '案件移送请选择所移送的案件' });
  if (body.caseId) {
    const found = await findCaseOrgPath(db, body.caseId);
    if (!found?.path.startsWith(orgPath))
      problems.push({ field: 'caseId', message: '只能选择涉及单位办理的案件' });
  }
  if (problems.length > 0) throw invalid(problems);
  const { countyOrgId } = countyOf(orgPath);
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await insertLiaison(trx, {
      county_org_id: countyOrgId,
      kind: body.kind,
      counterpart: body.counterpart,
      counterpart_name: body.counterpartName,
      org_id: orgId,
      case_id: body.caseId ?? null,
      subject: body.subject,
      reason: body.reason,
      sent_on: body.sentOn,
      due_on: dueOn,
      receipt_on: null,
      receipt_by: null,
      outcome: null,
      outcome_on: null,
      status: 'sent',
      created_by: actor.id,
    });
    await recordAudit(trx, actor, {
      action: 'coordination.liaison_create',
      entityType: 'coordination_liaison',
      entityId: id,
      orgId,
      after: { ...body, dueOn },
    });
    return id;
  });
  return getLiaison(db, actor, id, today);
}

async function changeLiaison(
  db: Db,
  actor: Actor,
  id: number,
  today: string,
  write: (trx: Db, row: LiaisonRow) => Promise<void>,
) {
  assertCan(actor, 'coordination.read');
  const row = await findLiaisonById(db, id);
  if (!row || !(isInScope(actor, row.county_path) || isInScope(actor, row.org_path)))
    throw notFound('衔接事项');
  if (!canFollow(actor, row)) throw forbidden();
  await db.transaction().execute(async (trx) => {
    const locked = await lockLiaison(trx, id);
    if (locked?.status === 'done') throw conflict('该事项已办结');
    await write(trx, row);
  });
  return getLiaison(db, actor, id, today);
}

/** 回执: the receiving body acknowledged it. */
export function recordLiaisonReceipt(
  db: Db,
  actor: Actor,
  id: number,
  body: { receiptOn: string; receiptBy: string },
  today: string,
) {
  return changeLiaison(db, actor, id, today, async (trx, row) => {
    if (row.status !== 'sent') throw conflict('已登记回执');
    if (body.receiptOn < row.sent_on || body.receiptOn > today)
      throw invalid([{ field: 'receiptOn', message: '接收日期应在移送日期和今天之间' }]);
    await updateLiaison(trx, id, {
      status: 'received',
      receipt_on: body.receiptOn,
      receipt_by: body.receiptBy,
    });
    await recordAudit(trx, actor, {
      action: 'coordination.liaison_receipt',
      entityType: 'coordination_liaison',
      entityId: id,
      orgId: row.org_id,
      after: body,
    });
  });
}

/** 办理结果: what the receiving body did with it; the entry is done. */
export function recordLiaisonOutcome(
  db: Db,
  actor: Actor,
  id: number,
  body: { outcome: string; outcomeOn: string },
  today: string,
) {
  return changeLiaison(db, actor, id, today, async (trx, row) => {
    if (body.outcomeOn < row.sent_on || body.outcomeOn > today)
      throw invalid([{ field: 'outcomeOn', message: '结果日期应在移送日期和今天之间' }]);
    await updateLiaison(trx, id, { status: 'done', outcome: body.outcome, outcome_on: body.outcomeOn });
    await recordAudit(trx, actor, {
      action: 'coordination.liaison_outcome',
      entityType: 'coordination_liaison',
      entityId: id,
      orgId: row.org_id,
      after: body,
    });
  });
}

/** The log as a sheet (pure). */
export function buildLiaisonSheet(items: readonly LiaisonView[]): SheetModel {
  return {
    name: '工作衔接',
    columns: [
      { header: '类型', width: 10 },
      { header: '衔接机关', width: 24 },
      { header: '涉及单位', width: 24 },
      { header: '事项', width: 36 },
      { header: '案号', width: 20 },
      { header: '移送日期', width: 12 },
      { header: '期限', width: 12 },
      { header: '回执', width: 20 },
      { header: '办理结果', width: 30 },
      { header: '状态', width: 10 },
      { header: '期限状态', width: 10 },
    ],
    rows: items.map((item) => [
      item.kindLabel,
      `${item.counterpartLabel}：${item.counterpartName}`,
      item.orgName,
      item.subject,
      item.caseNo,
      item.sentOn,
      item.dueOn,
      item.receiptOn ? `${item.receiptOn} ${item.receiptBy ?? ''}` : null,
      item.outcome,
      item.statusLabel,
      item.deadline?.stateLabel ?? null,
    ]),
  };
}
