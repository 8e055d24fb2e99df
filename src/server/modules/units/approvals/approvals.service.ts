/**
 * 审定 (seed 002 三(五); 003 篇2 四(三)3): between computing and publishing, the office submits the
 * unit results category by category (乡镇, 县直部门, 垂直管理单位) to the leading group, which approves
 * or returns them. Publishing a unit period is refused until every category with subjects is
 * approved on the current computation (the guard below, run by the assessment domain's publish).
 */
import { todayInShanghai } from '../../../../common/format.ts';
import {
  UNIT_APPROVAL_STATUS_LABELS,
  UNIT_CATEGORIES,
  UNIT_CATEGORY_LABELS,
  type UnitCategory,
} from '../../../../common/units.ts';
import type { Db } from '../../../db/database.ts';
import type { Actor } from '../../../lib/access.ts';
import { AppError, conflict, forbidden, notFound } from '../../../lib/errors.ts';
import {
  findOrgSubjectResults,
  findPeriodsOfSubjectKinds,
  findSubjectKindOfPeriod,
  getPeriodForActor,
  type PeriodRow,
  registerPublishGuard,
} from '../../assessment/assessment.public.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { defaultCategoryOf, resolveUnitsActor, type UnitsActor } from '../units.policy.ts';
import { publishRefusal, UNIT_SUBJECT_KINDS } from './approval.rules.ts';
import {
  findApprovals,
  findCategoryOverrides,
  updateDecision,
  upsertSubmission,
} from './approvals.repository.ts';
import type { UnitPeriodView } from './approvals.schema.ts';

/** The period's organisation subjects with results, grouped by category (categories without subjects left out). */
export async function resultsByCategory(db: Db, periodId: number) {
  const rows = await findOrgSubjectResults(db, periodId);
  const overrides = await findCategoryOverrides(
    db,
    rows.map((row) => row.org_id),
  );
  const groups = new Map<UnitCategory, typeof rows>();
  for (const row of rows) {
    const category = overrides.get(row.org_id) ?? defaultCategoryOf(row.org_kind);
    groups.set(category, [...(groups.get(category) ?? []), row]);
  }
  return UNIT_CATEGORIES.filter((category) => groups.has(category)).map((category) => ({
    category,
    rows: groups.get(category)!,
  }));
}

async function refusalOf(db: Db, period: Pick<PeriodRow, 'id' | 'computed_at'>) {
  const [groups, approvals] = await Promise.all([
    resultsByCategory(db, period.id),
    findApprovals(db, period.id),
  ]);
  return publishRefusal(
    groups.map((group) => group.category),
    approvals.map((row) => ({
      category: row.category,
      status: row.status,
      computedAt: row.computed_at.getTime(),
    })),
    period.computed_at?.getTime() ?? null,
    UNIT_CATEGORY_LABELS,
  );
}

/** The guard the assessment domain runs before 公示: unit periods need every category approved. */
export async function unitPublishGuard(db: Db, period: PeriodRow): Promise<void> {
  const kind = await findSubjectKindOfPeriod(db, period.id);
  if (!kind || !UNIT_SUBJECT_KINDS.includes(kind)) return;
  const refusal = await refusalOf(db, period);
  if (refusal) throw new AppError(refusal.code, refusal.message);
}
registerPublishGuard(unitPublishGuard);

function assertCountyReader(ctx: UnitsActor) {
  if (!ctx.isOffice && !ctx.isApprover) throw forbidden('考核结果审定情况仅考核机关和领导小组可见');
}

async function loadUnitPeriod(db: Db, ctx: UnitsActor, periodId: number) {
  const period = await getPeriodForActor(db, ctx.actor, periodId);
  const kind = await findSubjectKindOfPeriod(db, period.id);
  if (!kind || !UNIT_SUBJECT_KINDS.includes(kind)) throw notFound('单位考核周期');
  return period;
}

/** Unit periods of the county with how many categories are approved. */
export async function listUnitPeriods(db: Db, actor: Actor) {
  const ctx = await resolveUnitsActor(db, actor);
  assertCountyReader(ctx);
  const periods = await findPeriodsOfSubjectKinds(db, ctx.countyOrgId, UNIT_SUBJECT_KINDS);
  const items = [];
  for (const period of periods) {
    const [groups, approvals, refusal] = await Promise.all([
      resultsByCategory(db, period.id),
      findApprovals(db, period.id),
      refusalOf(db, period),
    ]);
    items.push({
      id: period.id,
      label: period.label,
      schemeName: period.scheme_name,
      status: period.status,
      publishRefusal: period.status === 'computed' ? (refusal?.message ?? null) : null,
      categoryCount: groups.length,
      approvedCount: approvals.filter((row) => row.status === 'approved').length,
    });
  }
  return { items };
}

/** One unit period: results by category with each category's approval and what the account may do. */
export async function getUnitPeriod(db: Db, actor: Actor, periodId: number): Promise<UnitPeriodView> {
  const ctx = await resolveUnitsActor(db, actor);
  assertCountyReader(ctx);
  const period = await loadUnitPeriod(db, ctx, periodId);
  const [groups, approvals, refusal] = await Promise.all([
    resultsByCategory(db, period.id),
    findApprovals(db, period.id),
    refusalOf(db, period),
  ]);
  const computedAt = period.computed_at?.getTime() ?? null;
  const schemeName =
    (await findPeriodsOfSubjectKinds(db, ctx.countyOrgId, UNIT_SUBJECT_KINDS)).find(
      (row) => row.id === period.id,
    )?.scheme_name ?? '';
  const isComputed = period.status === 'computed';
  return {
    id: period.id,
    label: period.label,
    schemeName,
    status: period.status,
    publishRefusal: isComputed ? (refusal?.message ?? null) : null,
    categories: groups.map(({ category, rows }) => {
      const approval = approvals.find((row) => row.category === category);
      const status = approval?.status ?? 'not_submitted';
      return {
        category,
        categoryLabel: UNIT_CATEGORY_LABELS[category],
        status,
        statusLabel: UNIT_APPROVAL_STATUS_LABELS[status],
        isStale:
          approval !== undefined && computedAt !== null && approval.computed_at.getTime() !== computedAt,
        note: approval?.note ?? null,
        submittedOn: approval?.submitted_on ?? null,
        submittedByName: approval?.submitted_by_name ?? null,
        decidedOn: approval?.decided_on ?? null,
        decidedByName: approval?.decided_by_name ?? null,
        decisionNote: approval?.decision_note ?? null,
        results: rows.map((row) => ({
          subjectKey: row.subject_key,
          orgId: row.org_id,
          name: row.name,
          total: row.total,
          grade: row.grade,
          rank: row.rank,
        })),
        abilities: {
          canSubmit: ctx.isOffice && isComputed && status !== 'submitted',
          canDecide: ctx.isApprover && isComputed && status === 'submitted',
        },
      };
    }),
  };
}

async function loadCategory(db: Db, ctx: UnitsActor, periodId: number, category: UnitCategory) {
  const period = await loadUnitPeriod(db, ctx, periodId);
  const groups = await resultsByCategory(db, period.id);
  if (!groups.some((group) => group.category === category))
    throw notFound(`该周期的${UNIT_CATEGORY_LABELS[category]}考核结果`);
  if (period.status !== 'computed' || !period.computed_at)
    throw conflict(`${period.label}尚未计分或已公示，不能报送或审定`);
  return { period, computedAt: period.computed_at };
}

/** The office submits one category's results to the leading group (again after a return or a recompute). */
export async function submitForApproval(
  db: Db,
  actor: Actor,
  periodId: number,
  category: UnitCategory,
  body: { note?: string | undefined },
  today = todayInShanghai(new Date()),
) {
  const ctx = await resolveUnitsActor(db, actor);
  if (!ctx.isOffice) throw forbidden('考核结果由领导小组办公室报送审定');
  const { period, computedAt } = await loadCategory(db, ctx, periodId, category);
  const current = (await findApprovals(db, period.id)).find((row) => row.category === category);
  if (current?.status === 'submitted' && current.computed_at.getTime() === computedAt.getTime())
    throw conflict(`${UNIT_CATEGORY_LABELS[category]}的考核结果已报送，正在等待审定`);
  if (current?.status === 'approved' && current.computed_at.getTime() === computedAt.getTime())
    throw conflict(`${UNIT_CATEGORY_LABELS[category]}的考核结果已审定`);
  await db.transaction().execute(async (trx) => {
    const { id } = await upsertSubmission(trx, {
      period_id: period.id,
      category,
      status: 'submitted',
      computed_at: computedAt,
      note: body.note || null,
      submitted_by: actor.id,
      submitted_on: today,
    });
    await recordAudit(trx, actor, {
      action: 'units.approval_submit',
      entityType: 'unit_approval',
      entityId: id,
      before: current ? { status: current.status } : null,
      after: { periodId, category, status: 'submitted', note: body.note ?? null },
    });
  });
  return getUnitPeriod(db, actor, periodId);
}

/** The leading group approves or returns one category (a return names its reasons). */
export async function decideApproval(
  db: Db,
  actor: Actor,
  periodId: number,
  category: UnitCategory,
  body: { decision: 'approve' | 'return'; note?: string | undefined },
  today = todayInShanghai(new Date()),
) {
  const ctx = await resolveUnitsActor(db, actor);
  if (!ctx.isApprover) throw forbidden('考核结果由县推进依法行政工作领导小组审定');
  const { period, computedAt } = await loadCategory(db, ctx, periodId, category);
  const current = (await findApprovals(db, period.id)).find((row) => row.category === category);
  if (current?.status !== 'submitted')
    throw conflict(`${UNIT_CATEGORY_LABELS[category]}的考核结果未报送审定`);
  if (current.computed_at.getTime() !== computedAt.getTime())
    throw new AppError('UNIT_APPROVAL_STALE', '报送后又重新计分，请办公室重新报送');
  const status = body.decision === 'approve' ? 'approved' : 'returned';
  await db.transaction().execute(async (trx) => {
    await updateDecision(trx, period.id, category, {
      status,
      decided_by: actor.id,
      decided_on: today,
      decision_note: body.note || null,
    });
    await recordAudit(trx, actor, {
      action: body.decision === 'approve' ? 'units.approval_approve' : 'units.approval_return',
      entityType: 'unit_approval',
      entityId: current.id,
      before: { status: current.status },
      after: { periodId, category, status, note: body.note ?? null },
    });
  });
  return getUnitPeriod(db, actor, periodId);
}
