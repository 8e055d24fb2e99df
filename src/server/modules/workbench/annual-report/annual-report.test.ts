import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../../../common/format.ts';
import { docxText } from '../../../testing/docx-text.ts';
import { demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { addOfficer, caseBody } from '../../cases/cases-fixtures.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const thisYear = Number(todayInShanghai(new Date()).slice(0, 4));

describe('行政执法数据年报', () => {
  it('computes an agency’s penalties from its cases, 无相关职责 for kinds it does not hold', async () => {
    const market = await demoOrgByName(ctx.db, '博湖县市场监督管理局');
    await ctx.db
      .deleteFrom('org_duty')
      .where('org_id', '=', market.id)
      .where('case_kind', '=', 'adjudication')
      .execute();
    const cookie = await ctx.login('legal');
    const response = await ctx.request({
      method: 'GET',
      url: `/api/workbench/annual-report?year=${thisYear}`,
      cookie,
    });
    expect(response.status).toBe(200);
    expect(response.json.total).toBeNull();
    const [row] = response.json.units;
    expect(row.orgId).toBe(market.id);
    const penaltyCases = Object.values(row.penalties as Record<string, number>).reduce(
      (sum, count) => sum + count,
      0,
    );
    const closedPenalties = await ctx.db
      .selectFrom('enforcement_case')
      .innerJoin('org', 'org.id', 'enforcement_case.org_id')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('org.path', 'like', `${market.path}%`)
      .where('enforcement_case.kind', '=', 'penalty')
      .where('closed_on', '>=', `${thisYear}-01-01`)
      .where('closed_on', '<=', `${thisYear}-12-31`)
      .executeTakeFirstOrThrow();
    expect(penaltyCases + row.penaltyUntyped).toBe(Number(closedPenalties.count));
    expect(row.kinds.penalty).toBe(Number(closedPenalties.count));
    if (row.kindsWithoutDuty.includes('adjudication')) expect(row.kinds.adjudication).toBeGreaterThan(0);
    else expect(row.kinds.adjudication).toBeNull();
  });

  it('counts 行政征用 (requisition) where the agency holds the duty, 无相关职责 where it does not', async () => {
    const market = await demoOrgByName(ctx.db, '博湖县市场监督管理局');
    const team = await demoOrgByName(ctx.db, '市场监管综合行政执法大队');
    await ctx.db
      .insertInto('org_duty')
      .values({ org_id: market.id, case_kind: 'requisition' })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const handlers = [
      await addOfficer(ctx.db, team.id, '征用甲', { today: `${thisYear}-01-01` }),
      await addOfficer(ctx.db, team.id, '征用乙', { today: `${thisYear}-01-01` }),
    ];
    const legal = await ctx.login('legal');
    const report = async () =>
      (
        await ctx.request({
          method: 'GET',
          url: `/api/workbench/annual-report?year=${thisYear}`,
          cookie: legal,
        })
      ).json.units[0].kinds.requisition as number | null;
    const before = await report();
    expect(before).toBe(0); // the duty is held, no case yet: 0, not 无相关职责
    const day = `${thisYear}-01-05`;
    const created = await ctx.request({
      method: 'POST',
      url: '/api/cases',
      cookie: legal,
      payload: caseBody(team.id, handlers, {
        kind: 'requisition',
        caseNo: `博市监征用〔${thisYear}〕1号`,
        name: '征用抢险救灾车辆',
        filedOn: day,
        closedOn: day,
      }),
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(await report()).toBe(1);
    // another agency holds no such duty: null (printed 无相关职责)
    const supervisor = await ctx.login('supervisor');
    const county = await ctx.request({
      method: 'GET',
      url: `/api/workbench/annual-report?year=${thisYear}`,
      cookie: supervisor,
    });
    const agri = county.json.units.find((row: { name: string }) => row.name === '博湖县农业农村局');
    expect(agri.kinds.requisition).toBeNull();
    const docx = await ctx.app.inject({
      method: 'GET',
      url: `/api/workbench/annual-report.docx?year=${thisYear}`,
      headers: { cookie: supervisor },
    });
    expect(docxText(docx.rawPayload)).toContain('征用');
  });

  it('gives the supervisor every agency and the county total; a legal officer cannot ask for another agency', async () => {
    const supervisor = await ctx.login('supervisor');
    const county = await ctx.request({
      method: 'GET',
      url: `/api/workbench/annual-report?year=${thisYear}`,
      cookie: supervisor,
    });
    expect(county.status).toBe(200);
    expect(county.json.units.length).toBeGreaterThan(5);
    expect(county.json.total.officers).toBe(
      county.json.units.reduce((sum: number, row: { officers: number }) => sum + row.officers, 0),
    );
    const land = await demoOrgByName(ctx.db, '博湖县自然资源局');
    const legal = await ctx.login('legal');
    const denied = await ctx.request({
      method: 'GET',
      url: `/api/workbench/annual-report?orgId=${land.id}`,
      cookie: legal,
    });
    expect(denied.status).toBe(404);
  });

  it('prints the DOCX (through the shared renderer) and the XLSX', async () => {
    const cookie = await ctx.login('supervisor');
    const docx = await ctx.app.inject({
      method: 'GET',
      url: `/api/workbench/annual-report.docx?year=${thisYear}`,
      headers: { cookie },
    });
    expect(docx.statusCode).toBe(200);
    const text = docxText(docx.rawPayload);
    expect(text).toContain(`${thisYear}年度行政执法数据年报`);
    expect(text).toContain('罚款（元）');
    const xlsx = await ctx.app.inject({
      method: 'GET',
      url: `/api/workbench/annual-report.xlsx?year=${thisYear}`,
      headers: { cookie },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('puts last year’s report in the legal officer’s to-dos until it is handed in, once', async () => {
    const cookie = await ctx.login('legal');
    const kinds = async () =>
      (await ctx.request({ method: 'GET', url: '/api/workbench/todos', cookie })).json.items.map(
        (item: { kind: string }) => item.kind,
      );
    expect(await kinds()).toContain('annual_report.submit');
    const market = await demoOrgByName(ctx.db, '博湖县市场监督管理局');
    const body = { year: thisYear - 1, orgId: market.id };
    const submitted = await ctx.request({
      method: 'POST',
      url: '/api/workbench/annual-report/submit',
      cookie,
      payload: body,
    });
    expect(submitted.status).toBe(200);
    expect(await kinds()).not.toContain('annual_report.submit');
    const again = await ctx.request({
      method: 'POST',
      url: '/api/workbench/annual-report/submit',
      cookie,
      payload: body,
    });
    expect(again.status).toBe(409);
    const supervisor = await ctx.login('supervisor');
    const refused = await ctx.request({
      method: 'POST',
      url: '/api/workbench/annual-report/submit',
      cookie: supervisor,
      payload: body,
    });
    expect(refused.status).toBe(403);
  });
});
