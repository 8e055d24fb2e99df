-- Between computing and publishing: the leading group's approval (审定, seed 002 三(五): 根据考核结果分类
-- 确定考核分值和考核等次，报…领导小组审定), by category (乡镇 / 县直部门 / 垂直管理单位). Then the use of
-- the results (五): commendation of advanced units and individuals (五(一)) and the written
-- rectification plan of every unit graded 不合格 (五(二): 提交书面整改方案并认真整改).

create table unit_approval (
  id integer generated always as identity primary key,
  period_id integer not null references assessment_period (id) on delete cascade,
  category text not null check (category in ('township', 'county_department', 'vertical')),
  status text not null check (status in ('submitted', 'approved', 'returned')),
  -- the computation it was submitted on: a recompute makes the approval stale
  computed_at timestamptz not null,
  note text,
  submitted_by integer not null references user_account (id),
  submitted_on date not null,
  decided_by integer references user_account (id),
  decided_on date,
  decision_note text,
  updated_at timestamptz not null default now(),
  unique (period_id, category)
);

create table unit_rectification (
  id integer generated always as identity primary key,
  period_id integer not null references assessment_period (id),
  unit_org_id integer not null references org (id),
  status text not null check (status in ('filed', 'returned', 'accepted', 'done')),
  plan text not null check (length(trim(plan)) > 0),
  filed_on date not null,
  filed_by integer not null references user_account (id),
  review_note text,
  reviewed_by integer references user_account (id),
  reviewed_on date,
  -- the unit's account of what it did, then the office's confirmation (tracked to done)
  progress text,
  progress_on date,
  done_on date,
  done_by integer references user_account (id),
  updated_at timestamptz not null default now(),
  unique (period_id, unit_org_id)
);

create table unit_commendation (
  id integer generated always as identity primary key,
  period_id integer not null references assessment_period (id),
  kind text not null check (kind in ('unit', 'individual')),
  unit_org_id integer not null references org (id),
  person_name text,
  reason text not null check (length(trim(reason)) > 0),
  created_by integer not null references user_account (id),
  created_at timestamptz not null default now(),
  check ((kind = 'individual') = (person_name is not null))
);

create index unit_commendation_period_idx on unit_commendation (period_id);
