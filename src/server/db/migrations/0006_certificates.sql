-- 行政执法证 and its 年审 records. The state (有效/临期/过期) is derived from valid_until and the
-- day asked about; only suspension (暂扣) and revocation (注销) are stored, as flags.
create table certificate (
  id integer generated always as identity primary key,
  officer_id integer not null references officer (id) on delete cascade,
  number text not null check (length(trim(number)) > 0),
  issuer text not null,
  area text not null,
  categories text[] not null default '{}',
  issued_on date not null,
  valid_until date not null check (valid_until >= issued_on),
  is_suspended boolean not null default false,
  is_revoked boolean not null default false,
  note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- unique county-wide (and wider: one database holds one county or a whole city)
create unique index certificate_number_unique on certificate (upper(number));
create index certificate_officer_idx on certificate (officer_id, issued_on desc, id desc);
create index certificate_valid_until_idx on certificate (valid_until);

create table certificate_review (
  id integer generated always as identity primary key,
  certificate_id integer not null references certificate (id) on delete cascade,
  reviewed_on date not null,
  result text not null check (result in ('pass', 'fail')),
  note text,
  created_at timestamptz not null default now()
);

create index certificate_review_certificate_idx on certificate_review (certificate_id, reviewed_on);
