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

export type Role =
  | 'admin'
  | 'supervisor'
  | 'legal_officer'
  | 'officer'
  | 'assessor'
  | 'leader'
  | 'reviewer'
  | 'justice_office';

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
