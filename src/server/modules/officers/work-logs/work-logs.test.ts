import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../../../common/calendar.ts';
import { todayInShanghai } from '../../../../common/format.ts';
import { demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';

let ctx: TestContext;
let officer: string;
let ownId: number;
const today = todayInShanghai(new Date());

beforeAll(async () => {
  ctx = await createTestContext();
  const legal = await ctx.login('legal');
  officer = await ctx.login('officer');
  const user = await ctx.db
    .selectFrom('user_account')
    .select('id')
    .where('username', '=', 'officer')
    .executeTakeFirstOrThrow();
  const linked = await ctx.db
    .selectFrom('officer')
    .select('id')
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  if (linked) ownId = linked.id;
  else {
    const teamId = (await demoOrgByName(ctx.db, '市场监管综合行政执法大队')).id;
    const created = await ctx.request({
      method: 'POST',
      url: '/api/officers',
      cookie: legal,
      payload: { name: '张伟', gender: 'male', orgId: teamId, userId: user.id },
    });
    ownId = created.json.id;
  }
});
afterAll(() => ctx.close());

describe('work log (工作记实)', () => {
  it('an officer writes daily, weekly and self-evaluation entries into their own profile', async () => {
    for (const payload of [
      { kind: 'daily', periodStart: today, periodEnd: today, content: '开展食品经营户日常检查3家' },
      {
        kind: 'weekly',
        periodStart: addCalendarDays(today, -6),
        periodEnd: today,
        content: '本周办结简易程序案件2件',
      },
      {
        kind: 'self_evaluation',
        periodStart: addCalendarDays(today, -90),
        periodEnd: today,
        content: '本季度小结自评：较好',
      },
    ]) {
      const response = await ctx.request({ method: 'POST', url: '/api/work-logs', cookie: officer, payload });
      expect(response.status, JSON.stringify(response.json)).toBe(201);
      expect(response.json.officerId).toBe(ownId);
    }
    const own = await ctx.request({
      method: 'GET',
      url: `/api/work-logs?officerId=${ownId}&from=${today}`,
      cookie: officer,
    });
    expect(own.json.items.map((item: { kindLabel: string }) => item.kindLabel).sort()).toEqual(
      ['周记实', '小结自评', '日记实'].sort(),
    );
  });

  it('checks the period by kind', async () => {
    const daily = await ctx.request({
      method: 'POST',
      url: '/api/work-logs',
      cookie: officer,
      payload: { kind: 'daily', periodStart: addCalendarDays(today, -1), periodEnd: today, content: '两天' },
    });
    expect(daily.json.error.fields).toEqual([{ field: 'periodEnd', message: '日记实只能记录一天' }]);
    const weekly = await ctx.request({
      method: 'POST',
      url: '/api/work-logs',
      cookie: officer,
      payload: { kind: 'weekly', periodStart: addCalendarDays(today, -7), periodEnd: today, content: '八天' },
    });
    expect(weekly.json.error.fields[0].message).toBe('周记实最多记录七天');
    const future = await ctx.request({
      method: 'POST',
      url: '/api/work-logs',
      cookie: officer,
      payload: {
        kind: 'daily',
        periodStart: addCalendarDays(today, 1),
        periodEnd: addCalendarDays(today, 1),
        content: '明天',
      },
    });
    expect(future.json.error.fields[0].field).toBe('periodStart');
  });

  it('the legal officer and the leader read them per officer and per period, but cannot write', async () => {
    for (const username of ['legal', 'leader']) {
      const cookie = await ctx.login(username);
      const list = await ctx.request({
        method: 'GET',
        url: `/api/work-logs?officerId=${ownId}&from=${today}&to=${today}`,
        cookie,
      });
      expect(list.status).toBe(200);
      expect(list.json.total).toBe(3);
      const write = await ctx.request({
        method: 'POST',
        url: '/api/work-logs',
        cookie,
        payload: { kind: 'daily', periodStart: today, periodEnd: today, content: '代写' },
      });
      expect(write.status).toBe(403);
    }
    const to = addCalendarDays(today, -7);
    const earlier = await ctx.request({
      method: 'GET',
      url: `/api/work-logs?officerId=${ownId}&to=${to}&pageSize=200`,
      cookie: await ctx.login('legal'),
    });
    expect(earlier.json.items.every((item: { periodStart: string }) => item.periodStart <= to)).toBe(true);
    expect(earlier.json.items.map((item: { content: string }) => item.content)).toContain(
      '本季度小结自评：较好',
    );
    expect(earlier.json.items.map((item: { content: string }) => item.content)).not.toContain(
      '本周办结简易程序案件2件',
    );
  });

  it('only the author edits an entry; a reviewer reads none', async () => {
    const list = await ctx.request({
      method: 'GET',
      url: `/api/work-logs?officerId=${ownId}&kind=daily`,
      cookie: officer,
    });
    const id = list.json.items[0].id;
    const edited = await ctx.request({
      method: 'PATCH',
      url: `/api/work-logs/${id}`,
      cookie: officer,
      payload: { content: '修改后的记实' },
    });
    expect(edited.json.content).toBe('修改后的记实');
    const legal = await ctx.login('legal');
    expect(
      (
        await ctx.request({
          method: 'PATCH',
          url: `/api/work-logs/${id}`,
          cookie: legal,
          payload: { content: 'x' },
        })
      ).status,
    ).toBe(403);
    const reviewer = await ctx.login('reviewer');
    expect((await ctx.request({ method: 'GET', url: '/api/work-logs', cookie: reviewer })).status).toBe(403);
  });
});
