-- Training as seed 001 培训制度 runs it (issue 20): a yearly plan per organisation (第四条: 各执法单位
-- 组织实施), sessions with their attendee lists (第六条 方式, 第七条 类别, 第五条 内容), graded results
-- (第八条 考核) and self-study logs (第七条(一)(三): 法治讲堂·逢九必讲, 法宣在线). The officers' training
-- records (培训档案, 第八条) stay in `training`; a finished session writes one row per attendee.

create table training_plan (
  id integer generated always as identity primary key,
  org_id integer not null references org (id),
  year integer not null check (year between 2000 and 2100),
  title text not null,
  note text,
  created_by integer not null references user_account (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (org_id, year)
);

create table training_plan_item (
  id integer generated always as identity primary key,
  plan_id integer not null references training_plan (id) on delete cascade,
  position integer not null,
  kind text not null check (kind in ('post', 'thematic', 'self_study')),
  -- 第五条(一)–(四)
  content_category text not null check (content_category in ('thought', 'admin_law', 'three_systems', 'field_law')),
  content text not null,
  planned_month integer not null check (planned_month between 1 and 12),
  -- 第七条(二): thematic training every enforcement officer of the plan's organisation must attend
  is_required boolean not null default false
);
create index training_plan_item_plan_idx on training_plan_item (plan_id, position);

create table training_session (
  id integer generated always as identity primary key,
  org_id integer not null references org (id),
  -- 'bureau': held by the county justice bureau (第七条(一)); 'unit': by an enforcement unit (第四条)
  organiser_kind text not null check (organiser_kind in ('bureau', 'unit')),
  kind text not null check (kind in ('post', 'thematic', 'self_study')),
  delivery text not null check (delivery in ('online', 'classroom', 'self_study')),
  content_category text not null check (content_category in ('thought', 'admin_law', 'three_systems', 'field_law')),
  course text not null,
  material text,
  hours numeric(6, 1) not null check (hours > 0 and hours <= 1000),
  held_on date not null,
  place text,
  plan_item_id integer references training_plan_item (id) on delete set null,
  is_graded boolean not null default false,
  status text not null default 'planned' check (status in ('planned', 'finished')),
  finished_at timestamptz,
  finished_by integer references user_account (id),
  notice_number text,
  notice_issued_on date,
  created_by integer not null references user_account (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index training_session_org_idx on training_session (org_id, held_on desc);
create index training_session_plan_item_idx on training_session (plan_item_id) where plan_item_id is not null;

create table training_session_attendee (
  session_id integer not null references training_session (id) on delete cascade,
  officer_id integer not null references officer (id) on delete cascade,
  added_by integer not null references user_account (id),
  added_at timestamptz not null default now(),
  primary key (session_id, officer_id)
);
create index training_session_attendee_officer_idx on training_session_attendee (officer_id);

-- The record a finished session wrote, and what it says beyond the free-text columns.
alter table training
  add column session_id integer references training_session (id) on delete restrict,
  add column delivery text check (delivery in ('online', 'classroom', 'self_study')),
  add column content_category text check (content_category in ('thought', 'admin_law', 'three_systems', 'field_law')),
  -- 第八条 考核: a score (0–100) and whether it passed; null = not graded
  add column score numeric(5, 1) check (score >= 0 and score <= 100),
  add column passed boolean,
  -- self-study platform: 'fazhi_jiangtang' (法治讲堂·逢九必讲), 'faxuan_online' (法宣在线), 'books'
  add column platform text check (platform in ('fazhi_jiangtang', 'faxuan_online', 'books')),
  -- an officer's own self-study log (第七条(三)) rather than a record entered by the unit
  add column is_self_reported boolean not null default false;
create unique index training_session_officer_uidx on training (session_id, officer_id) where session_id is not null;
