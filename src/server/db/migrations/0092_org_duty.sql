-- An agency's enforcement duties as data (issue 17, 行政执法数据年报): which kinds of enforcement it
-- holds (许可, 处罚, 强制, 检查, 征收 …, the case kinds). The annual report shows 0 for a duty held
-- without activity and 无相关职责 for a kind the agency does not hold.
create table org_duty (
  org_id integer not null references org (id) on delete cascade,
  case_kind text not null check (case_kind in ('penalty', 'licensing', 'coercion', 'inspection', 'levy',
                                               'confirmation', 'benefit', 'adjudication')),
  primary key (org_id, case_kind)
);
