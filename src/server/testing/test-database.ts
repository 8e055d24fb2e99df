import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { createPGlite, type DatabaseHandle, openDatabase, wrapPGlite } from '../db/database.ts';

/**
 * A private copy of the migrated, seeded template for one test file: PGlite loaded from the dump,
 * or, with TEST_DATABASE_URL, a PostgreSQL database created from the template and dropped on close.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const postgresTemplate = inject('postgresTemplate');
  const postgresUrl = process.env.TEST_DATABASE_URL;
  if (postgresTemplate && postgresUrl) {
    const name = `fazhi_test_${randomBytes(6).toString('hex')}`;
    const admin = await openDatabase({ databaseUrl: postgresUrl });
    await createFromTemplate(admin.db, name, postgresTemplate);
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    // dropping the database at close terminates any connection still closing: expected here
    const handle = await openDatabase({ databaseUrl: url.toString(), onIdleError: () => {} });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
        await admin.close();
      },
    };
  }
  const dump = await readFile(inject('pgliteTemplate'));
  return wrapPGlite(await createPGlite({ loadDataDir: new Blob([dump]) }));
}

/** PostgreSQL refuses a template that another CREATE DATABASE is copying at that instant (55006): retry. */
async function createFromTemplate(db: DatabaseHandle['db'], name: string, template: string) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await sql.raw(`create database ${name} template ${template}`).execute(db);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== '55006' || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}
