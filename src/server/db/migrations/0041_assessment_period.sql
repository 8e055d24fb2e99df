-- Assessment periods (考核周期) with their subjects and the sections owning each item group.
-- status: open → computed → published → finalised (finalised is frozen: nothing writes any more).
create table assessment_period (
  id integer generated always as identity primary key,
  org_id integer not null references org (id),
  period_key text not null,
  label text not null,
  scheme_version_id integer not null references scheme_version (id),
  status text not null default 'open' check (status in ('open', 'computed', 'published', 'finalised')),
  self_due_on date,
  published_on date,
  appeal_closes_on date,
  appeal_days integer not null default 3,
  decision_days integer not null default 3,
  summary jsonb,
  computed_at timestamptz,
  finalised_at timestamptz,
  created_by integer references user_account (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index assessment_period_org_idx on assessment_period (org_id, period_key);

-- subject_key is the engine's subject id: 'officer:12' or 'org:34'. org_id is the organisation the
-- subject belongs to (the officer's section, or the org itself), for scope checks.
create table assessment_subject (
  period_id integer not null references assessment_period (id) on delete cascade,
  subject_key text not null,
  kind text not null check (kind in ('officer', 'org')),
  officer_id integer references officer (id),
  org_id integer not null references org (id),
  name text not null,
  primary key (period_id, subject_key)
);

-- 负责考核科室: which section records in which item group (seed 004 第四章第二条).
create table assessment_group_owner (
  period_id integer not null references assessment_period (id) on delete cascade,
  group_id text not null,
  assessor_name text not null,
  org_id integer references org (id),
  primary key (period_id, group_id)
);
