-- Supervision decisions (行政执法监督决定书, 协调监督工作办法 第十五条): when a unit does not correct
-- by the notice's deadline or refuses to, the bureau asks the county government (报请本级人民政府)
-- for a decision. The request is the bureau's own document (signed off by a leader, numbered from
-- 博司监 when signed); the decision is the government's, recorded with the government's own number
-- and date, of one of the kinds 确认无效 / 确认违法 / 变更 / 撤销 / 其他. Once served, the unit reports
-- in writing within 30 calendar days of receipt, which the supervisor accepts or returns.
create table supervision_decision (
  id integer generated always as identity primary key,
  notice_id integer not null references supervision_notice (id),
  case_id integer references enforcement_case (id),
  ground text not null check (ground in ('overdue', 'refused')),
  request_reason text not null,
  proposed_kind text not null check (proposed_kind in ('void', 'illegal', 'change', 'revoke', 'other')),
  state text not null default 'draft' check (state in ('draft', 'awaiting_sign_off', 'requested', 'decided', 'reported', 'returned', 'accepted', 'withdrawn')),
  sign_comment text,
  request_number text unique,
  request_year integer,
  request_sequence integer,
  request_signed_by text,
  requested_on date,
  kind text check (kind in ('void', 'illegal', 'change', 'revoke', 'other')),
  decision_number text,
  decided_on date,
  decision_content text,
  served_on date,
  report_due_on date,
  recorded_by integer references user_account (id),
  closed_on date,
  withdrawn_reason text,
  created_by integer references user_account (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((request_number is null) = (requested_on is null)),
  check ((decision_number is null) = (decided_on is null)),
  check ((decision_number is null) = (kind is null)),
  check (state in ('draft', 'awaiting_sign_off', 'withdrawn') or request_number is not null),
  check (state not in ('decided', 'reported', 'returned', 'accepted') or decision_number is not null),
  check ((served_on is null) = (report_due_on is null))
);

create index supervision_decision_notice_idx on supervision_decision (notice_id);
create index supervision_decision_case_idx on supervision_decision (case_id) where case_id is not null;
create index supervision_decision_state_idx on supervision_decision (state, report_due_on);

-- The unit's written reports on a decision are kept as the reports on a notice are.
alter table supervision_rectification add column decision_id integer references supervision_decision (id);
alter table supervision_rectification alter column notice_id drop not null;
alter table supervision_rectification
  add constraint supervision_rectification_owner_check check (num_nonnulls(notice_id, decision_id) = 1);
create index supervision_rectification_decision_idx on supervision_rectification (decision_id, id)
  where decision_id is not null;
