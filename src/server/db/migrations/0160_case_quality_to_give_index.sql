-- The legal officer's 质量分析 to-dos (cases.todos.ts, findQualityToGive): cases of the agency whose
-- record is handed in and still has no quality grade, oldest hand-in first. Without this index the
-- query read every case of the agency (84k of 1M in bench/dashboard.bench.ts) to keep a few dozen;
-- the partial index holds only the waiting ones, in the order the to-do list reads them.
create index enforcement_case_quality_to_give_idx on enforcement_case (org_id, record_submitted_on, id)
  include (case_no)
  where record_submitted_on is not null and quality_grade is null;
