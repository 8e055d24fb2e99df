-- An officer's own case list ("my cases, newest filing first") straight from case_handler: the
-- case's filing date copied onto its handler rows, with an index in that order. Without it the list
-- probed every case the officer handles for its date: 6,434 cases of one officer at 1,000,000 cases
-- took p95 282 ms on PostgreSQL (docs/cases.md, Benchmark).
-- Kept in step by the database, whoever writes: a handler row takes its case's date when inserted
-- without one, and a case's new filing date is copied to its handler rows.
alter table case_handler add column filed_on date;
update case_handler set filed_on = enforcement_case.filed_on
  from enforcement_case where enforcement_case.id = case_handler.case_id;
alter table case_handler alter column filed_on set not null;

create function case_handler_take_filed_on() returns trigger language plpgsql as $$
begin
  if new.filed_on is null or tg_op = 'UPDATE' then
    new.filed_on := (select filed_on from enforcement_case where id = new.case_id);
  end if;
  return new;
end
$$;
create trigger case_handler_filed_on before insert or update of case_id on case_handler
  for each row execute function case_handler_take_filed_on();

create function enforcement_case_copy_filed_on() returns trigger language plpgsql as $$
begin
  update case_handler set filed_on = new.filed_on where case_id = new.id;
  return null;
end
$$;
create trigger enforcement_case_filed_on after update of filed_on on enforcement_case
  for each row when (old.filed_on is distinct from new.filed_on)
  execute function enforcement_case_copy_filed_on();

-- serves every lookup of an officer's cases that case_handler_officer_idx served, so it replaces it
create index case_handler_officer_filed_idx on case_handler (officer_id, filed_on desc, case_id desc);
drop index case_handler_officer_idx;
