-- Self-assessment with the annual report (依法行政年度报告和有关资料, seed 002 三(一): 于12月1日前报送)
-- and the year-end checks / spot checks (三(三): 听取汇报，查阅相关文件、会议记录、行政执法案卷和其他资料，
-- 网上核查…根据工作需要…进行抽查).

create table unit_report (
  id integer generated always as identity primary key,
  county_org_id integer not null references org (id),
  unit_org_id integer not null references org (id),
  year integer not null check (year between 2000 and 2100),
  -- 自查自评 text: the report itself
  body text not null check (length(trim(body)) > 0),
  self_score numeric(6, 2),
  due_on date not null,
  submitted_on date not null,
  submitted_by integer not null references user_account (id),
  updated_at timestamptz not null default now(),
  unique (unit_org_id, year)
);

create table unit_report_attachment (
  id integer generated always as identity primary key,
  report_id integer not null references unit_report (id) on delete cascade,
  file_name text not null,
  content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null,
  created_by integer references user_account (id),
  created_at timestamptz not null default now()
);

create index unit_report_attachment_report_idx on unit_report_attachment (report_id);

create table unit_report_attachment_content (
  attachment_id integer primary key references unit_report_attachment (id) on delete cascade,
  bytes bytea not null
);

create table unit_check (
  id integer generated always as identity primary key,
  county_org_id integer not null references org (id),
  unit_org_id integer not null references org (id),
  year integer not null check (year between 2000 and 2100),
  kind text not null check (kind in ('year_end', 'spot')),
  checked_on date not null,
  checkers text not null check (length(trim(checkers)) > 0),
  methods text[] not null check (cardinality(methods) > 0),
  findings text not null check (length(trim(findings)) > 0),
  -- the period its deductions went into, and the assessment records they became
  period_id integer references assessment_period (id),
  record_ids integer[] not null default '{}',
  created_by integer not null references user_account (id),
  created_at timestamptz not null default now()
);

create index unit_check_unit_idx on unit_check (unit_org_id, year);
create index unit_check_county_idx on unit_check (county_org_id, year, checked_on desc);
