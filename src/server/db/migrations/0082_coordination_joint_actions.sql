-- 联合执法 (协调监督工作办法第八条): a joint enforcement action for one of the clause's five
-- situations — proposed by the justice bureau (联合执法建议书, numbered from its 博司协 register), or
-- by agencies among themselves, who ask the bureau to coordinate when they cannot agree on the plan
-- (第八条(一)); each agency confirms or objects; then the action runs (inspections, the cases it
-- produced) and closes with a summary.
create table coordination_joint_action (
  id integer generated always as identity primary key,
  county_org_id integer not null references org (id),
  origin text not null check (origin in ('bureau', 'agency')),
  situation text not null
    check (situation in ('plan_disagreement', 'hot_event', 'assigned_case', 'cross_region', 'other')),
  title text not null check (length(trim(title)) > 0),
  initiating_org_id integer not null references org (id),
  places text not null,
  targets text not null,
  starts_on date not null,
  ends_on date not null check (ends_on >= starts_on),
  status text not null check (status in ('negotiating', 'coordination_requested', 'draft', 'proposed',
    'confirmed', 'running', 'closed')),
  coordination_reason text,
  coordination_requested_on date,
  proposal_number text,
  proposal_issued_on date,
  started_on date,
  summary text,
  closed_on date,
  created_by integer not null references user_account (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index coordination_joint_action_county_idx on coordination_joint_action (county_org_id, starts_on desc);

-- 发起和参与部门 and the division of duties (职责分工); each answers the plan once per version.
create table coordination_joint_participant (
  id integer generated always as identity primary key,
  action_id integer not null references coordination_joint_action (id) on delete cascade,
  org_id integer not null references org (id),
  role text not null check (role in ('initiator', 'participant')),
  duty text not null check (length(trim(duty)) > 0),
  response text not null default 'pending' check (response in ('pending', 'confirmed', 'objected')),
  response_note text,
  responded_on date,
  responded_by integer references user_account (id),
  unique (action_id, org_id)
);

create index coordination_joint_participant_org_idx on coordination_joint_participant (org_id);

create table coordination_joint_inspection (
  id integer generated always as identity primary key,
  action_id integer not null references coordination_joint_action (id) on delete cascade,
  held_on date not null,
  place text not null,
  org_names text not null,
  findings text not null,
  recorded_by integer not null references user_account (id),
  created_at timestamptz not null default now()
);

create index coordination_joint_inspection_action_idx on coordination_joint_inspection (action_id, held_on);

-- The Fazhi cases the action produced (a participating agency's case).
create table coordination_joint_case (
  action_id integer not null references coordination_joint_action (id) on delete cascade,
  case_id integer not null references enforcement_case (id),
  linked_by integer not null references user_account (id),
  created_at timestamptz not null default now(),
  primary key (action_id, case_id)
);
