/**
 * What supervision hands the workbench (workbench.types.ts): each account's to-dos and the warning
 * indicators on notice deadlines. 签发 of notices is the documents domain's sign-off to-do, not
 * repeated here.
 */
import { addCalendarDays, calendarDaysBetween } from '../../../common/calendar.ts';
import { can } from '../../lib/access.ts';
import type { TodoItem, TodoProvider, WarningIndicator } from '../workbench/workbench.types.ts';
import { findOverdueDecisions } from './decisions/decisions.repository.ts';
import { listDecisions } from './decisions/decisions.service.ts';
import { listReportRequests } from './inspections/report-requests.service.ts';
import { findOverdueNotices } from './notices/notices.repository.ts';
import { listNotices } from './notices/notices.service.ts';
import { listReferrals } from './referrals/referrals.service.ts';

const DOMAIN = 'supervision';
const PAGE = { page: 1, pageSize: 200 };

export const supervisionTodos: TodoProvider = {
  domain: DOMAIN,
  async listTodos({ db, actor }) {
    const items: TodoItem[] = [];
    if (can(actor, 'supervision.answer')) {
      for (const state of ['served', 'returned'] as const) {
        for (const notice of (await listNotices(db, actor, { ...PAGE, state })).items) {
          if (!notice.abilities.canReport) continue;
          items.push({
            key: `supervision:notice.report:${notice.id}`,
            domain: DOMAIN,
            kind: 'notice.report',
            title: `报告整改落实情况：${notice.number}`,
            dueOn: notice.due?.dueOn ?? null,
            deadlineState: notice.due?.state ?? null,
            link: `/supervision/notices/${notice.id}`,
            orgId: notice.unit.id,
          });
        }
      }
      for (const state of ['decided', 'returned'] as const) {
        for (const decision of (await listDecisions(db, actor, { ...PAGE, state })).items) {
          if (!decision.abilities.canReport) continue;
          items.push({
            key: `supervision:decision.report:${decision.id}`,
            domain: DOMAIN,
            kind: 'decision.report',
            title: `报告监督决定落实情况：${decision.decisionNumber}`,
            dueOn: decision.due?.dueOn ?? null,
            deadlineState: decision.due?.state ?? null,
            link: `/supervision/decisions/${decision.id}`,
            orgId: decision.unit.id,
          });
        }
      }
      for (const request of (await listReportRequests(db, actor, { ...PAGE, state: 'waiting' })).items) {
        if (!request.abilities.canReply) continue;
        items.push({
          key: `supervision:report_request.reply:${request.id}`,
          domain: DOMAIN,
          kind: 'report_request.reply',
          title: `报告执法情况：${request.subject}`,
          dueOn: request.dueOn,
          deadlineState: request.due?.state ?? null,
          link: `/supervision/inbox?request=${request.id}`,
          orgId: request.unit.id,
        });
      }
    }
    if (can(actor, 'supervision.decide')) {
      // 第十五条: the government's decision awaited — recorded by the supervisor or the government
      for (const decision of (await listDecisions(db, actor, { ...PAGE, state: 'requested' })).items) {
        if (!decision.abilities.canRecord) continue;
        items.push({
          key: `supervision:decision.record:${decision.id}`,
          domain: DOMAIN,
          kind: 'decision.record',
          title: `登记县政府监督决定：${decision.requestNumber}（${decision.unit.name}）`,
          dueOn: null,
          deadlineState: null,
          link: `/supervision/decisions/${decision.id}`,
          orgId: decision.issuer.id,
        });
      }
    }
    if (can(actor, 'supervision.manage')) {
      for (const decision of (await listDecisions(db, actor, { ...PAGE, state: 'reported' })).items) {
        items.push({
          key: `supervision:decision.review:${decision.id}`,
          domain: DOMAIN,
          kind: 'decision.review',
          title: `审核监督决定落实报告：${decision.decisionNumber}（${decision.unit.name}）`,
          dueOn: null,
          deadlineState: null,
          link: `/supervision/decisions/${decision.id}`,
          orgId: decision.issuer.id,
        });
      }
      for (const notice of (await listNotices(db, actor, { ...PAGE, state: 'reported' })).items) {
        items.push({
          key: `supervision:notice.review:${notice.id}`,
          domain: DOMAIN,
          kind: 'notice.review',
          title: `审核整改报告：${notice.number}（${notice.unit.name}）`,
          dueOn: null,
          deadlineState: null,
          link: `/supervision/notices/${notice.id}`,
          orgId: notice.issuer.id,
        });
      }
      for (const notice of (await listNotices(db, actor, { ...PAGE, state: 'issued' })).items) {
        items.push({
          key: `supervision:notice.serve:${notice.id}`,
          domain: DOMAIN,
          kind: 'notice.serve',
          title: `登记送达：${notice.number}（${notice.unit.name}）`,
          dueOn: null,
          deadlineState: null,
          link: `/supervision/notices/${notice.id}`,
          orgId: notice.issuer.id,
        });
      }
      for (const referral of (await listReferrals(db, actor, { ...PAGE, state: 'submitted' })).items) {
        items.push({
          key: `supervision:referral.decide:${referral.id}`,
          domain: DOMAIN,
          kind: 'referral.decide',
          title: `受理司法所提请：${referral.office.name}（${referral.unit.name}）`,
          dueOn: null,
          deadlineState: null,
          link: `/supervision/referrals/${referral.id}`,
          orgId: referral.office.id,
        });
      }
    }
    return items;
  },
};

function overdueIndicator(
  code: string,
  label: string,
  deadline: 'report' | 'correction',
  what: string,
): WarningIndicator {
  return {
    code,
    domain: DOMAIN,
    label,
    clause: '协调监督工作办法第十五条',
    defaultParams: { days: 0 },
    async findHits({ db, countyPath, today, params }) {
      const graceDays = params.days ?? 0;
      const rows = await findOverdueNotices(db, countyPath, deadline, addCalendarDays(today, -graceDays));
      return rows.map((row) => ({
        causeKey: `${code}:${row.id}`,
        orgId: row.unit_org_id,
        message: `${row.unit_name}${what}已逾期 ${calendarDaysBetween(row.due_on!, today)} 日（${row.number}）`,
        link: `/supervision/notices/${row.id}`,
        value: calendarDaysBetween(row.due_on!, today),
      }));
    },
  };
}

/** 第十五条: the unit's report on a decision, due 30 calendar days after receipt, past due by `days`. */
const decisionReplyOverdue: WarningIndicator = {
  code: 'decision.reply_overdue',
  domain: DOMAIN,
  label: '监督决定落实情况报告逾期',
  clause: '协调监督工作办法第十五条',
  defaultParams: { days: 0 },
  async findHits({ db, countyPath, today, params }) {
    const rows = await findOverdueDecisions(db, countyPath, addCalendarDays(today, -(params.days ?? 0)));
    return rows.map((row) => ({
      causeKey: `decision.reply_overdue:${row.id}`,
      orgId: row.unit_org_id,
      message: `${row.unit_name}监督决定落实情况书面报告已逾期 ${calendarDaysBetween(row.report_due_on!, today)} 日（${row.decision_number}）`,
      link: `/supervision/decisions/${row.id}`,
      value: calendarDaysBetween(row.report_due_on!, today),
    }));
  },
};

/** 通知书回复逾期, 整改逾期 and 决定报告逾期, on calendar days (第十五条's 30 日). */
export const supervisionWarnings: WarningIndicator[] = [
  overdueIndicator('notice.reply_overdue', '监督通知书落实情况报告逾期', 'report', '落实情况书面报告'),
  overdueIndicator('notice.rectification_overdue', '监督通知书整改逾期', 'correction', '整改'),
  decisionReplyOverdue,
];
