-- 行政执法数据年报 (issue 17): an agency's legal unit hands in the year's report by 31 January of the
-- next year; this records that it did (the to-do and the warning stop once it is here). The report's
-- figures are never stored: they are computed from the records whenever it is opened or printed.
create table annual_report_submission (
  org_id integer not null references org (id),
  year integer not null check (year between 2000 and 2100),
  submitted_by integer references user_account (id),
  submitted_by_name text not null,
  submitted_at timestamptz not null default now(),
  primary key (org_id, year)
);
