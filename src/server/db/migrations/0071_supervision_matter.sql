-- Supervision matters (监督事项, 协调监督工作办法 第十一、十二条): the method (kind), the field, the
-- source (a complaint Fazhi holds when the source is 投诉举报), the supervised units or, for 个案监督,
-- one case. org_id is the organisation that runs it (the supervisor's section); the units it
-- supervises are rows of supervision_matter_unit.
create table supervision_matter (
  id integer generated always as identity primary key,
  org_id integer not null references org (id),
  kind text not null check (kind in ('routine', 'special', 'case', 'review', 'assessment')),
  field text not null check (field in ('food_drug', 'ecology', 'work_safety', 'urban_rural', 'labour', 'education', 'other')),
  source text not null check (source in ('daily', 'npc_suggestion', 'cppcc_proposal', 'complaint', 'hotspot', 'assigned', 'case_review', 'referral')),
  complaint_id integer references complaint (id),
  case_id integer references enforcement_case (id),
  focus_id integer references supervision_focus (id),
  title text not null,
  description text,
  opened_on date not null,
  due_on date,
  state text not null default 'open' check (state in ('open', 'closed')),
  closed_on date,
  closing_summary text,
  created_by integer references user_account (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (source <> 'complaint' or complaint_id is not null),
  check (kind <> 'case' or case_id is not null),
  check ((state = 'closed') = (closed_on is not null))
);

create index supervision_matter_org_idx on supervision_matter (org_id, opened_on desc, id desc);
create index supervision_matter_state_idx on supervision_matter (state, due_on);
create index supervision_matter_case_idx on supervision_matter (case_id) where case_id is not null;

create table supervision_matter_unit (
  matter_id integer not null references supervision_matter (id) on delete cascade,
  org_id integer not null references org (id),
  primary key (matter_id, org_id)
);

create index supervision_matter_unit_org_idx on supervision_matter_unit (org_id, matter_id);
