/**
 * The annual report's to-do and warning (issue 17): from 1 January the agency's legal officer has
 * last year's 行政执法数据年报 to hand in, due 31 January (国办发〔2018〕118号); the item goes once it
 * is handed in (报送). After the due date a warning rule raises one alert per agency that has not.
 */

import { deadlineState } from '../../../../common/calendar.ts';
import { formatChineseDate } from '../../../../common/format.ts';
import { findOrgById } from '../../org/org.repository.ts';
import type { TodoProvider, WarningIndicator } from '../workbench.types.ts';
import { findAgenciesWithoutSubmission, findSubmissions } from './annual-report.repository.ts';
import { annualReportDueOn } from './annual-report.service.ts';

/** 临期 from ten days before 31 January (our choice: the report needs the agency's own check). */
export const ANNUAL_REPORT_WARN_DAYS = 10;

/** The unit a legal officer hands in for: the agency (or township) at the root of their scope. */
const REPORTING_KINDS = ['agency', 'township'];

export const annualReportTodos: TodoProvider = {
  domain: 'workbench',
  async listTodos({ db, actor, today }) {
    if (!actor.roles.includes('legal_officer') || actor.scopePaths.length !== 1) return [];
    const unitId = Number(actor.scopePaths[0]!.split('/').filter(Boolean).at(-1));
    const unit = await findOrgById(db, unitId);
    if (!unit || !REPORTING_KINDS.includes(unit.kind)) return [];
    const year = Number(today.slice(0, 4)) - 1;
    if ((await findSubmissions(db, [unit.id], year)).length > 0) return [];
    const dueOn = annualReportDueOn(year);
    return [
      {
        key: `workbench:annual_report.submit:${unit.id}:${year}`,
        domain: 'workbench',
        kind: 'annual_report.submit',
        title: `报送${year}年度行政执法数据年报：${unit.name}`,
        dueOn,
        deadlineState: deadlineState(dueOn, today, ANNUAL_REPORT_WARN_DAYS),
        link: `/annual-report?year=${year}`,
        orgId: unit.id,
      },
    ];
  },
};

/** 年报逾期未报送: after 31 January, each agency with duties that has not handed in last year's report. */
export const annualReportOverdue: WarningIndicator = {
  code: 'annual_report.overdue',
  domain: 'workbench',
  label: '行政执法数据年报逾期未报送',
  clause: '国办发〔2018〕118号（每年1月31日前公开上年度行政执法总体情况有关数据）',
  defaultParams: {},
  defaultTier: 'warning',
  defaultRecipients: { roles: ['legal_officer', 'supervisor'], level: 'unit' },
  async findHits({ db, countyPath, today }) {
    const year = Number(today.slice(0, 4)) - 1;
    const dueOn = annualReportDueOn(year);
    if (today <= dueOn) return [];
    const agencies = await findAgenciesWithoutSubmission(db, countyPath, year);
    return agencies.map((agency) => ({
      causeKey: `org:${agency.id}:annual_report:${year}`,
      orgId: agency.id,
      message: `${agency.name}的${year}年度行政执法数据年报应于${formatChineseDate(dueOn)}前报送，尚未报送`,
      link: `/annual-report?year=${year}`,
    }));
  },
};
