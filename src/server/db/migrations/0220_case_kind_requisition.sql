-- 行政征用 (requisition) becomes a case kind: the annual enforcement statistics report (issue 17,
-- 行政执法数据年报) counts 许可, 处罚, 强制, 检查, 征收, 征用 and the other kinds Fazhi holds, and an
-- agency holds the duty or shows 无相关职责 for it.
alter table enforcement_case drop constraint enforcement_case_kind_check;
alter table enforcement_case add constraint enforcement_case_kind_check
  check (kind in ('penalty', 'licensing', 'coercion', 'inspection', 'levy', 'requisition', 'confirmation',
                  'benefit', 'adjudication'));

alter table org_duty drop constraint org_duty_case_kind_check;
alter table org_duty add constraint org_duty_case_kind_check
  check (case_kind in ('penalty', 'licensing', 'coercion', 'inspection', 'levy', 'requisition',
                       'confirmation', 'benefit', 'adjudication'));
