import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { migrateFromPgliteCommand } from '../../../cli/commands/migrate-from-pglite.ts';
import { GENESIS_HASH, hashAuditRow } from '../../modules/audit/audit.chain.ts';
import { verifyAuditChain } from '../../modules/audit/audit.service.ts';
import { openDatabase } from '../database.ts';
import { clusterDirOf, stopPostmaster } from '../embedded-server.ts';
import { readMigrations, SCHEMA_MIGRATION_DDL } from '../migrate.ts';

const OLD_LEVEL = '0045'; // the migration level of the last PGlite-default release's demo installs

const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-pglite-'));
const occupiedDir = mkdtempSync(join(tmpdir(), 'fazhi-pglite-'));
const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
afterAll(async () => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  for (const dir of [dataDir, occupiedDir]) {
    await stopPostmaster(clusterDirOf(dir)).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A data dir as the PGlite default left it: the schema at OLD_LEVEL, an org, two chained audit rows. */
async function makeOldPgliteDir(dir: string) {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const old = await PGlite.create({ dataDir: dir, extensions: { pg_trgm } });
  await old.exec(SCHEMA_MIGRATION_DDL);
  for (const migration of (await readMigrations()).filter((m) => m.version <= OLD_LEVEL)) {
    await old.exec(migration.sql);
    await old.query('insert into schema_migration (version, name, checksum) values ($1, $2, $3)', [
      migration.version,
      migration.name,
      migration.checksum,
    ]);
  }
  await old.exec(
    `insert into org (path, kind, name, doc_prefix) values ('/1/', 'justice_bureau', '旧县司法局', '旧司')`,
  );
  let prevHash = GENESIS_HASH;
  for (const [index, action] of ['org.create', 'org.update'].entries()) {
    const content = {
      at: new Date(Date.UTC(2025, 5, 1 + index)),
      actorId: null,
      actorName: '系统',
      action,
      entityType: 'org',
      entityId: '1',
      orgId: null,
      before: index === 0 ? null : { name: '旧县司法局' },
      after: { name: '旧县司法局' },
      ip: null,
    };
    const hash = hashAuditRow(prevHash, content);
    await old.query(
      `insert into audit_log (at, actor_id, actor_name, action, entity_type, entity_id, org_id, before, after, ip, prev_hash, hash)
       values ($1, null, $2, $3, 'org', '1', null, $4, $5, null, $6, $7)`,
      [
        content.at,
        content.actorName,
        action,
        JSON.stringify(content.before),
        JSON.stringify(content.after),
        prevHash,
        hash,
      ],
    );
    prevHash = hash;
  }
  await old.close();
}

describe('fazhi migrate-from-pglite (issue 10)', () => {
  it('copies an old PGlite data dir into the embedded server, brings it up to date and moves the old dir aside', async () => {
    await makeOldPgliteDir(join(dataDir, 'pglite'));
    process.env.DATA_DIR = dataDir;
    delete process.env.DATABASE_URL;
    // before: the start refuses and names the command
    await expect(openDatabase({ dataDir })).rejects.toThrow(/migrate-from-pglite/);

    expect(await migrateFromPgliteCommand.run([])).toBe(0);

    expect(existsSync(join(dataDir, 'pglite'))).toBe(false);
    expect(readdirSync(dataDir).some((name) => name.startsWith('pglite.migrated-'))).toBe(true);
    // after: the start passes, the rows are there, every newer migration is applied, the chain holds
    const database = await openDatabase({ dataDir });
    try {
      const org = await database.db.selectFrom('org').select(['name', 'doc_prefix']).execute();
      expect(org).toEqual([{ name: '旧县司法局', doc_prefix: '旧司' }]);
      const latest = (await readMigrations()).at(-1)!.version;
      const applied = await sql<{
        version: string;
      }>`select max(version) as version from schema_migration`.execute(database.db);
      expect(applied.rows[0]!.version).toBe(latest);
      const verdict = await verifyAuditChain(database.db);
      expect(verdict).toMatchObject({ ok: true });
      expect(verdict.rows).toBeGreaterThanOrEqual(2);
      // a new row gets a fresh id after the copied one (sequences moved past the restored ids)
      const inserted = await database.db
        .insertInto('org')
        .values({ path: '/2/', kind: 'agency', name: '新单位' })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(inserted.id).toBeGreaterThan(1);
    } finally {
      await database.close();
    }
  }, 300_000);

  it('refuses, before reading the old dir, when the new database already holds data, and says how to go on', async () => {
    // the new version started once on this DATA_DIR (the old dir moved away), then the old dir came back
    const started = await openDatabase({ dataDir: occupiedDir });
    await sql`create table org (id int)`.execute(started.db);
    await started.close();
    mkdirSync(join(occupiedDir, 'pglite'));
    writeFileSync(join(occupiedDir, 'pglite', 'PG_VERSION'), '17\n'); // not a readable cluster: never opened
    process.env.DATA_DIR = occupiedDir;
    delete process.env.DATABASE_URL;
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await migrateFromPgliteCommand.run([])).toBe(1);
      const printed = stderr.mock.calls.map((call) => String(call[0])).join('');
      expect(printed).toContain('已有数据');
      expect(printed).toContain(`mv ${clusterDirOf(occupiedDir)} ${clusterDirOf(occupiedDir)}.old`);
      expect(printed).toContain('未改动');
    } finally {
      stderr.mockRestore();
    }
    expect(existsSync(join(occupiedDir, 'pglite', 'PG_VERSION'))).toBe(true);
    expect(readdirSync(occupiedDir).some((name) => name.startsWith('pglite-export-'))).toBe(false);
  }, 120_000);
});
