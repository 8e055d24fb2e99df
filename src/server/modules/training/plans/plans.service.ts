/**
 * The yearly training plan of an organisation (培训制度第四条: 各执法单位组织实施; 第五–七条: what, how,
 * which category). One plan per organisation and year; its items say the category, the content
 * category of 第五条, the month, and whether every officer must attend (第七条(二) 专题培训).
 */
import { TRAINING_CONTENT_CATEGORY_LABELS, TRAINING_KIND_NAMES } from '../../../../common/training.ts';
import type { Db } from '../../../db/database.ts';
import type { Actor } from '../../../lib/access.ts';
import { conflict, forbidden, invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { findOrgById } from '../../org/org.repository.ts';
import {
  canManageTrainingOf,
  canReadTrainingOf,
  resolveTrainingActor,
  type TrainingActor,
} from '../training.policy.ts';
import {
  countSessionsOfItems,
  deletePlanItems,
  deletePlanRow,
  findPlanById,
  findPlanByOrgYear,
  findPlanItems,
  findPlans,
  insertPlan,
  insertPlanItems,
  type PlanRow,
  updatePlanItemRow,
  updatePlanRow,
} from './plans.repository.ts';
import type { PlanBody, PlanView } from './plans.schema.ts';

type ItemRow = Awaited<ReturnType<typeof findPlanItems>>[number];

function presentPlan(ctx: TrainingActor, row: PlanRow, items: ItemRow[]): PlanView {
  const canEdit = canManageTrainingOf(ctx, row.org_path);
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    year: row.year,
    title: row.title,
    note: row.note,
    items: items.map((item) => ({
      id: item.id,
      kind: item.kind,
      kindLabel: TRAINING_KIND_NAMES[item.kind],
      contentCategory: item.content_category,
      contentCategoryLabel: TRAINING_CONTENT_CATEGORY_LABELS[item.content_category],
      content: item.content,
      plannedMonth: item.planned_month,
      isRequired: item.is_required,
      finishedSessions: item.finished_sessions ?? 0,
    })),
    abilities: { canEdit, canDelete: canEdit && items.every((item) => (item.finished_sessions ?? 0) === 0) },
  };
}

async function presentPlans(db: Db, ctx: TrainingActor, rows: PlanRow[]): Promise<PlanView[]> {
  const items = await findPlanItems(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) =>
    presentPlan(
      ctx,
      row,
      items.filter((item) => item.plan_id === row.id),
    ),
  );
}

/** The plans the account reads: its scope's and its own organisation's ancestors' (the bureau's). */
export async function listPlans(db: Db, actor: Actor, query: { year?: number; orgId?: number }) {
  const ctx = await resolveTrainingActor(db, actor);
  let orgPath: string | undefined;
  if (query.orgId) {
    const org = await findOrgById(db, query.orgId);
    if (!org || !canReadTrainingOf(ctx, org.path)) throw notFound('单位');
    orgPath = org.path;
  }
  const rows = await findPlans(db, ctx, { year: query.year, orgPath });
  return {
    items: await presentPlans(db, ctx, rows),
    canCreate: actor.scopePaths.length > 0 && canManage(ctx),
  };
}

function canManage(ctx: TrainingActor): boolean {
  return ctx.actor.scopePaths.some((path) => canManageTrainingOf(ctx, path));
}

async function getPlanRow(db: Db, ctx: TrainingActor, id: number): Promise<PlanRow> {
  const row = await findPlanById(db, id);
  if (!row || !canReadTrainingOf(ctx, row.org_path)) throw notFound('培训计划');
  return row;
}

export async function getPlan(db: Db, actor: Actor, id: number): Promise<PlanView> {
  const ctx = await resolveTrainingActor(db, actor);
  const [view] = await presentPlans(db, ctx, [await getPlanRow(db, ctx, id)]);
  return view!;
}

/** Refuses item lines that say the same thing twice (same content and month). */
function checkItems(body: PlanBody): void {
  const seen = new Map<string, number>();
  body.items.forEach((item, index) => {
    const key = `${item.content}|${item.plannedMonth}`;
    if (seen.has(key))
      throw invalid([{ field: `items.${index}.content`, message: `与第${seen.get(key)! + 1}项重复` }]);
    seen.set(key, index);
  });
}

export async function createPlan(db: Db, actor: Actor, body: PlanBody): Promise<PlanView> {
  const ctx = await resolveTrainingActor(db, actor);
  const org = await findOrgById(db, body.orgId);
  // another county's unit, or none: the same 404 (its existence is not told)
  if (!org || !canReadTrainingOf(ctx, org.path)) throw notFound('单位');
  if (!canManageTrainingOf(ctx, org.path)) throw forbidden('只能为本单位及下属单位制定培训计划');
  checkItems(body);
  if (await findPlanByOrgYear(db, org.id, body.year))
    throw invalid([{ field: 'year', message: `${org.name}已有${body.year}年度培训计划，请直接修改` }]);
  const id = await db.transaction().execute(async (trx) => {
    const plan = await insertPlan(trx, {
      org_id: org.id,
      year: body.year,
      title: body.title,
      note: body.note ?? null,
      created_by: actor.id,
    });
    await insertPlanItems(
      trx,
      body.items.map((item, position) => ({
        plan_id: plan.id,
        position,
        kind: item.kind,
        content_category: item.contentCategory,
        content: item.content,
        planned_month: item.plannedMonth,
        is_required: item.isRequired,
      })),
    );
    await recordAudit(trx, actor, {
      action: 'training.plan_create',
      entityType: 'training_plan',
      entityId: plan.id,
      orgId: org.id,
      after: body,
    });
    return plan.id;
  });
  return getPlan(db, actor, id);
}

/** Replaces the plan's title, note and items; an item a session was held for cannot be removed. */
export async function updatePlan(db: Db, actor: Actor, id: number, body: PlanBody): Promise<PlanView> {
  const ctx = await resolveTrainingActor(db, actor);
  const row = await getPlanRow(db, ctx, id);
  if (!canManageTrainingOf(ctx, row.org_path)) throw forbidden('只能修改本单位及下属单位的培训计划');
  if (body.orgId !== row.org_id) throw invalid([{ field: 'orgId', message: '不能更改计划所属单位' }]);
  if (body.year !== row.year) throw invalid([{ field: 'year', message: '不能更改计划年度' }]);
  checkItems(body);
  const before = await getPlan(db, actor, id);
  const existing = new Set(before.items.map((item) => item.id));
  body.items.forEach((item, index) => {
    if (item.id !== undefined && !existing.has(item.id))
      throw invalid([{ field: `items.${index}.id`, message: '计划事项不属于该计划' }]);
  });
  const kept = new Set(body.items.map((item) => item.id).filter((itemId) => itemId !== undefined));
  const removed = [...existing].filter((itemId) => !kept.has(itemId));
  if ((await countSessionsOfItems(db, removed)) > 0)
    throw invalid([{ field: 'items', message: '已安排培训班的计划事项不能删除' }]);
  await db.transaction().execute(async (trx) => {
    await updatePlanRow(trx, id, { title: body.title, note: body.note ?? null });
    await deletePlanItems(trx, removed);
    for (const [position, item] of body.items.entries()) {
      const values = {
        position,
        kind: item.kind,
        content_category: item.contentCategory,
        content: item.content,
        planned_month: item.plannedMonth,
        is_required: item.isRequired,
      };
      if (item.id !== undefined) await updatePlanItemRow(trx, item.id, values);
      else await insertPlanItems(trx, [{ plan_id: id, ...values }]);
    }
    await recordAudit(trx, actor, {
      action: 'training.plan_update',
      entityType: 'training_plan',
      entityId: id,
      orgId: row.org_id,
      before: { title: before.title, note: before.note, items: before.items },
      after: body,
    });
  });
  return getPlan(db, actor, id);
}

export async function deletePlan(db: Db, actor: Actor, id: number): Promise<void> {
  const ctx = await resolveTrainingActor(db, actor);
  const row = await getPlanRow(db, ctx, id);
  if (!canManageTrainingOf(ctx, row.org_path)) throw forbidden('只能删除本单位及下属单位的培训计划');
  const before = await getPlan(db, actor, id);
  if (
    (await countSessionsOfItems(
      db,
      before.items.map((item) => item.id),
    )) > 0
  )
    throw conflict('计划中已有事项安排了培训班，不能删除该计划');
  await db.transaction().execute(async (trx) => {
    await deletePlanRow(trx, id);
    await recordAudit(trx, actor, {
      action: 'training.plan_delete',
      entityType: 'training_plan',
      entityId: id,
      orgId: row.org_id,
      before,
    });
  });
}
