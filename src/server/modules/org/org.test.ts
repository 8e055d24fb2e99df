import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOrgByName } from '../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';

let ctx: TestContext;
let admin: string;
let marketId: number;
let townshipId: number;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.login('admin');
  marketId = (await demoOrgByName(ctx.db, '博湖县市场监督管理局')).id;
  townshipId = (await demoOrgByName(ctx.db, '博湖镇人民政府')).id;
});
afterAll(() => ctx.close());

const post = (url: string, payload: object, cookie = admin) =>
  ctx.request({ method: 'POST', url, payload, cookie });
const patch = (url: string, payload: object, cookie = admin) =>
  ctx.request({ method: 'PATCH', url, payload, cookie });

describe('organisation tree', () => {
  it('lists the whole demo county for an admin, with Chinese kind labels', async () => {
    const response = await ctx.request({ method: 'GET', url: '/api/orgs', cookie: admin });
    expect(response.status).toBe(200);
    const kinds = new Set(response.json.map((org: { kind: string }) => org.kind));
    expect([...kinds].sort()).toEqual([
      'agency',
      'government',
      'justice_bureau',
      'justice_office',
      'leading_group',
      'legal_unit',
      'section',
      'township',
    ]);
    expect(
      response.json.filter((org: { kind: string }) => org.kind === 'agency').length,
    ).toBeGreaterThanOrEqual(6);
    expect(response.json.filter((org: { kind: string }) => org.kind === 'justice_office')).toHaveLength(5);
    expect(response.json.find((org: { kind: string }) => org.kind === 'township').kindLabel).toBe(
      '乡镇人民政府',
    );
  });

  it('creates a section, audited with its after-image', async () => {
    const response = await post('/api/orgs', { parentId: marketId, kind: 'section', name: '网络交易监管股' });
    expect(response.status).toBe(201);
    expect(response.json.path).toMatch(new RegExp(`/${marketId}/${response.json.id}/$`));
    const audit = await ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'org.create')
      .where('entity_id', '=', String(response.json.id))
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ name: '网络交易监管股', kind: 'section' });
    expect(audit.actor_name).toBe('系统管理员');
  });

  it('refuses a justice office under an agency, naming the field and what is allowed', async () => {
    const response = await post('/api/orgs', {
      parentId: marketId,
      kind: 'justice_office',
      name: '错误司法所',
    });
    expect(response.status).toBe(400);
    expect(response.json.error.fields[0].field).toBe('kind');
    expect(response.json.error.message).toContain('可设立');
  });

  it("puts the field name in front of zod's own generic messages", async () => {
    const response = await post('/api/orgs', {
      parentId: marketId,
      kind: 'section',
      name: '排序错误',
      sortOrder: -1,
    });
    expect(response.status).toBe(400);
    expect(response.json.error.fields[0]).toMatchObject({ field: 'sortOrder' });
    expect(response.json.error.fields[0].message).toMatch(/^sortOrder：.*[\u4e00-\u9fff]/);
  });

  it('checks the unified social credit code with its GB 32100 checksum', async () => {
    const bad = await post('/api/orgs', {
      parentId: townshipId,
      kind: 'section',
      name: '信用代码错误测试',
      uscc: '91110108551385082A',
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields[0].field).toBe('uscc');
    expect(bad.json.error.fields[0].message).toContain('校验');
    const good = await post('/api/orgs', {
      parentId: townshipId,
      kind: 'section',
      name: '信用代码正确测试',
      uscc: '91110108551385082Q',
    });
    expect(good.status).toBe(201);
    const duplicate = await post('/api/orgs', {
      parentId: townshipId,
      kind: 'section',
      name: '另一个机构',
      uscc: '91110108551385082Q',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.error.message).toContain('统一社会信用代码');
  });

  it('refuses two siblings with one name (409) and changes nothing', async () => {
    const before = await ctx.db
      .selectFrom('org')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    const response = await post('/api/orgs', { parentId: marketId, kind: 'section', name: '法规股' });
    expect(response.status).toBe(409);
    const after = await ctx.db
      .selectFrom('org')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(after.count).toBe(before.count);
  });

  it('renames and keeps the before-image in the audit log', async () => {
    const created = await post('/api/orgs', { parentId: marketId, kind: 'section', name: '临时股' });
    const renamed = await patch(`/api/orgs/${created.json.id}`, { name: '价格监督检查股' });
    expect(renamed.status).toBe(200);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'org.update')
      .where('entity_id', '=', String(created.json.id))
      .executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ name: '临时股' });
    expect(audit.after).toMatchObject({ name: '价格监督检查股' });
  });

  it('moves a subtree and rewrites every descendant path, never under itself', async () => {
    const team = await post('/api/orgs', { parentId: marketId, kind: 'section', name: '稽查大队' });
    const squad = await post('/api/orgs', { parentId: team.json.id, kind: 'section', name: '稽查一中队' });
    const land = await demoOrgByName(ctx.db, '博湖县自然资源局');
    const moved = await post(`/api/orgs/${team.json.id}/move`, { parentId: land.id });
    expect(moved.status).toBe(200);
    const child = await ctx.request({ method: 'GET', url: `/api/orgs/${squad.json.id}`, cookie: admin });
    expect(child.json.path).toBe(`${land.path}${team.json.id}/${squad.json.id}/`);
    const cycle = await post(`/api/orgs/${team.json.id}/move`, { parentId: squad.json.id });
    expect(cycle.status).toBe(400);
  });

  it('deactivates only an org without active children or accounts; deletes only one without history', async () => {
    const market = await ctx.request({
      method: 'PATCH',
      url: `/api/orgs/${marketId}`,
      payload: { isActive: false },
      cookie: admin,
    });
    expect(market.status).toBe(409);
    const legalUnit = await demoOrgByName(ctx.db, '法规股');
    const withAccount = await ctx.request({
      method: 'DELETE',
      url: `/api/orgs/${legalUnit.id}`,
      cookie: admin,
    });
    expect(withAccount.status).toBe(409);
    expect(withAccount.json.error.message).toContain('只能停用');
    const empty = await post('/api/orgs', { parentId: marketId, kind: 'section', name: '误建股' });
    const off = await patch(`/api/orgs/${empty.json.id}`, { isActive: false });
    expect(off.json.isActive).toBe(false);
    const listed = await ctx.request({ method: 'GET', url: '/api/orgs', cookie: admin });
    expect(listed.json.some((org: { id: number }) => org.id === empty.json.id)).toBe(false);
    const withInactive = await ctx.request({
      method: 'GET',
      url: '/api/orgs?includeInactive=true',
      cookie: admin,
    });
    expect(withInactive.json.some((org: { id: number }) => org.id === empty.json.id)).toBe(true);
    expect(
      (await ctx.request({ method: 'DELETE', url: `/api/orgs/${empty.json.id}`, cookie: admin })).status,
    ).toBe(204);
  });

  it('lets only admins write (403 for a supervisor) and reports a missing org as 404', async () => {
    const supervisor = await ctx.login('supervisor');
    const response = await post(
      '/api/orgs',
      { parentId: marketId, kind: 'section', name: '越权股' },
      supervisor,
    );
    expect(response.status).toBe(403);
    expect(response.json.error.code).toBe('FORBIDDEN');
    expect((await ctx.request({ method: 'GET', url: '/api/orgs/999999', cookie: admin })).status).toBe(404);
  });

  it('answers 401 without a session', async () => {
    expect((await ctx.request({ method: 'GET', url: '/api/orgs' })).status).toBe(401);
  });
});
