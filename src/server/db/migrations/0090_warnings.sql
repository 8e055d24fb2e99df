-- Warnings as data (issue 17, docs/workbench.md). A county's rules say what a built-in indicator
-- watches (its code, in the domains' *.todos.ts), with which thresholds, at which tier
-- (提醒 notice / 预警 warning / 报警 alarm), for whom (roles, and whether only county-level holders
-- or also the unit's) and whether it runs. Defaults are inserted per county by the service.
create table warning_rule (
  id integer generated always as identity primary key,
  county_org_id integer not null references org (id),
  indicator_code text not null,
  params jsonb not null default '{}',
  tier text not null check (tier in ('notice', 'warning', 'alarm')),
  recipient_roles text[] not null check (cardinality(recipient_roles) > 0),
  recipient_level text not null check (recipient_level in ('county', 'unit')),
  is_enabled boolean not null default true,
  updated_by integer references user_account (id),
  updated_at timestamptz not null default now(),
  unique (county_org_id, indicator_code)
);

-- One alert per cause while it lasts: raised by a pass, closed by the first pass that no longer
-- finds its cause; closed alerts stay as history.
create table warning_alert (
  id integer generated always as identity primary key,
  rule_id integer not null references warning_rule (id) on delete cascade,
  county_org_id integer not null references org (id),
  cause_key text not null,
  org_id integer not null references org (id),
  -- accounts the cause is personally theirs (a case's handlers, the officer short of training):
  -- they receive it though their scope is only their own rows
  user_ids integer[] not null default '{}',
  tier text not null check (tier in ('notice', 'warning', 'alarm')),
  message text not null,
  link text not null,
  value numeric,
  raised_at timestamptz not null default now(),
  closed_at timestamptz
);

-- never two open alerts for one cause of one rule
create unique index warning_alert_open_cause on warning_alert (rule_id, cause_key) where closed_at is null;
create index warning_alert_county_idx on warning_alert (county_org_id, raised_at desc);

-- 已读回执: who read which alert, when.
create table warning_alert_read (
  alert_id integer not null references warning_alert (id) on delete cascade,
  user_id integer not null references user_account (id),
  read_at timestamptz not null default now(),
  primary key (alert_id, user_id)
);

-- Each pass over a county: when, how long, what it raised and closed (the admin page shows the last).
create table warning_pass (
  id integer generated always as identity primary key,
  county_org_id integer not null references org (id),
  trigger text not null check (trigger in ('start', 'nightly', 'manual')),
  started_at timestamptz not null,
  duration_ms integer not null,
  raised integer not null,
  closed integer not null,
  open_after integer not null,
  triggered_by integer references user_account (id)
);

create index warning_pass_county_idx on warning_pass (county_org_id, started_at desc);
