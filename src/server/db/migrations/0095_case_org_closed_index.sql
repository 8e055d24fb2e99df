-- The cockpit's record figures and the annual report count cases by closing date per org (issue 17).
-- On the org + filing-date index that meant reading every case filed up to the period's end (EXPLAIN at
-- 100,000 cases: 1,168 buffers for 28,726 matching rows); keyed on closing date it reads only those
-- (331 buffers, index-only). Partial: open cases have no closing date.
create index enforcement_case_org_closed_idx on enforcement_case (org_id, closed_on)
  include (kind, record_submitted_on, quality_grade)
  where closed_on is not null;
