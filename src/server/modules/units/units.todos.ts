/**
 * What the unit assessment hands the workbench (workbench.types.ts): the 汇总表's to-do for the
 * unit's own account and the warning once it is late (seed 000 填表说明: 每年的元月15日之前…分别报
 * 市依法治市领导小组办公室和市依法行政领导小组办公室各一份).
 */
import { deadlineState } from '../../../common/calendar.ts';
import { formatChineseDate } from '../../../common/format.ts';
import { SUMMARY_RECIPIENT_LABELS, type SummaryRecipient, UNIT_WARN_DAYS } from '../../../common/units.ts';
import type { Db } from '../../db/database.ts';
import { can } from '../../lib/access.ts';
import type { TodoItem, TodoProvider, WarningIndicator } from '../workbench/workbench.types.ts';
import { findOwingUnits, findSummaryCopies } from './summary/summary.repository.ts';
import { missingRecipients, summaryDueOn, summaryYearAsked } from './summary/summary.rules.ts';
import { isOwnUnit, resolveUnitsActor } from './units.policy.ts';

const DOMAIN = 'units';

/** The units under `readPaths` still owing a copy of `year`'s table, with the copies missing. */
async function findUnitsOwingCopies(db: Db, readPaths: readonly string[], year: number) {
  const units = await findOwingUnits(db, readPaths);
  const copies = await findSummaryCopies(
    db,
    units.map((unit) => unit.id),
    year,
  );
  return units.flatMap((unit) => {
    const missing = missingRecipients(
      new Set(copies.filter((copy) => copy.unit_org_id === unit.id).map((copy) => copy.recipient)),
    );
    return missing.length > 0 ? [{ unit, missing }] : [];
  });
}

const missingText = (missing: readonly SummaryRecipient[]) =>
  missing.map((recipient) => SUMMARY_RECIPIENT_LABELS[recipient]).join('、');

export const unitsTodos: TodoProvider = {
  domain: DOMAIN,
  async listTodos({ db, actor, today }) {
    if (!can(actor, 'units.contribute')) return [];
    const ctx = await resolveUnitsActor(db, actor);
    const year = summaryYearAsked(today);
    const dueOn = summaryDueOn(year);
    const owing = await findUnitsOwingCopies(db, ctx.readPaths, year);
    return owing
      .filter(({ unit }) => isOwnUnit(ctx, unit.path))
      .map(({ unit, missing }): TodoItem => {
        return {
          key: `units:summary.submit:${unit.id}:${year}`,
          domain: DOMAIN,
          kind: 'summary.submit',
          title: `报送${year}年度执法业绩考评汇总表：${unit.name}（尚未报送${missingText(missing)}）`,
          dueOn,
          deadlineState: deadlineState(dueOn, today, UNIT_WARN_DAYS),
          link: `/unit-summary?year=${year}`,
          orgId: unit.id,
        };
      });
  },
};

/** 汇总表逾期未报送: after 元月15日, each unit with a copy of last year's table still out. */
export const summaryOverdue: WarningIndicator = {
  code: 'units.summary_overdue',
  domain: DOMAIN,
  label: '执法业绩考评汇总表逾期未报送',
  clause:
    '000 汇总表填表说明（每年的元月15日之前…分别报依法治市领导小组办公室和依法行政领导小组办公室各一份）',
  defaultParams: {},
  defaultTier: 'warning',
  defaultRecipients: { roles: ['legal_officer', 'justice_office', 'supervisor'], level: 'unit' },
  async findHits({ db, countyPath, today }) {
    const year = summaryYearAsked(today);
    const dueOn = summaryDueOn(year);
    if (today <= dueOn) return [];
    const owing = await findUnitsOwingCopies(db, [countyPath], year);
    return owing.map(({ unit, missing }) => ({
      causeKey: `org:${unit.id}:unit_summary:${year}`,
      orgId: unit.id,
      message: `${unit.name}的${year}年度执法业绩考评汇总表应于${formatChineseDate(dueOn)}前报送，尚未报送${missingText(missing)}`,
      link: `/unit-summary?year=${year}`,
    }));
  },
};

export const unitsIndicators: readonly WarningIndicator[] = [summaryOverdue];
