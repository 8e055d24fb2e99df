/** Officer archive types, mirroring the schema files under src/server/modules/officers/ (the API contract). */

export type Gender = 'male' | 'female';
export type OfficerStatus = 'active' | 'transferred' | 'retired' | 'suspended';
/** 序列 (seed 003 篇1: 领导 / 一般工作人员) */
export type OfficerSeries = 'leader' | 'staff';
export type CertificateState = 'valid' | 'expiring' | 'expired' | 'suspended' | 'revoked';
export type TrainingKind = 'post' | 'thematic' | 'self_study';
export type WorkLogKind = 'daily' | 'weekly' | 'self_evaluation';

export interface CertificateSummary {
  id: number;
  number: string;
  validUntil: string;
  state: CertificateState;
  stateLabel: string;
}

export interface OfficerListItem {
  id: number;
  name: string;
  gender: Gender;
  genderLabel: string;
  orgId: number;
  orgName: string;
  agencyName: string;
  position: string | null;
  post: string | null;
  status: OfficerStatus;
  statusLabel: string;
  /** masked unless the role may see personal data */
  phone: string | null;
  userId: number | null;
  /** the officer's current certificate; null = none */
  certificate: CertificateSummary | null;
}

export interface CertificateReview {
  id: number;
  reviewedOn: string;
  result: 'pass' | 'fail';
  resultLabel: string;
  note: string | null;
}

export interface Certificate {
  id: number;
  officerId: number;
  number: string;
  issuer: string;
  area: string;
  categories: string[];
  issuedOn: string;
  validUntil: string;
  isSuspended: boolean;
  isRevoked: boolean;
  note: string | null;
  state: CertificateState;
  stateLabel: string;
  /** calendar days until validUntil; negative once expired */
  daysLeft: number;
  /** 90 = expires within 90 days, 30 = within 30; null = no expiry warning */
  warningLevel: 90 | 30 | null;
  isReviewOverdue: boolean;
  reviews: CertificateReview[];
}

export interface PostChange {
  id: number;
  officerId: number;
  changedOn: string;
  fromPost: string | null;
  fromDuties: string | null;
  toPost: string;
  toDuties: string | null;
  reason: string | null;
}

export interface Officer extends OfficerListItem {
  /** shown to personal-data readers and to the officer; null otherwise */
  email: string | null;
  series: OfficerSeries | null;
  seriesLabel: string | null;
  ethnicity: string | null;
  education: string | null;
  birthDate: string | null;
  duties: string | null;
  qualifiedOn: string | null;
  startedWorkOn: string | null;
  hasPhoto: boolean;
  certificates: Certificate[];
  postChanges: PostChange[];
  /** may the officer be a case handler today (在岗 and a valid certificate) */
  caseHandler: { ok: boolean; reason: string | null };
  updatedAt: string;
}

export interface OfficerInput {
  name: string;
  gender: Gender;
  ethnicity?: string | null;
  education?: string | null;
  birthDate?: string | null;
  position?: string | null;
  orgId: number;
  post?: string | null;
  duties?: string | null;
  qualifiedOn?: string | null;
  startedWorkOn?: string | null;
  phone?: string | null;
  series?: OfficerSeries | null;
  status?: OfficerStatus;
}

export interface OfficerFilter {
  page: number;
  pageSize: number;
  keyword?: string;
  orgId?: number;
  status?: OfficerStatus;
  certificateState?: CertificateState | 'none';
}

export interface CertificateInput {
  number: string;
  issuer: string;
  area: string;
  categories: string[];
  issuedOn: string;
  validUntil: string;
  note?: string | null;
  isSuspended?: boolean;
  isRevoked?: boolean;
}

export interface CertificateReviewInput {
  reviewedOn: string;
  result: 'pass' | 'fail';
  note?: string | null;
}

export interface PostChangeInput {
  changedOn: string;
  toPost: string;
  toDuties?: string | null;
  reason?: string | null;
}

export interface HistoryEntry {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  entityType: string;
  before: unknown;
  after: unknown;
}

export interface CertificateWarning {
  kind: 'expiry' | 'expired' | 'review_overdue';
  level: 90 | 30 | null;
  message: string;
  officerId: number;
  officerName: string;
  orgName: string;
  agencyName: string;
  certificateId: number;
  number: string;
  validUntil: string;
  daysLeft: number;
}

export interface CertificateWarningReport {
  today: string;
  items: CertificateWarning[];
  byAgency: {
    agencyName: string;
    expiring90: number;
    expiring30: number;
    expired: number;
    reviewOverdue: number;
  }[];
}

export interface Training {
  id: number;
  officerId: number;
  officerName: string;
  orgName: string;
  heldOn: string;
  hours: number;
  content: string;
  kind: TrainingKind;
  kindLabel: string;
  organiser: string;
  isBureauOrganised: boolean;
  result: string | null;
  /** the finished training session that wrote the record, null for one typed in */
  sessionId: number | null;
  deliveryLabel: string | null;
  contentCategoryLabel: string | null;
  /** 第八条 考核: score 0–100 and pass; null = not graded */
  score: number | null;
  passed: boolean | null;
  /** 法治讲堂·逢九必讲, 法宣在线, 相关书籍 for a self-study log */
  platformLabel: string | null;
  isSelfReported: boolean;
}

export interface TrainingInput {
  heldOn: string;
  hours: number;
  content: string;
  kind: TrainingKind;
  organiser: string;
  isBureauOrganised?: boolean;
  result?: string | null;
}

export interface TrainingFilter {
  page: number;
  pageSize: number;
  officerId?: number;
  orgId?: number;
  year?: number;
  kind?: TrainingKind;
  keyword?: string;
}

export interface ComplianceReport {
  year: number;
  minHours: number;
  officersInScope: number;
  /** 您的权限范围内没有执法人员 when the scope holds none (never an all-clear) */
  emptyMessage: string | null;
  officers: {
    officerId: number;
    name: string;
    orgName: string;
    agencyName: string;
    hours: number;
    bureauTrainings: number;
    isCompliant: boolean;
    shortfalls: string[];
  }[];
  byAgency: { agencyName: string; officers: number; compliant: number; short: number }[];
}

export interface WorkLog {
  id: number;
  officerId: number;
  officerName: string;
  orgName: string;
  kind: WorkLogKind;
  kindLabel: string;
  periodStart: string;
  periodEnd: string;
  content: string;
  createdAt: string;
  updatedAt: string;
}

export interface WorkLogInput {
  kind: WorkLogKind;
  periodStart: string;
  periodEnd: string;
  content: string;
}

export interface WorkLogFilter {
  page: number;
  pageSize: number;
  officerId?: number;
  orgId?: number;
  kind?: WorkLogKind;
  /** YYYY-MM-DD, inclusive */
  from?: string;
  to?: string;
}
