-- Enforcement cases and their case records (seed 000 案件记录表, one per case). `enforcement_case`
-- because `case` is an SQL keyword. A case belongs to an org (the agency or one of its sections),
-- so it is scoped by org path like every other row. Signatures (办案意见, 办案结果) and the legal
-- unit's quality analysis keep who signed and when; the signer's name is copied so a renamed or
-- deleted account does not change a signed record.
create table enforcement_case (
  id integer generated always as identity primary key,
  org_id integer not null references org (id),
  kind text not null check (kind in ('penalty', 'licensing', 'coercion', 'inspection', 'levy', 'confirmation', 'benefit', 'adjudication')),
  case_no text not null check (length(trim(case_no)) > 0),
  name text not null check (length(trim(name)) > 0),
  source text not null,
  filed_on date not null,
  closed_on date check (closed_on is null or closed_on >= filed_on),
  summary text,
  process text,
  opinion text,
  opinion_signer_id integer references user_account (id),
  opinion_signer_name text,
  opinion_signed_at timestamptz,
  result text,
  result_signer_id integer references user_account (id),
  result_signer_name text,
  result_signed_at timestamptz,
  quality_opinion text,
  quality_grade text check (quality_grade in ('excellent', 'pass', 'fail')),
  quality_by_id integer references user_account (id),
  quality_by_name text,
  quality_at timestamptz,
  -- 填表说明1: the record is handed to the legal unit within 30 days of closing
  record_submitted_on date,
  -- seed 000 奖惩记录表 专项执法情况: 督办案件, 交办案件, 查处影响本地区社会稳定的重大事项
  is_supervised boolean not null default false,
  is_assigned boolean not null default false,
  is_major_stability boolean not null default false,
  -- parties' names, kept in step by the service, so lists and search need no join
  party_names text not null default '',
  search_text text generated always as (case_no || ' ' || name || ' ' || party_names) stored,
  created_by integer references user_account (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create unique index enforcement_case_no_unique on enforcement_case (upper(case_no));
create index enforcement_case_org_filed_idx on enforcement_case (org_id, filed_on desc, id desc);
create index enforcement_case_filed_idx on enforcement_case (filed_on desc, id desc);
create index enforcement_case_kind_filed_idx on enforcement_case (kind, filed_on desc);
-- records still to hand in: the due / late lists
create index enforcement_case_record_due_idx on enforcement_case (closed_on) where record_submitted_on is null and closed_on is not null;

-- Keyword search: a trigram index where pg_trgm is available (PostgreSQL); PGlite without the
-- contrib extension loaded falls back to a scan of search_text (measured in bench/cases.bench.ts).
do $$
begin
  begin
    create extension if not exists pg_trgm;
  exception when others then
    null;
  end;
  if exists (select 1 from pg_extension where extname = 'pg_trgm') then
    execute 'create index enforcement_case_search_trgm on enforcement_case using gin (search_text gin_trgm_ops)';
  end if;
end
$$;

-- 当事人: a person (name, gender, ID number, address, phone) or an organisation (name, credit
-- code, legal representative, address, phone). Full ID numbers and phones are stored; reads mask them.
create table case_party (
  id integer generated always as identity primary key,
  case_id integer not null references enforcement_case (id) on delete cascade,
  kind text not null check (kind in ('person', 'organization')),
  name text not null check (length(trim(name)) > 0),
  gender text check (gender in ('male', 'female')),
  id_number text,
  uscc text,
  legal_representative text,
  address text,
  phone text,
  sort_order integer not null default 0
);

create index case_party_case_idx on case_party (case_id, sort_order);

-- 执法人 (承办人): at least two per case, each with a certificate in force on the filing date; the
-- number used is kept as of filing.
create table case_handler (
  case_id integer not null references enforcement_case (id) on delete cascade,
  officer_id integer not null references officer (id),
  certificate_number text not null,
  sort_order integer not null default 0,
  primary key (case_id, officer_id)
);

create index case_handler_officer_idx on case_handler (officer_id, case_id);
