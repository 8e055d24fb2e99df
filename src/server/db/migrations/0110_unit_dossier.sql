-- Unit law-based-administration assessment (依法行政考核, seed 002, issue 20): the per-unit dossier
-- (依法行政档案, 三(二): 考核机关对考核对象逐一建立依法行政档案，动态记录…) and the category a unit is
-- assessed in (乡镇 / 县直部门 / 垂直管理单位, 一(二)). Entries are what the office or the unit types;
-- what Fazhi already holds (cases, disputes, notices, review results) is read live, never copied.

-- A unit's category when it is not the default of its kind (township → 乡镇, agency → 县直部门):
-- a 省市垂直管理单位 is an agency the office marks so.
create table unit_category (
  org_id integer primary key references org (id),
  category text not null check (category in ('township', 'county_department', 'vertical')),
  updated_by integer references user_account (id),
  updated_at timestamptz not null default now()
);

create table unit_dossier_entry (
  id integer generated always as identity primary key,
  county_org_id integer not null references org (id),
  unit_org_id integer not null references org (id),
  year integer not null check (year between 2000 and 2100),
  kind text not null check (kind in ('document', 'meeting', 'normative_filing', 'training',
    'decision', 'disclosure', 'other')),
  title text not null check (length(trim(title)) > 0),
  occurred_on date not null,
  content text,
  -- who put it in: the office (考核机关) or the unit itself (考核对象…及时报送有关资料)
  added_side text not null check (added_side in ('office', 'unit')),
  created_by integer not null references user_account (id),
  created_at timestamptz not null default now()
);

-- the unit list counts entries per unit of one county and year (index-only)
create index unit_dossier_entry_county_year_idx on unit_dossier_entry (county_org_id, year, unit_org_id);
create index unit_dossier_entry_unit_idx on unit_dossier_entry (unit_org_id, year, occurred_on desc);
