import type { PenaltyType } from '../../../common/penalties.ts';
// Mirrors src/server/modules/cases/records/cases.schema.ts and complaints.schema.ts (the API contract).

export type CaseKind =
  | 'penalty'
  | 'licensing'
  | 'coercion'
  | 'inspection'
  | 'levy'
  | 'requisition'
  | 'confirmation'
  | 'benefit'
  | 'adjudication';
export type QualityGrade = 'excellent' | 'pass' | 'fail';
/** open = 在办, submitted = 已报送, else the deadline state of an unsubmitted record. */
export type RecordState = 'open' | 'submitted' | 'normal' | 'due_soon' | 'overdue';

export interface CaseFilter {
  page: number;
  pageSize: number;
  keyword?: string;
  orgId?: number;
  kind?: CaseKind;
  filedFrom?: string;
  filedTo?: string;
  closedFrom?: string;
  closedTo?: string;
  state?: RecordState;
  qualityGrade?: QualityGrade;
  officerId?: number;
  /** 按时报送 / 逾期报送 (the cockpit's drill-down) */
  recordTiming?: 'on_time' | 'late';
}

export interface CaseListItem {
  id: number;
  orgId: number;
  orgName: string;
  kind: CaseKind;
  kindLabel: string;
  caseNo: string;
  name: string;
  partyNames: string;
  source: string;
  filedOn: string;
  closedOn: string | null;
  recordDueOn: string | null;
  recordState: RecordState;
  recordStateLabel: string;
  qualityGrade: QualityGrade | null;
}

/**
 * A page of cases. The server counts matches only up to 10,000: isTotalCapped means "more than
 * total" (shown as 10,000+; the pages reach the first 10,000).
 */
export interface CasePage {
  items: CaseListItem[];
  total: number;
  isTotalCapped: boolean;
  page: number;
  pageSize: number;
}

/** Who signed a part of the record, and when (ISO instant). */
export interface Signature {
  name: string;
  at: string;
}

export interface Party {
  id: number;
  kind: 'person' | 'organization';
  kindLabel: string;
  name: string;
  gender: 'male' | 'female' | null;
  idNumber: string | null;
  uscc: string | null;
  legalRepresentative: string | null;
  address: string | null;
  phone: string | null;
  isMasked: boolean;
}

export interface CaseDetail extends CaseListItem {
  summary: string | null;
  process: string | null;
  opinion: string | null;
  opinionSigned: Signature | null;
  result: string | null;
  resultSigned: Signature | null;
  qualityOpinion: string | null;
  qualityGradeLabel: string | null;
  qualitySigned: Signature | null;
  recordSubmittedOn: string | null;
  /** why the record was handed in after its due date; null = on time or not handed in */
  recordLateReason: string | null;
  isSupervised: boolean;
  isAssigned: boolean;
  isMajorStability: boolean;
  penaltyTypes: PenaltyType[];
  fineAmount: number | null;
  confiscatedAmount: number | null;
  handlers: { officerId: number; name: string; certificateNumber: string }[];
  parties: Party[];
  updatedAt: string;
}

export type PartyInput =
  | {
      kind: 'person';
      name: string;
      gender?: 'male' | 'female' | null;
      idNumber?: string | null;
      address?: string | null;
      phone?: string | null;
    }
  | {
      kind: 'organization';
      name: string;
      uscc?: string | null;
      legalRepresentative?: string | null;
      address?: string | null;
      phone?: string | null;
    };

export interface CaseInput {
  orgId: number;
  kind: CaseKind;
  caseNo: string;
  name: string;
  source: string;
  filedOn: string;
  closedOn: string | null;
  handlerIds: number[];
  parties: PartyInput[];
  summary: string | null;
  process: string | null;
  opinion: string | null;
  result: string | null;
  isSupervised: boolean;
  isAssigned: boolean;
  isMajorStability: boolean;
  penaltyTypes?: PenaltyType[];
  fineAmount?: number | null;
  confiscatedAmount?: number | null;
}

export interface DueReport {
  today: string;
  byOfficer: { officerId: number; name: string; dueSoon: number; overdue: number }[];
  /** per unit (agency or township) the cases belong to */
  byAgency: { orgId: number; name: string; dueSoon: number; overdue: number }[];
}

export type ComplaintKind = 'complaint' | 'petition';
export type ComplaintFinding = 'substantiated' | 'unfounded';

export interface Complaint {
  id: number;
  orgId: number;
  orgName: string;
  kind: ComplaintKind;
  kindLabel: string;
  officerId: number | null;
  officerName: string | null;
  caseId: number | null;
  caseNo: string | null;
  source: string;
  receivedOn: string;
  summary: string;
  finding: ComplaintFinding | null;
  findingLabel: string | null;
  handling: string | null;
  handledOn: string | null;
}

export interface ComplaintFilter {
  page: number;
  pageSize: number;
  kind?: ComplaintKind;
  officerId?: number;
  caseId?: number;
}

export interface ComplaintCreateInput {
  kind: ComplaintKind;
  officerId: number | null;
  caseId: number | null;
  source: string;
  receivedOn: string;
  summary: string;
}

/** Any field of a complaint; the server checks what it names again and audits the change. */
export interface ComplaintUpdateInput extends Partial<ComplaintCreateInput> {
  finding?: ComplaintFinding | null;
  handling?: string | null;
  handledOn?: string | null;
}

/** An officer who may be named as a handler of a case of the unit filed on the date asked for. */
export interface CaseHandlerCandidate {
  id: number;
  name: string;
  orgId: number;
  orgName: string;
  certificateNumber: string;
  isSelf: boolean;
}

export interface CaseHandlerCandidates {
  onDate: string;
  unitId: number;
  unitName: string;
  items: CaseHandlerCandidate[];
}

/** One officer's numbers for a period (seed 000 质量监督表 / 奖惩记录表). */
export interface OfficerCounts {
  officerId: number;
  name: string;
  casesHandled: number;
  complaints: number;
  substantiated: number;
  unfounded: number;
  qualityExcellent: number;
  qualityPass: number;
  qualityFail: number;
  campaignsJoined: number;
  supervisedCases: number;
  assignedCases: number;
  petitionsHandled: number;
  majorStabilityMatters: number;
}

export interface OfficerCountsReport {
  period: string;
  from: string;
  to: string;
  items: OfficerCounts[];
}
