import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../../../common/calendar.ts';
import { todayInShanghai } from '../../../../common/format.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { demoAgencies } from '../coordination.fixtures.ts';

let ctx: TestContext;
let cookies: Record<'supervisor' | 'legal' | 'nongye', string>;
let agencies: Awaited<ReturnType<typeof demoAgencies>>;
const today = todayInShanghai(new Date());
const base = '/api/coordination/liaison';

beforeAll(async () => {
  ctx = await createTestContext();
  agencies = await demoAgencies(ctx.db);
  const names = ['supervisor', 'legal', 'nongye'] as const;
  cookies = Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await ctx.login(name)] as const)),
  ) as typeof cookies;
});
afterAll(() => ctx.close());

const post = (cookie: string, url: string, payload: object = {}) =>
  ctx.request({ method: 'POST', url, cookie, payload });

async function caseOf(orgPath: string) {
  return ctx.db
    .selectFrom('enforcement_case')
    .innerJoin('org', 'org.id', 'enforcement_case.org_id')
    .select(['enforcement_case.id', 'enforcement_case.case_no'])
    .where('org.path', 'like', `${orgPath}%`)
    .orderBy('enforcement_case.id')
    .executeTakeFirstOrThrow();
}

describe('liaison log (第十条)', () => {
  it('logs a case transfer by the agency: the case is required and its own, then receipt and outcome', async () => {
    const marketCase = await caseOf(agencies.market.path);
    const agriCase = await caseOf(agencies.agri.path);
    const transfer = {
      kind: 'case_transfer',
      counterpart: 'judicial',
      counterpartName: '博湖县公安局',
      subject: '涉嫌销售假冒注册商标商品案',
      reason: '涉案金额超过刑事立案追诉标准，依法移送',
      sentOn: today,
    };
    const noCase = await post(cookies.legal, base, transfer);
    expect(noCase.json.error.fields).toEqual([{ field: 'caseId', message: '案件移送请选择所移送的案件' }]);
    const otherCase = await post(cookies.legal, base, { ...transfer, caseId: agriCase.id });
    expect(otherCase.json.error.fields[0].field).toBe('caseId');
    const created = await post(cookies.legal, base, { ...transfer, caseId: marketCase.id });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      orgName: '博湖县市场监督管理局',
      caseNo: marketCase.case_no,
      status: 'sent',
      dueOn: addCalendarDays(today, 15),
      deadline: { label: '接收回执', state: 'normal' },
    });
    const id = created.json.id;
    // the other agency neither sees nor follows it
    const agri = await ctx.request({ method: 'GET', url: base, cookie: cookies.nongye });
    expect(agri.json.items.map((item: { id: number }) => item.id)).not.toContain(id);
    expect(
      (await post(cookies.nongye, `${base}/${id}/receipt`, { receiptOn: today, receiptBy: '王某' })).status,
    ).toBe(404);
    const received = await post(cookies.legal, `${base}/${id}/receipt`, {
      receiptOn: today,
      receiptBy: '公安局法制大队 王某',
    });
    expect(received.json).toMatchObject({ status: 'received', deadline: { label: '办理结果' } });
    const done = await post(cookies.supervisor, `${base}/${id}/outcome`, {
      outcome: '已立案侦查',
      outcomeOn: today,
    });
    expect(done.json).toMatchObject({ status: 'done', deadline: null });
    expect(
      (await post(cookies.supervisor, `${base}/${id}/outcome`, { outcome: '再', outcomeOn: today })).status,
    ).toBe(409);
  });

  it('shows 逾期 for an open entry past its due date, filters by it and exports', async () => {
    const sentOn = addCalendarDays(today, -30);
    const created = await post(cookies.supervisor, base, {
      kind: 'information_exchange',
      counterpart: 'congress',
      counterpartName: '县人大常委会法工委',
      orgId: agencies.agri.id,
      subject: '农业执法情况报告',
      reason: '执法检查配合',
      sentOn,
      dueOn: addCalendarDays(today, -1),
    });
    expect(created.json.deadline).toMatchObject({ state: 'overdue', stateLabel: '逾期' });
    const overdue = await ctx.request({
      method: 'GET',
      url: `${base}?deadlineState=overdue`,
      cookie: cookies.supervisor,
    });
    expect(overdue.json.items.map((item: { id: number }) => item.id)).toContain(created.json.id);
    expect(
      overdue.json.items.every((item: { deadline: { state: string } }) => item.deadline.state === 'overdue'),
    ).toBe(true);
    const sheet = await ctx.request({
      method: 'GET',
      url: `${base}/export.xlsx?orgId=${agencies.agri.id}`,
      cookie: cookies.supervisor,
    });
    expect(String(sheet.headers['content-type'])).toContain('spreadsheetml');
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'coordination_liaison.export')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ filter: { orgId: agencies.agri.id } });
  });

  it('pages on the server and filters by organisation, sending date and keyword', async () => {
    const marker = `衔接分页${Date.now()}`;
    const made: number[] = [];
    for (let index = 0; index < 3; index += 1) {
      const created = await post(cookies.supervisor, base, {
        kind: 'issue_report',
        counterpart: 'supervisory',
        counterpartName: index === 2 ? '县纪委监委第三监督检查室' : '县纪委监委',
        orgId: index === 0 ? agencies.agri.id : agencies.market.id,
        subject: `${marker}${index}`,
        reason: '问题线索',
        sentOn: addCalendarDays(today, -index * 10),
      });
      expect(created.status).toBe(201);
      made.push(created.json.id);
    }
    const get = async (query: string) =>
      (await ctx.request({ method: 'GET', url: `${base}?${query}`, cookie: cookies.supervisor })).json;
    const ids = (json: { items: Array<{ id: number }> }) => json.items.map((item) => item.id);
    const keyword = `keyword=${encodeURIComponent(marker)}`;
    const page = await get(`${keyword}&pageSize=2&page=2`);
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(ids(page)).toEqual([made[2]]);
    expect(ids(await get(`${keyword}&orgId=${agencies.market.id}`))).toEqual([made[1], made[2]]);
    expect(ids(await get(`${keyword}&sentFrom=${addCalendarDays(today, -15)}&sentTo=${today}`))).toEqual([
      made[0],
      made[1],
    ]);
    expect(ids(await get(`keyword=${encodeURIComponent('第三监督检查室')}`))).toEqual([made[2]]);
  });
});
