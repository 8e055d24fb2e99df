-- 工作记实 (seed 001 平时考核制度第十一条(二)): daily or weekly entries and periodic self-evaluations,
-- written by the officer, read by their legal officer and leaders.
create table work_log (
  id integer generated always as identity primary key,
  officer_id integer not null references officer (id) on delete cascade,
  kind text not null check (kind in ('daily', 'weekly', 'self_evaluation')),
  period_start date not null,
  period_end date not null check (period_end >= period_start),
  content text not null check (length(trim(content)) > 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index work_log_officer_idx on work_log (officer_id, period_start);
