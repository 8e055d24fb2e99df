/**
 * 考核结果运用 (seed 002 五): (一) 通报 and 评选先进单位和先进个人 — the office keeps the commendation
 * list of a published period; (二) 考核机关将发现的问题反馈给考核对象并督促整改，被评为不合格等次的单位要…
 * 提交书面整改方案并认真整改 — a failing unit files its plan, the office accepts or returns it, the unit
 * reports what it did and the office confirms it done.
 */
import { todayInShanghai } from '../../../../common/format.ts';
import { UNIT_RECTIFICATION_STATUS_LABELS } from '../../../../common/units.ts';
import type { Db } from '../../../db/database.ts';
import type { UnitRectification } from '../../../db/schema.ts';
import type { Actor } from '../../../lib/access.ts';
import { conflict, forbidden, invalid, notFound } from '../../../lib/errors.ts';
import {
  findOrgSubjectResults,
  findPublishedPeriodsOfOrg,
  getPeriodForActor,
  type PeriodRow,
} from '../../assessment/assessment.public.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { findIssuingRegister, REGISTER_CODES, renderOfficialDocx } from '../../documents/documents.public.ts';
import { findOrgById } from '../../org/org.repository.ts';
import { getUnitPeriod } from '../approvals/approvals.service.ts';
import { canSeeUnit, isOwnUnit, resolveUnitsActor, type UnitsActor } from '../units.policy.ts';
import { findLeadingGroupOffice, findOrgPaths } from '../units.repository.ts';
import { loadVisibleUnit } from '../units.service.ts';
import { buildAssessmentReport } from './assessment-report.build.ts';
import { canTakeStep, isFailingGrade, type RectificationStep } from './rectification.rules.ts';
import {
  findCommendations,
  findRectifications,
  insertCommendation,
  insertRectification,
  updateRectification,
} from './results.repository.ts';
import type { RectificationView } from './results.schema.ts';

const isPublished = (period: Pick<PeriodRow, 'status'>) =>
  period.status === 'published' || period.status === 'finalised';

function presentRectification(
  ctx: UnitsActor,
  period: { id: number; label: string },
  unit: { orgId: number; name: string; path: string; grade: string | null; total: string | null },
  row: UnitRectification | undefined,
): RectificationView {
  const own = isOwnUnit(ctx, unit.path);
  const step = (name: RectificationStep) => canTakeStep(row?.status, name, Boolean(row?.progress));
  const status = row?.status ?? 'missing';
  return {
    periodId: period.id,
    periodLabel: period.label,
    orgId: unit.orgId,
    unitName: unit.name,
    grade: unit.grade,
    total: unit.total,
    status,
    statusLabel: UNIT_RECTIFICATION_STATUS_LABELS[status],
    plan: row?.plan ?? null,
    filedOn: row?.filed_on ?? null,
    reviewNote: row?.review_note ?? null,
    reviewedOn: row?.reviewed_on ?? null,
    progress: row?.progress ?? null,
    progressOn: row?.progress_on ?? null,
    doneOn: row?.done_on ?? null,
    abilities: {
      canFile: own && step('file'),
      canReview: ctx.isOffice && step('review'),
      canReportProgress: own && step('progress'),
      canConfirmDone: ctx.isOffice && step('done'),
    },
  };
}

/** A published unit period's failing units with their plans, and its commendation list. */
export async function getFollowUp(db: Db, actor: Actor, periodId: number) {
  const ctx = await resolveUnitsActor(db, actor);
  const period = await getPeriodForActor(db, actor, periodId);
  const results = await findOrgSubjectResults(db, period.id);
  const plans = await findRectifications(db, { periodId: period.id });
  const orgPaths = await findOrgPaths(
    db,
    results.map((row) => row.org_id),
  );
  const visible = isPublished(period) ? results : [];
  const rectifications = visible
    .filter((row) => isFailingGrade(row.grade) && canSeeUnit(ctx, orgPaths.get(row.org_id) ?? ''))
    .map((row) =>
      presentRectification(
        ctx,
        period,
        {
          orgId: row.org_id,
          name: row.name,
          path: orgPaths.get(row.org_id)!,
          grade: row.grade,
          total: row.total,
        },
        plans.find((plan) => plan.unit_org_id === row.org_id),
      ),
    );
  const commendations = isPublished(period) ? await findCommendations(db, period.id) : [];
  return {
    periodId: period.id,
    periodLabel: period.label,
    status: period.status,
    rectifications,
    commendations: commendations.map((row) => ({
      id: row.id,
      kind: row.kind,
      kindLabel: row.kind === 'unit' ? '先进单位' : '先进个人',
      orgId: row.unit_org_id,
      unitName: row.unit_name,
      personName: row.person_name,
      reason: row.reason,
    })),
    canCommend: ctx.isOffice && isPublished(period),
  };
}

/** One unit's plans across published periods where it was graded failing (its own page). */
export async function listUnitRectifications(db: Db, actor: Actor, orgId: number) {
  const ctx = await resolveUnitsActor(db, actor);
  const unit = await loadVisibleUnit(db, ctx, orgId);
  const periods = (await findPublishedPeriodsOfOrg(db, unit.id)).filter((row) => isFailingGrade(row.grade));
  const plans = await findRectifications(db, { unitOrgId: unit.id });
  return {
    items: periods.map((period) =>
      presentRectification(
        ctx,
        period,
        { orgId: unit.id, name: unit.name, path: unit.path, grade: period.grade, total: period.total },
        plans.find((plan) => plan.period_id === period.id),
      ),
    ),
  };
}

/** The period, the unit and its current plan, after checking the unit owes one. */
async function loadRectification(db: Db, ctx: UnitsActor, periodId: number, orgId: number) {
  const period = await getPeriodForActor(db, ctx.actor, periodId);
  const unit = await loadVisibleUnit(db, ctx, orgId);
  const result = (await findOrgSubjectResults(db, period.id)).find((row) => row.org_id === unit.id);
  if (!result) throw notFound('该单位在本周期的考核结果');
  if (!isPublished(period)) throw conflict(`${period.label}的考核结果尚未公示`);
  if (!isFailingGrade(result.grade))
    throw conflict(`${unit.name}的考核等次为${result.grade ?? '无'}，不须提交整改方案`);
  const row = (await findRectifications(db, { periodId: period.id })).find(
    (plan) => plan.unit_org_id === unit.id,
  );
  const view = () =>
    findRectifications(db, { periodId: period.id }).then((plans) =>
      presentRectification(
        ctx,
        period,
        { orgId: unit.id, name: unit.name, path: unit.path, grade: result.grade, total: result.total },
        plans.find((plan) => plan.unit_org_id === unit.id),
      ),
    );
  return { period, unit, row, view };
}

/** The failing unit files (or refiles after a return) its written plan. */
export async function fileRectificationPlan(
  db: Db,
  actor: Actor,
  periodId: number,
  orgId: number,
  body: { plan: string },
  today = todayInShanghai(new Date()),
) {
  const ctx = await resolveUnitsActor(db, actor);
  const { unit, row, view } = await loadRectification(db, ctx, periodId, orgId);
  if (!isOwnUnit(ctx, unit.path)) throw forbidden('书面整改方案由被考核单位本单位提交');
  if (!canTakeStep(row?.status, 'file', false)) throw conflict('整改方案已提交，正在处理中');
  await db.transaction().execute(async (trx) => {
    let id: number;
    if (row) {
      await updateRectification(trx, row.id, {
        status: 'filed',
        plan: body.plan,
        filed_on: today,
        filed_by: actor.id,
      });
      id = row.id;
    } else {
      ({ id } = await insertRectification(trx, {
        period_id: periodId,
        unit_org_id: unit.id,
        status: 'filed',
        plan: body.plan,
        filed_on: today,
        filed_by: actor.id,
      }));
    }
    await recordAudit(trx, actor, {
      action: 'units.rectification_file',
      entityType: 'unit_rectification',
      entityId: id,
      orgId: unit.id,
      before: row ? { status: row.status, plan: row.plan } : null,
      after: { periodId, plan: body.plan, status: 'filed' },
    });
  });
  return view();
}

/** The office accepts the plan or returns it with reasons. */
export async function reviewRectificationPlan(
  db: Db,
  actor: Actor,
  periodId: number,
  orgId: number,
  body: { decision: 'accept' | 'return'; note?: string | undefined },
  today = todayInShanghai(new Date()),
) {
  const ctx = await resolveUnitsActor(db, actor);
  if (!ctx.isOffice) throw forbidden('整改方案由领导小组办公室审核');
  const { unit, row, view } = await loadRectification(db, ctx, periodId, orgId);
  if (!row || !canTakeStep(row.status, 'review', false)) throw conflict('没有待审核的整改方案');
  const status = body.decision === 'accept' ? 'accepted' : 'returned';
  await db.transaction().execute(async (trx) => {
    await updateRectification(trx, row.id, {
      status,
      review_note: body.note || null,
      reviewed_by: actor.id,
      reviewed_on: today,
    });
    await recordAudit(trx, actor, {
      action: 'units.rectification_review',
      entityType: 'unit_rectification',
      entityId: row.id,
      orgId: unit.id,
      before: { status: row.status },
      after: { status, note: body.note ?? null },
    });
  });
  return view();
}

/** The unit reports what it has done under the accepted plan. */
export async function reportRectificationProgress(
  db: Db,
  actor: Actor,
  periodId: number,
  orgId: number,
  body: { progress: string },
  today = todayInShanghai(new Date()),
) {
  const ctx = await resolveUnitsActor(db, actor);
  const { unit, row, view } = await loadRectification(db, ctx, periodId, orgId);
  if (!isOwnUnit(ctx, unit.path)) throw forbidden('整改落实情况由被考核单位本单位报告');
  if (!row || !canTakeStep(row.status, 'progress', false))
    throw conflict('整改方案尚未经办公室同意，或已整改完毕');
  await db.transaction().execute(async (trx) => {
    await updateRectification(trx, row.id, { progress: body.progress, progress_on: today });
    await recordAudit(trx, actor, {
      action: 'units.rectification_progress',
      entityType: 'unit_rectification',
      entityId: row.id,
      orgId: unit.id,
      before: { progress: row.progress },
      after: { progress: body.progress },
    });
  });
  return view();
}

/** The office confirms the rectification done (督促整改 to the end). */
export async function confirmRectificationDone(
  db: Db,
  actor: Actor,
  periodId: number,
  orgId: number,
  today = todayInShanghai(new Date()),
) {
  const ctx = await resolveUnitsActor(db, actor);
  if (!ctx.isOffice) throw forbidden('整改完成由领导小组办公室确认');
  const { unit, row, view } = await loadRectification(db, ctx, periodId, orgId);
  if (!row || !canTakeStep(row.status, 'done', Boolean(row.progress)))
    throw conflict('单位尚未报告整改落实情况，不能确认整改完成');
  await db.transaction().execute(async (trx) => {
    await updateRectification(trx, row.id, { status: 'done', done_on: today, done_by: actor.id });
    await recordAudit(trx, actor, {
      action: 'units.rectification_done',
      entityType: 'unit_rectification',
      entityId: row.id,
      orgId: unit.id,
      before: { status: row.status },
      after: { status: 'done', doneOn: today },
    });
  });
  return view();
}

/** The office adds an advanced unit or individual to a published period's commendation list. */
export async function addCommendation(
  db: Db,
  actor: Actor,
  periodId: number,
  body: { kind: 'unit' | 'individual'; orgId: number; personName?: string | undefined; reason: string },
) {
  const ctx = await resolveUnitsActor(db, actor);
  if (!ctx.isOffice) throw forbidden('先进单位和个人由领导小组办公室提名');
  const period = await getPeriodForActor(db, actor, periodId);
  if (!isPublished(period)) throw conflict(`${period.label}的考核结果尚未公示，不能评选先进`);
  const subject = (await findOrgSubjectResults(db, period.id)).find((row) => row.org_id === body.orgId);
  if (!subject) throw invalid([{ field: 'orgId', message: '该单位不是本周期的考核对象' }]);
  if (isFailingGrade(subject.grade))
    throw invalid([{ field: 'orgId', message: `${subject.name}考核等次为${subject.grade}，不能评为先进` }]);
  await db.transaction().execute(async (trx) => {
    const { id } = await insertCommendation(trx, {
      period_id: period.id,
      kind: body.kind,
      unit_org_id: body.orgId,
      person_name: body.kind === 'individual' ? (body.personName ?? null) : null,
      reason: body.reason,
      created_by: actor.id,
    });
    await recordAudit(trx, actor, {
      action: 'units.commendation_add',
      entityType: 'unit_commendation',
      entityId: id,
      orgId: body.orgId,
      after: { periodId, ...body },
    });
  });
  return getFollowUp(db, actor, periodId);
}

/**
 * 考核情况报告 of a published period as a DOCX (seed 002 五; 003 篇2 四(三)3): the office reports to
 * the county committee and government. Only the office prints it; before 公示 there is nothing to report.
 */
export async function renderAssessmentReport(
  db: Db,
  actor: Actor,
  periodId: number,
  today = todayInShanghai(new Date()),
) {
  const ctx = await resolveUnitsActor(db, actor);
  if (!ctx.isOffice) throw forbidden('只有领导小组办公室可以出具考核情况报告');
  const period = await getUnitPeriod(db, actor, periodId);
  if (period.status !== 'published' && period.status !== 'finalised')
    throw conflict(`${period.label}尚未公示，不能出具考核情况报告`);
  const followUp = await getFollowUp(db, actor, periodId);
  const county = (await findOrgById(db, ctx.countyOrgId))!;
  // 发文机关: the county's leading-group office, else the account's own organisation
  const issuer = (await findLeadingGroupOffice(db, county.path)) ?? (await findOrgById(db, actor.orgId))!;
  // the office's 博考办 register (考核结果通报 and reports of the assessment)
  const register = await findIssuingRegister(db, {
    orgId: issuer.id,
    registerCode: REGISTER_CODES.assessment,
  });
  const content = buildAssessmentReport({
    period,
    followUp,
    issuerName: issuer.name,
    numberPrefix: register?.prefix ?? null,
    countyName: county.name.replace(/人民政府$/, ''),
    today,
  });
  return {
    fileName: `${period.label}考核情况报告.docx`,
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    bytes: await renderOfficialDocx(content),
  };
}
