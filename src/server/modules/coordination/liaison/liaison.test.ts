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
      url: `${base}/export.xlsx`,
      cookie: cookies.supervisor,
    });
    expect(String(sheet.headers['content-type'])).toContain('spreadsheetml');
  });
});
