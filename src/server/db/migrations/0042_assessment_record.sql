-- Deductions, bonuses, ratings and triggers recorded in a period, and proposals made from data
-- Fazhi already holds (status 'proposed' until an assessor confirms or dismisses them).
create table assessment_record (
  id integer generated always as identity primary key,
  period_id integer not null references assessment_period (id) on delete cascade,
  subject_key text not null,
  item text not null,
  occurred_on date not null,
  count integer not null default 1 check (count > 0),
  value text,
  level text,
  fact text,
  rater text,
  note text,
  evidence_kind text check (evidence_kind in ('case', 'complaint', 'case_file', 'attachment', 'link')),
  evidence_id text,
  kind text not null default 'record' check (kind in ('record', 'rating')),
  status text not null default 'active' check (status in ('active', 'proposed', 'dismissed', 'withdrawn')),
  proposal_key text,
  created_by integer references user_account (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index assessment_record_period_idx on assessment_record (period_id, subject_key);
create unique index assessment_record_proposal_idx on assessment_record (period_id, proposal_key)
  where proposal_key is not null;

-- 自查自评: a subject's own claims, scored apart from the official total (selfTotal).
create table self_assessment (
  period_id integer not null references assessment_period (id) on delete cascade,
  subject_key text not null,
  items jsonb not null,
  note text,
  submitted_on date not null,
  submitted_by integer references user_account (id),
  submitted_at timestamptz not null default now(),
  primary key (period_id, subject_key)
);
