/**
 * What the audit log missed (issue 11 item 12): bulk exports of personal and case data, the right
 * password on a deactivated account, and system-wide rows (failed logins with unknown usernames —
 * password spraying) that were chained but never shown to the administrator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';

let ctx: TestContext;
let admin: string;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.login('admin');
});
afterAll(() => ctx.close());

const auditRows = async (action: string) =>
  (await ctx.request({ method: 'GET', url: `/api/audit?action=${action}&pageSize=50`, cookie: admin })).json
    .items as Array<{ actorName: string | null; action: string; after: Record<string, unknown> | null }>;

describe('audit gaps', () => {
  it.each([
    ['officer', '/api/officers/export.xlsx?keyword=%E5%BC%A0'],
    ['case', '/api/cases/export.xlsx'],
    ['complaint', '/api/complaints/export.xlsx'],
    ['training', '/api/trainings/export.xlsx'],
  ])('records who exported the %s list, how many rows and under which filter', async (entity, url) => {
    const legal = await ctx.login('legal');
    const download = await ctx.app.inject({ method: 'GET', url, headers: { cookie: legal } });
    expect(download.statusCode).toBe(200);
    const [row] = await auditRows(`${entity}.export`);
    expect(row?.actorName).toBeTruthy();
    expect(row?.after).toMatchObject({ rows: expect.any(Number), filter: expect.any(Object) });
    if (entity === 'officer') expect(row?.after?.filter).toMatchObject({ keyword: '张' });
  });

  it('records the right password on a deactivated account', async () => {
    const users = (await ctx.request({ method: 'GET', url: '/api/users?keyword=assessor', cookie: admin }))
      .json;
    const assessor = users.items.find((user: { username: string }) => user.username === 'assessor');
    const off = await ctx.request({
      method: 'PATCH',
      url: `/api/users/${assessor.id}`,
      cookie: admin,
      payload: { isActive: false },
    });
    expect(off.status, JSON.stringify(off.json)).toBe(200);
    const login = await ctx.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'assessor', password: 'Fazhi@2025' },
    });
    expect(login.status).toBe(403);
    expect((await auditRows('auth.login_inactive')).length).toBe(1);
  });

  it('shows the administrator failed logins for usernames that do not exist', async () => {
    const spray = await ctx.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'no-such-user-42', password: 'Spray@2025' },
    });
    expect(spray.status).toBe(401);
    const rows = await auditRows('auth.login_failed');
    expect(rows.some((row) => row.after?.username === 'no-such-user-42')).toBe(true);
  });
});
