import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { ensureFirstAdmin, FIRST_ADMIN_USERNAME } from '../seed/first-admin.ts';
import { createTestContext, type TestContext } from '../testing/test-app.ts';
import { createTestDatabase } from '../testing/test-database.ts';

const PRODUCTION = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) };

describe('production configuration', () => {
  it('seeds no demo and marks cookies Secure unless told', () => {
    const config = loadConfig(PRODUCTION);
    expect(config.SEED_DEMO).toBe(false);
    expect(config.COOKIE_SECURE).toBe(true);
    const told = loadConfig({ ...PRODUCTION, SEED_DEMO: 'true', COOKIE_SECURE: 'false' });
    expect(told.SEED_DEMO).toBe(true);
    expect(told.COOKIE_SECURE).toBe(false);
    expect(loadConfig({}).SEED_DEMO).toBe(true);
    expect(loadConfig({}).COOKIE_SECURE).toBe(false);
  });
});

describe('first administrator on an empty database', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase({ isEmpty: true });
    await migrate(database.db);
  });
  afterAll(() => database.close());

  it('refuses a weak FAZHI_ADMIN_PASSWORD', async () => {
    await expect(ensureFirstAdmin(database.db, 'admin123')).rejects.toThrow('FAZHI_ADMIN_PASSWORD');
  });

  it('creates one admin with a printed setup code who must change it, once', async () => {
    const result = await ensureFirstAdmin(database.db);
    expect(result).toMatchObject({ created: true, username: FIRST_ADMIN_USERNAME });
    expect(result.created && result.setupCode).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    const accounts = await database.db
      .selectFrom('user_account')
      .select(['username', 'roles', 'must_change_password'])
      .execute();
    expect(accounts).toEqual([{ username: 'admin', roles: ['admin'], must_change_password: true }]);
    expect(await ensureFirstAdmin(database.db, 'Another#Pass2026')).toEqual({ created: false });

    const served = await buildApp({ database, config: { ...loadConfig(PRODUCTION), LOG_LEVEL: 'silent' } });
    const login = await served.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: result.created ? result.setupCode : '' },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().user.mustChangePassword).toBe(true);
    expect(String(login.headers['set-cookie'])).toContain('Secure');
    await served.close();
  });
});

describe('a session whose password must change', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('may read /me, change the password and log out; everything else is 403 PASSWORD_CHANGE_REQUIRED', async () => {
    await ctx.db
      .updateTable('user_account')
      .set({ must_change_password: true })
      .where('username', '=', 'supervisor')
      .execute();
    const cookie = await ctx.login('supervisor');
    const me = await ctx.request({ method: 'GET', url: '/api/auth/me', cookie });
    expect(me.status).toBe(200);
    for (const [method, url] of [
      ['GET', '/api/orgs'],
      ['GET', '/api/users'],
      ['GET', '/api/auth/me/../../orgs'],
    ] as const) {
      const refused = await ctx.request({ method, url, cookie });
      expect(refused.status).toBe(403);
      expect(refused.json.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
      expect(refused.json.error.message).toMatch(/修改密码/);
    }
    const changed = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'Fazhi@2025', newPassword: 'Changed#2026x' },
    });
    expect(changed.statusCode).toBe(204);
    const renewed = `fazhi_session=${changed.cookies[0]!.value}`;
    expect((await ctx.request({ method: 'GET', url: '/api/orgs', cookie: renewed })).status).toBe(200);
  });
});
