-- 案卷评查 (seed 001 《行政执法案卷评查办法》): campaigns, the units under review and their file
-- lists (第二十条), the seeded draws (随机抽查) and the files in review with every manual change.

-- A campaign (评查活动). scope_path is the subtree it covers: the county root for a county campaign
-- run by the justice bureau (第六条 first sentence), an agency's path for the agency's own internal
-- review run by its legal-affairs unit (第六条 second sentence). Every read and write is scoped by it.
create table review_campaign (
  id integer generated always as identity primary key,
  organiser_org_id integer not null references org (id),
  scope_path text not null,
  level text not null check (level in ('county', 'agency')),
  name text not null check (length(trim(name)) > 0),
  year integer not null check (year between 2000 and 2100),
  method text not null check (method in ('full', 'key', 'special', 'random')),
  regularity text not null check (regularity in ('regular', 'irregular')),
  case_kinds text[] not null,
  closed_from date not null,
  closed_to date not null check (closed_to >= closed_from),
  include_litigated boolean not null default false,
  requirements text,
  file_list_due_on date not null,
  scoring_due_on date not null,
  objection_days integer not null default 5 check (objection_days between 1 and 60),
  reviewers_per_file integer not null default 2 check (reviewers_per_file >= 2),
  reviewer_cap integer not null default 30 check (reviewer_cap >= 1),
  divergence_threshold numeric(5, 2) not null default 10 check (divergence_threshold > 0),
  state text not null default 'planning' check (state in ('planning', 'drawn', 'scoring', 'published', 'closed')),
  created_by_id integer references user_account (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index review_campaign_scope_idx on review_campaign (scope_path, year desc, id desc);

-- The organisations under review, each with its file list (如实上报案卷目录, 第二十条): the cases it
-- confirmed as in scope, who confirmed and when.
create table review_campaign_unit (
  campaign_id integer not null references review_campaign (id) on delete cascade,
  org_id integer not null references org (id),
  list_submitted_at timestamptz,
  list_submitted_by_id integer references user_account (id),
  list_submitted_by_name text,
  list_note text,
  list_case_count integer,
  primary key (campaign_id, org_id)
);
create index review_campaign_unit_org_idx on review_campaign_unit (org_id);

create table review_unit_file (
  campaign_id integer not null,
  org_id integer not null,
  case_id integer not null references enforcement_case (id),
  primary key (campaign_id, org_id, case_id),
  foreign key (campaign_id, org_id) references review_campaign_unit (campaign_id, org_id) on delete cascade
);

-- One seeded draw: the parameters, the seed, and a digest of the eligible set in canonical order, so
-- anyone can re-run it and get the same files (sampling.rules.ts documents the algorithm).
create table review_draw (
  id integer generated always as identity primary key,
  campaign_id integer not null references review_campaign (id) on delete cascade,
  seed text not null,
  params jsonb not null,
  eligible_count integer not null,
  eligible_digest text not null,
  drawn_count integer not null,
  drawn_digest text not null,
  drawn_by_id integer references user_account (id),
  drawn_by_name text not null,
  drawn_at timestamptz not null default now()
);
create index review_draw_campaign_idx on review_draw (campaign_id, id desc);

-- The files in review. A removed file keeps its row (removed_*), so the history of manual changes
-- after the draw stays visible.
create table review_file (
  id integer generated always as identity primary key,
  campaign_id integer not null references review_campaign (id) on delete cascade,
  case_id integer not null references enforcement_case (id),
  unit_org_id integer not null references org (id),
  source text not null check (source in ('draw', 'manual')),
  draw_id integer references review_draw (id),
  added_reason text,
  added_by_id integer references user_account (id),
  added_by_name text,
  added_at timestamptz not null default now(),
  removed_reason text,
  removed_by_id integer references user_account (id),
  removed_by_name text,
  removed_at timestamptz,
  check (source = 'draw' or length(trim(added_reason)) > 0),
  check (removed_at is null or length(trim(removed_reason)) > 0)
);
create unique index review_file_live_unique on review_file (campaign_id, case_id) where removed_at is null;
create index review_file_campaign_idx on review_file (campaign_id, unit_org_id);
