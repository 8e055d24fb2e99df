/**
 * The unit list (考核对象, seed 002 一(二)) with the year's dossier counts, and one unit with what
 * Fazhi already holds about it (三(二) 动态记录: cases, disputes, notices, review files, 第二十三条 marks),
 * read through the other domains' public functions.
 */
import { DEADLINE_STATE_LABELS, deadlineState } from '../../../common/calendar.ts';
import { todayInShanghai } from '../../../common/format.ts';
import { ANNUAL_REPORT_DUE, UNIT_CATEGORY_LABELS, UNIT_WARN_DAYS } from '../../../common/units.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../lib/access.ts';
import { forbidden, invalid, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { countCasesOfUnit } from '../cases/cases.public.ts';
import { countDisputesOfUnit, findCoordinationViolations } from '../coordination/coordination.public.ts';
import { countReviewFilesOfUnit } from '../reviews/reviews.public.ts';
import { countNoticesToUnit } from '../supervision/supervision.public.ts';
import { defaultCategoryOf, resolveUnitsActor, type UnitsActor, unitAbilities } from './units.policy.ts';
import { findUnitPage, findVisibleUnit, type UnitRow, upsertUnitCategory } from './units.repository.ts';
import type { UnitCategoryEnum, UnitListQuery, UnitView } from './units.schema.ts';

/** 三(一): the annual report of `year` is due on 12月1日 of that year. */
export function reportDueOn(year: number): string {
  return `${year}-${ANNUAL_REPORT_DUE}`;
}

/** The unit if the reader sees it; 404 otherwise (another county's ids are not confirmed). */
export async function loadVisibleUnit(db: Db, ctx: UnitsActor, orgId: number): Promise<UnitRow> {
  const unit = await findVisibleUnit(db, ctx.readPaths, orgId);
  if (!unit) throw notFound('考核单位');
  return unit;
}

/** The units the account reads, with the year's dossier count, checks and report state; paged. */
export async function listUnits(
  db: Db,
  actor: Actor,
  query: UnitListQuery,
  today = todayInShanghai(new Date()),
) {
  const ctx = await resolveUnitsActor(db, actor);
  const page = await findUnitPage(db, { readPaths: ctx.readPaths, ...query });
  const dueOn = reportDueOn(query.year);
  return {
    total: page.total,
    page: query.page,
    pageSize: query.pageSize,
    items: page.items.map((row) => ({
      orgId: row.id,
      name: row.name,
      category: row.category,
      categoryLabel: UNIT_CATEGORY_LABELS[row.category],
      entryCount: Number(row.entry_count ?? 0),
      checkCount: Number(row.check_count ?? 0),
      reportSubmittedOn: row.report_submitted_on ?? null,
      reportState: row.report_submitted_on ? null : deadlineState(dueOn, today, UNIT_WARN_DAYS),
      reportStateLabel: row.report_submitted_on
        ? row.report_submitted_on > dueOn
          ? '已报送（逾期）'
          : '已报送'
        : DEADLINE_STATE_LABELS[deadlineState(dueOn, today, UNIT_WARN_DAYS)],
      reportDueOn: dueOn,
    })),
  };
}

/** One unit of a year: category, linked facts and what the account may do. */
export async function getUnit(db: Db, actor: Actor, orgId: number, year: number): Promise<UnitView> {
  const ctx = await resolveUnitsActor(db, actor);
  const unit = await loadVisibleUnit(db, ctx, orgId);
  const [cases, disputes, notices, reviews, violations] = await Promise.all([
    countCasesOfUnit(db, unit.path, year),
    countDisputesOfUnit(db, unit.id, year),
    countNoticesToUnit(db, unit.id, year),
    countReviewFilesOfUnit(db, unit.id, year),
    findCoordinationViolations(db, {
      countyOrgId: ctx.countyOrgId,
      from: `${year}-01-01`,
      to: `${year}-12-31`,
    }),
  ]);
  return {
    orgId: unit.id,
    name: unit.name,
    category: unit.category,
    categoryLabel: UNIT_CATEGORY_LABELS[unit.category],
    year,
    linked: {
      casesFiled: cases.filed,
      casesClosed: cases.closed,
      disputes,
      noticesIssued: notices.issued,
      noticesAccepted: notices.accepted,
      reviewFiles: reviews.files,
      reviewFilesScored: reviews.scored,
      violations: violations
        .filter((mark) => mark.orgId === unit.id)
        .map((mark) => ({ id: mark.id, label: mark.label, markedOn: mark.markedOn, facts: mark.facts })),
    },
    abilities: { ...unitAbilities(ctx, unit.path), canSetCategory: ctx.isOffice && unit.kind === 'agency' },
  };
}

/** The office marks an agency 垂直管理单位 (or back to 县直部门); a township stays 乡镇. */
export async function setUnitCategory(
  db: Db,
  actor: Actor,
  orgId: number,
  category: (typeof UnitCategoryEnum)['_output'],
  year: number,
) {
  const ctx = await resolveUnitsActor(db, actor);
  const unit = await loadVisibleUnit(db, ctx, orgId);
  if (!ctx.isOffice) throw forbidden('只有考核机关（领导小组办公室）可以设置单位类别');
  if (unit.kind !== 'agency' || category === 'township')
    throw invalid([{ field: 'category', message: '乡镇的类别固定为乡镇；部门可设为县直部门或垂直管理单位' }]);
  await db.transaction().execute(async (trx) => {
    await upsertUnitCategory(
      trx,
      unit.id,
      category === defaultCategoryOf(unit.kind) ? null : category,
      actor.id,
    );
    await recordAudit(trx, actor, {
      action: 'units.category_set',
      entityType: 'org',
      entityId: unit.id,
      orgId: unit.id,
      before: { category: unit.category },
      after: { category },
    });
  });
  return getUnit(db, actor, orgId, year);
}
