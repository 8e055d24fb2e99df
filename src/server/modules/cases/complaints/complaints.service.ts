/** Complaints, petitions, special-campaign participation and the per-officer period counts. */
import { DATE_RULES, dateRuleProblem, shanghaiToday } from '../../../../common/date-rules.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan, isInScope } from '../../../lib/access.ts';
import { forbidden, invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { findOfficerById } from '../../officers/archive/officers.repository.ts';
import { getOrgInScope } from '../../org/org.service.ts';
import { findCaseById } from '../records/cases.repository.ts';
import { CASE_EXPORT_MAX_ROWS, visibilityOf } from '../records/cases.service.ts';
import { countOfficerPeriod, periodRange } from '../records/officer-counts.ts';
import {
  type ComplaintRow,
  findAllComplaints,
  findComplaintById,
  findComplaints,
  findOfficerPeriodFacts,
  insertCampaign,
  insertComplaint,
  updateComplaintRow,
} from './complaints.repository.ts';
import {
  COMPLAINT_KIND_LABELS,
  type ComplaintCreateBody,
  type ComplaintListQuery,
  type ComplaintUpdateBody,
  type ComplaintView,
  complaintTargetProblem,
  FINDING_LABELS,
} from './complaints.schema.ts';

export function presentComplaint(row: ComplaintRow): ComplaintView {
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    kind: row.kind,
    kindLabel: COMPLAINT_KIND_LABELS[row.kind],
    officerId: row.officer_id,
    officerName: row.officer_name,
    caseId: row.case_id,
    caseNo: row.case_no,
    source: row.source,
    receivedOn: row.received_on,
    summary: row.summary,
    finding: row.finding,
    findingLabel: row.finding ? FINDING_LABELS[row.finding] : null,
    handling: row.handling,
    handledOn: row.handled_on,
  };
}

/** A list filtered by an officer or a case names one in the reader's scope, else NOT_FOUND. */
async function assertFilterInScope(db: Db, actor: Actor, query: { officerId?: number; caseId?: number }) {
  if (query.officerId) {
    const officer = await findOfficerById(db, query.officerId);
    if (!officer || !isInScope(actor, officer.org_path)) throw notFound('执法人员');
  }
  if (query.caseId) {
    const caseRow = await findCaseById(db, query.caseId);
    if (!caseRow || !isInScope(actor, caseRow.org_path)) throw notFound('案件');
  }
}

export async function listComplaints(db: Db, actor: Actor, query: ComplaintListQuery) {
  assertCan(actor, 'complaint.read');
  await assertFilterInScope(db, actor, query);
  const { rows, total } = await findComplaints(db, { scopePaths: actor.scopePaths, ...query });
  return { items: rows.map(presentComplaint), total, page: query.page, pageSize: query.pageSize };
}

/** Every complaint the filter lets through, for an export (capped at CASE_EXPORT_MAX_ROWS). */
export async function listAllComplaints(
  db: Db,
  actor: Actor,
  query: Omit<ComplaintListQuery, 'page' | 'pageSize'>,
): Promise<ComplaintView[]> {
  assertCan(actor, 'complaint.read');
  await assertFilterInScope(db, actor, query);
  const rows = await findAllComplaints(db, { scopePaths: actor.scopePaths, ...query }, CASE_EXPORT_MAX_ROWS);
  return rows.map(presentComplaint);
}

/** One complaint in the reader's scope, else NOT_FOUND (another county's ids are not confirmed). */
export async function getComplaint(db: Db, actor: Actor, id: number): Promise<ComplaintView> {
  assertCan(actor, 'complaint.read');
  const row = await findComplaintById(db, id);
  if (!row || !isInScope(actor, row.org_path)) throw notFound('投诉举报');
  return presentComplaint(row);
}

/**
 * The officer and case a complaint names, each in the writer's scope, and the org it then belongs
 * to (the case's, else the officer's).
 */
async function resolveTargets(
  db: Db,
  actor: Actor,
  target: { kind: 'complaint' | 'petition'; officerId: number | null; caseId: number | null },
) {
  const problem = complaintTargetProblem(target);
  if (problem) throw invalid([{ field: 'officerId', message: problem }]);
  const officer = target.officerId ? await findOfficerById(db, target.officerId) : undefined;
  const caseRow = target.caseId ? await findCaseById(db, target.caseId) : undefined;
  if (target.officerId && !(officer && isInScope(actor, officer.org_path))) throw notFound('执法人员');
  if (target.caseId && !(caseRow && isInScope(actor, caseRow.org_path))) throw notFound('案件');
  return { orgId: caseRow?.org_id ?? officer!.org_id };
}

function checkHandledOn(receivedOn: string, handledOn: string | null | undefined) {
  const problem = handledOn
    ? dateRuleProblem(DATE_RULES.complaintHandledOn, handledOn, {
        today: shanghaiToday(),
        earlier: receivedOn,
      })
    : null;
  if (problem) throw invalid([{ field: 'handledOn', message: problem }]);
}

/** Records a complaint or petition against an officer and/or case in the writer's scope. */
export async function createComplaint(db: Db, actor: Actor, body: ComplaintCreateBody) {
  assertCan(actor, 'complaint.write');
  const { orgId } = await resolveTargets(db, actor, {
    kind: body.kind,
    officerId: body.officerId ?? null,
    caseId: body.caseId ?? null,
  });
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await insertComplaint(trx, {
      org_id: orgId,
      kind: body.kind,
      officer_id: body.officerId ?? null,
      case_id: body.caseId ?? null,
      source: body.source,
      received_on: body.receivedOn,
      summary: body.summary,
      finding: null,
      handling: null,
      handled_on: null,
    });
    await recordAudit(trx, actor, {
      action: 'complaint.create',
      entityType: 'complaint',
      entityId: id,
      orgId,
      after: body,
    });
    return id;
  });
  return presentComplaint((await findComplaintById(db, id))!);
}

/**
 * Edits any field of a complaint in the writer's scope: what it names (checked again, and the org it
 * belongs to follows), source, dates, summary, the finding (查实 / 不属实) and handling. Audited with
 * the complaint before and after.
 */
export async function updateComplaint(db: Db, actor: Actor, id: number, body: ComplaintUpdateBody) {
  assertCan(actor, 'complaint.write');
  const row = await findComplaintById(db, id);
  if (!row || !isInScope(actor, row.org_path)) throw notFound('投诉举报');
  const target = {
    kind: body.kind ?? row.kind,
    officerId: body.officerId === undefined ? row.officer_id : body.officerId,
    caseId: body.caseId === undefined ? row.case_id : body.caseId,
  };
  const isRetargeted =
    target.kind !== row.kind || target.officerId !== row.officer_id || target.caseId !== row.case_id;
  const orgId = isRetargeted ? (await resolveTargets(db, actor, target)).orgId : row.org_id;
  checkHandledOn(
    body.receivedOn ?? row.received_on,
    body.handledOn === undefined ? row.handled_on : body.handledOn,
  );
  await db.transaction().execute(async (trx) => {
    await updateComplaintRow(trx, id, {
      org_id: orgId,
      kind: target.kind,
      officer_id: target.officerId,
      case_id: target.caseId,
      ...(body.source !== undefined && { source: body.source }),
      ...(body.receivedOn !== undefined && { received_on: body.receivedOn }),
      ...(body.summary !== undefined && { summary: body.summary }),
      ...(body.finding !== undefined && { finding: body.finding }),
      ...(body.handling !== undefined && { handling: body.handling || null }),
      ...(body.handledOn !== undefined && { handled_on: body.handledOn }),
    });
    await recordAudit(trx, actor, {
      action: 'complaint.update',
      entityType: 'complaint',
      entityId: id,
      orgId,
      before: presentComplaint(row),
      after: presentComplaint((await findComplaintById(trx, id))!),
    });
  });
  return presentComplaint((await findComplaintById(db, id))!);
}

/** 参加专项整治: one participation of an officer in the writer's scope. */
export async function addCampaign(
  db: Db,
  actor: Actor,
  body: { officerId: number; name: string; joinedOn: string },
) {
  assertCan(actor, 'complaint.write');
  const officer = await findOfficerById(db, body.officerId);
  if (!officer || !isInScope(actor, officer.org_path)) throw forbidden();
  return db.transaction().execute(async (trx) => {
    const { id } = await insertCampaign(trx, {
      officer_id: officer.id,
      name: body.name,
      joined_on: body.joinedOn,
    });
    await recordAudit(trx, actor, {
      action: 'campaign.create',
      entityType: 'campaign_participation',
      entityId: id,
      orgId: officer.org_id,
      after: body,
    });
    return { id };
  });
}

/** seed 000's counts per officer for a period ('2025-H1', '2025-Q3', '2025'), computed from the records. */
export async function getOfficerCounts(
  db: Db,
  actor: Actor,
  query: { period: string; orgId?: number | undefined },
) {
  assertCan(actor, 'case.read');
  const range = periodRange(query.period);
  if (!range) throw invalid([{ field: 'period', message: '期间无效' }]);
  const orgPath = query.orgId ? (await getOrgInScope(db, actor, query.orgId)).path : undefined;
  const facts = await findOfficerPeriodFacts(db, visibilityOf(actor), orgPath, range.from, range.to);
  return { period: query.period, ...range, items: countOfficerPeriod(facts.officers, facts) };
}
