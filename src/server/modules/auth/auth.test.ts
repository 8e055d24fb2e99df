import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { MAX_FAILED_LOGINS } from './auth.service.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('login', () => {
  it('opens a session in an HttpOnly, SameSite cookie and stores only the token hash', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'Fazhi@2025' },
    });
    expect(response.statusCode).toBe(200);
    const header = String(response.headers['set-cookie']);
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Lax');
    const token = response.cookies[0]!.value.split('.')[0]!;
    const stored = await ctx.db.selectFrom('user_session').select('token_hash').execute();
    expect(stored.some((row) => row.token_hash === token)).toBe(false);
    expect(response.json().user).toMatchObject({
      username: 'admin',
      roles: ['admin'],
      orgName: '博湖县司法局',
    });
  });

  it('is case-insensitive on the username and says nothing about which part was wrong', async () => {
    expect(
      (
        await ctx.request({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'ADMIN', password: 'Fazhi@2025' },
        })
      ).status,
    ).toBe(200);
    const wrong = await ctx.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'nope' },
    });
    const unknown = await ctx.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'nope' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json.error).toEqual(unknown.json.error);
    expect(wrong.json.error.message).toMatch(/^用户名或密码错误/);
  });

  it('names each missing field in Chinese', async () => {
    const response = await ctx.request({ method: 'POST', url: '/api/auth/login', payload: {} });
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('VALIDATION_FAILED');
    expect(response.json.error.fields.map((field: { field: string }) => field.field).sort()).toEqual([
      'password',
      'username',
    ]);
    expect(response.json.error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it(`locks the account after ${MAX_FAILED_LOGINS} wrong passwords, even for the right one`, async () => {
    for (let attempt = 1; attempt < MAX_FAILED_LOGINS; attempt += 1) {
      const response = await ctx.request({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'reviewer', password: 'wrong' },
        remoteAddress: `10.0.0.${attempt}`,
      });
      expect(response.status).toBe(401);
    }
    const locking = await ctx.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'reviewer', password: 'wrong' },
      remoteAddress: '10.0.1.1',
    });
    expect(locking.status).toBe(401);
    const right = await ctx.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'reviewer', password: 'Fazhi@2025' },
      remoteAddress: '10.0.1.2',
    });
    // locked: the same answer as an unknown account, so the lock does not reveal the account
    expect(right.status).toBe(401);
    expect(right.json.error.code).toBe('INVALID_CREDENTIALS');
    const actions = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'auth.locked')
      .execute();
    expect(actions).toHaveLength(1);
  });

  it('rate-limits login attempts per address', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const response = await ctx.request({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `ghost${attempt}`, password: 'x' },
        remoteAddress: '10.9.9.9',
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('session', () => {
  it('shows the account the sign-in before this one as 上次登录, not the one just made', async () => {
    const first = await ctx.login('officer');
    const firstMe = (await ctx.request({ method: 'GET', url: '/api/auth/me', cookie: first })).json;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await ctx.login('officer');
    const me = (await ctx.request({ method: 'GET', url: '/api/auth/me', cookie: second })).json;
    expect(me.previousLoginAt).toBe(firstMe.lastLoginAt);
    expect(me.lastLoginAt > me.previousLoginAt).toBe(true);
  });

  it('answers /me with the organisation chain and ends server-side on logout', async () => {
    const cookie = await ctx.login('legal');
    const me = await ctx.request({ method: 'GET', url: '/api/auth/me', cookie });
    expect(me.status).toBe(200);
    expect(me.json.orgChain.map((org: { name: string }) => org.name)).toEqual([
      '博湖县人民政府',
      '博湖县市场监督管理局',
      '法规股',
    ]);
    expect((await ctx.request({ method: 'POST', url: '/api/auth/logout', cookie })).status).toBe(204);
    // the old cookie, replayed, opens nothing
    expect((await ctx.request({ method: 'GET', url: '/api/auth/me', cookie })).status).toBe(401);
  });

  it('refuses a forged cookie', async () => {
    const response = await ctx.request({
      method: 'GET',
      url: '/api/auth/me',
      cookie: 'fazhi_session=forged.signature',
    });
    expect(response.status).toBe(401);
    expect(response.json.error.code).toBe('UNAUTHENTICATED');
  });

  it('changes the own password: checks the current one and the strength, ends other sessions', async () => {
    const first = await ctx.login('sifasuo');
    const second = await ctx.login('sifasuo');
    const wrongCurrent = await ctx.request({
      method: 'POST',
      url: '/api/auth/password',
      cookie: first,
      payload: { currentPassword: 'bad', newPassword: 'Newpass#2026' },
    });
    expect(wrongCurrent.status).toBe(400);
    expect(wrongCurrent.json.error.fields[0].field).toBe('currentPassword');
    const weak = await ctx.request({
      method: 'POST',
      url: '/api/auth/password',
      cookie: first,
      payload: { currentPassword: 'Fazhi@2025', newPassword: 'abcdefgh' },
    });
    expect(weak.status).toBe(400);
    expect(weak.json.error.fields[0].field).toBe('newPassword');
    const changed = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: first },
      payload: { currentPassword: 'Fazhi@2025', newPassword: 'Newpass#2026' },
    });
    expect(changed.statusCode).toBe(204);
    const renewed = `fazhi_session=${changed.cookies[0]!.value}`;
    expect((await ctx.request({ method: 'GET', url: '/api/auth/me', cookie: renewed })).status).toBe(200);
    expect((await ctx.request({ method: 'GET', url: '/api/auth/me', cookie: second })).status).toBe(401);
    await expect(ctx.login('sifasuo')).rejects.toThrow();
    await expect(ctx.login('sifasuo', 'Newpass#2026')).resolves.toContain('fazhi_session=');
  });
});

describe('errors', () => {
  it('answers unknown API paths with a Chinese 404 and never a stack trace', async () => {
    const response = await ctx.request({ method: 'GET', url: '/api/nothing-here' });
    expect(response.status).toBe(404);
    expect(JSON.stringify(response.json)).not.toContain('at ');
  });
  it('reports malformed JSON as a 400 without internals', async () => {
    const cookie = await ctx.login('admin');
    const response = await ctx.request({
      method: 'POST',
      url: '/api/orgs',
      cookie,
      headers: { 'content-type': 'application/json' },
      payload: '{"parentId":',
    });
    expect(response.status).toBe(400);
    expect(response.json.error.message).toBe('请求格式不正确');
  });
  it('answers health once the database does', async () => {
    const response = await ctx.request({ method: 'GET', url: '/api/health' });
    expect(response.json).toMatchObject({ status: 'ok' });
  });
  it('serves the OpenAPI document', async () => {
    const response = await ctx.request({ method: 'GET', url: '/api/docs/json' });
    expect(response.status).toBe(200);
    expect(Object.keys(response.json.paths)).toEqual(
      expect.arrayContaining(['/api/orgs', '/api/users', '/api/auth/login', '/api/audit']),
    );
  });
});
