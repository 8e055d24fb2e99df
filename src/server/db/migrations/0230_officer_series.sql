-- 序列 of an officer (issue 18 point 8): seed 003 篇1 splits 优秀 quotas "以领导和一般工作人员等不同
-- 系列"; a scheme's `per: series` quota or ranking pools officers by this column. Null = not set.
alter table officer add column series text check (series in ('leader', 'staff'));
