-- Assessment schemes (考核方案), versioned (issue 6). A version is immutable: a changed file is a new
-- version, so a period keeps the rules it opened with and a published result can be re-explained.
-- org_id null = a preset shipped in schemes/, readable by every county; else the uploader's county.
create table scheme_version (
  id integer generated always as identity primary key,
  scheme_id text not null,
  version_no integer not null,
  content_hash text not null,
  org_id integer references org (id),
  source text not null check (source in ('preset', 'upload')),
  name text not null,
  subject_kind text not null,
  period_kind text not null,
  body jsonb not null,
  content text not null,
  created_by integer references user_account (id),
  created_at timestamptz not null default now()
);

create unique index scheme_version_no_idx on scheme_version (coalesce(org_id, 0), scheme_id, version_no);
create unique index scheme_version_hash_idx on scheme_version (coalesce(org_id, 0), scheme_id, content_hash);
