import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COORDINATION_ACCOUNTS } from '../../seed/demo-coordination.ts';
import { DEMO_ACCOUNTS } from '../../seed/demo-county.ts';
import { demoOrgByName } from '../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';

let ctx: TestContext;
let admin: string;
let teamId: number;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.login('admin');
  teamId = (await demoOrgByName(ctx.db, '市场监管综合行政执法大队')).id;
});
afterAll(() => ctx.close());

const newUser = (overrides: object = {}) => ({
  username: 'zhaolei',
  displayName: '赵磊',
  orgId: teamId,
  roles: ['officer'],
  phone: '13812345678',
  password: 'Start#2025x',
  ...overrides,
});

describe('accounts', () => {
  it('pages, searches and filters the county list', async () => {
    const page = await ctx.request({ method: 'GET', url: '/api/users?page=1&pageSize=3', cookie: admin });
    // one account per role and the bureau's head (DEMO_ACCOUNTS), plus the coordination demo's two legal officers
    expect(page.json.total).toBe(DEMO_ACCOUNTS.length + DEMO_COORDINATION_ACCOUNTS.length);
    expect(page.json.items).toHaveLength(3);
    const search = await ctx.request({
      method: 'GET',
      url: `/api/users?keyword=${encodeURIComponent('张')}`,
      cookie: admin,
    });
    expect(search.json.items.map((user: { username: string }) => user.username)).toEqual(['officer']);
    // % and _ typed in the search box are characters, not wildcards matching everyone
    for (const keyword of ['%', '_']) {
      const literal = await ctx.request({
        method: 'GET',
        url: `/api/users?keyword=${encodeURIComponent(keyword)}`,
        cookie: admin,
      });
      expect(literal.json.total, keyword).toBe(0);
    }
    const byRole = await ctx.request({ method: 'GET', url: '/api/users?role=justice_office', cookie: admin });
    expect(byRole.json.items.map((user: { username: string }) => user.username)).toEqual(['sifasuo']);
    const market = await demoOrgByName(ctx.db, '博湖县市场监督管理局');
    const subtree = await ctx.request({ method: 'GET', url: `/api/users?orgId=${market.id}`, cookie: admin });
    expect(subtree.json.items.map((user: { username: string }) => user.username).sort()).toEqual([
      'leader',
      'legal',
      'officer',
    ]);
  });

  it('creates an account that must change its password, without storing the password in the audit log', async () => {
    const response = await ctx.request({
      method: 'POST',
      url: '/api/users',
      cookie: admin,
      payload: newUser(),
    });
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({
      username: 'zhaolei',
      mustChangePassword: true,
      orgName: '市场监管综合行政执法大队',
    });
    const audit = await ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.create')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.after)).not.toContain('Start#2025x');
    expect(JSON.stringify(audit.after)).not.toContain('scrypt');
  });

  it('refuses a taken username (409, any letter case)', async () => {
    const response = await ctx.request({
      method: 'POST',
      url: '/api/users',
      cookie: admin,
      payload: newUser({ username: 'ZhaoLei' }),
    });
    expect(response.status).toBe(409);
    expect(response.json.error.message).toContain('已被使用');
  });

  it('lists every bad field in Chinese and writes nothing', async () => {
    const response = await ctx.request({
      method: 'POST',
      url: '/api/users',
      cookie: admin,
      payload: {
        username: 'a',
        displayName: '',
        orgId: teamId,
        roles: [],
        phone: '12345',
        password: 'short',
      },
    });
    expect(response.status).toBe(400);
    const fields = response.json.error.fields.map((field: { field: string }) => field.field).sort();
    expect(fields).toEqual(['displayName', 'password', 'phone', 'roles', 'username']);
    for (const field of response.json.error.fields) expect(field.message).toMatch(/[\u4e00-\u9fff]/);
    const count = await ctx.db
      .selectFrom('user_account')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('username', '=', 'a')
      .executeTakeFirstOrThrow();
    expect(count.count).toBe(0);
  });

  it('refuses a weak password for a new account', async () => {
    const response = await ctx.request({
      method: 'POST',
      url: '/api/users',
      cookie: admin,
      payload: newUser({ username: 'weakling', password: 'password' }),
    });
    expect(response.status).toBe(400);
    expect(response.json.error.fields[0].field).toBe('password');
  });

  it('deactivating ends the sessions of that account at once', async () => {
    const created = await ctx.request({
      method: 'POST',
      url: '/api/users',
      cookie: admin,
      payload: newUser({ username: 'leaving' }),
    });
    const session = await ctx.login('leaving', 'Start#2025x');
    expect((await ctx.request({ method: 'GET', url: '/api/auth/me', cookie: session })).status).toBe(200);
    const off = await ctx.request({
      method: 'PATCH',
      url: `/api/users/${created.json.id}`,
      cookie: admin,
      payload: { isActive: false },
    });
    expect(off.json.isActive).toBe(false);
    expect((await ctx.request({ method: 'GET', url: '/api/auth/me', cookie: session })).status).toBe(401);
    const again = await ctx.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'leaving', password: 'Start#2025x' },
      remoteAddress: '10.5.5.5',
    });
    expect(again.status).toBe(403);
    expect(again.json.error.code).toBe('ACCOUNT_INACTIVE');
  });

  it('admin reset: the old password stops working, the new one must be changed', async () => {
    const created = await ctx.request({
      method: 'POST',
      url: '/api/users',
      cookie: admin,
      payload: newUser({ username: 'forgetful' }),
    });
    const reset = await ctx.request({
      method: 'POST',
      url: `/api/users/${created.json.id}/reset-password`,
      cookie: admin,
      payload: { newPassword: 'Reset#2025y' },
    });
    expect(reset.status).toBe(204);
    await expect(ctx.login('forgetful', 'Start#2025x')).rejects.toThrow();
    const session = await ctx.login('forgetful', 'Reset#2025y');
    const me = await ctx.request({ method: 'GET', url: '/api/auth/me', cookie: session });
    expect(me.json.mustChangePassword).toBe(true);
  });

  it('an admin cannot deactivate themselves or drop their own admin role', async () => {
    const me = await ctx.request({ method: 'GET', url: '/api/auth/me', cookie: admin });
    const off = await ctx.request({
      method: 'PATCH',
      url: `/api/users/${me.json.id}`,
      cookie: admin,
      payload: { isActive: false },
    });
    expect(off.status).toBe(409);
    const demote = await ctx.request({
      method: 'PATCH',
      url: `/api/users/${me.json.id}`,
      cookie: admin,
      payload: { roles: ['supervisor'] },
    });
    expect(demote.status).toBe(409);
  });

  it('a legal officer reads only their agency; an officer may not list accounts', async () => {
    const legal = await ctx.login('legal');
    const list = await ctx.request({ method: 'GET', url: '/api/users?pageSize=100', cookie: legal });
    expect(
      list.json.items.every((user: { orgName: string }) =>
        ['法规股', '市场监管综合行政执法大队', '博湖县市场监督管理局', '食品安全监督管理股'].includes(
          user.orgName,
        ),
      ),
    ).toBe(true);
    expect(list.json.items.some((user: { username: string }) => user.username === 'admin')).toBe(false);
    const officer = await ctx.login('officer');
    expect((await ctx.request({ method: 'GET', url: '/api/users', cookie: officer })).status).toBe(403);
  });
});
