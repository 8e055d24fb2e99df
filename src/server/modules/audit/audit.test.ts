import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../../common/format.ts';
import { type DatabaseHandle, openDatabase } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { canonicalJson } from './audit.chain.ts';
import { recordAudit, verifyAuditChain } from './audit.service.ts';

let ctx: TestContext;
let admin: string;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.login('admin');
});
afterAll(() => ctx.close());

describe('canonicalJson', () => {
  it('is independent of key order at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });
});

describe('audit chain', () => {
  it('verifies after real writes through the API', async () => {
    await ctx.request({ method: 'PATCH', url: '/api/orgs/1', cookie: admin, payload: { shortName: '博湖' } });
    const verdict = await verifyAuditChain(ctx.db);
    expect(verdict.ok).toBe(true);
    expect(verdict.rows).toBeGreaterThanOrEqual(3);
  });

  it('is append-only: UPDATE and DELETE are refused by the database', async () => {
    await expect(sql`update audit_log set action = 'x'`.execute(ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(ctx.db)).rejects.toThrow(/append-only/);
  });

  it('names the first altered row when someone bypasses the trigger', async () => {
    const rows = await ctx.db.selectFrom('audit_log').select('id').orderBy('id').execute();
    const victim = rows[0]!.id;
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(ctx.db);
    await sql`update audit_log set actor_name = '伪造者' where id = ${victim}`.execute(ctx.db);
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(ctx.db);
    expect(await verifyAuditChain(ctx.db)).toEqual({
      ok: false,
      rows: 1,
      brokenAt: victim,
      reason: 'hash_mismatch',
    });
  });
});

describe('audit browsing', () => {
  it('filters by action and actor and pages newest first, for admins only', async () => {
    const me = await ctx.request({ method: 'GET', url: '/api/auth/me', cookie: admin });
    const page = await ctx.request({
      method: 'GET',
      url: `/api/audit?action=auth.login&actorId=${me.json.id}&pageSize=1`,
      cookie: admin,
    });
    expect(page.status).toBe(200);
    expect(page.json.items).toHaveLength(1);
    expect(page.json.items[0]).toMatchObject({ action: 'auth.login', actorName: '系统管理员' });
    // the audit browser's dates are Shanghai days: after 16:00 UTC the UTC date is yesterday there
    const today = todayInShanghai(new Date());
    const dated = await ctx.request({
      method: 'GET',
      url: `/api/audit?from=${today}&to=${today}`,
      cookie: admin,
    });
    expect(dated.json.total).toBeGreaterThan(0);
    const badDate = await ctx.request({ method: 'GET', url: '/api/audit?from=2025-02-30', cookie: admin });
    expect(badDate.status).toBe(400);
    const supervisor = await ctx.login('supervisor');
    expect((await ctx.request({ method: 'GET', url: '/api/audit', cookie: supervisor })).status).toBe(403);
  });
});

describe('fazhi audit verify (CLI)', () => {
  let dataDir: string;
  let live: DatabaseHandle;
  beforeAll(async () => {
    // a separate embedded data dir, its server started and kept running as a Fazhi server would
    dataDir = await mkdtemp(join(tmpdir(), 'fazhi-audit-'));
    live = await openDatabase({ dataDir, adopt: true });
    await migrate(live.db);
    for (const name of ['甲', '乙', '丙']) {
      await recordAudit(live.db, null, { action: 'org.create', entityType: 'org', after: { name } });
    }
  });
  afterAll(async () => {
    await live.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const runVerify = () =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'audit', 'verify'], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    }).then(
      (result) => ({ code: 0, ...result }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('answers truly while the server runs: 0 on an intact chain, non-zero naming the row after tampering', async () => {
    const intact = await runVerify();
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain('共 3 条');
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(live.db);
    await sql`update audit_log set after = '{"orgs": 1}' where id = 2`.execute(live.db);
    const broken = await runVerify();
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('id=2');
    // the CLI used the running server and left it running for its owner
    await expect(sql`select 1`.execute(live.db)).resolves.toBeDefined();
  }, 60_000);
});
