-- Whether the case-file standard binds a case kind's files, per county (issue 18 point 2).
-- 案卷制作规范第九条 gives the catalogues of licensing and penalty files (行政强制 documents sit in
-- the penalty catalogue, 第九条(二)10, 20–22); 第十八条 says 行政检查、征收、确认、给付、裁决 files
-- "可以参照本规范执行". So for those kinds the catalogue is advisory by default: its findings are
-- suggestions and do not block archiving. A county's admin may make the standard binding for a
-- kind (or advisory for one it binds by default) with a row here; without a row the default of
-- catalogue.ts STANDARD_BINDS applies.
create table file_kind_standard (
  id integer generated always as identity primary key,
  org_id integer not null references org (id),
  case_kind text not null,
  is_binding boolean not null,
  updated_by integer references user_account (id),
  updated_at timestamptz not null default now(),
  unique (org_id, case_kind)
);
