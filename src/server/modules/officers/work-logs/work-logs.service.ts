import { calendarDaysBetween } from '../../../../common/calendar.ts';
import { DATE_RULES, dateRuleProblem } from '../../../../common/date-rules.ts';
import { todayInShanghai } from '../../../../common/format.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan, isInScope } from '../../../lib/access.ts';
import { forbidden, invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { getOrgInScope } from '../../org/org.service.ts';
import { findOfficerIdByUser } from '../archive/officers.repository.ts';
import { getOfficerForRead, visibilityOf } from '../officer-lookup.ts';
import { WORK_LOG_KIND_LABELS } from '../officers.policy.ts';
import {
  findWorkLogById,
  findWorkLogs,
  insertWorkLogs,
  updateWorkLogRow,
  type WorkLogRow,
} from './work-logs.repository.ts';
import type { WorkLogBody, WorkLogQuery, WorkLogView } from './work-logs.schema.ts';

export function presentWorkLog(row: WorkLogRow): WorkLogView {
  return {
    id: row.id,
    officerId: row.officer_id,
    officerName: row.officer_name,
    orgName: row.org_name,
    kind: row.kind,
    kindLabel: WORK_LOG_KIND_LABELS[row.kind],
    periodStart: row.period_start,
    periodEnd: row.period_end,
    content: row.content,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * Period rules (平时考核制度第十一条(二): 每天或每周记录 … 阶段性进行小结自评): a daily entry covers one
 * day, a weekly one at most seven, a self-evaluation any span; none may start after today.
 */
export function checkWorkLogPeriod(
  body: Pick<WorkLogBody, 'kind' | 'periodStart' | 'periodEnd'>,
  today: string,
) {
  const problems = [];
  if (body.periodEnd < body.periodStart)
    problems.push({ field: 'periodEnd', message: '结束日期不能早于开始日期' });
  else if (body.kind === 'daily' && body.periodEnd !== body.periodStart) {
    problems.push({ field: 'periodEnd', message: '日记实只能记录一天' });
  } else if (body.kind === 'weekly' && calendarDaysBetween(body.periodStart, body.periodEnd) > 6) {
    problems.push({ field: 'periodEnd', message: '周记实最多记录七天' });
  }
  const startProblem = dateRuleProblem(DATE_RULES.workLogPeriodStart, body.periodStart, { today });
  if (startProblem) problems.push({ field: 'periodStart', message: startProblem });
  return problems;
}

/** An officer writes into the profile linked to their own account, and nowhere else. */
export async function createWorkLog(db: Db, actor: Actor, body: WorkLogBody): Promise<WorkLogView> {
  assertCan(actor, 'work_log.write');
  const own = await findOfficerIdByUser(db, actor.id);
  if (!own) throw forbidden('本账号未关联执法人员档案，不能填写工作记实');
  const problems = checkWorkLogPeriod(body, todayInShanghai(new Date()));
  if (problems.length > 0) throw invalid(problems);
  return db.transaction().execute(async (trx) => {
    const [inserted] = await insertWorkLogs(trx, [
      {
        officer_id: own.id,
        kind: body.kind,
        period_start: body.periodStart,
        period_end: body.periodEnd,
        content: body.content,
      },
    ]);
    const row = (await findWorkLogById(trx, inserted!.id))!;
    await recordAudit(trx, actor, {
      action: 'work_log.create',
      entityType: 'work_log',
      entityId: row.id,
      orgId: row.officer_org_id,
      after: { officerId: own.id, kind: row.kind, periodStart: row.period_start, periodEnd: row.period_end },
    });
    return presentWorkLog(row);
  });
}

export async function updateWorkLog(db: Db, actor: Actor, id: number, content: string): Promise<WorkLogView> {
  assertCan(actor, 'work_log.write');
  const row = await findWorkLogById(db, id);
  if (!row || row.officer_user_id !== actor.id) throw notFound('工作记实');
  return db.transaction().execute(async (trx) => {
    await updateWorkLogRow(trx, id, content);
    await recordAudit(trx, actor, {
      action: 'work_log.update',
      entityType: 'work_log',
      entityId: id,
      orgId: row.officer_org_id,
      before: { content: row.content },
      after: { content },
    });
    return presentWorkLog((await findWorkLogById(trx, id))!);
  });
}

/** Entries per officer and per period: the officer's own, or their legal officer's and leaders' view. */
export async function listWorkLogs(db: Db, actor: Actor, query: WorkLogQuery) {
  assertCan(actor, 'work_log.read');
  if (query.officerId) await getOfficerForRead(db, actor, query.officerId);
  const orgPath = query.orgId ? (await getOrgInScope(db, actor, query.orgId)).path : undefined;
  if (orgPath && !isInScope(actor, orgPath)) throw notFound('机构');
  const { rows, total } = await findWorkLogs(db, {
    ...visibilityOf(actor),
    officerId: query.officerId,
    orgPath,
    kind: query.kind,
    from: query.from,
    to: query.to,
    page: query.page,
    pageSize: query.pageSize,
  });
  return { items: rows.map(presentWorkLog), total, page: query.page, pageSize: query.pageSize };
}
