-- Scoring (评查办法第十四–十六条): criteria as versioned data, and each reviewer's score sheet.
-- The county standard (第十四条: 全县统一的标准) is version 1 of 'county': 第十五条's thirteen criteria
-- with points on a 100-point scale and the band bounds of 第十六条 as parameters. A campaign keeps
-- the version it started with; an agency may add its own internal standard (scope_path set).
create table review_criteria_version (
  id integer generated always as identity primary key,
  code text not null,
  version integer not null,
  name text not null,
  scope_path text,
  criteria jsonb not null,
  excellent_from numeric(5, 1) not null,
  pass_from numeric(5, 1) not null check (pass_from < excellent_from),
  created_at timestamptz not null default now(),
  unique (code, version)
);

insert into review_criteria_version (code, version, name, scope_path, criteria, excellent_from, pass_from) values (
  'county', 1, '博湖县行政执法案卷评查标准（评查办法第十五条）', null,
  '[
    {"no": 1, "title": "行政执法主体是否合法，行政执法人员是否具有执法资格", "points": 10, "notes": "主体不合法的，本项不得分，案卷评为不合格（第十九条(一)）"},
    {"no": 2, "title": "认定事实是否清楚，证据是否确实、充分", "points": 15, "notes": "主要事实无证据证明的，本项不得分（第十九条(四)）"},
    {"no": 3, "title": "适用法律、法规、规章是否准确", "points": 10, "notes": "无法定依据或适用法律错误的，本项不得分（第十九条(三)）"},
    {"no": 4, "title": "行政执法程序是否合法正当", "points": 15, "notes": "程序违法影响实体判断的，本项不得分（第十九条(二)）"},
    {"no": 5, "title": "行政执法公示、全过程记录和重大执法决定法制审核制度是否执行到位", "points": 8, "notes": ""},
    {"no": 6, "title": "自由裁量权行使是否规范、合理", "points": 8, "notes": ""},
    {"no": 7, "title": "办案与审核分离、罚缴分离执行是否到位", "points": 4, "notes": ""},
    {"no": 8, "title": "行政执法文书使用是否完整、制作是否规范，相关票据使用是否准确", "points": 8, "notes": "参考案卷完整性检查结果"},
    {"no": 9, "title": "是否依法准确告知救济程序的途径和时限", "points": 4, "notes": ""},
    {"no": 10, "title": "作出的行政处理决定是否合法有效", "points": 6, "notes": ""},
    {"no": 11, "title": "依法应当移送的案件是否移送", "points": 2, "notes": ""},
    {"no": 12, "title": "立卷、归档是否符合有关规定，应当报告、备案的事项是否及时报备", "points": 6, "notes": "参考案卷完整性检查结果"},
    {"no": 13, "title": "法律、法规和规章等规定的其他事项", "points": 4, "notes": ""}
  ]'::jsonb,
  90, 60
);

alter table review_campaign add column criteria_version_id integer references review_criteria_version (id);
update review_campaign set criteria_version_id = (select id from review_criteria_version where code = 'county' and version = 1);

-- 第十条: 独立评分，书面记录评查得分、扣分理由并签名. One sheet per assignment; items are
-- [{no, deductedTenths, reason}]; submitted_at + signer_name are the signature, after which the
-- sheet no longer changes.
create table review_sheet (
  id integer generated always as identity primary key,
  assignment_id integer not null unique references review_assignment (id) on delete cascade,
  campaign_id integer not null references review_campaign (id) on delete cascade,
  file_id integer not null references review_file (id),
  expert_id integer not null references review_expert (id),
  items jsonb not null,
  total_tenths integer not null check (total_tenths between 0 and 1000),
  note text,
  submitted_at timestamptz,
  signer_name text,
  updated_at timestamptz not null default now(),
  check ((submitted_at is null) = (signer_name is null))
);
create index review_sheet_file_idx on review_sheet (file_id);
