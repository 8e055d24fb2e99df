-- Append-only, hash-chained audit log: each row's hash covers its content and the previous row's
-- hash, so `fazhi audit verify` finds the first row altered after the fact.
create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null,
  actor_id integer,
  actor_name text,
  action text not null,
  entity_type text not null,
  entity_id text,
  -- the organisation whose subtree the entry belongs to, for scoped browsing
  org_id integer,
  before jsonb,
  after jsonb,
  ip text,
  prev_hash text not null,
  hash text not null
);

create index audit_log_at_idx on audit_log (at);
create index audit_log_actor_idx on audit_log (actor_id);
create index audit_log_entity_idx on audit_log (entity_type, entity_id);

create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end;
$$;

create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_refuse_change();
