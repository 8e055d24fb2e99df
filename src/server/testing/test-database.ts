import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase, withDatabase } from '../db/database.ts';

/**
 * A private copy of the migrated, seeded template for one test file: a PostgreSQL database (on
 * TEST_DATABASE_URL or the run's embedded server) created from the template and dropped on close.
 * `isEmpty`: a database with nothing in it (not even the migrations), for first-start tests.
 */
export async function createTestDatabase(options: { isEmpty?: boolean } = {}): Promise<DatabaseHandle> {
  const postgresUrl = inject('postgresUrl');
  const name = `fazhi_test_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ databaseUrl: postgresUrl });
  await createFromTemplate(admin.db, name, options.isEmpty ? 'template0' : inject('postgresTemplate'));
  // dropping the database at close terminates any connection still closing: expected here
  const handle = await openDatabase({ databaseUrl: withDatabase(postgresUrl, name), onIdleError: () => {} });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
      await admin.close();
    },
  };
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
