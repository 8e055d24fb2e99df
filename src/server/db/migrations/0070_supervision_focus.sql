-- The yearly focus list of enforcement supervision (协调监督工作办法 第十二条: 重点领域, adjusted
-- by what daily work, 人大代表建议, 政协委员提案, 投诉举报 and 热点 bring up). Data the bureau edits:
-- one row per focus item of a county (the tree root) and year.
create table supervision_focus (
  id integer generated always as identity primary key,
  county_org_id integer not null references org (id),
  year integer not null check (year between 2000 and 2100),
  field text not null check (field in ('food_drug', 'ecology', 'work_safety', 'urban_rural', 'labour', 'education', 'other')),
  title text not null,
  description text,
  sort_order integer not null default 0,
  is_active boolean not null default true,
  created_by integer references user_account (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (county_org_id, year, title)
);
