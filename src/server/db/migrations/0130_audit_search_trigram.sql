-- Audit search (issue 19): the box says 对象或内容, so a keyword also matches the entity and the
-- before/after snapshots, not only the operator and the action. One immutable function builds the
-- searched text, so the trigram index and the query's expression are the same; the action index
-- serves the action filter (and keywords that name an action's Chinese label) on a million rows.
create extension if not exists pg_trgm;

create function audit_search_text(actor_name text, entity_type text, entity_id text, before jsonb, after jsonb)
  returns text
  language sql
  immutable
  parallel safe
as $$
  select coalesce(actor_name, '') || ' ' || entity_type || ' ' || coalesce(entity_id, '') || ' '
    || coalesce(before::text, '') || ' ' || coalesce(after::text, '')
$$;

create index audit_log_search_trgm on audit_log
  using gin (audit_search_text(actor_name, entity_type, entity_id, before, after) gin_trgm_ops);

create index audit_log_action_idx on audit_log (action, id);
