import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createForeignCounty, demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';

let ctx: TestContext;
let admin: string;
let legal: string;
let teamId: number;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.login('admin');
  legal = await ctx.login('legal');
  teamId = (await demoOrgByName(ctx.db, '市场监管综合行政执法大队')).id;
});
afterAll(() => ctx.close());

async function createOfficer(name: string, orgId = teamId, cookie = legal) {
  const response = await ctx.request({
    method: 'POST',
    url: '/api/officers',
    cookie,
    payload: { name, gender: 'female', orgId, phone: '13912345678' },
  });
  expect(response.status, JSON.stringify(response.json)).toBe(201);
  return response.json as { id: number };
}

async function createAccount(username: string, orgId = teamId, cookie = admin) {
  const response = await ctx.request({
    method: 'POST',
    url: '/api/users',
    cookie,
    payload: { username, displayName: username, orgId, roles: ['officer'], password: 'Init#2025ab' },
  });
  expect(response.status, JSON.stringify(response.json)).toBe(201);
  return response.json as { id: number };
}

const link = (userId: number, officerId: number | null, cookie = admin) =>
  ctx.request({ method: 'PUT', url: `/api/users/${userId}/officer`, cookie, payload: { officerId } });

const auditActions = async (officerId: number) =>
  (
    await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'officer')
      .where('entity_id', '=', String(officerId))
      .orderBy('id')
      .execute()
  ).map((row) => row.action);

describe('账号管理: linking an account to an officer archive', () => {
  it('links, shows the link on the account, refuses a second account or a second officer, unlinks; audited', async () => {
    const officer = await createOfficer('关联测试甲');
    const other = await createOfficer('关联测试乙');
    const account = await createAccount('link.first');
    const second = await createAccount('link.second');

    const linked = await link(account.id, officer.id);
    expect(linked.status, JSON.stringify(linked.json)).toBe(200);
    expect(linked.json).toEqual({ userId: account.id, officer: { id: officer.id, name: '关联测试甲' } });
    const view = await ctx.request({ method: 'GET', url: `/api/users/${account.id}`, cookie: admin });
    expect(view.json.officer).toEqual({ id: officer.id, name: '关联测试甲' });

    // one officer ↔ at most one account, refused at the field with what it is linked to
    const taken = await link(second.id, officer.id);
    expect(taken.status).toBe(400);
    expect(taken.json.error.fields).toEqual([
      { field: 'officerId', message: '「关联测试甲」已关联账号「link.first」，一名执法人员只能关联一个账号' },
    ]);
    const busy = await link(account.id, other.id);
    expect(busy.status).toBe(400);
    expect(busy.json.error.fields[0]).toEqual({
      field: 'officerId',
      message: '该账号已关联执法人员「关联测试甲」，请先解除关联再关联其他档案',
    });

    const unlinked = await link(account.id, null);
    expect(unlinked.json).toEqual({ userId: account.id, officer: null });
    expect((await link(second.id, officer.id)).status).toBe(200);
    expect(await auditActions(officer.id)).toEqual([
      'officer.create',
      'officer.account_link',
      'officer.account_unlink',
      'officer.account_link',
    ]);
  });

  it('refuses a non-admin, and an officer or account outside the admin’s county', async () => {
    const officer = await createOfficer('关联测试丙');
    const account = await createAccount('link.third');
    expect((await link(account.id, officer.id, legal)).status).toBe(403);

    const foreign = await createForeignCounty(ctx.db, 'lk');
    const foreignAdmin = await ctx.login(foreign.usernames.admin);
    // another county's admin reaches neither this account nor this officer
    expect((await link(account.id, null, foreignAdmin)).status).toBe(404);
    const foreignAccount = await createAccount('link.foreign', foreign.section.id, foreignAdmin);
    const outside = await link(foreignAccount.id, officer.id, foreignAdmin);
    expect(outside.status).toBe(400);
    expect(outside.json.error.fields[0]).toEqual({
      field: 'officerId',
      message: '执法人员不存在或不在管辖范围内',
    });
    expect(await auditActions(officer.id)).toEqual(['officer.create']);
  });
});

describe('本人更正联系方式', () => {
  it('lets an officer correct their own phone and e-mail only, audited; other fields and other profiles refused', async () => {
    // the demo officer account, linked to its profile (created here if the demo has none)
    const account = await ctx.db
      .selectFrom('user_account')
      .select('id')
      .where('username', '=', 'officer')
      .executeTakeFirstOrThrow();
    const linked = await ctx.db
      .selectFrom('officer')
      .select(['id', 'name'])
      .where('user_id', '=', account.id)
      .executeTakeFirst();
    const own = linked ?? (await createOfficer('本人测试'));
    if (!linked) expect((await link(account.id, own.id)).status).toBe(200);
    const ownName = linked?.name ?? '本人测试';
    const other = await createOfficer('他人测试');
    const officer = await ctx.login('officer');

    const saved = await ctx.request({
      method: 'PATCH',
      url: '/api/officers/me/contact',
      cookie: officer,
      payload: { phone: '13800001111', email: 'benren@example.com' },
    });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    expect(saved.json).toMatchObject({ id: own.id, phone: '13800001111', email: 'benren@example.com' });
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after', 'actor_id'])
      .where('entity_type', '=', 'officer')
      .where('entity_id', '=', String(own.id))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      action: 'officer.contact_update',
      actor_id: account.id,
      after: { email: 'benren@example.com', phone: '138****1111' },
    });

    // any other field is refused at its name, and nothing is written
    const refused = await ctx.request({
      method: 'PATCH',
      url: '/api/officers/me/contact',
      cookie: officer,
      payload: { phone: '13800002222', name: '改名', orgId: teamId },
    });
    expect(refused.status).toBe(400);
    expect(refused.json.error.fields.map((field: { field: string }) => field.field)).toEqual([
      'name',
      'orgId',
    ]);
    expect(refused.json.error.fields[0].message).toBe(
      '本人只能更正联系电话和电子邮箱，其他档案信息请联系法制机构修改',
    );
    const badEmail = await ctx.request({
      method: 'PATCH',
      url: '/api/officers/me/contact',
      cookie: officer,
      payload: { email: 'not-an-email' },
    });
    expect(badEmail.status).toBe(400);
    expect(badEmail.json.error.fields[0].field).toBe('email');
    const row = await ctx.db
      .selectFrom('officer')
      .select(['name', 'phone'])
      .where('id', '=', own.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: ownName, phone: '13800001111' });

    // another officer's profile cannot be written by an officer at all
    const otherWrite = await ctx.request({
      method: 'PATCH',
      url: `/api/officers/${other.id}`,
      cookie: officer,
      payload: { phone: '13800003333' },
    });
    expect([403, 404]).toContain(otherWrite.status);
    // a role without an own profile to correct is refused
    const byLegal = await ctx.request({
      method: 'PATCH',
      url: '/api/officers/me/contact',
      cookie: legal,
      payload: { phone: '13800004444' },
    });
    expect(byLegal.status).toBe(403);
  });
});
