import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { countRows, listAppliedMigrations, listColumns, listTables, quote } from './backup.repository.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader, END_OF_TABLE } from './backup-format.ts';

/**
 * Writes every table of the database to `file` from one REPEATABLE READ snapshot, so a backup of
 * a running Fazhi is consistent (the audit chain included) while users keep working.
 */
export async function writeBackup(connection: pg.ClientConfig, file: string): Promise<BackupHeader> {
  const client = new pg.Client(connection);
  await client.connect();
  const lines = new PassThrough();
  const written = pipeline(lines, createGzip(), createWriteStream(file));
  const write = async (text: string | Buffer) => {
    if (!lines.write(text)) await once(lines, 'drain');
  };
  try {
    await client.query('begin isolation level repeatable read read only');
    const tables = await listTables(client);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      migrations: await listAppliedMigrations(client),
      tables: [],
    };
    for (const table of tables) header.tables.push({ name: table, rows: await countRows(client, table) });
    await write(`${JSON.stringify(header)}\n`);
    for (const table of tables) {
      const columns = await listColumns(client, table);
      await write(`${JSON.stringify({ table, columns })}\n`);
      const rows = client.query(
        copyTo(`copy public.${quote(table)} (${columns.map(quote).join(', ')}) to stdout`),
      );
      // copied: the driver hands out views of its socket buffer, which it reuses while the
      // gzip stream still holds them (seen as torn rows under load)
      for await (const chunk of rows) await write(Buffer.from(chunk as Buffer));
      await write(`${END_OF_TABLE}\n`);
    }
    await client.query('commit');
    lines.end();
    await written;
    return header;
  } catch (error) {
    lines.destroy(error as Error);
    await written.catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
