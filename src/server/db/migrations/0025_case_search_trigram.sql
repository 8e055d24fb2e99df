-- Keyword search by trigram where 0020 could not create it: PGlite databases made before the server
-- loaded the pg_trgm extension (src/server/db/database.ts). Where pg_trgm is still unavailable the
-- search keeps scanning search_text, as before.
do $$
begin
  begin
    create extension if not exists pg_trgm;
  exception when others then
    null;
  end;
  if exists (select 1 from pg_extension where extname = 'pg_trgm') then
    execute 'create index if not exists enforcement_case_search_trgm on enforcement_case using gin (search_text gin_trgm_ops)';
  end if;
end
$$;
