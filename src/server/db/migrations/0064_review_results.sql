-- 案卷评查 results (seed 001 《行政执法案卷评查办法》 第十二条(五)–(九)、第十七–十九条): the re-review
-- (复评) as a further assignment whose sheet stands, manual assignment changes with their reasons,
-- publication, the units' files returned, objections (重点复核), the circular, rectification
-- reports, exemplary files and the 第十九条 marks.

-- 第十二条(五): a re-review is one more reviewer on a flagged file; their submitted sheet is the
-- file's result. 'initial' rows are the 一卷一评 reviewers of 第十一条.
alter table review_assignment add column kind text not null default 'initial'
  check (kind in ('initial', 'recheck'));
alter table review_assignment add column reason text;
alter table review_assignment add constraint review_assignment_recheck_reason
  check (kind = 'initial' or length(trim(reason)) > 0);

-- Every manual change of an assignment (add, remove, re-review), with its reason and the rules it
-- broke when the organiser accepted that, so the history stays visible after a row is deleted.
create table review_assignment_change (
  id integer generated always as identity primary key,
  campaign_id integer not null references review_campaign (id) on delete cascade,
  file_id integer not null references review_file (id),
  expert_id integer not null references review_expert (id),
  action text not null check (action in ('add', 'remove', 'recheck')),
  reason text not null check (length(trim(reason)) > 0),
  broken_rules text[] not null default '{}',
  changed_by_id integer references user_account (id),
  changed_by_name text not null,
  changed_at timestamptz not null default now()
);
create index review_assignment_change_campaign_idx on review_assignment_change (campaign_id, file_id);

-- 第十二条(六): publication to the reviewed units; the objection window (第十二条(七)) runs from
-- published_on for objection_days calendar days. 第十二条(八): the circular (通报), whose date starts
-- the 10 days of 第十七条.
alter table review_campaign add column published_on date;
alter table review_campaign add column published_by_name text;
alter table review_campaign add column circular_number text;
alter table review_campaign add column circular_issued_on date;

-- 第十二条(九): 评查工作结束后，应当及时退回被评查的案卷.
alter table review_campaign_unit add column files_returned_on date;
alter table review_campaign_unit add column files_returned_note text;
alter table review_campaign_unit add column files_returned_by_name text;

-- 第十八条: 优秀案卷 marked by the organiser into the showcase; 第十九条(一)–(五): the failing file's
-- grounds for a supervision notice, and the draft notice it raised.
alter table review_file add column exemplary_at timestamptz;
alter table review_file add column exemplary_by_name text;
alter table review_file add column exemplary_note text;
alter table review_file add column article19_grounds integer[] not null default '{}';
alter table review_file add column article19_note text;
alter table review_file add column notice_id integer;
create index review_file_exemplary_idx on review_file (exemplary_at) where exemplary_at is not null;

-- 第十二条(七): 被评查单位对评查报告有较大争议的，应当重点复核. One objection per file at a time.
create table review_objection (
  id integer generated always as identity primary key,
  campaign_id integer not null references review_campaign (id) on delete cascade,
  file_id integer not null references review_file (id),
  unit_org_id integer not null references org (id),
  reasons text not null check (length(trim(reasons)) > 0),
  proof text,
  filed_by_id integer references user_account (id),
  filed_by_name text not null,
  filed_at timestamptz not null default now(),
  state text not null default 'pending' check (state in ('pending', 'upheld', 'refused')),
  score_before text,
  changed_score_tenths integer check (changed_score_tenths between 0 and 1000),
  decision_reason text,
  decided_by_name text,
  decided_at timestamptz,
  check (state = 'pending' or length(trim(decision_reason)) > 0),
  check (state <> 'upheld' or changed_score_tenths is not null)
);
create index review_objection_campaign_idx on review_objection (campaign_id, unit_org_id);
create unique index review_objection_pending_unique on review_objection (file_id) where state = 'pending';

-- 第十七条: 整改报告 within 10 days of the circular; the organiser accepts it or returns it (then
-- the unit files again: every submission is a row, so the history stays).
create table review_rectification (
  id integer generated always as identity primary key,
  campaign_id integer not null references review_campaign (id) on delete cascade,
  unit_org_id integer not null references org (id),
  report text not null check (length(trim(report)) > 0),
  attachment_names text[] not null default '{}',
  submitted_by_id integer references user_account (id),
  submitted_by_name text not null,
  submitted_at timestamptz not null default now(),
  state text not null default 'submitted' check (state in ('submitted', 'accepted', 'returned')),
  decision_note text,
  decided_by_name text,
  decided_at timestamptz,
  check (state <> 'returned' or length(trim(decision_note)) > 0)
);
create index review_rectification_campaign_idx on review_rectification (campaign_id, unit_org_id, id desc);
