-- An officer's to-do list (issue 17, bench/dashboard.bench.ts): "records I still have to hand in" probes
-- each case the officer handles (665 for the demo officer at 100,000 cases) for its hand-in state. On
-- the table that was one heap page per case (EXPLAIN: 2,004 buffers, 28 ms); from this partial
-- covering index, only the unsubmitted closed cases, it is an index-only probe (10 ms, then 7 ms warm).
create index enforcement_case_record_unsubmitted_idx on enforcement_case (id)
  include (org_id, case_no, closed_on)
  where record_submitted_on is null and closed_on is not null;
