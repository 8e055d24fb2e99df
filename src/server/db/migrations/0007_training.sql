-- 培训档案 (seed 001 培训制度第八条). `is_bureau_organised` marks training run by the county
-- justice bureau: every officer needs at least one a year (培训制度第七条).
create table training (
  id integer generated always as identity primary key,
  officer_id integer not null references officer (id) on delete cascade,
  held_on date not null,
  hours numeric(6, 1) not null check (hours > 0 and hours <= 1000),
  content text not null,
  kind text not null check (kind in ('post', 'thematic', 'self_study')),
  organiser text not null,
  is_bureau_organised boolean not null default false,
  result text,
  created_at timestamptz not null default now()
);

create index training_officer_idx on training (officer_id, held_on);

-- The yearly minimum of training hours, per county (its root org); no row = 40 h (seed 003 篇5).
create table training_requirement (
  county_org_id integer primary key references org (id),
  min_hours numeric(6, 1) not null check (min_hours >= 0),
  updated_by integer references user_account (id),
  updated_at timestamptz not null default now()
);
