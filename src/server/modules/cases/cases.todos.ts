/**
 * The cases domain's to-dos (workbench.types.ts): case records to write and hand in (seed 000 案件记录表
 * 填表说明1: within 30 days of closing, by the handlers) and quality analyses to give (填表说明4: by the
 * unit's legal unit, once the record is handed in).
 */

import { addCalendarDays, calendarDaysBetween, deadlineState } from '../../../common/calendar.ts';
import { formatChineseDate } from '../../../common/format.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../lib/access.ts';
import type { TodoItem, TodoProvider, WarningIndicator } from '../workbench/workbench.types.ts';
import { RECORD_WARN_DAYS, recordDueOn } from './cases.policy.ts';
import {
  findHandlersWithoutCertificate,
  findOpenFiledBefore,
  findQualityToGive,
  findRecordsToWrite,
  findUnsubmittedClosedBefore,
} from './records/case-todos.repository.ts';
import { findOrgIdsUnder } from './records/case-visibility.repository.ts';

/** A legal unit's list names at most this many analyses (oldest first); the cases list pages the rest. */
export const QUALITY_TODO_LIMIT = 200;

async function recordsToWrite(db: Db, actor: Actor, today: string): Promise<TodoItem[]> {
  // handlers write their records (getCaseForWrite: an officer the cases they handle)
  if (!actor.roles.includes('officer')) return [];
  const rows = await findRecordsToWrite(db, actor.id);
  return rows.map((row) => {
    const dueOn = recordDueOn(row.closed_on);
    return {
      key: `cases:case_record.write:${row.id}`,
      domain: 'cases',
      kind: 'case_record.write',
      title: `填写并报送案件记录表：${row.case_no}`,
      dueOn,
      deadlineState: deadlineState(dueOn, today, RECORD_WARN_DAYS),
      link: `/cases/${row.id}`,
      orgId: row.org_id,
    };
  });
}

async function qualityToGive(db: Db, actor: Actor): Promise<TodoItem[]> {
  if (!actor.roles.includes('legal_officer')) return [];
  const orgIds = await findOrgIdsUnder(db, actor.scopePaths);
  const rows = await findQualityToGive(db, orgIds, QUALITY_TODO_LIMIT);
  return rows.map((row) => ({
    key: `cases:case_quality.give:${row.id}`,
    domain: 'cases',
    kind: 'case_quality.give',
    title: `填写案件质量分析意见：${row.case_no}`,
    // seed 000 sets no deadline for the analysis
    dueOn: null,
    deadlineState: null,
    link: `/cases/${row.id}`,
    orgId: row.org_id,
  }));
}

export const casesTodos: TodoProvider = {
  domain: 'cases',
  async listTodos({ db, actor, today }) {
    const [records, quality] = await Promise.all([
      recordsToWrite(db, actor, today),
      qualityToGive(db, actor),
    ]);
    return [...records, ...quality];
  },
};

/** 案件记录表逾期: not handed in 30 days after closing (seed 000 填表说明1), `graceDays` more allowed. */
export const caseRecordOverdue: WarningIndicator = {
  code: 'case_record.overdue',
  domain: 'cases',
  label: '案件记录表逾期未报送',
  clause: '000 案件记录表 填表说明1（结案30日内填写完毕并报送法制部门）',
  defaultParams: { graceDays: 0 },
  paramLabels: { graceDays: '逾期超过天数才预警' },
  defaultTier: 'warning',
  defaultRecipients: { roles: ['legal_officer', 'officer', 'supervisor'], level: 'unit' },
  async findHits({ db, countyPath, today, params }) {
    const graceDays = params.graceDays ?? 0;
    const closedBefore = addCalendarDays(today, -(30 + graceDays));
    const rows = await findUnsubmittedClosedBefore(db, countyPath, closedBefore);
    return rows.map((row) => {
      const daysLate = calendarDaysBetween(recordDueOn(row.closed_on), today);
      return {
        causeKey: `case:${row.id}:record_overdue`,
        orgId: row.org_id,
        message: `${row.case_no} 的案件记录表应于${formatChineseDate(recordDueOn(row.closed_on))}前报送，已逾期 ${daysLate} 天`,
        link: `/cases/${row.id}`,
        value: daysLate,
        userIds: row.handler_user_ids,
      };
    });
  },
};

/** 案件超期未结: open longer than the time limit (行政处罚法第六十条: 90 days from filing). */
export const caseOpenOverdue: WarningIndicator = {
  code: 'case.open_overdue',
  domain: 'cases',
  label: '案件超过办案期限未结案',
  clause: '《行政处罚法》第六十条（自立案之日起九十日内作出决定）',
  defaultParams: { days: 90 },
  paramLabels: { days: '办案期限（日）' },
  defaultTier: 'warning',
  defaultRecipients: { roles: ['legal_officer', 'supervisor'], level: 'unit' },
  async findHits({ db, countyPath, today, params }) {
    const days = params.days ?? 90;
    const rows = await findOpenFiledBefore(db, countyPath, addCalendarDays(today, -days));
    return rows.map((row) => {
      const open = calendarDaysBetween(row.filed_on, today);
      return {
        causeKey: `case:${row.id}:open_overdue:${days}`,
        orgId: row.org_id,
        message: `${row.case_no} 于${formatChineseDate(row.filed_on)}立案，已 ${open} 天未结案（期限 ${days} 天）`,
        link: `/cases/${row.id}`,
        value: open,
      };
    });
  },
};

/** 无有效执法证的承办人: named on a case filed within `sinceDays` without a certificate in force that day. */
export const handlerWithoutCertificate: WarningIndicator = {
  code: 'case_handler.no_certificate',
  domain: 'cases',
  label: '承办人立案时无有效执法证',
  clause: '《行政处罚法》第四十二条（执法人员应当具有行政执法资格）',
  defaultParams: { sinceDays: 365 },
  paramLabels: { sinceDays: '检查近多少天立案的案件' },
  defaultTier: 'alarm',
  defaultRecipients: { roles: ['legal_officer', 'supervisor'], level: 'unit' },
  async findHits({ db, countyPath, today, params }) {
    const rows = await findHandlersWithoutCertificate(
      db,
      countyPath,
      addCalendarDays(today, -(params.sinceDays ?? 365)),
    );
    return rows.map((row) => ({
      causeKey: `case:${row.case_id}:handler:${row.officer_id}:no_certificate`,
      orgId: row.org_id,
      message: `${row.case_no} 的承办人 ${row.officer_name} 在立案日（${formatChineseDate(row.filed_on)}）无有效执法证`,
      link: `/cases/${row.case_id}`,
    }));
  },
};

export const casesIndicators: readonly WarningIndicator[] = [
  caseRecordOverdue,
  caseOpenOverdue,
  handlerWithoutCertificate,
];
