import { todayInShanghai } from '../../../../common/format.ts';
import {
  NO_OFFICERS_IN_SCOPE,
  SELF_STUDY_PLATFORM_LABELS,
  TRAINING_CONTENT_CATEGORY_LABELS,
  TRAINING_DELIVERY_LABELS,
} from '../../../../common/training.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan, isInScope } from '../../../lib/access.ts';
import { conflict, forbidden, invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { findOrgById } from '../../org/org.repository.ts';
import { getOrgInScope } from '../../org/org.service.ts';
import { getOfficerForRead, getOfficerForWrite, loadUnitNames, visibilityOf } from '../officer-lookup.ts';
import { TRAINING_KIND_LABELS } from '../officers.policy.ts';
import {
  deleteTrainingRow,
  findAllTrainings,
  findRequirement,
  findTrainingById,
  findTrainings,
  findTrainingTotals,
  insertTrainings,
  type TrainingFilter,
  type TrainingRow,
  type TrainingValues,
  updateTrainingRow,
  upsertRequirement,
} from './training.repository.ts';
import type {
  ComplianceQuery,
  ComplianceReport,
  TrainingBody,
  TrainingListQuery,
  TrainingView,
} from './training.schema.ts';
import {
  DEFAULT_MIN_TRAINING_HOURS,
  hoursToTenths,
  isBureauOrganiser,
  judgeTrainingYear,
  tenthsToHours,
} from './training-compliance.ts';
import { applyTrainingComplianceRules } from './training-compliance-rules.ts';

export const TRAINING_EXPORT_MAX_ROWS = 100_000;

export function presentTraining(row: TrainingRow): TrainingView {
  return {
    id: row.id,
    officerId: row.officer_id,
    officerName: row.officer_name,
    orgName: row.org_name,
    heldOn: row.held_on,
    hours: Number(row.hours),
    content: row.content,
    kind: row.kind,
    kindLabel: TRAINING_KIND_LABELS[row.kind],
    organiser: row.organiser,
    isBureauOrganised: row.is_bureau_organised,
    result: row.result,
    sessionId: row.session_id,
    deliveryLabel: row.delivery ? TRAINING_DELIVERY_LABELS[row.delivery] : null,
    contentCategoryLabel: row.content_category
      ? TRAINING_CONTENT_CATEGORY_LABELS[row.content_category]
      : null,
    score: row.score === null ? null : Number(row.score),
    passed: row.passed,
    platformLabel: row.platform ? SELF_STUDY_PLATFORM_LABELS[row.platform] : null,
    isSelfReported: row.is_self_reported,
  };
}

const auditView = (view: TrainingView) => {
  const { officerName: _name, orgName: _org, kindLabel: _label, ...rest } = view;
  return rest;
};

/** The row values of a training body; the bureau flag defaults from the organiser's name. */
function trainingValues(body: TrainingBody): Omit<TrainingValues, 'officer_id'> {
  if (body.heldOn > todayInShanghai(new Date()))
    throw invalid([{ field: 'heldOn', message: '培训时间不能晚于今天' }]);
  return {
    held_on: body.heldOn,
    hours: body.hours,
    content: body.content,
    kind: body.kind,
    organiser: body.organiser,
    is_bureau_organised: body.isBureauOrganised ?? isBureauOrganiser(body.organiser),
    result: body.result ?? null,
  };
}

export async function createTraining(
  db: Db,
  actor: Actor,
  officerId: number,
  body: TrainingBody,
): Promise<TrainingView> {
  const officer = await getOfficerForWrite(db, actor, officerId);
  const values = trainingValues(body);
  return db.transaction().execute(async (trx) => {
    const [inserted] = await insertTrainings(trx, [{ officer_id: officerId, ...values }]);
    const view = presentTraining((await findTrainingById(trx, inserted!.id))!);
    await recordAudit(trx, actor, {
      action: 'training.create',
      entityType: 'training',
      entityId: view.id,
      orgId: officer.org_id,
      after: auditView(view),
    });
    return view;
  });
}

/** A training row the actor may change: in their scope (an officer may see their own, not edit it). */
async function getTrainingForWrite(db: Db, actor: Actor, id: number): Promise<TrainingRow> {
  const row = await findTrainingById(db, id);
  if (!row || !(isInScope(actor, row.org_path) || row.officer_user_id === actor.id))
    throw notFound('培训记录');
  assertCan(actor, 'officer.write');
  if (!isInScope(actor, row.org_path)) throw forbidden();
  if (row.session_id !== null)
    throw conflict('该记录由培训班结业写入，请在培训班中修改（培训制度第八条：培训档案与培训班一致）');
  return row;
}

/** Corrects a training record (date, hours, content…); the change is audited with before and after. */
export async function updateTraining(
  db: Db,
  actor: Actor,
  id: number,
  body: TrainingBody,
): Promise<TrainingView> {
  const row = await getTrainingForWrite(db, actor, id);
  const values = trainingValues(body);
  return db.transaction().execute(async (trx) => {
    await updateTrainingRow(trx, id, values);
    const view = presentTraining((await findTrainingById(trx, id))!);
    await recordAudit(trx, actor, {
      action: 'training.update',
      entityType: 'training',
      entityId: id,
      orgId: row.org_id,
      before: auditView(presentTraining(row)),
      after: auditView(view),
    });
    return view;
  });
}

export async function deleteTraining(db: Db, actor: Actor, id: number): Promise<void> {
  const row = await getTrainingForWrite(db, actor, id);
  await db.transaction().execute(async (trx) => {
    await deleteTrainingRow(trx, id);
    await recordAudit(trx, actor, {
      action: 'training.delete',
      entityType: 'training',
      entityId: id,
      orgId: row.org_id,
      before: auditView(presentTraining(row)),
    });
  });
}

async function buildFilter(
  db: Db,
  actor: Actor,
  query: Omit<TrainingListQuery, 'page' | 'pageSize'>,
): Promise<TrainingFilter> {
  assertCan(actor, 'officer.read');
  if (query.officerId) await getOfficerForRead(db, actor, query.officerId);
  const orgPath = query.orgId ? (await getOrgInScope(db, actor, query.orgId)).path : undefined;
  return {
    ...visibilityOf(actor),
    keyword: query.keyword,
    orgPath,
    officerId: query.officerId,
    year: query.year,
    kind: query.kind,
  };
}

export async function listTrainings(db: Db, actor: Actor, query: TrainingListQuery) {
  const { rows, total } = await findTrainings(db, {
    ...(await buildFilter(db, actor, query)),
    page: query.page,
    pageSize: query.pageSize,
  });
  return { items: rows.map(presentTraining), total, page: query.page, pageSize: query.pageSize };
}

export async function listAllTrainings(
  db: Db,
  actor: Actor,
  query: Omit<TrainingListQuery, 'page' | 'pageSize'>,
) {
  return (await findAllTrainings(db, await buildFilter(db, actor, query), TRAINING_EXPORT_MAX_ROWS)).map(
    presentTraining,
  );
}

/** The root of the actor's organisation tree: the county whose settings apply. */
async function countyOf(db: Db, actor: Actor): Promise<number> {
  const org = await findOrgById(db, actor.orgId);
  return Number(org!.path.split('/').filter(Boolean)[0]);
}

export async function getMinTrainingHours(db: Db, actor: Actor): Promise<number> {
  const configured = await findRequirement(db, await countyOf(db, actor));
  return configured === undefined ? DEFAULT_MIN_TRAINING_HOURS : Number(configured);
}

export async function setMinTrainingHours(
  db: Db,
  actor: Actor,
  minHours: number,
): Promise<{ minHours: number }> {
  assertCan(actor, 'training.settings');
  const countyId = await countyOf(db, actor);
  const before = await getMinTrainingHours(db, actor);
  await db.transaction().execute(async (trx) => {
    await upsertRequirement(trx, countyId, minHours, actor.id);
    await recordAudit(trx, actor, {
      action: 'training.requirement_update',
      entityType: 'training_requirement',
      entityId: countyId,
      orgId: countyId,
      before: { minHours: before },
      after: { minHours },
    });
  });
  return { minHours };
}

/**
 * Yearly compliance of every in-service officer in the reader's scope (培训制度第七条: one
 * bureau-held training; seed 003 篇5: the minimum hours), with per-agency counts.
 */
export async function getTrainingCompliance(
  db: Db,
  actor: Actor,
  query: ComplianceQuery,
  today = todayInShanghai(new Date()),
): Promise<ComplianceReport> {
  assertCan(actor, 'officer.read');
  const year = query.year ?? Number(today.slice(0, 4));
  const orgPath = query.orgId ? (await getOrgInScope(db, actor, query.orgId)).path : undefined;
  const minHours = await getMinTrainingHours(db, actor);
  const totals = await findTrainingTotals(db, { ...visibilityOf(actor), orgPath, year });
  const unitName = await loadUnitNames(
    db,
    totals.map((row) => row.org_path),
  );
  // the rules other domains register (issue 20: plan-required 专题培训, 协调监督办法第十九条)
  const extra = await applyTrainingComplianceRules(db, {
    year,
    today,
    officers: totals.map((row) => ({
      officerId: row.officer_id,
      orgPath: row.org_path,
      isBureauStaff: row.is_bureau_staff,
    })),
  });
  const officers = totals.map((row) => {
    const hoursTenths = hoursToTenths(row.hours);
    const basic = judgeTrainingYear({ hoursTenths, bureauTrainings: row.bureau_trainings }, minHours);
    const shortfalls = [...basic.shortfalls, ...(extra.get(row.officer_id) ?? [])];
    const verdict = { isCompliant: shortfalls.length === 0, shortfalls };
    return {
      officerId: row.officer_id,
      name: row.officer_name,
      orgId: row.org_id,
      orgName: row.org_name,
      isOwn: row.user_id === actor.id,
      agencyName: unitName(row.org_path),
      hours: tenthsToHours(hoursTenths),
      bureauTrainings: row.bureau_trainings,
      ...verdict,
    };
  });
  const byAgency = new Map<string, ComplianceReport['byAgency'][number]>();
  for (const officer of officers) {
    const entry = byAgency.get(officer.agencyName) ?? {
      agencyName: officer.agencyName,
      officers: 0,
      compliant: 0,
      short: 0,
    };
    entry.officers += 1;
    if (officer.isCompliant) entry.compliant += 1;
    else entry.short += 1;
    byAgency.set(officer.agencyName, entry);
  }
  return {
    year,
    minHours,
    officersInScope: officers.length,
    emptyMessage: officers.length === 0 ? NO_OFFICERS_IN_SCOPE : null,
    officers: query.shortOnly ? officers.filter((officer) => !officer.isCompliant) : officers,
    byAgency: [...byAgency.values()],
  };
}
