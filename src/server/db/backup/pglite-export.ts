import { once } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import {
  copyToBlobSql,
  countRows,
  listAppliedMigrations,
  listColumns,
  listTables,
  type Queryable,
} from './backup.repository.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader, END_OF_TABLE } from './backup-format.ts';

interface PgliteDatabase extends Queryable {
  query<Row>(text: string, values?: unknown[]): Promise<{ rows: Row[]; blob?: Blob }>;
  exec(text: string): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Opens a data directory of the previous embedded default (PGlite, `DATA_DIR/pglite`). PGlite is
 * needed by `fazhi migrate-from-pglite` only, so it is imported here, on demand, and never by the
 * server. pg_trgm is loaded because the old schema created the extension (0025).
 */
async function openPglite(dir: string): Promise<PgliteDatabase> {
  const [{ PGlite }, { pg_trgm }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
  ]);
  return (await PGlite.create({ dataDir: dir, extensions: { pg_trgm } })) as unknown as PgliteDatabase;
}

/** True when `dir` looks like a PGlite data directory (a PostgreSQL cluster: PG_VERSION). */
export function isPgliteDir(dir: string): boolean {
  return existsSync(join(dir, 'PG_VERSION'));
}

/**
 * Writes the old PGlite database at `dir` as a `fazhi backup` file (the same format, so
 * `restoreBackup` builds the schema to the old migration level, copies the rows as they were and
 * applies the newer migrations). Rows go out as COPY text, the format `fazhi backup` writes.
 */
export async function exportPglite(dir: string, file: string): Promise<BackupHeader> {
  const pglite = await openPglite(dir);
  const lines = new PassThrough();
  const written = pipeline(lines, createGzip(), createWriteStream(file));
  const write = async (text: string) => {
    if (!lines.write(text)) await once(lines, 'drain');
  };
  try {
    // the settings pg_dump fixes, so every value reads back the same on the new server
    await pglite.exec(
      "set datestyle = 'ISO, YMD'; set intervalstyle = 'postgres'; set extra_float_digits = 3; set bytea_output = 'hex'",
    );
    await pglite.exec('begin isolation level repeatable read read only');
    const tables = await listTables(pglite);
    if (!tables.includes('schema_migration'))
      throw new Error(`${dir} 中没有法治平台的数据表（schema_migration），不是旧版法治的数据目录`);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      migrations: await listAppliedMigrations(pglite),
      tables: [],
    };
    for (const table of tables) header.tables.push({ name: table, rows: await countRows(pglite, table) });
    await write(`${JSON.stringify(header)}\n`);
    for (const table of tables) {
      const columns = await listColumns(pglite, table);
      await write(`${JSON.stringify({ table, columns })}\n`);
      const result = await pglite.query(copyToBlobSql(table, columns));
      const rows = result.blob ? await result.blob.text() : '';
      await write(rows);
      await write(`${END_OF_TABLE}\n`);
    }
    await pglite.exec('commit');
    lines.end();
    await written;
    return header;
  } catch (error) {
    lines.destroy(error as Error);
    await written.catch(() => {});
    throw error;
  } finally {
    await pglite.close();
  }
}
