/** A dispute as its readers see it: parties, meetings, documents, timeline, deadline and abilities. */

import { DEADLINE_STATE_LABELS, deadlineState } from '../../../../common/calendar.ts';
import {
  DISPUTE_DOCUMENT_KIND_LABELS,
  DISPUTE_DOCUMENT_STATUS_LABELS,
  DISPUTE_PARTY_ROLE_LABELS,
  DISPUTE_STATUS_LABELS,
} from '../../../../common/coordination.ts';
import { formatChineseDate } from '../../../../common/format.ts';
import type { Db } from '../../../db/database.ts';
import type { CoordinationDocument, CoordinationMeeting } from '../../../db/schema.ts';
import type { Actor } from '../../../lib/access.ts';
import { notFound } from '../../../lib/errors.ts';
import { canSeeDispute, disputeAbilities } from '../coordination.policy.ts';
import { loadCoordinationParameters } from '../settings/settings.service.ts';
import { deadlineOf } from './dispute.rules.ts';
import {
  type DisputeRow,
  findDisputeById,
  findDocuments,
  findMeetings,
  findParties,
  type PartyRow,
} from './disputes.repository.ts';
import type { DisputeDocumentView, DisputeSummary, DisputeView } from './disputes.schema.ts';

/** A dispute with its parties, loaded for an actor who may see it; NOT_FOUND otherwise. */
export interface LoadedDispute {
  row: DisputeRow;
  parties: PartyRow[];
}

export async function loadVisibleDispute(db: Db, actor: Actor, id: number): Promise<LoadedDispute> {
  const row = await findDisputeById(db, id);
  if (!row) throw notFound('职责争议');
  const parties = await findParties(db, [id]);
  const isVisible = canSeeDispute(actor, {
    countyPath: row.county_path,
    partyPaths: parties.map((party) => party.org_path),
  });
  if (!isVisible) throw notFound('职责争议');
  return { row, parties };
}

function presentDeadline(row: DisputeRow, parties: readonly PartyRow[], today: string, warnDays: number) {
  const deadline = deadlineOf(
    {
      status: row.status,
      reviewDueOn: row.review_due_on,
      concludeDueOn: row.conclude_due_on,
      executionDueOn: row.execution_due_on,
      openViewDueOns: parties
        .filter((party) => party.view_due_on && !party.view_answered_on)
        .map((party) => party.view_due_on!),
    },
    today,
    warnDays,
  );
  return deadline ? { ...deadline, stateLabel: DEADLINE_STATE_LABELS[deadline.state] } : null;
}

/** The number of the opinion in force (served), else of one signed and waiting to be served. */
function opinionNumberOf(documents: readonly CoordinationDocument[]): string | null {
  const opinions = documents.filter((document) => document.kind === 'opinion' && document.number);
  return (
    opinions.find((document) => document.status === 'served')?.number ??
    opinions.find((document) => document.status === 'signed')?.number ??
    null
  );
}

/** List rows: one query each for parties and documents across the page. */
export async function presentSummaries(
  db: Db,
  rows: readonly DisputeRow[],
  today: string,
  warnDays: number,
): Promise<DisputeSummary[]> {
  const ids = rows.map((row) => row.id);
  const [parties, documents] = await Promise.all([findParties(db, ids), findDocuments(db, ids)]);
  return rows.map((row) => {
    const own = parties.filter((party) => party.dispute_id === row.id);
    return summaryOf(
      row,
      own,
      documents.filter((document) => document.dispute_id === row.id),
      today,
      warnDays,
    );
  });
}

function summaryOf(
  row: DisputeRow,
  parties: readonly PartyRow[],
  documents: readonly CoordinationDocument[],
  today: string,
  warnDays: number,
): DisputeSummary {
  return {
    id: row.id,
    matter: row.matter,
    status: row.status,
    statusLabel: DISPUTE_STATUS_LABELS[row.status],
    filedOn: row.filed_on,
    applicantOrgId: row.applicant_org_id,
    applicantName: row.applicant_name,
    respondentNames: parties.filter((party) => party.role === 'respondent').map((party) => party.org_name),
    opinionNumber: opinionNumberOf(documents),
    deadline: presentDeadline(row, parties, today, warnDays),
  };
}

export function presentDocument(document: CoordinationDocument): DisputeDocumentView {
  return {
    id: document.id,
    kind: document.kind,
    kindLabel: DISPUTE_DOCUMENT_KIND_LABELS[document.kind],
    status: document.status,
    statusLabel: DISPUTE_DOCUMENT_STATUS_LABELS[document.status],
    title: document.title,
    body: document.body,
    number: document.number,
    decidedOn: document.decided_on,
    supersedesId: document.supersedes_id,
    signedOn: document.signed_on,
    signComment: document.sign_comment,
    servedOn: document.served_on,
    // a served (or superseded) document is never edited, only superseded (issue 16)
    isEditable: document.status === 'draft',
  };
}

type TimelineEvent = DisputeView['timeline'][number];

/** Everything that happened, in date order (same-day events in procedure order). */
export function buildTimeline(
  row: DisputeRow,
  parties: readonly PartyRow[],
  meetings: readonly CoordinationMeeting[],
  documents: readonly CoordinationDocument[],
): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const add = (on: string | null, label: string, detail: string | null = null) => {
    if (on) events.push({ on, label, detail });
  };
  add(row.filed_on, `${row.applicant_name}提交书面申请`, row.matter);
  if (row.status === 'returned') add(row.reviewed_on, '审核：退回申请', row.return_reason);
  else add(row.reviewed_on, '审核：予以受理', null);
  for (const party of parties) {
    if (party.role !== 'respondent') continue;
    add(
      party.view_requested_on,
      `征求${party.org_name}书面意见`,
      party.view_due_on ? `答复期限${formatChineseDate(party.view_due_on)}` : null,
    );
    add(party.view_answered_on, `${party.org_name}答复书面意见`, party.view_position);
  }
  for (const meeting of meetings)
    add(meeting.held_on, '召开协调会议', `${meeting.place}；参会：${meeting.attendees}`);
  add(row.escalated_on, '协调不成，报县人民政府决定', row.escalation_reason);
  add(row.interim_lead_on, `指定${row.interim_lead_name ?? ''}临时牵头`, row.interim_lead_reason);
  for (const document of documents) {
    const name = `${DISPUTE_DOCUMENT_KIND_LABELS[document.kind]}${document.number ? `（${document.number}）` : ''}`;
    if (document.kind === 'opinion') add(document.signed_on, `${name}签发`, document.title);
    else
      add(
        document.decided_on,
        `县人民政府作出决定${document.number ? `（${document.number}）` : ''}`,
        document.title,
      );
    add(document.served_on, `${name}送达各方`, null);
  }
  for (const party of parties)
    add(party.execution_confirmed_on, `${party.org_name}确认执行`, party.execution_note);
  add(row.executed_on, '各方执行完毕', null);
  return events
    .map((event, index) => ({ event, index }))
    .sort((left, right) => left.event.on.localeCompare(right.event.on) || left.index - right.index)
    .map(({ event }) => event);
}

/** The full view of one dispute the actor may see. */
export async function presentDispute(
  db: Db,
  actor: Actor,
  loaded: LoadedDispute,
  today: string,
): Promise<DisputeView> {
  const { row, parties } = loaded;
  const [meetings, documents, parameters] = await Promise.all([
    findMeetings(db, row.id),
    findDocuments(db, [row.id]),
    loadCoordinationParameters(db, row.county_org_id),
  ]);
  const warnDays = parameters.warnDays;
  return {
    ...summaryOf(row, parties, documents, today, warnDays),
    countyOrgId: row.county_org_id,
    negotiationRecord: row.negotiation_record,
    reviewDueOn: row.review_due_on,
    reviewedOn: row.reviewed_on,
    returnReason: row.return_reason,
    concludeDueOn: row.conclude_due_on,
    escalatedOn: row.escalated_on,
    escalationReason: row.escalation_reason,
    interimLead:
      row.interim_lead_org_id && row.interim_lead_on
        ? {
            orgId: row.interim_lead_org_id,
            orgName: row.interim_lead_name ?? '',
            reason: row.interim_lead_reason ?? '',
            namedOn: row.interim_lead_on,
          }
        : null,
    executionDueOn: row.execution_due_on,
    executedOn: row.executed_on,
    parties: parties.map((party) => ({
      orgId: party.org_id,
      orgName: party.org_name,
      role: party.role,
      roleLabel: DISPUTE_PARTY_ROLE_LABELS[party.role],
      statedPosition: party.stated_position,
      statedBasis: party.stated_basis,
      viewRequestedOn: party.view_requested_on,
      viewDueOn: party.view_due_on,
      viewDeadlineState:
        party.view_due_on && !party.view_answered_on
          ? deadlineState(party.view_due_on, today, warnDays)
          : null,
      viewPosition: party.view_position,
      viewBasis: party.view_basis,
      viewAnsweredOn: party.view_answered_on,
      executionConfirmedOn: party.execution_confirmed_on,
      executionNote: party.execution_note,
    })),
    meetings: meetings.map((meeting) => ({
      id: meeting.id,
      heldOn: meeting.held_on,
      place: meeting.place,
      attendees: meeting.attendees,
      experts: meeting.experts,
      minutes: meeting.minutes,
    })),
    documents: documents.map(presentDocument),
    timeline: buildTimeline(row, parties, meetings, documents),
    abilities: disputeAbilities(actor, {
      status: row.status,
      countyPath: row.county_path,
      parties: parties.map((party) => ({
        orgPath: party.org_path,
        role: party.role,
        isViewRequested: party.view_requested_on !== null,
        hasAnsweredView: party.view_answered_on !== null,
        hasConfirmedExecution: party.execution_confirmed_on !== null,
      })),
    }),
  };
}
