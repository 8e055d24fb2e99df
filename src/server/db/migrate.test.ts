import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/test-database.ts';
import type { DatabaseHandle } from './database.ts';
import { migrate, readMigrations } from './migrate.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('migrations', () => {
  it('are numbered, and a second run applies nothing', async () => {
    const migrations = await readMigrations();
    expect(migrations.map((migration) => migration.version)).toEqual(
      [...migrations.map((migration) => migration.version)].sort(),
    );
    expect(await migrate(database.db)).toEqual([]);
    const recorded = await database.db
      .selectFrom('schema_migration')
      .select('version')
      .orderBy('version')
      .execute();
    expect(recorded.map((row) => row.version)).toEqual(migrations.map((migration) => migration.version));
  });

  it('refuse to start when an applied migration file was edited', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fazhi-migrations-'));
    try {
      const migrations = await readMigrations();
      const first = migrations[0]!;
      await writeFile(join(dir, `${first.version}_${first.name}.sql`), `${first.sql}\n-- edited`);
      const edited = await readMigrations(dir);
      await expect(migrate(database.db, edited)).rejects.toThrow(/changed after it was applied/);
      expect(await readFile(join(dir, `${first.version}_${first.name}.sql`), 'utf8')).toContain('edited');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
