-- Accounts and their database-held sessions. Roles are the codes of DESIGN.md's role table.
create table user_account (
  id integer generated always as identity primary key,
  username text not null check (username ~ '^[A-Za-z0-9_.-]{3,32}$'),
  display_name text not null check (length(trim(display_name)) > 0),
  org_id integer not null references org (id),
  roles text[] not null check (
    cardinality(roles) > 0 and roles <@ array['admin', 'supervisor', 'legal_officer', 'officer', 'assessor', 'leader', 'reviewer', 'justice_office']
  ),
  phone text,
  password_hash text not null,
  must_change_password boolean not null default false,
  is_active boolean not null default true,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  password_changed_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create unique index user_account_username_unique on user_account (lower(username));
create index user_account_org_idx on user_account (org_id);

-- The cookie carries a random token; only its SHA-256 is stored, so a database dump opens no session.
create table user_session (
  token_hash text primary key,
  user_id integer not null references user_account (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now(),
  ip text,
  user_agent text
);

create index user_session_user_idx on user_session (user_id);
