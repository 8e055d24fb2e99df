-- The 执法业绩考评汇总表's submission (seed 000 填表说明: 每年的元月15日之前，将上年度的执法业绩考评情况
-- 汇总，一式三份，本单位留存一份，分别报市依法治市领导小组办公室和市依法行政领导小组办公室各一份): one row
-- per unit, assessed year and recipient office, so the to-do and the warning know what is still out.
create table unit_summary_submission (
  id integer generated always as identity primary key,
  county_org_id integer not null references org (id),
  unit_org_id integer not null references org (id),
  year integer not null check (year between 2000 and 2100),
  recipient text not null check (recipient in ('rule_of_law_office', 'administration_office')),
  submitted_on date not null,
  submitted_by integer not null references user_account (id),
  note text,
  created_at timestamptz not null default now(),
  unique (unit_org_id, year, recipient)
);

create index unit_summary_submission_county_idx on unit_summary_submission (county_org_id, year);
