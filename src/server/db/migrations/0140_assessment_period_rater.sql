-- Named raters of a period (seed 004 第二章第二条: 局主要领导和分管领导按5:5的比例 rate every section).
-- The office names, per rating item, who rates in which rater role; once a rating item has named
-- raters, only they rate it (each in their named role, every subject of the period), and the
-- board and the to-do list count their sheets. Without names the raters are inferred from scope.
create table assessment_period_rater (
  period_id integer not null references assessment_period (id) on delete cascade,
  item text not null,
  user_id integer not null references user_account (id),
  role text not null,
  named_by integer references user_account (id),
  named_at timestamptz not null default now(),
  primary key (period_id, item, user_id)
);
create index assessment_period_rater_user on assessment_period_rater (user_id);
