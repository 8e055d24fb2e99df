-- Supervision notices (行政执法监督通知书, 协调监督工作办法 第十五条): to one unit, with the facts
-- found, the reasons and legal basis, what must be corrected and by when; signed off by a leader
-- (documents domain sign-off), numbered from the bureau's register (博司监〔2026〕3号) when signed,
-- served (date, manner, receiver), and answered by the unit's written report within 30 calendar
-- days of receipt, which the supervisor accepts (closing it) or returns with reasons. Once issued a
-- notice is never edited: only withdrawn with a reason.
create table supervision_notice (
  id integer generated always as identity primary key,
  matter_id integer not null references supervision_matter (id),
  unit_org_id integer not null references org (id),
  issuer_org_id integer not null references org (id),
  case_id integer references enforcement_case (id),
  case_file_id integer references case_file (id),
  facts text not null,
  reasons text not null,
  legal_basis text not null,
  required_correction text not null,
  correction_due_on date not null,
  state text not null default 'draft' check (state in ('draft', 'awaiting_sign_off', 'issued', 'served', 'reported', 'returned', 'accepted', 'withdrawn')),
  sign_comment text,
  number text unique,
  year integer,
  sequence integer,
  signed_by text,
  issued_on date,
  served_on date,
  service_manner text,
  service_receiver text,
  report_due_on date,
  closed_on date,
  withdrawn_reason text,
  created_by integer references user_account (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((number is null) = (issued_on is null)),
  check (state in ('draft', 'awaiting_sign_off') or number is not null or state = 'withdrawn'),
  check ((served_on is null) = (report_due_on is null))
);

create index supervision_notice_matter_idx on supervision_notice (matter_id);
create index supervision_notice_unit_idx on supervision_notice (unit_org_id, state, report_due_on);
create index supervision_notice_state_idx on supervision_notice (state, report_due_on);

-- The unit's written reports on a notice (落实情况书面报告): each submission is kept, with the
-- supervisor's decision on it (accepted, or returned with reasons).
create table supervision_rectification (
  id integer generated always as identity primary key,
  notice_id integer not null references supervision_notice (id),
  content text not null,
  submitted_on date not null,
  submitted_by integer references user_account (id),
  state text not null default 'submitted' check (state in ('submitted', 'accepted', 'returned')),
  reviewed_on date,
  reviewed_by integer references user_account (id),
  return_reason text,
  created_at timestamptz not null default now(),
  check (state <> 'returned' or return_reason is not null)
);

create index supervision_rectification_notice_idx on supervision_rectification (notice_id, id);
