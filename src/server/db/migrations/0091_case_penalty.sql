-- 行政执法数据年报 (issue 17, docs/workbench.md): a penalty case records which penalties it decided
-- (《行政处罚法》第九条: 警告/通报批评, 罚款, 没收违法所得/非法财物, 暂扣许可证件, 吊销许可证件,
-- 限制开展生产经营活动, 责令停产停业, 行政拘留, 其他) and the sums fined and confiscated, in yuan.
-- The report counts a case once under its heaviest penalty (src/common/penalties.ts).
alter table enforcement_case add column penalty_types text[] not null default '{}'
  check (penalty_types <@ array['warning', 'fine', 'confiscation', 'licence_suspension', 'licence_revocation',
                                'business_restriction', 'production_stop', 'detention', 'other']::text[]);
alter table enforcement_case add column fine_amount numeric(14, 2) check (fine_amount >= 0);
alter table enforcement_case add column confiscated_amount numeric(14, 2) check (confiscated_amount >= 0);
-- only a penalty case carries penalty types
alter table enforcement_case add constraint enforcement_case_penalty_types_need_penalty
  check (cardinality(penalty_types) = 0 or kind = 'penalty');
