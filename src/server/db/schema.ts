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

export interface Database {
  org: OrgTable;
  user_account: UserAccountTable;
  user_session: UserSessionTable;
  audit_log: AuditLogTable;
  calendar_override: CalendarOverrideTable;
  schema_migration: SchemaMigrationTable;
}

export type Org = Selectable<OrgTable>;
export type NewOrg = Insertable<OrgTable>;
export type OrgUpdate = Updateable<OrgTable>;
export type UserAccount = Selectable<UserAccountTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
