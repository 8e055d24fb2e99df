import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DatabaseHandle } from '../database.ts';
import { migrate, readMigrations, SCHEMA_MIGRATION_DDL } from '../migrate.ts';
import { listTables, quote, resetSequences, truncateAll } from './backup.repository.ts';
import { type BackupHeader, END_OF_TABLE, parseHeader, type TableSection } from './backup-format.ts';

/**
 * Restores a `fazhi backup` file into an EMPTY database (a fresh data dir, or a new database):
 * in one transaction the schema is built to the backup's migrations and every row is copied back
 * (triggers and foreign keys held off as pg_dump's --disable-triggers does, so rows go in as they
 * were, hashes and all), sequences move past the restored ids, then newer migrations run.
 * A refusal changes nothing. Needs a superuser connection (the embedded server's is one).
 */
export async function restoreBackup(target: DatabaseHandle, file: string): Promise<BackupHeader> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next().catch(() => ({ value: undefined }));
  const header = parseHeader(first.value as string | undefined);

  const client = new pg.Client(target.connection);
  await client.connect();
  try {
    if ((await listTables(client)).length > 0)
      throw new Error(
        '目标数据库不是空的：请恢复到新的数据目录（DATA_DIR）或新建的空数据库，以免覆盖现有数据',
      );
    const known = new Map((await readMigrations()).map((migration) => [migration.version, migration]));
    for (const { version, checksum } of header.migrations) {
      const migration = known.get(version);
      if (!migration)
        throw new Error(`备份来自更新的版本（含迁移 ${version}）：请用不低于该版本的法治平台恢复`);
      if (migration.checksum !== checksum)
        throw new Error(`备份中的迁移 ${version} 与本版本不一致，无法恢复`);
    }
    const backedUp = new Set(header.migrations.map((migration) => migration.version));

    // one transaction from the empty schema to the restored rows: a refusal leaves the target empty
    await client.query('begin');
    try {
      await client.query(SCHEMA_MIGRATION_DDL);
      for (const migration of known.values())
        if (backedUp.has(migration.version)) await client.query(migration.sql);
      await client.query(`set local session_replication_role = replica`);
      await truncateAll(client, await listTables(client));
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        if (next.value === '') continue;
        const section = JSON.parse(next.value) as TableSection;
        const copy = client.query(
          copyFrom(
            `copy public.${quote(section.table)} (${section.columns.map(quote).join(', ')}) from stdin`,
          ),
        );
        await pipeline(Readable.from(sectionRows(iterator, section.table)), copy);
      }
      await resetSequences(client);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw error;
    }
  } finally {
    lines.close();
    await client.end();
  }
  await migrate(target.db);
  return header;
}

/** The COPY rows of one table's section, up to its `\\.` line, as the lines of COPY FROM STDIN. */
async function* sectionRows(lines: AsyncIterator<string>, table: string): AsyncGenerator<string> {
  let batch = '';
  for (;;) {
    const row = await lines.next();
    if (row.done) throw new Error(`备份文件不完整：表 ${table} 的数据未结束（文件可能被截断）`);
    if (row.value === END_OF_TABLE) break;
    batch += `${row.value}\n`;
    if (batch.length >= 64 * 1024) {
      yield batch;
      batch = '';
    }
  }
  if (batch) yield batch;
}
