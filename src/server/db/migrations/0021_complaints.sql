-- Complaints (投诉举报) and petitions (信访) for seed 000's 质量监督表 and 奖惩记录表 counts.
-- A complaint names the officer complained against and/or the case; a petition names the officer
-- who handled it (处理信访案件). finding: substantiated (查实) / unfounded (不属实), null while open.
create table complaint (
  id integer generated always as identity primary key,
  org_id integer not null references org (id),
  kind text not null check (kind in ('complaint', 'petition')),
  officer_id integer references officer (id),
  case_id integer references enforcement_case (id),
  source text not null,
  received_on date not null,
  summary text not null,
  finding text check (finding in ('substantiated', 'unfounded')),
  handling text,
  handled_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index complaint_org_idx on complaint (org_id, received_on desc);
create index complaint_officer_idx on complaint (officer_id, received_on);
create index complaint_case_idx on complaint (case_id);

-- 参加专项整治()次: one row per special campaign an officer joined.
create table campaign_participation (
  id integer generated always as identity primary key,
  officer_id integer not null references officer (id) on delete cascade,
  name text not null check (length(trim(name)) > 0),
  joined_on date not null,
  created_at timestamptz not null default now()
);

create index campaign_participation_officer_idx on campaign_participation (officer_id, joined_on);
