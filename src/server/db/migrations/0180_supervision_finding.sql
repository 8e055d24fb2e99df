-- Misconduct findings about officers (issue 15: 执法过错认定, 执法过错责任追究, 违法违纪被查处,
-- 国家赔偿追偿, 执法工作惩处 such as 通报批评), recorded by the matter's supervisor from an issued
-- notice or a decided 行政执法监督决定书 (协调监督办法第十五条, 第二十三条). They fill seed 000
-- 奖惩记录表's columns on the officer's archive and become proposed records in the officer's open
-- assessment period. Never edited; one recorded in error is withdrawn with a reason.
create table supervision_finding (
  id integer generated always as identity primary key,
  notice_id integer references supervision_notice (id),
  decision_id integer references supervision_decision (id),
  officer_id integer not null references officer (id),
  kind text not null check (kind in ('fault_finding', 'fault_accountability', 'discipline', 'compensation_recovery', 'sanction')),
  found_on date not null,
  description text not null,
  withdrawn_reason text,
  withdrawn_at timestamptz,
  created_by integer references user_account (id),
  created_at timestamptz not null default now(),
  check ((notice_id is null) <> (decision_id is null)),
  check ((withdrawn_reason is null) = (withdrawn_at is null))
);

create index supervision_finding_officer_idx on supervision_finding (officer_id, found_on);
create index supervision_finding_notice_idx on supervision_finding (notice_id);
create index supervision_finding_decision_idx on supervision_finding (decision_id);
