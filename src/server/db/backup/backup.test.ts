import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../modules/audit/audit.service.ts';
import { createTestDatabase } from '../../testing/test-database.ts';
import type { DatabaseHandle } from '../database.ts';
import { writeBackup } from './backup.ts';
import { restoreBackup } from './restore.ts';

let source: DatabaseHandle;
let dir: string;
let file: string;

/** Every public table's row count, by name. */
async function rowCounts(database: DatabaseHandle): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = 'public' order by tablename`.execute(
    database.db,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const result = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(
      database.db,
    );
    counts[name] = result.rows[0]?.n ?? 0;
  }
  return counts;
}

beforeAll(async () => {
  source = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'fazhi-backup-'));
  file = join(dir, 'county.fazhi-backup.gz');
  await writeBackup(source.connection, file);
}, 120_000);
afterAll(async () => {
  await source?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('fazhi backup / fazhi restore (数据备份恢复, issue 11)', () => {
  it('restores every row into an empty database; the audit chain verifies and new ids follow the old', async () => {
    const target = await createTestDatabase({ isEmpty: true });
    try {
      const header = await restoreBackup(target, file);
      expect(header.tables.find((table) => table.name === 'audit_log')?.rows).toBeGreaterThan(0);
      expect(await rowCounts(target)).toEqual(await rowCounts(source));
      const verdict = await verifyAuditChain(target.db);
      expect(verdict.ok).toBe(true);
      expect(verdict.rows).toBe((await verifyAuditChain(source.db)).rows);
      // the same rows, not only as many: the chain's last hash and an officer's whole row
      const lastHash = (db: DatabaseHandle) =>
        sql<{ hash: string }>`select hash from audit_log order by id desc limit 1`.execute(db.db);
      expect((await lastHash(target)).rows).toEqual((await lastHash(source)).rows);
      const officers = (db: DatabaseHandle) =>
        db.db.selectFrom('officer').selectAll().orderBy('id').execute();
      expect(await officers(target)).toEqual(await officers(source));
      // sequences moved past the restored ids
      const maxOrg = await source.db
        .selectFrom('org')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirstOrThrow();
      const next = await sql<{
        id: number;
      }>`select nextval(pg_get_serial_sequence('org', 'id'))::int as id`.execute(target.db);
      expect(next.rows[0]?.id).toBeGreaterThan(Number(maxOrg.id));
    } finally {
      await target.close();
    }
  }, 120_000);

  it('refuses a database that already holds data, and changes nothing in it', async () => {
    const before = await rowCounts(source);
    await expect(restoreBackup(source, file)).rejects.toThrow(/目标数据库不是空的/);
    expect(await rowCounts(source)).toEqual(before);
  });

  it('refuses a file that is not a backup, or one cut short, and leaves the target empty', async () => {
    const target = await createTestDatabase({ isEmpty: true });
    try {
      const stray = join(dir, 'not-a-backup.gz');
      writeFileSync(stray, 'hello');
      await expect(restoreBackup(target, stray)).rejects.toThrow(/不是法治平台的备份文件/);
      const cut = join(dir, 'cut.gz');
      const { gunzipSync } = await import('node:zlib');
      const { readFileSync } = await import('node:fs');
      const text = gunzipSync(readFileSync(file)).toString('utf8');
      writeFileSync(cut, gzipSync(text.slice(0, Math.floor(text.length / 2))));
      await expect(restoreBackup(target, cut)).rejects.toThrow(/备份文件不完整/);
      const tables = await sql`select 1 from pg_tables where schemaname = 'public'`.execute(target.db);
      expect(tables.rows).toEqual([]);
    } finally {
      await target.close();
    }
  }, 120_000);

  it('refuses a backup from a newer version (a migration this version does not have)', async () => {
    const target = await createTestDatabase({ isEmpty: true });
    try {
      const { gunzipSync } = await import('node:zlib');
      const { readFileSync } = await import('node:fs');
      const [first, ...rest] = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
      const header = JSON.parse(first ?? '{}');
      header.migrations.push({ version: '9999', checksum: 'x' });
      const newer = join(dir, 'newer.gz');
      writeFileSync(newer, gzipSync([JSON.stringify(header), ...rest].join('\n')));
      await expect(restoreBackup(target, newer)).rejects.toThrow(/备份来自更新的版本（含迁移 9999）/);
    } finally {
      await target.close();
    }
  }, 120_000);
});
