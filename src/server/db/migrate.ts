import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './database.ts';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
const MIGRATION_FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;
/** Any constant: only one process at a time may migrate a PostgreSQL database. */
const MIGRATION_LOCK_ID = 7_420_001;

export interface Migration {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

/** The table that records applied migrations (also created by `fazhi restore` before its rows go in). */
export const SCHEMA_MIGRATION_DDL = `create table if not exists schema_migration (
  version text primary key,
  name text not null,
  checksum text not null,
  applied_at timestamptz not null default now()
)`;

/** Reads migrations/NNNN_name.sql in version order. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => MIGRATION_FILE.test(file)).sort();
  return Promise.all(
    files.map(async (file) => {
      const [, version, name] = MIGRATION_FILE.exec(file)!;
      const text = await readFile(join(dir, file), 'utf8');
      return {
        version: version!,
        name: name!,
        sql: text,
        checksum: createHash('sha256').update(text).digest('hex'),
      };
    }),
  );
}

/**
 * Applies every migration not yet recorded, all in one transaction (PostgreSQL DDL is
 * transactional, so a failed start leaves the schema as it was), and records each.
 * Migrations are forward-only and never edited once merged: a recorded migration whose file
 * changed stops the start with a message rather than silently diverging.
 */
export async function migrate(db: Db, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await readMigrations());
  await sql.raw(SCHEMA_MIGRATION_DDL).execute(db);
  const applied: string[] = [];
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_ID})`.execute(trx);
    const recorded = new Map(
      (await trx.selectFrom('schema_migration').selectAll().execute()).map((row) => [row.version, row]),
    );
    for (const migration of all) {
      const previous = recorded.get(migration.version);
      if (previous) {
        if (previous.checksum !== migration.checksum) {
          throw new Error(
            `Migration ${migration.version}_${migration.name} was changed after it was applied; add a new migration instead`,
          );
        }
        continue;
      }
      await sql.raw(migration.sql).execute(trx);
      await trx
        .insertInto('schema_migration')
        .values({ version: migration.version, name: migration.name, checksum: migration.checksum })
        .execute();
      applied.push(`${migration.version}_${migration.name}`);
    }
  });
  return applied;
}
