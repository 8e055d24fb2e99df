-- Evidence files of assessment records (issue 6: a deduction or bonus recorded with its evidence)
-- and the proof an appellant attaches (seed 004 第四章第三条: 申诉时…并附相关证明材料). Metadata
-- here, bytes in their own table so lists never read them (as file_attachment, 0022). Each file
-- belongs to exactly one record or one appeal of the period.
create table assessment_attachment (
  id integer generated always as identity primary key,
  period_id integer not null references assessment_period (id) on delete cascade,
  record_id integer references assessment_record (id) on delete cascade,
  appeal_id integer references assessment_appeal (id) on delete cascade,
  file_name text not null,
  content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null,
  created_by integer references user_account (id),
  created_at timestamptz not null default now(),
  check ((record_id is null) <> (appeal_id is null))
);

create index assessment_attachment_record_idx on assessment_attachment (record_id)
  where record_id is not null;
create index assessment_attachment_appeal_idx on assessment_attachment (appeal_id)
  where appeal_id is not null;

create table assessment_attachment_content (
  attachment_id integer primary key references assessment_attachment (id) on delete cascade,
  bytes bytea not null
);
