import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types for Kysely, kept in step with migrations/*.sql (one interface per table).
 * `date` columns are 'YYYY-MM-DD' strings (see database.ts), timestamps are Date.
 */
type Timestamp = Date;
type Json = ColumnType<unknown, string | null, string | null>;

export type OrgKind =
  | 'government'
  | 'justice_bureau'
  | 'agency'
  | 'township'
  | 'justice_office'
  | 'section'
  | 'legal_unit'
  | 'leading_group';

export type { Role } from '../../common/permissions.ts';

import type { Role } from '../../common/permissions.ts';

export interface OrgTable {
  id: Generated<number>;
  parent_id: number | null;
  path: string;
  kind: OrgKind;
  name: string;
  short_name: string | null;
  uscc: string | null;
  doc_prefix: string | null;
  sort_order: Generated<number>;
  is_active: Generated<boolean>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface UserAccountTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  org_id: number;
  roles: Role[];
  phone: string | null;
  password_hash: string;
  must_change_password: Generated<boolean>;
  is_active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  /** locks in a row (security: lockout backoff) */
  lockouts: Generated<number>;
  last_login_at: Timestamp | null;
  password_changed_at: Generated<Timestamp>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface UserSessionTable {
  token_hash: string;
  user_id: number;
  created_at: Generated<Timestamp>;
  expires_at: Timestamp;
  last_seen_at: Generated<Timestamp>;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  org_id: number | null;
  before: Json;
  after: Json;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface CalendarOverrideTable {
  day: string;
  is_working_day: boolean;
  note: string | null;
  updated_by: number | null;
  updated_at: Generated<Timestamp>;
}

export interface SchemaMigrationTable {
  version: string;
  name: string;
  checksum: string;
  applied_at: Generated<Timestamp>;
}

export type OfficerGender = 'male' | 'female';
export type OfficerStatus = 'active' | 'transferred' | 'retired' | 'suspended';
export type TrainingKind = 'post' | 'thematic' | 'self_study';
export type WorkLogKind = 'daily' | 'weekly' | 'self_evaluation';

export interface OfficerTable {
  id: Generated<number>;
  org_id: number;
  user_id: number | null;
  name: string;
  gender: OfficerGender;
  ethnicity: string | null;
  education: string | null;
  birth_date: string | null;
  position: string | null;
  post: string | null;
  duties: string | null;
  qualified_on: string | null;
  started_work_on: string | null;
  phone: string | null;
  status: Generated<OfficerStatus>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface OfficerPhotoTable {
  officer_id: number;
  content_type: 'image/jpeg' | 'image/png';
  bytes: Uint8Array;
  updated_at: Generated<Timestamp>;
}

export interface PostChangeTable {
  id: Generated<number>;
  officer_id: number;
  changed_on: string;
  from_post: string | null;
  from_duties: string | null;
  to_post: string;
  to_duties: string | null;
  reason: string | null;
  created_at: Generated<Timestamp>;
}

export interface CertificateTable {
  id: Generated<number>;
  officer_id: number;
  number: string;
  issuer: string;
  area: string;
  categories: Generated<string[]>;
  issued_on: string;
  valid_until: string;
  is_suspended: Generated<boolean>;
  is_revoked: Generated<boolean>;
  note: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface CertificateReviewTable {
  id: Generated<number>;
  certificate_id: number;
  reviewed_on: string;
  result: 'pass' | 'fail';
  note: string | null;
  created_at: Generated<Timestamp>;
}

/** `hours` is numeric: an exact decimal string on read. */
export interface TrainingTable {
  id: Generated<number>;
  officer_id: number;
  held_on: string;
  hours: ColumnType<string, string | number, string | number>;
  content: string;
  kind: TrainingKind;
  organiser: string;
  is_bureau_organised: Generated<boolean>;
  result: string | null;
  created_at: Generated<Timestamp>;
}

export interface TrainingRequirementTable {
  county_org_id: number;
  min_hours: ColumnType<string, string | number, string | number>;
  updated_by: number | null;
  updated_at: Generated<Timestamp>;
}

export interface WorkLogTable {
  id: Generated<number>;
  officer_id: number;
  kind: WorkLogKind;
  period_start: string;
  period_end: string;
  content: string;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface Database {
  org: OrgTable;
  user_account: UserAccountTable;
  user_session: UserSessionTable;
  audit_log: AuditLogTable;
  calendar_override: CalendarOverrideTable;
  schema_migration: SchemaMigrationTable;
  officer: OfficerTable;
  officer_photo: OfficerPhotoTable;
  post_change: PostChangeTable;
  certificate: CertificateTable;
  certificate_review: CertificateReviewTable;
  training: TrainingTable;
  training_requirement: TrainingRequirementTable;
  work_log: WorkLogTable;
}

export type Org = Selectable<OrgTable>;
export type NewOrg = Insertable<OrgTable>;
export type OrgUpdate = Updateable<OrgTable>;
export type UserAccount = Selectable<UserAccountTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type Officer = Selectable<OfficerTable>;
export type Certificate = Selectable<CertificateTable>;
export type CertificateReview = Selectable<CertificateReviewTable>;
export type Training = Selectable<TrainingTable>;
export type PostChange = Selectable<PostChangeTable>;
export type WorkLog = Selectable<WorkLogTable>;

// Cases, case records, complaints and case files (issue 5, migrations 0020–0023). Declared as a
// second `Database` block (interface merging) so these tables append without touching the above.
export type CaseKind =
  | 'penalty'
  | 'licensing'
  | 'coercion'
  | 'inspection'
  | 'levy'
  | 'confirmation'
  | 'benefit'
  | 'adjudication';
export type QualityGrade = 'excellent' | 'pass' | 'fail';

export interface EnforcementCaseTable {
  id: Generated<number>;
  org_id: number;
  kind: CaseKind;
  case_no: string;
  name: string;
  source: string;
  filed_on: string;
  closed_on: string | null;
  summary: string | null;
  process: string | null;
  opinion: string | null;
  opinion_signer_id: number | null;
  opinion_signer_name: string | null;
  opinion_signed_at: Timestamp | null;
  result: string | null;
  result_signer_id: number | null;
  result_signer_name: string | null;
  result_signed_at: Timestamp | null;
  quality_opinion: string | null;
  quality_grade: QualityGrade | null;
  quality_by_id: number | null;
  quality_by_name: string | null;
  quality_at: Timestamp | null;
  record_submitted_on: string | null;
  is_supervised: Generated<boolean>;
  is_assigned: Generated<boolean>;
  is_major_stability: Generated<boolean>;
  party_names: Generated<string>;
  search_text: ColumnType<string, never, never>;
  created_by: number | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface CasePartyTable {
  id: Generated<number>;
  case_id: number;
  kind: 'person' | 'organization';
  name: string;
  gender: 'male' | 'female' | null;
  id_number: string | null;
  uscc: string | null;
  legal_representative: string | null;
  address: string | null;
  phone: string | null;
  sort_order: Generated<number>;
}

export interface CaseHandlerTable {
  case_id: number;
  officer_id: number;
  certificate_number: string;
  sort_order: Generated<number>;
  /** the case's filing date, copied by the database (0028) for an officer's own list */
  filed_on: Generated<string>;
}

export interface ComplaintTable {
  id: Generated<number>;
  org_id: number;
  kind: 'complaint' | 'petition';
  officer_id: number | null;
  case_id: number | null;
  source: string;
  received_on: string;
  summary: string;
  finding: 'substantiated' | 'unfounded' | null;
  handling: string | null;
  handled_on: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface CampaignParticipationTable {
  id: Generated<number>;
  officer_id: number;
  name: string;
  joined_on: string;
  created_at: Generated<Timestamp>;
}

export interface CaseFileTable {
  id: Generated<number>;
  case_id: number;
  archive_no: string | null;
  category: string | null;
  file_no: string | null;
  retention_period: string | null;
  traits: Generated<string[]>;
  status: Generated<'open' | 'archived'>;
  archived_on: string | null;
  archived_by_id: number | null;
  archived_by_name: string | null;
  archive_override_reason: string | null;
  archive_findings: Json;
  /** the completeness check's outcome; null = not checked since the last change (0027) */
  check_passes: Generated<boolean | null>;
  check_finding_count: Generated<number | null>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface FileDocumentTable {
  id: Generated<number>;
  case_file_id: number;
  volume: 'main' | 'restricted';
  sequence: number;
  kind_code: string;
  title: string | null;
  page_from: number;
  page_to: number;
  is_original: Generated<boolean>;
  verified_by: string | null;
  verified_on: string | null;
  copy_source: string | null;
  created_at: Generated<Timestamp>;
}

export interface FileAttachmentTable {
  id: Generated<number>;
  document_id: number;
  file_name: string;
  content_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  sha256: string;
  created_by: number | null;
  created_at: Generated<Timestamp>;
}

export interface FileAttachmentContentTable {
  attachment_id: number;
  bytes: Uint8Array;
}

export interface FileRequirementRuleTable {
  id: Generated<number>;
  /** the county (tree root) the rule applies to; null = the installation default (0026) */
  org_id: number | null;
  kind_code: string;
  required_when: string;
  updated_by: number | null;
  updated_at: Generated<Timestamp>;
}

export interface Database {
  enforcement_case: EnforcementCaseTable;
  case_party: CasePartyTable;
  case_handler: CaseHandlerTable;
  complaint: ComplaintTable;
  campaign_participation: CampaignParticipationTable;
  case_file: CaseFileTable;
  file_document: FileDocumentTable;
  file_attachment: FileAttachmentTable;
  file_attachment_content: FileAttachmentContentTable;
  file_requirement_rule: FileRequirementRuleTable;
}

export type EnforcementCase = Selectable<EnforcementCaseTable>;
export type CaseParty = Selectable<CasePartyTable>;
export type Complaint = Selectable<ComplaintTable>;
export type CaseFile = Selectable<CaseFileTable>;
export type FileDocument = Selectable<FileDocumentTable>;

// Assessment: schemes, periods, records, results, appeals (issue 6, migrations 0040–0044).
export type PeriodStatus = 'open' | 'computed' | 'published' | 'finalised';
export type EvidenceKind = 'case' | 'complaint' | 'case_file' | 'attachment' | 'link';
export type AssessmentRecordStatus = 'active' | 'proposed' | 'dismissed' | 'withdrawn';

export interface SchemeVersionTable {
  id: Generated<number>;
  scheme_id: string;
  version_no: number;
  content_hash: string;
  org_id: number | null;
  source: 'preset' | 'upload';
  name: string;
  subject_kind: string;
  period_kind: string;
  body: Json;
  content: string;
  created_by: number | null;
  created_at: Generated<Timestamp>;
}

export interface AssessmentPeriodTable {
  id: Generated<number>;
  org_id: number;
  period_key: string;
  label: string;
  scheme_version_id: number;
  status: Generated<PeriodStatus>;
  self_due_on: string | null;
  published_on: string | null;
  appeal_closes_on: string | null;
  appeal_days: Generated<number>;
  decision_days: Generated<number>;
  summary: Json;
  computed_at: Timestamp | null;
  finalised_at: Timestamp | null;
  created_by: number | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface AssessmentSubjectTable {
  period_id: number;
  subject_key: string;
  kind: 'officer' | 'org';
  officer_id: number | null;
  org_id: number;
  name: string;
}

export interface AssessmentGroupOwnerTable {
  period_id: number;
  group_id: string;
  assessor_name: string;
  org_id: number | null;
}

export interface AssessmentRecordTable {
  id: Generated<number>;
  period_id: number;
  subject_key: string;
  item: string;
  occurred_on: string;
  count: Generated<number>;
  value: string | null;
  level: string | null;
  fact: string | null;
  rater: string | null;
  note: string | null;
  evidence_kind: EvidenceKind | null;
  evidence_id: string | null;
  kind: Generated<'record' | 'rating'>;
  status: Generated<AssessmentRecordStatus>;
  proposal_key: string | null;
  created_by: number | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface SelfAssessmentTable {
  period_id: number;
  subject_key: string;
  items: Json;
  note: string | null;
  submitted_on: string;
  submitted_by: number | null;
  submitted_at: Generated<Timestamp>;
}

export interface AssessmentResultTable {
  period_id: number;
  subject_key: string;
  total: string;
  grade: string | null;
  rank: number;
  result: Json;
}

export interface AssessmentAppealTable {
  id: Generated<number>;
  period_id: number;
  subject_key: string;
  reasons: string;
  proof: Json;
  submitted_on: string;
  decide_by: string;
  status: Generated<'pending' | 'upheld' | 'rejected'>;
  decision: string | null;
  changes: Json;
  before_result: Json;
  after_result: Json;
  submitted_by: number | null;
  decided_by: number | null;
  decided_on: string | null;
  created_at: Generated<Timestamp>;
}

export interface Database {
  scheme_version: SchemeVersionTable;
  assessment_period: AssessmentPeriodTable;
  assessment_subject: AssessmentSubjectTable;
  assessment_group_owner: AssessmentGroupOwnerTable;
  assessment_record: AssessmentRecordTable;
  self_assessment: SelfAssessmentTable;
  assessment_result: AssessmentResultTable;
  assessment_appeal: AssessmentAppealTable;
}

export type SchemeVersion = Selectable<SchemeVersionTable>;
export type AssessmentPeriod = Selectable<AssessmentPeriodTable>;
export type AssessmentSubject = Selectable<AssessmentSubjectTable>;
export type AssessmentRecord = Selectable<AssessmentRecordTable>;

/** Evidence files of assessment records and appeal proof (0045): exactly one of record_id, appeal_id. */
export interface AssessmentAttachmentTable {
  id: Generated<number>;
  period_id: number;
  record_id: number | null;
  appeal_id: number | null;
  file_name: string;
  content_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  sha256: string;
  created_by: number | null;
  created_at: Generated<Timestamp>;
}

export interface AssessmentAttachmentContentTable {
  attachment_id: number;
  bytes: Uint8Array;
}

export interface Database {
  assessment_attachment: AssessmentAttachmentTable;
  assessment_attachment_content: AssessmentAttachmentContentTable;
}

export type AssessmentAttachment = Selectable<AssessmentAttachmentTable>;
