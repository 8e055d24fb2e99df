-- Admin-set working-day overrides for years the chinese-days package does not know yet, or for
-- local decisions; an override always wins over the package.
create table calendar_override (
  day date primary key,
  is_working_day boolean not null,
  note text,
  updated_by integer references user_account (id),
  updated_at timestamptz not null default now()
);
