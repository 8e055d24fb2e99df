/** Complaints, petitions, special-campaign participation and the per-officer period counts. */
import type { Db } from '../../db/database.ts';
import { type Actor, assertCan, isInScope } from '../../lib/access.ts';
import { forbidden, invalid, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findOfficerById } from '../officers/officers.repository.ts';
import { getOrgInScope } from '../org/org.service.ts';
import { findCaseById } from './cases.repository.ts';
import { visibilityOf } from './cases.service.ts';
import {
  type ComplaintRow,
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
  FINDING_LABELS,
} from './complaints.schema.ts';
import { countOfficerPeriod, periodRange } from './officer-counts.ts';

export function presentComplaint(row: ComplaintRow): ComplaintView {
  return {
    id: row.id,
    orgId: row.org_id,
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

export async function listComplaints(db: Db, actor: Actor, query: ComplaintListQuery) {
  assertCan(actor, 'complaint.read');
  const { rows, total } = await findComplaints(db, { scopePaths: actor.scopePaths, ...query });
  return { items: rows.map(presentComplaint), total, page: query.page, pageSize: query.pageSize };
}

/** Records a complaint or petition against an officer and/or case in the writer's scope. */
export async function createComplaint(db: Db, actor: Actor, body: ComplaintCreateBody) {
  assertCan(actor, 'complaint.write');
  const officer = body.officerId ? await findOfficerById(db, body.officerId) : undefined;
  const caseRow = body.caseId ? await findCaseById(db, body.caseId) : undefined;
  if (body.officerId && !(officer && isInScope(actor, officer.org_path))) throw notFound('执法人员');
  if (body.caseId && !(caseRow && isInScope(actor, caseRow.org_path))) throw notFound('案件');
  const orgId = caseRow?.org_id ?? officer!.org_id;
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

/** The finding (查实 / 不属实) and handling of a complaint. */
export async function updateComplaint(db: Db, actor: Actor, id: number, body: ComplaintUpdateBody) {
  assertCan(actor, 'complaint.write');
  const row = await findComplaintById(db, id);
  if (!row || !isInScope(actor, row.org_path)) throw notFound('投诉举报');
  await db.transaction().execute(async (trx) => {
    await updateComplaintRow(trx, id, {
      ...(body.finding !== undefined && { finding: body.finding }),
      ...(body.handling !== undefined && { handling: body.handling }),
      ...(body.handledOn !== undefined && { handled_on: body.handledOn }),
    });
    await recordAudit(trx, actor, {
      action: 'complaint.update',
      entityType: 'complaint',
      entityId: id,
      orgId: row.org_id,
      before: presentComplaint(row),
      after: body,
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
