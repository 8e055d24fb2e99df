import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../../../common/format.ts';
import { demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { monthsOf, percent, periodBounds } from './cockpit.service.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const year = Number(todayInShanghai(new Date()).slice(0, 4));

async function cockpitOf(username: string, query = '') {
  const cookie = await ctx.login(username);
  return ctx.request({ method: 'GET', url: `/api/workbench/cockpit${query}`, cookie });
}

/** Cases filed this year under the path, counted straight from the table (not by the cockpit's query). */
async function casesFiledUnder(path: string) {
  const row = await sql<{ count: string }>`
    select count(*) as count from enforcement_case join org on org.id = enforcement_case.org_id
    where org.path like ${`${path}%`} and filed_on between ${`${year}-01-01`} and ${`${year}-12-31`}`.execute(
    ctx.db,
  );
  return Number(row.rows[0]!.count);
}

describe('GET /api/workbench/cockpit', () => {
  it('gives a supervisor the whole county, its case count equal to the records', async () => {
    const response = await cockpitOf('supervisor');
    expect(response.status).toBe(200);
    expect(response.json.org.isCounty).toBe(true);
    expect(response.json.casesByMonth.total).toBe(await casesFiledUnder('/1/'));
    expect(response.json.casesByMonth.total).toBeGreaterThan(0);
    expect(response.json.casesByMonth.months).toHaveLength(12);
    expect(response.json.units.length).toBeGreaterThan(3);
    const { records } = response.json;
    expect(records.onTime + records.late + records.overdue + records.dueSoon + records.normal).toBe(
      records.closed,
    );
  });

  it('gives an agency’s legal officer their own agency only, and refuses another agency', async () => {
    const market = await demoOrgByName(ctx.db, '博湖县市场监督管理局');
    const land = await demoOrgByName(ctx.db, '博湖县自然资源局');
    const response = await cockpitOf('legal');
    expect(response.status).toBe(200);
    expect(response.json.org).toMatchObject({ id: market.id, isCounty: false });
    expect(response.json.units.map((unit: { orgId: number }) => unit.orgId)).toEqual([market.id]);
    expect(response.json.casesByMonth.total).toBe(await casesFiledUnder(market.path));
    expect((await cockpitOf('legal', `?orgId=${land.id}`)).status).toBe(404);
  });

  it('narrows to the org filter and the quarter', async () => {
    const land = await demoOrgByName(ctx.db, '博湖县自然资源局');
    const response = await cockpitOf('supervisor', `?orgId=${land.id}&year=${year}&quarter=1`);
    expect(response.status).toBe(200);
    expect(response.json.org.id).toBe(land.id);
    expect(response.json.casesByMonth.months).toEqual([`${year}-01`, `${year}-02`, `${year}-03`]);
  });

  it('refuses an officer (no cockpit.read) and a bad quarter', async () => {
    expect((await cockpitOf('officer')).status).toBe(403);
    expect((await cockpitOf('supervisor', '?quarter=5')).status).toBe(400);
  });
});

describe('cockpit arithmetic', () => {
  it.each([
    [2026, null, '2026-01-01', '2026-12-31'],
    [2026, 1, '2026-01-01', '2026-03-31'],
    [2024, 1, '2024-01-01', '2024-03-31'],
    [2026, 4, '2026-10-01', '2026-12-31'],
    [2026, 2, '2026-04-01', '2026-06-30'],
  ])('periodBounds(%i, %s) = %s … %s', (periodYear, quarter, from, to) => {
    expect(periodBounds(periodYear, quarter)).toMatchObject({ from, to });
  });
  it('lists the months of a period', () => {
    expect(monthsOf('2026-11-01', '2027-01-31')).toEqual(['2026-11', '2026-12', '2027-01']);
  });
  it.each([
    [1, 3, 33.3],
    [0, 0, null],
    [7, 7, 100],
  ])('percent(%i, %i) = %s', (part, whole, expected) => {
    expect(percent(part, whole)).toBe(expected);
  });
});

describe('the supervision-notice figures drill down to exactly the notices they count', () => {
  it('open and overdue in the cockpit equal the totals of the notices list under the link’s filters', async () => {
    const today = todayInShanghai(new Date());
    const { addCalendarDays } = await import('../../../../common/calendar.ts');
    const { seedDemoSupervision } = await import('../../../seed/demo-supervision.ts');
    await seedDemoSupervision(ctx.db, today); // the unit-test template leaves supervision empty
    const yesterday = addCalendarDays(today, -1);
    const inYear = today.slice(0, 4) === yesterday.slice(0, 4) ? yesterday : today;
    // demo notices set to one of each situation, issued in this year's period
    const notices = await ctx.db
      .selectFrom('supervision_notice')
      .select('id')
      .orderBy('id')
      .limit(4)
      .execute();
    expect(notices.length).toBeGreaterThanOrEqual(4);
    const situations = [
      { state: 'served', report_due_on: yesterday }, // open, overdue
      { state: 'returned', report_due_on: addCalendarDays(today, 10) }, // open, not overdue
      { state: 'reported', report_due_on: yesterday }, // open: the report is in, so not overdue
      { state: 'accepted', report_due_on: yesterday }, // closed
    ] as const;
    for (const [index, notice] of notices.entries())
      await ctx.db
        .updateTable('supervision_notice')
        .set({
          ...situations[index]!,
          issued_on: inYear,
          served_on: inYear,
          number: `驾驶舱测试${notice.id}号`,
        })
        .where('id', '=', notice.id)
        .execute();

    const cookie = await ctx.login('juzhang');
    const cockpit = (await ctx.request({ method: 'GET', url: '/api/workbench/cockpit', cookie })).json;
    const { from, to } = cockpit.period;
    const listTotal = async (situation: string) => {
      const url = `/api/supervision/notices?orgId=${cockpit.org.id}&issuedFrom=${from}&issuedTo=${to}&situation=${situation}&pageSize=200`;
      const response = await ctx.request({ method: 'GET', url, cookie });
      expect(response.status).toBe(200);
      return response.json;
    };
    const open = await listTotal('open');
    const overdue = await listTotal('overdue');
    expect(cockpit.notices.open).toBeGreaterThanOrEqual(3);
    expect(cockpit.notices.overdue).toBeGreaterThanOrEqual(1);
    expect(open.total).toBe(cockpit.notices.open);
    expect(overdue.total).toBe(cockpit.notices.overdue);
    const ids = (page: { items: Array<{ id: number }> }) => page.items.map((item) => item.id);
    expect(ids(open)).toEqual(expect.arrayContaining(notices.slice(0, 3).map((notice) => notice.id)));
    expect(ids(open)).not.toContain(notices[3]!.id);
    expect(ids(overdue)).toContain(notices[0]!.id);
    expect(ids(overdue)).not.toContain(notices[2]!.id);
    const bad = await ctx.request({ method: 'GET', url: '/api/supervision/notices?situation=late', cookie });
    expect(bad.json.error.fields[0].field).toBe('situation');
  });
});
