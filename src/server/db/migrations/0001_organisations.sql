-- Organisation tree (GLOSSARY: org kinds). `path` is the materialised ancestry, '/1/5/12/', so a
-- subtree is one indexed prefix match; moving an org rewrites its descendants' paths.
create table org (
  id integer generated always as identity primary key,
  parent_id integer references org (id),
  path text not null,
  kind text not null check (
    kind in ('government', 'justice_bureau', 'agency', 'township', 'justice_office', 'section', 'legal_unit', 'leading_group')
  ),
  name text not null check (length(trim(name)) > 0),
  short_name text,
  uscc text check (uscc is null or length(uscc) = 18),
  -- prefix of the org's document numbers, e.g. 博司监 in 博司监〔2024〕3号
  doc_prefix text,
  sort_order integer not null default 0,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index org_path_idx on org (path text_pattern_ops);
create index org_parent_idx on org (parent_id);
create unique index org_uscc_unique on org (uscc) where uscc is not null;
create unique index org_sibling_name_unique on org (coalesce(parent_id, 0), name);
