-- 申诉 (seed 004 第四章第三条): within N working days of publication, decided within N working days.
create table assessment_appeal (
  id integer generated always as identity primary key,
  period_id integer not null references assessment_period (id) on delete cascade,
  subject_key text not null,
  reasons text not null,
  proof jsonb not null default '[]',
  submitted_on date not null,
  decide_by date not null,
  status text not null default 'pending' check (status in ('pending', 'upheld', 'rejected')),
  decision text,
  changes jsonb,
  before_result jsonb,
  after_result jsonb,
  submitted_by integer references user_account (id),
  decided_by integer references user_account (id),
  decided_on date,
  created_at timestamptz not null default now()
);

create index assessment_appeal_period_idx on assessment_appeal (period_id, subject_key);
