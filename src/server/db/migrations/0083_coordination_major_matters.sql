-- 重大行政执法事项协调 (协调监督工作办法第九条): major or difficult enforcement matters logged,
-- discussed at meetings (会议记录) and resolved; and the bureau's periodic circular (定期通报) on
-- enforcement, generated from the period's records and edited before it is signed and issued.
create table coordination_major_matter (
  id integer generated always as identity primary key,
  county_org_id integer not null references org (id),
  title text not null check (length(trim(title)) > 0),
  description text not null,
  -- the agency or township the matter concerns (null: county-wide)
  org_id integer references org (id),
  raised_on date not null,
  status text not null check (status in ('open', 'discussed', 'resolved')),
  resolution text,
  resolved_on date,
  created_by integer not null references user_account (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index coordination_major_matter_county_idx on coordination_major_matter (county_org_id, raised_on desc);

create table coordination_matter_meeting (
  id integer generated always as identity primary key,
  matter_id integer not null references coordination_major_matter (id) on delete cascade,
  held_on date not null,
  attendees text not null,
  minutes text not null,
  recorded_by integer not null references user_account (id),
  created_at timestamptz not null default now()
);

create index coordination_matter_meeting_matter_idx on coordination_matter_meeting (matter_id, held_on);

-- 定期通报: the generated text is the draft the bureau edits; signed through the documents layer
-- (博司协 number), then never edited.
create table coordination_circular (
  id integer generated always as identity primary key,
  county_org_id integer not null references org (id),
  period_from date not null,
  period_to date not null check (period_to >= period_from),
  title text not null check (length(trim(title)) > 0),
  body text not null,
  status text not null check (status in ('draft', 'pending_sign', 'issued')),
  number text,
  issued_on date,
  signed_by_name text,
  sign_comment text,
  created_by integer not null references user_account (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index coordination_circular_county_idx on coordination_circular (county_org_id, period_to desc);
