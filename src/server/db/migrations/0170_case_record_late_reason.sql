-- A case record handed in after its due date (closing + 30 days, seed 000 案件记录表 填表说明1) says
-- why (issue 19: an 8-month-overdue record was sent without a word); null when handed in on time.
alter table enforcement_case add column record_late_reason text;
