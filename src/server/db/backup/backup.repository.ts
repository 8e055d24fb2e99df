/**
 * What these queries need of a connection: a `pg` client, or the old PGlite database that
 * `fazhi migrate-from-pglite` reads (its `query` has the same shape).
 */
export interface Queryable {
  query<Row>(text: string, values?: unknown[]): Promise<{ rows: Row[] }>;
}

/** The tables of the public schema, in name order (schema_migration included). */
export async function listTables(client: Queryable): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  return result.rows.map((row) => row.name);
}

/** A table's writable columns in order (generated columns are recomputed, not copied). */
export async function listColumns(client: Queryable, table: string): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `select attname as name from pg_attribute
      where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated = ''
      order by attnum`,
    [`public.${quote(table)}`],
  );
  return result.rows.map((row) => row.name);
}

export async function countRows(client: Queryable, table: string): Promise<number> {
  const result = await client.query<{ n: string }>(`select count(*) as n from public.${quote(table)}`);
  return Number(result.rows[0]?.n ?? 0);
}

/** The applied migrations, as the backup header records them. */
export async function listAppliedMigrations(
  client: Queryable,
): Promise<Array<{ version: string; checksum: string }>> {
  const result = await client.query<{ version: string; checksum: string }>(
    'select version, checksum from schema_migration order by version',
  );
  return result.rows;
}

/** Empties every table before the rows of a backup go in (the target holds only migration seeds). */
export async function truncateAll(client: Queryable, tables: string[]): Promise<void> {
  if (tables.length === 0) return;
  await client.query(`truncate ${tables.map((table) => `public.${quote(table)}`).join(', ')}`);
}

/** Moves every identity and serial sequence past the restored ids, so new rows get fresh ones. */
export async function resetSequences(client: Queryable): Promise<void> {
  const owned = await client.query<{ table_name: string; column_name: string; sequence: string }>(
    `select t.relname as table_name, a.attname as column_name, s.oid::regclass::text as sequence
       from pg_class s
       join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass and d.deptype in ('a', 'i')
       join pg_class t on t.oid = d.refobjid
       join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
       join pg_namespace n on n.oid = t.relnamespace
      where s.relkind = 'S' and n.nspname = 'public'`,
  );
  for (const row of owned.rows) {
    await client.query(
      `select setval($1::regclass, coalesce((select max(${quote(row.column_name)}) from public.${quote(row.table_name)}), 0) + 1, false)`,
      [row.sequence],
    );
  }
}

export const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** PGlite has no COPY TO STDOUT stream: its COPY writes to a blob (`fazhi migrate-from-pglite`). */
export function copyToBlobSql(table: string, columns: string[]): string {
  return `copy public.${quote(table)} (${columns.map(quote).join(', ')}) to '/dev/blob'`;
}
