import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';

let ctx: TestContext;
let admin: string;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.login('admin');
});
afterAll(() => ctx.close());

const workingDay = (date: string, add: number) =>
  ctx.request({ method: 'GET', url: `/api/calendar/working-day?date=${date}&add=${add}`, cookie: admin });

describe('working-day calendar', () => {
  it('counts three working days across the 2024 National Day holiday (Oct 12 was a 调休 Saturday)', async () => {
    const response = await workingDay('2024-09-30', 3);
    // 10-01…10-07 off; 10-08 Tue, 10-09 Wed, 10-10 Thu
    expect(response.json).toMatchObject({ isWorkingDay: true, dueOn: '2024-10-10', isYearKnown: true });
    expect((await workingDay('2024-10-12', 0)).json.isWorkingDay).toBe(true);
  });

  it('an admin override wins over the statutory calendar, and is audited', async () => {
    const set = await ctx.request({
      method: 'PUT',
      url: '/api/calendar/overrides/2024-10-08',
      cookie: admin,
      payload: { isWorkingDay: false, note: '县政府决定调休' },
    });
    expect(set.status).toBe(200);
    expect((await workingDay('2024-09-30', 3)).json.dueOn).toBe('2024-10-11');
    const list = await ctx.request({
      method: 'GET',
      url: '/api/calendar/overrides?year=2024',
      cookie: admin,
    });
    expect(list.json).toEqual([{ day: '2024-10-08', isWorkingDay: false, note: '县政府决定调休' }]);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'calendar_override')
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['calendar.override_set']);
    expect(
      (await ctx.request({ method: 'DELETE', url: '/api/calendar/overrides/2024-10-08', cookie: admin }))
        .status,
    ).toBe(204);
    expect((await workingDay('2024-09-30', 3)).json.dueOn).toBe('2024-10-10');
  });

  it('refuses an impossible date, and writes by non-admins', async () => {
    expect(
      (
        await ctx.request({
          method: 'PUT',
          url: '/api/calendar/overrides/2024-02-30',
          cookie: admin,
          payload: { isWorkingDay: true },
        })
      ).status,
    ).toBe(400);
    const supervisor = await ctx.login('supervisor');
    expect(
      (
        await ctx.request({
          method: 'PUT',
          url: '/api/calendar/overrides/2024-10-08',
          cookie: supervisor,
          payload: { isWorkingDay: true },
        })
      ).status,
    ).toBe(403);
  });
});
