-- Inspections under a matter (检查, 协调监督工作办法 第十三、十四条): planned date and place, the
-- supervisors on site (at least two when on site: 第十四条), the evidence gathered by the means of
-- 第十三条 with its files, and the findings. A request to a unit to report on its enforcement
-- (第十三条(一) 要求报告执法情况) has its own deadline and reply.
create table supervision_inspection (
  id integer generated always as identity primary key,
  matter_id integer not null references supervision_matter (id) on delete cascade,
  planned_on date not null,
  place text not null,
  is_on_site boolean not null default true,
  state text not null default 'planned' check (state in ('planned', 'done')),
  inspected_on date,
  findings text,
  created_by integer references user_account (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((state = 'done') = (inspected_on is not null))
);

create index supervision_inspection_matter_idx on supervision_inspection (matter_id, planned_on);

create table supervision_inspection_supervisor (
  inspection_id integer not null references supervision_inspection (id) on delete cascade,
  user_id integer not null references user_account (id),
  primary key (inspection_id, user_id)
);

create table supervision_evidence (
  id integer generated always as identity primary key,
  inspection_id integer not null references supervision_inspection (id) on delete cascade,
  means text not null check (means in ('report', 'inquiry', 'file_review', 'site', 'appraisal', 'hearing', 'other')),
  description text not null,
  collected_on date not null,
  case_id integer references enforcement_case (id),
  case_file_id integer references case_file (id),
  created_by integer references user_account (id),
  created_at timestamptz not null default now()
);

create index supervision_evidence_inspection_idx on supervision_evidence (inspection_id);

create table supervision_report_request (
  id integer generated always as identity primary key,
  matter_id integer not null references supervision_matter (id) on delete cascade,
  unit_org_id integer not null references org (id),
  subject text not null,
  requested_on date not null,
  due_on date not null,
  state text not null default 'waiting' check (state in ('waiting', 'replied')),
  reply text,
  replied_on date,
  replied_by integer references user_account (id),
  created_by integer references user_account (id),
  created_at timestamptz not null default now(),
  check (due_on >= requested_on),
  check ((state = 'replied') = (replied_on is not null))
);

create index supervision_report_request_unit_idx on supervision_report_request (unit_org_id, state, due_on);
create index supervision_report_request_matter_idx on supervision_report_request (matter_id);

-- Files of the domain (evidence, report replies, referrals, rectification reports later): bytes in
-- their own table so lists never read them, as file_attachment (0022). owner_type + owner_id name
-- the record; matter_id lets one scope check cover every file of a matter.
create table supervision_attachment (
  id integer generated always as identity primary key,
  owner_type text not null check (owner_type in ('evidence', 'report_request', 'referral', 'rectification')),
  owner_id integer not null,
  file_name text not null,
  content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null,
  created_by integer references user_account (id),
  created_at timestamptz not null default now()
);

create index supervision_attachment_owner_idx on supervision_attachment (owner_type, owner_id);

create table supervision_attachment_content (
  attachment_id integer primary key references supervision_attachment (id) on delete cascade,
  bytes bytea not null
);
