-- Case files (案卷, seed 001 案卷制作规范). One file per case. The cover (第十六条) takes 案由,
-- 当事人, 承办机关, 承办人员, 收案 and 结案 dates from the case; the file keeps 档号, 案卷类别,
-- 卷宗号, 归档日期 and 归档期限. traits decide which optional kinds are required (hearing …).
create table case_file (
  id integer generated always as identity primary key,
  case_id integer not null unique references enforcement_case (id),
  archive_no text,
  category text,
  file_no text,
  retention_period text,
  traits text[] not null default '{}',
  status text not null default 'open' check (status in ('open', 'archived')),
  archived_on date,
  archived_by_id integer references user_account (id),
  archived_by_name text,
  -- a legal officer's reason for archiving despite findings, with the findings at that moment
  archive_override_reason text,
  archive_findings jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index case_file_status_idx on case_file (status);

-- 卷内文书: one row per document in a volume (正卷 main / 副卷 restricted), in sequence, with its
-- page range (第十五条) and, for a copy, who verified it, when and its source (第五条).
create table file_document (
  id integer generated always as identity primary key,
  case_file_id integer not null references case_file (id) on delete cascade,
  volume text not null check (volume in ('main', 'restricted')),
  sequence integer not null check (sequence >= 1),
  kind_code text not null,
  title text,
  page_from integer not null,
  page_to integer not null,
  is_original boolean not null default true,
  verified_by text,
  verified_on date,
  copy_source text,
  created_at timestamptz not null default now(),
  unique (case_file_id, volume, sequence)
);

-- Evidence attachments: metadata here, bytes in their own table so lists never read them.
create table file_attachment (
  id integer generated always as identity primary key,
  document_id integer not null references file_document (id) on delete cascade,
  file_name text not null,
  content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer not null,
  sha256 text not null,
  created_by integer references user_account (id),
  created_at timestamptz not null default now()
);

create index file_attachment_document_idx on file_attachment (document_id);

create table file_attachment_content (
  attachment_id integer primary key references file_attachment (id) on delete cascade,
  bytes bytea not null
);

-- Which catalogued kinds a file must hold: 'always', 'optional' or a trait; admins edit this.
create table file_requirement_rule (
  kind_code text primary key,
  required_when text not null,
  updated_by integer references user_account (id),
  updated_at timestamptz not null default now()
);
