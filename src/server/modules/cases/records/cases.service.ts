import { todayInShanghai } from '../../../../common/format.ts';
import { maskIdNumber } from '../../../../common/id-number.ts';
import { maskPhone } from '../../../../common/phone.ts';
import type { Db } from '../../../db/database.ts';
import type { CaseParty } from '../../../db/schema.ts';
import { type Actor, assertCan, isInScope } from '../../../lib/access.ts';
import { forbidden, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { findOrgsOnPaths } from '../../officers/archive/officers.repository.ts';
import { getOrgInScope } from '../../org/org.service.ts';
import { type CaseReviewResult, getCaseReviewResult } from '../../reviews/reviews.public.ts';
import { supervisionDecisionsOfCase } from '../../supervision/supervision.public.ts';
import {
  CASE_KIND_LABELS,
  caseUnitOn,
  closedOnBounds,
  PARTY_KIND_LABELS,
  QUALITY_GRADE_LABELS,
  RECORD_STATE_LABELS,
  recordDueOn,
  recordStateOf,
} from '../cases.policy.ts';
import { findDueCounts } from './case-counts.repository.ts';
import { type CaseFilter, findAllCases, findCases } from './case-list.repository.ts';
import { resolveCaseVisibility } from './case-visibility.repository.ts';
import { type CaseRow, findCaseById, findHandlers, findParties } from './cases.repository.ts';
import type { CaseListItem, CaseListQuery, CaseView, PartyView } from './cases.schema.ts';

/** Exports stop here rather than build a file nobody can open. */
export const CASE_EXPORT_MAX_ROWS = 50_000;

export function visibilityOf(actor: Actor) {
  return { scopePaths: actor.scopePaths, ownUserId: actor.id };
}

/** A party as lists and reads show it: ID number and phone masked unless `showFull`. */
export function presentParty(party: CaseParty, showFull = false): PartyView {
  const mask = <T extends string | null>(value: T, masker: (text: string) => string) =>
    value === null || showFull ? value : masker(value);
  return {
    id: party.id,
    kind: party.kind,
    kindLabel: PARTY_KIND_LABELS[party.kind],
    name: party.name,
    gender: party.gender,
    idNumber: mask(party.id_number, maskIdNumber),
    uscc: party.uscc,
    legalRepresentative: party.legal_representative,
    address: party.address,
    phone: mask(party.phone, maskPhone),
    isMasked: !showFull && (party.id_number !== null || party.phone !== null),
  };
}

export function presentCaseListItem(row: CaseRow, today: string): CaseListItem {
  const state = recordStateOf(row.closed_on, row.record_submitted_on, today);
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    kind: row.kind,
    kindLabel: CASE_KIND_LABELS[row.kind],
    caseNo: row.case_no,
    name: row.name,
    partyNames: row.party_names,
    source: row.source,
    filedOn: row.filed_on,
    closedOn: row.closed_on,
    recordDueOn: row.closed_on ? recordDueOn(row.closed_on) : null,
    recordState: state,
    recordStateLabel: RECORD_STATE_LABELS[state],
    qualityGrade: row.quality_grade,
  };
}

const signature = (name: string | null, at: Date | null) =>
  name && at ? { name, at: at.toISOString() } : null;

export async function presentCase(db: Db, row: CaseRow, today: string): Promise<CaseView> {
  const [parties, handlers, decisions] = await Promise.all([
    findParties(db, [row.id]),
    findHandlers(db, [row.id]),
    supervisionDecisionsOfCase(db, row.id),
  ]);
  return {
    ...presentCaseListItem(row, today),
    summary: row.summary,
    process: row.process,
    opinion: row.opinion,
    opinionSigned: signature(row.opinion_signer_name, row.opinion_signed_at),
    result: row.result,
    resultSigned: signature(row.result_signer_name, row.result_signed_at),
    qualityOpinion: row.quality_opinion,
    qualityGradeLabel: row.quality_grade ? QUALITY_GRADE_LABELS[row.quality_grade] : null,
    qualitySigned: signature(row.quality_by_name, row.quality_at),
    recordSubmittedOn: row.record_submitted_on,
    recordLateReason: row.record_late_reason,
    isSupervised: row.is_supervised,
    isAssigned: row.is_assigned,
    isMajorStability: row.is_major_stability,
    penaltyTypes: row.penalty_types,
    fineAmount: row.fine_amount === null ? null : Number(row.fine_amount),
    confiscatedAmount: row.confiscated_amount === null ? null : Number(row.confiscated_amount),
    handlers: handlers.map((handler) => ({
      officerId: handler.officer_id,
      name: handler.name,
      certificateNumber: handler.certificate_number,
    })),
    parties: parties.map((party) => presentParty(party)),
    supervisionDecisions: decisions,
    updatedAt: row.updated_at.toISOString(),
  };
}

async function buildFilter(
  db: Db,
  actor: Actor,
  query: Omit<CaseListQuery, 'page' | 'pageSize'>,
  today: string,
): Promise<CaseFilter> {
  const orgPath = query.orgId ? (await getOrgInScope(db, actor, query.orgId)).path : undefined;
  return {
    visibility: await resolveCaseVisibility(db, visibilityOf(actor), orgPath),
    keyword: query.keyword,
    kind: query.kind,
    filedFrom: query.filedFrom,
    filedTo: query.filedTo,
    closedFrom: query.closedFrom,
    closedTo: query.closedTo,
    state: query.state,
    qualityGrade: query.qualityGrade,
    officerId: query.officerId,
    recordTiming: query.recordTiming,
    penaltyType: query.penaltyType,
    ...closedOnBounds(today),
  };
}

/**
 * A page of cases: scope subtree (or the cases one handles), search, filters. The total stops at
 * CASE_COUNT_CAP (`isTotalCapped`: the list shows "10,000+").
 */
export async function listCases(
  db: Db,
  actor: Actor,
  query: CaseListQuery,
  today = todayInShanghai(new Date()),
) {
  assertCan(actor, 'case.read');
  const filter = await buildFilter(db, actor, query, today);
  const { rows, total, isTotalCapped } = await findCases(db, {
    ...filter,
    page: query.page,
    pageSize: query.pageSize,
  });
  return {
    items: rows.map((row) => presentCaseListItem(row, today)),
    total,
    isTotalCapped,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Every case the filter lets through, for an export (capped at CASE_EXPORT_MAX_ROWS). */
export async function listAllCases(
  db: Db,
  actor: Actor,
  query: Omit<CaseListQuery, 'page' | 'pageSize'>,
  today = todayInShanghai(new Date()),
): Promise<CaseListItem[]> {
  assertCan(actor, 'case.read');
  const rows = await findAllCases(db, await buildFilter(db, actor, query, today), CASE_EXPORT_MAX_ROWS);
  return rows.map((row) => presentCaseListItem(row, today));
}

/** Whether the actor's own officer profile is one of the case's handlers. */
export async function isOwnCase(db: Db, actor: Actor, caseId: number): Promise<boolean> {
  const handlers = await findHandlers(db, [caseId]);
  return handlers.some((handler) => handler.user_id === actor.id);
}

/** A case the actor may read (scope, or one they handle), else NOT_FOUND. */
export async function getCaseForRead(db: Db, actor: Actor, id: number): Promise<CaseRow> {
  assertCan(actor, 'case.read');
  const row = await findCaseById(db, id);
  if (!row || !(isInScope(actor, row.org_path) || (await isOwnCase(db, actor, id)))) throw notFound('案件');
  return row;
}

/**
 * A case the actor may change: legal officers in scope; officers only cases they handle.
 * Leaders and supervisors read but do not write.
 */
export async function getCaseForWrite(db: Db, actor: Actor, id: number): Promise<CaseRow> {
  const row = await getCaseForRead(db, actor, id);
  assertCan(actor, 'case.write');
  const mayWriteInScope = actor.roles.includes('legal_officer') && isInScope(actor, row.org_path);
  if (!mayWriteInScope && !(actor.roles.includes('officer') && (await isOwnCase(db, actor, id))))
    throw forbidden();
  return row;
}

export async function getCase(db: Db, actor: Actor, id: number): Promise<CaseView> {
  return presentCase(db, await getCaseForRead(db, actor, id), todayInShanghai(new Date()));
}

/** The case's latest published review result (案卷评查), read like the case, for its 质量分析 (填表说明4). */
export async function getCaseReview(
  db: Db,
  actor: Actor,
  id: number,
): Promise<{ result: CaseReviewResult | null }> {
  const row = await getCaseForRead(db, actor, id);
  return { result: await getCaseReviewResult(db, row.id) };
}

/** One party with the full ID number and phone, for roles that may see them; audited. */
export async function getPartyFull(
  db: Db,
  actor: Actor,
  caseId: number,
  partyId: number,
): Promise<PartyView> {
  const row = await getCaseForRead(db, actor, caseId);
  assertCan(actor, 'case.read_personal');
  if (!isInScope(actor, row.org_path)) throw forbidden();
  const party = (await findParties(db, [caseId])).find((candidate) => candidate.id === partyId);
  if (!party) throw notFound('当事人');
  await recordAudit(db, actor, {
    action: 'party.view_full',
    entityType: 'case_party',
    entityId: party.id,
    orgId: row.org_id,
    after: { caseId, name: party.name },
  });
  return presentParty(party, true);
}

/** Records due soon or late, per handler and per unit (agency, township), for the actor's visible cases. */
export async function getDueReport(db: Db, actor: Actor, today = todayInShanghai(new Date())) {
  assertCan(actor, 'case.read');
  const { overdueBefore, lastDueSoon } = closedOnBounds(today);
  const visibility = await resolveCaseVisibility(db, visibilityOf(actor));
  const rows = await findDueCounts(db, visibility, overdueBefore, lastDueSoon);
  const orgsById = new Map(
    (
      await findOrgsOnPaths(
        db,
        rows.map((row) => row.org_path),
      )
    ).map((org) => [org.id, org]),
  );
  const byOfficer = new Map<number, { officerId: number; name: string; dueSoon: number; overdue: number }>();
  const byAgency = new Map<number, { orgId: number; name: string; cases: Map<number, boolean> }>();
  for (const row of rows) {
    const officer = byOfficer.get(row.officer_id) ?? {
      officerId: row.officer_id,
      name: row.officer_name,
      dueSoon: 0,
      overdue: 0,
    };
    if (row.is_overdue) officer.overdue += 1;
    else officer.dueSoon += 1;
    byOfficer.set(row.officer_id, officer);
    const unit = caseUnitOn(row.org_path, orgsById) ?? orgsById.get(row.org_id)!;
    const agency = byAgency.get(unit.id) ?? {
      orgId: unit.id,
      name: unit.name,
      cases: new Map<number, boolean>(),
    };
    agency.cases.set(row.case_id, Boolean(row.is_overdue));
    byAgency.set(unit.id, agency);
  }
  return {
    today,
    byOfficer: [...byOfficer.values()].sort((left, right) => right.overdue - left.overdue),
    byAgency: [...byAgency.values()].map((agency) => {
      const states = [...agency.cases.values()];
      return {
        orgId: agency.orgId,
        name: agency.name,
        dueSoon: states.filter((isOverdue) => !isOverdue).length,
        overdue: states.filter(Boolean).length,
      };
    }),
  };
}
