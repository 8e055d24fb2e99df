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
  /** the sign-in before the last one: what the account's own pages show as 上次登录 */
  previous_login_at: Timestamp | null;
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

export interface IdempotencyKeyTable {
  user_id: number;
  key: string;
  request_hash: string;
  status_code: number | null;
  response_body: string | null;
  created_at: Generated<Timestamp>;
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
/** seed 003 篇1: 以领导和一般工作人员等不同系列分解优秀指标 */
export type OfficerSeries = 'leader' | 'staff';
export type TrainingKind = 'post' | 'thematic' | 'self_study';
export type {
  SelfStudyPlatform,
  TrainingContentCategory,
  TrainingDelivery,
  TrainingOrganiserKind,
  TrainingSessionStatus,
} from '../../common/training.ts';

import type {
  SelfStudyPlatform,
  TrainingContentCategory,
  TrainingDelivery,
  TrainingOrganiserKind,
  TrainingSessionStatus,
} from '../../common/training.ts';
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
  /** 0200: corrected by the officer (with phone) on their own profile */
  email: string | null;
  /** 0230: 序列, pools officers for `per: series` quotas and rankings */
  series: OfficerSeries | null;
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
  /** 0120: the finished session that wrote this record */
  session_id: Generated<number | null>;
  delivery: Generated<TrainingDelivery | null>;
  content_category: Generated<TrainingContentCategory | null>;
  /** 0120 第八条 考核: numeric, a decimal string on read; null = not graded */
  score: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  passed: Generated<boolean | null>;
  platform: Generated<SelfStudyPlatform | null>;
  is_self_reported: Generated<boolean>;
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
  idempotency_key: IdempotencyKeyTable;
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
  | 'requisition'
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
  /** why the record was handed in after its due date; null = on time (0170) */
  record_late_reason: string | null;
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
  /** 第八条: when the document was formed (0102); null = not given */
  formed_on: string | null;
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

/** Case files (issue 18 point 2, migration 0101): whether the standard binds a case kind, per county. */
export interface FileKindStandardTable {
  id: Generated<number>;
  org_id: number;
  case_kind: string;
  is_binding: boolean;
  updated_by: number | null;
  updated_at: Generated<Timestamp>;
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
  file_kind_standard: FileKindStandardTable;
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

/** Proposal mapping chosen by a county (0103): item null = propose nothing, show the fact. */
export interface AssessmentProposalMappingTable {
  org_id: number;
  scheme_id: string;
  source: string;
  item: string | null;
  updated_by: number | null;
  updated_at: Generated<Timestamp>;
}

/** A period's facts that no scheme item describes, shown on the board (0103). */
export interface AssessmentFactTable {
  period_id: number;
  fact_key: string;
  source: string;
  subject_key: string;
  occurred_on: string;
  note: string;
  evidence_kind: EvidenceKind;
  evidence_id: string;
  created_at: Generated<Timestamp>;
}

export interface Database {
  assessment_proposal_mapping: AssessmentProposalMappingTable;
  assessment_fact: AssessmentFactTable;
}

/** Named raters of a period per rating item (0140, seed 004 第二章第二条). */
export interface AssessmentPeriodRaterTable {
  period_id: number;
  item: string;
  user_id: number;
  role: string;
  named_by: number | null;
  named_at: Generated<Timestamp>;
}

export interface Database {
  assessment_period_rater: AssessmentPeriodRaterTable;
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

// Official documents: registers, the register book and sign-off (issue 13, migrations 0050–0051).
export type IssuedDocumentStatus = 'issued' | 'withdrawn';
export type SignOffStatus = 'pending' | 'signed' | 'returned' | 'cancelled';

export interface DocumentRegisterTable {
  id: Generated<number>;
  org_id: number;
  code: string;
  name: string;
  prefix: string;
  is_active: Generated<boolean>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface DocumentRegisterYearTable {
  register_id: number;
  year: number;
  next_number: number;
}

export interface IssuedDocumentTable {
  id: Generated<number>;
  register_id: number;
  org_id: number;
  year: number;
  sequence: number;
  number: string;
  title: string;
  recipient: string;
  issued_on: string;
  signed_by: string | null;
  source_domain: string;
  source_record_type: string;
  source_record_id: number;
  status: Generated<IssuedDocumentStatus>;
  withdrawn_reason: string | null;
  withdrawn_at: Timestamp | null;
  created_by: number | null;
  created_at: Generated<Timestamp>;
}

export interface SignOffRequestTable {
  id: Generated<number>;
  domain: string;
  record_type: string;
  record_id: number;
  org_id: number;
  title: string;
  signer_account_id: number | null;
  requested_by: number | null;
  requested_at: Generated<Timestamp>;
  status: Generated<SignOffStatus>;
  decided_by: number | null;
  decided_by_name: string | null;
  decided_at: Timestamp | null;
  comment: string | null;
}

export interface Database {
  document_register: DocumentRegisterTable;
  document_register_year: DocumentRegisterYearTable;
  issued_document: IssuedDocumentTable;
  sign_off_request: SignOffRequestTable;
}

export type DocumentRegister = Selectable<DocumentRegisterTable>;
export type IssuedDocument = Selectable<IssuedDocumentTable>;
export type SignOffRequest = Selectable<SignOffRequestTable>;

// Case-file reviews (案卷评查, issue 14, migrations 0060–0069; docs/reviews.md).
export type LitigationKind = 'reconsideration' | 'litigation';
export type LitigationOutcome =
  | 'pending'
  | 'upheld'
  | 'revoked'
  | 'changed'
  | 'confirmed_illegal'
  | 'dismissed'
  | 'withdrawn'
  | 'other';

/** 0060: the 复议/诉讼 mark (评查办法第四条), merged into the cases table's type. */
export interface EnforcementCaseTable {
  litigation_kind: LitigationKind | null;
  litigation_outcome: LitigationOutcome | null;
  litigation_note: string | null;
  litigation_by_id: number | null;
  litigation_by_name: string | null;
  litigation_at: Timestamp | null;
}

export type ReviewMethod = 'full' | 'key' | 'special' | 'random';
export type ReviewRegularity = 'regular' | 'irregular';
export type ReviewCampaignState = 'planning' | 'drawn' | 'scoring' | 'published' | 'closed';

export interface ReviewCampaignTable {
  id: Generated<number>;
  organiser_org_id: number;
  scope_path: string;
  level: 'county' | 'agency';
  name: string;
  year: number;
  method: ReviewMethod;
  regularity: ReviewRegularity;
  case_kinds: CaseKind[];
  closed_from: string;
  closed_to: string;
  include_litigated: Generated<boolean>;
  requirements: string | null;
  file_list_due_on: string;
  scoring_due_on: string;
  objection_days: Generated<number>;
  reviewers_per_file: Generated<number>;
  reviewer_cap: Generated<number>;
  /** numeric(5,2), read as a decimal string */
  divergence_threshold: ColumnType<string, string | number | undefined, string | number>;
  state: Generated<ReviewCampaignState>;
  created_by_id: number | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface ReviewCampaignUnitTable {
  campaign_id: number;
  org_id: number;
  list_submitted_at: Timestamp | null;
  list_submitted_by_id: number | null;
  list_submitted_by_name: string | null;
  list_note: string | null;
  list_case_count: number | null;
}

export interface ReviewUnitFileTable {
  campaign_id: number;
  org_id: number;
  case_id: number;
}

export interface ReviewDrawTable {
  id: Generated<number>;
  campaign_id: number;
  seed: string;
  params: Json;
  eligible_count: number;
  eligible_digest: string;
  drawn_count: number;
  drawn_digest: string;
  drawn_by_id: number | null;
  drawn_by_name: string;
  drawn_at: Generated<Timestamp>;
}

export interface ReviewFileTable {
  id: Generated<number>;
  campaign_id: number;
  case_id: number;
  unit_org_id: number;
  source: 'draw' | 'manual';
  draw_id: number | null;
  added_reason: string | null;
  added_by_id: number | null;
  added_by_name: string | null;
  added_at: Generated<Timestamp>;
  removed_reason: string | null;
  removed_by_id: number | null;
  removed_by_name: string | null;
  removed_at: Timestamp | null;
}

export interface Database {
  review_campaign: ReviewCampaignTable;
  review_campaign_unit: ReviewCampaignUnitTable;
  review_unit_file: ReviewUnitFileTable;
  review_draw: ReviewDrawTable;
  review_file: ReviewFileTable;
}

export type ReviewCampaign = Selectable<ReviewCampaignTable>;
export type ReviewFile = Selectable<ReviewFileTable>;

// Reviews: expert pool, declarations, panels, waivers, assignments (0062).
export type ReviewExpertCategory =
  | 'deputy'
  | 'cppcc'
  | 'scholar'
  | 'lawyer'
  | 'supervisor'
  | 'officer'
  | 'inspector';

export interface ReviewExpertTable {
  id: Generated<number>;
  scope_path: string;
  user_id: number;
  name: string;
  category: ReviewExpertCategory;
  expertise: ColumnType<CaseKind[], CaseKind[] | undefined, CaseKind[]>;
  is_active: Generated<boolean>;
  note: string | null;
  created_by_id: number | null;
  created_at: Generated<Timestamp>;
}

export interface ReviewExpertDeclarationTable {
  id: Generated<number>;
  expert_id: number;
  kind: 'party' | 'org' | 'case' | 'former_unit';
  party_name: string | null;
  org_id: number | null;
  case_id: number | null;
  left_on: string | null;
  reason: string;
  declared_by_id: number | null;
  declared_by_name: string;
  declared_at: Generated<Timestamp>;
}

export interface ReviewPanelMemberTable {
  campaign_id: number;
  expert_id: number;
  added_at: Generated<Timestamp>;
}

export interface ReviewWaiverTable {
  id: Generated<number>;
  campaign_id: number;
  file_id: number;
  expert_id: number;
  code: string;
  reason: string;
  waived_by_id: number | null;
  waived_by_name: string;
  waived_at: Generated<Timestamp>;
}

export interface ReviewAssignmentTable {
  id: Generated<number>;
  campaign_id: number;
  file_id: number;
  expert_id: number;
  source: Generated<'auto' | 'manual'>;
  assigned_by_id: number | null;
  assigned_by_name: string;
  assigned_at: Generated<Timestamp>;
}

export interface Database {
  review_expert: ReviewExpertTable;
  review_expert_declaration: ReviewExpertDeclarationTable;
  review_panel_member: ReviewPanelMemberTable;
  review_waiver: ReviewWaiverTable;
  review_assignment: ReviewAssignmentTable;
}

export type ReviewExpert = Selectable<ReviewExpertTable>;

// Reviews: criteria versions and score sheets (0063).
export interface ReviewCriteriaVersionTable {
  id: Generated<number>;
  code: string;
  version: number;
  name: string;
  scope_path: string | null;
  criteria: Json;
  /** numeric(5,1), read as a decimal string */
  excellent_from: ColumnType<string, string | number, string | number>;
  pass_from: ColumnType<string, string | number, string | number>;
  created_at: Generated<Timestamp>;
}

export interface ReviewCampaignTable {
  criteria_version_id: number | null;
}

export interface ReviewSheetTable {
  id: Generated<number>;
  assignment_id: number;
  campaign_id: number;
  file_id: number;
  expert_id: number;
  items: Json;
  total_tenths: number;
  note: string | null;
  submitted_at: Timestamp | null;
  signer_name: string | null;
  updated_at: Generated<Timestamp>;
}

export interface Database {
  review_criteria_version: ReviewCriteriaVersionTable;
  review_sheet: ReviewSheetTable;
}

// Reviews: re-reviews, manual changes, publication, objections, rectifications, showcase (0064).
export interface ReviewAssignmentTable {
  kind: Generated<'initial' | 'recheck'>;
  reason: string | null;
}

export interface ReviewAssignmentChangeTable {
  id: Generated<number>;
  campaign_id: number;
  file_id: number;
  expert_id: number;
  action: 'add' | 'remove' | 'recheck';
  reason: string;
  broken_rules: Generated<string[]>;
  changed_by_id: number | null;
  changed_by_name: string;
  changed_at: Generated<Timestamp>;
}

export interface ReviewCampaignTable {
  published_on: string | null;
  published_by_name: string | null;
  circular_number: string | null;
  circular_issued_on: string | null;
}

export interface ReviewCampaignUnitTable {
  files_returned_on: string | null;
  files_returned_note: string | null;
  files_returned_by_name: string | null;
}

export interface ReviewFileTable {
  exemplary_at: Timestamp | null;
  exemplary_by_name: string | null;
  exemplary_note: string | null;
  article19_grounds: Generated<number[]>;
  article19_note: string | null;
  notice_id: number | null;
}

export type ReviewObjectionState = 'pending' | 'upheld' | 'refused';
export interface ReviewObjectionTable {
  id: Generated<number>;
  campaign_id: number;
  file_id: number;
  unit_org_id: number;
  reasons: string;
  proof: string | null;
  filed_by_id: number | null;
  filed_by_name: string;
  filed_at: Generated<Timestamp>;
  state: Generated<ReviewObjectionState>;
  score_before: string | null;
  changed_score_tenths: number | null;
  decision_reason: string | null;
  decided_by_name: string | null;
  decided_at: Timestamp | null;
}

export type ReviewRectificationState = 'submitted' | 'accepted' | 'returned';
export interface ReviewRectificationTable {
  id: Generated<number>;
  campaign_id: number;
  unit_org_id: number;
  report: string;
  attachment_names: Generated<string[]>;
  submitted_by_id: number | null;
  submitted_by_name: string;
  submitted_at: Generated<Timestamp>;
  state: Generated<ReviewRectificationState>;
  decision_note: string | null;
  decided_by_name: string | null;
  decided_at: Timestamp | null;
}

export interface Database {
  review_assignment_change: ReviewAssignmentChangeTable;
  review_objection: ReviewObjectionTable;
  review_rectification: ReviewRectificationTable;
}

// ---- Workbench: warnings (issue 17, 0090) ----

export type WarningTier = 'notice' | 'warning' | 'alarm';
export type WarningRecipientLevel = 'county' | 'unit';

export interface WarningRuleTable {
  id: Generated<number>;
  county_org_id: number;
  indicator_code: string;
  params: Json;
  tier: WarningTier;
  recipient_roles: Role[];
  recipient_level: WarningRecipientLevel;
  is_enabled: Generated<boolean>;
  updated_by: number | null;
  updated_at: Generated<Timestamp>;
}

export interface WarningAlertTable {
  id: Generated<number>;
  rule_id: number;
  county_org_id: number;
  cause_key: string;
  org_id: number;
  user_ids: ColumnType<number[], number[] | undefined, number[]>;
  tier: WarningTier;
  message: string;
  link: string;
  value: ColumnType<string | null, number | null, number | null>;
  raised_at: Generated<Timestamp>;
  closed_at: Timestamp | null;
}

export interface WarningAlertReadTable {
  alert_id: number;
  user_id: number;
  read_at: Generated<Timestamp>;
}

export interface WarningPassTable {
  id: Generated<number>;
  county_org_id: number;
  trigger: 'start' | 'nightly' | 'manual';
  started_at: Timestamp;
  duration_ms: number;
  raised: number;
  closed: number;
  open_after: number;
  triggered_by: number | null;
}

export interface Database {
  warning_rule: WarningRuleTable;
  warning_alert: WarningAlertTable;
  warning_alert_read: WarningAlertReadTable;
  warning_pass: WarningPassTable;
}

export type WarningRule = Selectable<WarningRuleTable>;
export type WarningAlert = Selectable<WarningAlertTable>;

// Enforcement supervision (issue 15, migrations 0070–0079): focus list, matters, inspections,
// evidence, report requests, attachments, justice-office referrals.
import type {
  EvidenceMeans,
  InspectionState,
  MatterField,
  MatterKind,
  MatterSource,
  MatterState,
  ReferralState,
  ReportRequestState,
} from '../../common/supervision.ts';

export interface SupervisionFocusTable {
  id: Generated<number>;
  county_org_id: number;
  year: number;
  field: MatterField;
  title: string;
  description: string | null;
  sort_order: Generated<number>;
  is_active: Generated<boolean>;
  created_by: number | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface SupervisionMatterTable {
  id: Generated<number>;
  org_id: number;
  kind: MatterKind;
  field: MatterField;
  source: MatterSource;
  complaint_id: number | null;
  case_id: number | null;
  focus_id: number | null;
  title: string;
  description: string | null;
  opened_on: string;
  due_on: string | null;
  state: Generated<MatterState>;
  closed_on: string | null;
  closing_summary: string | null;
  created_by: number | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface SupervisionMatterUnitTable {
  matter_id: number;
  org_id: number;
}

export interface SupervisionInspectionTable {
  id: Generated<number>;
  matter_id: number;
  planned_on: string;
  place: string;
  is_on_site: Generated<boolean>;
  state: Generated<InspectionState>;
  inspected_on: string | null;
  findings: string | null;
  created_by: number | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface SupervisionInspectionSupervisorTable {
  inspection_id: number;
  user_id: number;
}

export interface SupervisionEvidenceTable {
  id: Generated<number>;
  inspection_id: number;
  means: EvidenceMeans;
  description: string;
  collected_on: string;
  case_id: number | null;
  case_file_id: number | null;
  created_by: number | null;
  created_at: Generated<Timestamp>;
}

export interface SupervisionReportRequestTable {
  id: Generated<number>;
  matter_id: number;
  unit_org_id: number;
  subject: string;
  requested_on: string;
  due_on: string;
  state: Generated<ReportRequestState>;
  reply: string | null;
  replied_on: string | null;
  replied_by: number | null;
  created_by: number | null;
  created_at: Generated<Timestamp>;
}

export type SupervisionAttachmentOwner = 'evidence' | 'report_request' | 'referral' | 'rectification';

export interface SupervisionAttachmentTable {
  id: Generated<number>;
  owner_type: SupervisionAttachmentOwner;
  owner_id: number;
  file_name: string;
  content_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  sha256: string;
  created_by: number | null;
  created_at: Generated<Timestamp>;
}

export interface SupervisionAttachmentContentTable {
  attachment_id: number;
  bytes: Uint8Array;
}

export interface SupervisionReferralTable {
  id: Generated<number>;
  office_org_id: number;
  unit_org_id: number;
  inspected_on: string;
  place: string;
  facts: string;
  findings: string;
  suggestion: string | null;
  contact_phone: string | null;
  state: Generated<ReferralState>;
  decided_by: number | null;
  decided_on: string | null;
  return_reason: string | null;
  matter_id: number | null;
  created_by: number | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface Database {
  supervision_focus: SupervisionFocusTable;
  supervision_matter: SupervisionMatterTable;
  supervision_matter_unit: SupervisionMatterUnitTable;
  supervision_inspection: SupervisionInspectionTable;
  supervision_inspection_supervisor: SupervisionInspectionSupervisorTable;
  supervision_evidence: SupervisionEvidenceTable;
  supervision_report_request: SupervisionReportRequestTable;
  supervision_attachment: SupervisionAttachmentTable;
  supervision_attachment_content: SupervisionAttachmentContentTable;
  supervision_referral: SupervisionReferralTable;
}

export type SupervisionMatter = Selectable<SupervisionMatterTable>;
export type SupervisionInspection = Selectable<SupervisionInspectionTable>;
export type SupervisionReferral = Selectable<SupervisionReferralTable>;

// Supervision notices and rectification reports (issue 15, migration 0074).
export type NoticeState =
  | 'draft'
  | 'awaiting_sign_off'
  | 'issued'
  | 'served'
  | 'reported'
  | 'returned'
  | 'accepted'
  | 'withdrawn';

export interface SupervisionNoticeTable {
  id: Generated<number>;
  matter_id: number;
  unit_org_id: number;
  issuer_org_id: number;
  case_id: number | null;
  case_file_id: number | null;
  facts: string;
  reasons: string;
  legal_basis: string;
  required_correction: string;
  correction_due_on: string;
  state: Generated<NoticeState>;
  sign_comment: string | null;
  number: string | null;
  year: number | null;
  sequence: number | null;
  signed_by: string | null;
  issued_on: string | null;
  served_on: string | null;
  service_manner: string | null;
  service_receiver: string | null;
  report_due_on: string | null;
  closed_on: string | null;
  withdrawn_reason: string | null;
  /** the issued notice this one replaces once signed (migration 0076) */
  supersedes_id: Generated<number | null>;
  created_by: number | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface SupervisionRectificationTable {
  id: Generated<number>;
  /** one of notice_id / decision_id (migration 0075) */
  notice_id: number | null;
  decision_id: Generated<number | null>;
  content: string;
  submitted_on: string;
  submitted_by: number | null;
  state: Generated<'submitted' | 'accepted' | 'returned'>;
  reviewed_on: string | null;
  reviewed_by: number | null;
  return_reason: string | null;
  created_at: Generated<Timestamp>;
}

export interface Database {
  supervision_notice: SupervisionNoticeTable;
  supervision_rectification: SupervisionRectificationTable;
}

export type SupervisionNotice = Selectable<SupervisionNoticeTable>;

// Supervision decisions (issue 15, migration 0075): the request to the county government and its
// 行政执法监督决定书.
import type { DecisionGround, DecisionKind, DecisionState } from '../../common/supervision.ts';

export interface SupervisionDecisionTable {
  id: Generated<number>;
  notice_id: number;
  case_id: number | null;
  ground: DecisionGround;
  request_reason: string;
  proposed_kind: DecisionKind;
  state: Generated<DecisionState>;
  sign_comment: string | null;
  request_number: string | null;
  request_year: number | null;
  request_sequence: number | null;
  request_signed_by: string | null;
  requested_on: string | null;
  kind: DecisionKind | null;
  decision_number: string | null;
  decided_on: string | null;
  decision_content: string | null;
  served_on: string | null;
  report_due_on: string | null;
  recorded_by: number | null;
  closed_on: string | null;
  withdrawn_reason: string | null;
  created_by: number | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface Database {
  supervision_decision: SupervisionDecisionTable;
}

// Supervision circulars (issue 15, migration 0077): 通报批评 / 通报表扬 (第二十二、二十三条).
import type { CircularKind, CircularSituation, CircularState } from '../../common/supervision.ts';

export interface SupervisionCircularTable {
  id: Generated<number>;
  issuer_org_id: number;
  subject_org_id: number;
  kind: CircularKind;
  situation: CircularSituation;
  persons: string | null;
  title: string;
  facts: string;
  requirement: string | null;
  notice_id: number | null;
  decision_id: number | null;
  violation_id: number | null;
  dispute_id: number | null;
  state: Generated<CircularState>;
  sign_comment: string | null;
  number: string | null;
  year: number | null;
  sequence: number | null;
  signed_by: string | null;
  issued_on: string | null;
  withdrawn_reason: string | null;
  created_by: number | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface Database {
  supervision_circular: SupervisionCircularTable;
}

// Supervision findings about officers (issue 15, migration 0180): 执法过错认定 … 国家赔偿追偿.
import type { FindingKind } from '../../common/supervision.ts';

export interface SupervisionFindingTable {
  id: Generated<number>;
  notice_id: number | null;
  decision_id: number | null;
  officer_id: number;
  kind: FindingKind;
  found_on: string;
  description: string;
  withdrawn_reason: string | null;
  withdrawn_at: Timestamp | null;
  created_by: number | null;
  created_at: Generated<Timestamp>;
}

export interface Database {
  supervision_finding: SupervisionFindingTable;
}

// ---- Enforcement coordination (issue 16, migrations 0080–0089, docs/coordination.md) ----

import type {
  CircularStatus,
  DisputeDocumentKind,
  DisputeDocumentStatus,
  DisputePartyRole,
  DisputeStatus,
  JointOrigin,
  JointResponse,
  JointRole,
  JointSituation,
  JointStatus,
  LiaisonCounterpart,
  LiaisonKind,
  LiaisonStatus,
  MatterStatus,
  ViolationKind,
} from '../../common/coordination.ts';

export interface CoordinationSettingTable {
  county_org_id: number;
  review_days: number;
  view_days: number;
  conclude_days: number;
  execution_days: number;
  warn_days: number;
  updated_by: number | null;
  updated_at: Generated<Timestamp>;
}

export interface CoordinationDisputeTable {
  id: Generated<number>;
  county_org_id: number;
  applicant_org_id: number;
  filed_by: number;
  filed_on: string;
  matter: string;
  negotiation_record: string;
  status: DisputeStatus;
  review_days: number;
  view_days: number;
  conclude_days: number;
  execution_days: number;
  review_due_on: string;
  reviewed_on: string | null;
  reviewed_by: number | null;
  return_reason: string | null;
  conclude_due_on: string | null;
  escalated_on: string | null;
  escalation_reason: string | null;
  interim_lead_org_id: number | null;
  interim_lead_reason: string | null;
  interim_lead_on: string | null;
  execution_due_on: string | null;
  executed_on: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface CoordinationDisputePartyTable {
  id: Generated<number>;
  dispute_id: number;
  org_id: number;
  role: DisputePartyRole;
  stated_position: string;
  stated_basis: string;
  view_requested_on: string | null;
  view_due_on: string | null;
  view_position: string | null;
  view_basis: string | null;
  view_answered_on: string | null;
  view_answered_by: number | null;
  execution_confirmed_on: string | null;
  execution_confirmed_by: number | null;
  execution_note: string | null;
}

export interface CoordinationMeetingTable {
  id: Generated<number>;
  dispute_id: number;
  held_on: string;
  place: string;
  attendees: string;
  experts: string | null;
  minutes: string;
  recorded_by: number;
  created_at: Generated<Timestamp>;
}

export interface CoordinationDocumentTable {
  id: Generated<number>;
  dispute_id: number;
  kind: DisputeDocumentKind;
  status: DisputeDocumentStatus;
  title: string;
  body: string;
  number: string | null;
  decided_on: string | null;
  supersedes_id: number | null;
  created_by: number;
  signed_by: number | null;
  signed_on: string | null;
  sign_comment: string | null;
  served_on: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface CoordinationViolationTable {
  id: Generated<number>;
  county_org_id: number;
  org_id: number;
  kind: ViolationKind;
  dispute_id: number | null;
  facts: string;
  marked_on: string;
  marked_by: number;
  created_at: Generated<Timestamp>;
}

export interface Database {
  coordination_setting: CoordinationSettingTable;
  coordination_dispute: CoordinationDisputeTable;
  coordination_dispute_party: CoordinationDisputePartyTable;
  coordination_meeting: CoordinationMeetingTable;
  coordination_document: CoordinationDocumentTable;
  coordination_violation: CoordinationViolationTable;
}

export type CoordinationDispute = Selectable<CoordinationDisputeTable>;
export type CoordinationDisputeParty = Selectable<CoordinationDisputePartyTable>;
export type CoordinationMeeting = Selectable<CoordinationMeetingTable>;
export type CoordinationDocument = Selectable<CoordinationDocumentTable>;
export type CoordinationViolation = Selectable<CoordinationViolationTable>;

export interface CoordinationJointActionTable {
  id: Generated<number>;
  county_org_id: number;
  origin: JointOrigin;
  situation: JointSituation;
  title: string;
  initiating_org_id: number;
  places: string;
  targets: string;
  starts_on: string;
  ends_on: string;
  status: JointStatus;
  coordination_reason: string | null;
  coordination_requested_on: string | null;
  proposal_number: string | null;
  proposal_issued_on: string | null;
  started_on: string | null;
  summary: string | null;
  closed_on: string | null;
  created_by: number;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface CoordinationJointParticipantTable {
  id: Generated<number>;
  action_id: number;
  org_id: number;
  role: JointRole;
  duty: string;
  response: Generated<JointResponse>;
  response_note: string | null;
  responded_on: string | null;
  responded_by: number | null;
}

export interface CoordinationJointInspectionTable {
  id: Generated<number>;
  action_id: number;
  held_on: string;
  place: string;
  org_names: string;
  findings: string;
  recorded_by: number;
  created_at: Generated<Timestamp>;
}

export interface CoordinationJointCaseTable {
  action_id: number;
  case_id: number;
  linked_by: number;
  created_at: Generated<Timestamp>;
}

export interface CoordinationMajorMatterTable {
  id: Generated<number>;
  county_org_id: number;
  title: string;
  description: string;
  org_id: number | null;
  raised_on: string;
  status: MatterStatus;
  resolution: string | null;
  resolved_on: string | null;
  created_by: number;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface CoordinationMatterMeetingTable {
  id: Generated<number>;
  matter_id: number;
  held_on: string;
  attendees: string;
  minutes: string;
  recorded_by: number;
  created_at: Generated<Timestamp>;
}

export interface CoordinationCircularTable {
  id: Generated<number>;
  county_org_id: number;
  period_from: string;
  period_to: string;
  title: string;
  body: string;
  status: CircularStatus;
  number: string | null;
  issued_on: string | null;
  signed_by_name: string | null;
  sign_comment: string | null;
  created_by: number;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface CoordinationLiaisonTable {
  id: Generated<number>;
  county_org_id: number;
  kind: LiaisonKind;
  counterpart: LiaisonCounterpart;
  counterpart_name: string;
  org_id: number;
  case_id: number | null;
  subject: string;
  reason: string;
  sent_on: string;
  due_on: string;
  receipt_on: string | null;
  receipt_by: string | null;
  outcome: string | null;
  outcome_on: string | null;
  status: LiaisonStatus;
  created_by: number;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface Database {
  coordination_joint_action: CoordinationJointActionTable;
  coordination_joint_participant: CoordinationJointParticipantTable;
  coordination_joint_inspection: CoordinationJointInspectionTable;
  coordination_joint_case: CoordinationJointCaseTable;
  coordination_major_matter: CoordinationMajorMatterTable;
  coordination_matter_meeting: CoordinationMatterMeetingTable;
  coordination_circular: CoordinationCircularTable;
  coordination_liaison: CoordinationLiaisonTable;
}

export type CoordinationJointAction = Selectable<CoordinationJointActionTable>;
export type CoordinationJointParticipant = Selectable<CoordinationJointParticipantTable>;
export type CoordinationJointInspection = Selectable<CoordinationJointInspectionTable>;
export type CoordinationMajorMatter = Selectable<CoordinationMajorMatterTable>;
export type CoordinationMatterMeeting = Selectable<CoordinationMatterMeetingTable>;
export type CoordinationCircular = Selectable<CoordinationCircularTable>;
export type CoordinationLiaison = Selectable<CoordinationLiaisonTable>;

// ---- Workbench: cockpit and the annual enforcement statistics report (issue 17, 0091–0093) ----

import type { PenaltyType } from '../../common/penalties.ts';

/** 0091: penalty types and sums (yuan, numeric(14,2): a decimal string on read), merged into cases. */
export interface EnforcementCaseTable {
  penalty_types: Generated<PenaltyType[]>;
  fine_amount: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  confiscated_amount: ColumnType<string | null, string | number | null | undefined, string | number | null>;
}

/** 0092: the case kinds an organisation holds as duties (行政执法数据年报: 0 vs 无相关职责). */
export interface OrgDutyTable {
  org_id: number;
  case_kind: CaseKind;
}

export interface Database {
  org_duty: OrgDutyTable;
}

// ---- Unit law-based-administration assessment (issue 20, migrations 0110–0119, docs/units.md) ----

import type {
  CheckKind,
  DossierEntryKind,
  DossierSide,
  SummaryRecipient,
  UnitApprovalStatus,
  UnitCategory,
  UnitRectificationStatus,
} from '../../common/units.ts';

export interface UnitCategoryTable {
  org_id: number;
  category: UnitCategory;
  updated_by: number | null;
  updated_at: Generated<Timestamp>;
}

export interface UnitDossierEntryTable {
  id: Generated<number>;
  county_org_id: number;
  unit_org_id: number;
  year: number;
  kind: DossierEntryKind;
  title: string;
  occurred_on: string;
  content: string | null;
  added_side: DossierSide;
  created_by: number;
  created_at: Generated<Timestamp>;
}

/** `self_score` is numeric: an exact decimal string on read. */
export interface UnitReportTable {
  id: Generated<number>;
  county_org_id: number;
  unit_org_id: number;
  year: number;
  body: string;
  self_score: ColumnType<string | null, string | number | null, string | number | null>;
  due_on: string;
  submitted_on: string;
  submitted_by: number;
  updated_at: Generated<Timestamp>;
}

export interface UnitReportAttachmentTable {
  id: Generated<number>;
  report_id: number;
  file_name: string;
  content_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  sha256: string;
  created_by: number | null;
  created_at: Generated<Timestamp>;
}

export interface UnitReportAttachmentContentTable {
  attachment_id: number;
  bytes: Uint8Array;
}

export interface UnitCheckTable {
  id: Generated<number>;
  county_org_id: number;
  unit_org_id: number;
  year: number;
  kind: CheckKind;
  checked_on: string;
  checkers: string;
  methods: string[];
  findings: string;
  period_id: number | null;
  record_ids: ColumnType<number[], number[] | undefined, number[]>;
  created_by: number;
  created_at: Generated<Timestamp>;
}

export interface UnitApprovalTable {
  id: Generated<number>;
  period_id: number;
  category: UnitCategory;
  status: UnitApprovalStatus;
  computed_at: Timestamp;
  note: string | null;
  submitted_by: number;
  submitted_on: string;
  decided_by: number | null;
  decided_on: string | null;
  decision_note: string | null;
  updated_at: Generated<Timestamp>;
}

export interface UnitRectificationTable {
  id: Generated<number>;
  period_id: number;
  unit_org_id: number;
  status: UnitRectificationStatus;
  plan: string;
  filed_on: string;
  filed_by: number;
  review_note: string | null;
  reviewed_by: number | null;
  reviewed_on: string | null;
  progress: string | null;
  progress_on: string | null;
  done_on: string | null;
  done_by: number | null;
  updated_at: Generated<Timestamp>;
}

export interface UnitCommendationTable {
  id: Generated<number>;
  period_id: number;
  kind: 'unit' | 'individual';
  unit_org_id: number;
  person_name: string | null;
  reason: string;
  created_by: number;
  created_at: Generated<Timestamp>;
}

export interface UnitSummarySubmissionTable {
  id: Generated<number>;
  county_org_id: number;
  unit_org_id: number;
  year: number;
  recipient: SummaryRecipient;
  submitted_on: string;
  submitted_by: number;
  note: string | null;
  created_at: Generated<Timestamp>;
}

export interface Database {
  unit_category: UnitCategoryTable;
  unit_dossier_entry: UnitDossierEntryTable;
  unit_report: UnitReportTable;
  unit_report_attachment: UnitReportAttachmentTable;
  unit_report_attachment_content: UnitReportAttachmentContentTable;
  unit_check: UnitCheckTable;
  unit_approval: UnitApprovalTable;
  unit_rectification: UnitRectificationTable;
  unit_commendation: UnitCommendationTable;
  unit_summary_submission: UnitSummarySubmissionTable;
}

export type UnitRectification = Selectable<UnitRectificationTable>;
/** 0094: an agency's annual enforcement statistics report handed in (due 31 January). */
export interface AnnualReportSubmissionTable {
  org_id: number;
  year: number;
  submitted_by: number | null;
  submitted_by_name: string;
  submitted_at: Generated<Timestamp>;
}

export interface Database {
  annual_report_submission: AnnualReportSubmissionTable;
}

/** 0120: training plans, sessions and attendees (seed 001 培训制度 第四–八条, issue 20). */
export interface TrainingPlanTable {
  id: Generated<number>;
  org_id: number;
  year: number;
  title: string;
  note: string | null;
  created_by: number;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface TrainingPlanItemTable {
  id: Generated<number>;
  plan_id: number;
  position: number;
  kind: TrainingKind;
  content_category: TrainingContentCategory;
  content: string;
  planned_month: number;
  is_required: Generated<boolean>;
}

export interface TrainingSessionTable {
  id: Generated<number>;
  org_id: number;
  organiser_kind: TrainingOrganiserKind;
  kind: TrainingKind;
  delivery: TrainingDelivery;
  content_category: TrainingContentCategory;
  course: string;
  material: string | null;
  hours: ColumnType<string, string | number, string | number>;
  held_on: string;
  place: string | null;
  plan_item_id: number | null;
  is_graded: Generated<boolean>;
  status: Generated<TrainingSessionStatus>;
  finished_at: Timestamp | null;
  finished_by: number | null;
  notice_number: string | null;
  notice_issued_on: string | null;
  created_by: number;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface TrainingSessionAttendeeTable {
  session_id: number;
  officer_id: number;
  added_by: number;
  added_at: Generated<Timestamp>;
}

export interface Database {
  training_plan: TrainingPlanTable;
  training_plan_item: TrainingPlanItemTable;
  training_session: TrainingSessionTable;
  training_session_attendee: TrainingSessionAttendeeTable;
}

// Reviews: attachments of rectification reports (0150, 第十七条).
export interface ReviewRectificationAttachmentTable {
  id: Generated<number>;
  rectification_id: number;
  file_name: string;
  content_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  sha256: string;
  created_by: number | null;
  created_at: Generated<Timestamp>;
}

export interface ReviewRectificationAttachmentContentTable {
  attachment_id: number;
  bytes: Uint8Array;
}

export interface Database {
  review_rectification_attachment: ReviewRectificationAttachmentTable;
  review_rectification_attachment_content: ReviewRectificationAttachmentContentTable;
}
