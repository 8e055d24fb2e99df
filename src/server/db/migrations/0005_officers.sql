-- Enforcement officers (seed 000 基本信息表): one profile per person, belonging to an org (an agency
-- or one of its sections), so it is scoped by org path like every other row. `user_id` links the
-- officer's own account (optional): an account with role officer sees only the profile linked to it.
create table officer (
  id integer generated always as identity primary key,
  org_id integer not null references org (id),
  user_id integer references user_account (id),
  name text not null check (length(trim(name)) > 0),
  gender text not null check (gender in ('male', 'female')),
  ethnicity text,
  education text,
  birth_date date,
  -- 职务
  position text,
  -- 执法岗位 / 执法职责
  post text,
  duties text,
  -- 何时取得行政执法资格 / 参加工作时间
  qualified_on date,
  started_work_on date,
  phone text,
  status text not null default 'active' check (status in ('active', 'transferred', 'retired', 'suspended')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index officer_org_idx on officer (org_id);
create index officer_status_idx on officer (status, org_id);
create unique index officer_user_unique on officer (user_id) where user_id is not null;

-- The photo in its own table as bytes: works on PGlite and PostgreSQL alike, and a backup of the
-- database is the whole archive. Type checked by content (magic bytes) before it gets here.
create table officer_photo (
  officer_id integer primary key references officer (id) on delete cascade,
  content_type text not null check (content_type in ('image/jpeg', 'image/png')),
  bytes bytea not null,
  updated_at timestamptz not null default now()
);

-- 执法岗位变更情况: one row per change, shown as a timeline.
create table post_change (
  id integer generated always as identity primary key,
  officer_id integer not null references officer (id) on delete cascade,
  changed_on date not null,
  from_post text,
  from_duties text,
  to_post text not null,
  to_duties text,
  reason text,
  created_at timestamptz not null default now()
);

create index post_change_officer_idx on post_change (officer_id, changed_on);
