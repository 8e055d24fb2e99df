-- 案卷评查专家库 (评查办法第九条), declared conflicts (第十条), each campaign's panel (评查小组,
-- 第十二条(二)), waivers of a conflict with the organiser's reason, and the assignments (第十一条).

-- A pool member, in the pool of a subtree (the county's, or an agency's for its internal reviews).
-- Every member scores through an account: an officer's own, or a reviewer account made for a
-- member from outside (人大代表, 政协委员, 专家学者, 律师), which sees only its assignments.
create table review_expert (
  id integer generated always as identity primary key,
  scope_path text not null,
  user_id integer not null references user_account (id),
  name text not null check (length(trim(name)) > 0),
  category text not null check (category in ('deputy', 'cppcc', 'scholar', 'lawyer', 'supervisor', 'officer', 'inspector')),
  expertise text[] not null default '{}',
  is_active boolean not null default true,
  note text,
  created_by_id integer references user_account (id),
  created_at timestamptz not null default now(),
  unique (scope_path, user_id)
);
create index review_expert_user_idx on review_expert (user_id);

-- What a member declares (or the organiser records by hand): a party or organisation they are
-- related to, a case they must stay out of, a unit they left (and when).
create table review_expert_declaration (
  id integer generated always as identity primary key,
  expert_id integer not null references review_expert (id) on delete cascade,
  kind text not null check (kind in ('party', 'org', 'case', 'former_unit')),
  party_name text,
  org_id integer references org (id),
  case_id integer references enforcement_case (id),
  left_on date,
  reason text not null check (length(trim(reason)) > 0),
  declared_by_id integer references user_account (id),
  declared_by_name text not null,
  declared_at timestamptz not null default now(),
  check (
    (kind = 'party' and party_name is not null)
    or (kind = 'org' and org_id is not null)
    or (kind = 'case' and case_id is not null)
    or (kind = 'former_unit' and org_id is not null and left_on is not null)
  )
);
create index review_expert_declaration_expert_idx on review_expert_declaration (expert_id);

create table review_panel_member (
  campaign_id integer not null references review_campaign (id) on delete cascade,
  expert_id integer not null references review_expert (id),
  added_at timestamptz not null default now(),
  primary key (campaign_id, expert_id)
);

create table review_waiver (
  id integer generated always as identity primary key,
  campaign_id integer not null references review_campaign (id) on delete cascade,
  file_id integer not null references review_file (id),
  expert_id integer not null references review_expert (id),
  code text not null,
  reason text not null check (length(trim(reason)) > 0),
  waived_by_id integer references user_account (id),
  waived_by_name text not null,
  waived_at timestamptz not null default now(),
  unique (file_id, expert_id, code)
);
create index review_waiver_campaign_idx on review_waiver (campaign_id);

create table review_assignment (
  id integer generated always as identity primary key,
  campaign_id integer not null references review_campaign (id) on delete cascade,
  file_id integer not null references review_file (id),
  expert_id integer not null references review_expert (id),
  source text not null default 'auto' check (source in ('auto', 'manual')),
  assigned_by_id integer references user_account (id),
  assigned_by_name text not null,
  assigned_at timestamptz not null default now(),
  unique (file_id, expert_id)
);
create index review_assignment_campaign_idx on review_assignment (campaign_id, file_id);
create index review_assignment_expert_idx on review_assignment (expert_id);
