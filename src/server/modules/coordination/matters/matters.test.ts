import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../../../common/calendar.ts';
import { todayInShanghai } from '../../../../common/format.ts';
import { readSheet } from '../../../lib/xlsx.ts';
import { docxText } from '../../../testing/docx-text.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { demoAgencies } from '../coordination.fixtures.ts';

let ctx: TestContext;
let cookies: Record<'supervisor' | 'juzhang' | 'legal' | 'nongye', string>;
let agencies: Awaited<ReturnType<typeof demoAgencies>>;
const today = todayInShanghai(new Date());
const yearStart = `${today.slice(0, 4)}-01-01`;

beforeAll(async () => {
  ctx = await createTestContext();
  agencies = await demoAgencies(ctx.db);
  const names = ['supervisor', 'juzhang', 'legal', 'nongye'] as const;
  cookies = Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await ctx.login(name)] as const)),
  ) as typeof cookies;
});
afterAll(() => ctx.close());

const post = (cookie: string, url: string, payload: object = {}) =>
  ctx.request({ method: 'POST', url, cookie, payload });

describe('major and difficult matters (第九条)', () => {
  it('are logged, discussed with a meeting record and resolved; agencies see only their own', async () => {
    const created = await post(cookies.supervisor, '/api/coordination/matters', {
      title: '跨部门餐厨垃圾处置监管衔接',
      description: '餐厨垃圾收运、处置环节监管职责交叉，查处依据不一致。',
      orgId: agencies.market.id,
      raisedOn: today,
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ status: 'open', orgName: '博湖县市场监督管理局', canManage: true });
    expect(
      (
        await post(cookies.legal, '/api/coordination/matters', {
          title: 'x',
          description: 'x',
          raisedOn: today,
        })
      ).status,
    ).toBe(403);
    const url = `/api/coordination/matters/${created.json.id}`;
    const late = await post(cookies.supervisor, `${url}/meetings`, {
      heldOn: '2000-01-01',
      attendees: '甲',
      minutes: '乙',
    });
    expect(late.json.error.fields[0].field).toBe('heldOn');
    const discussed = await post(cookies.supervisor, `${url}/meetings`, {
      heldOn: today,
      attendees: '县司法局、市场监管局、城管局',
      minutes: '明确收运环节由城管局负责，经营环节由市场监管局负责。',
    });
    expect(discussed.json).toMatchObject({ status: 'discussed', meetings: [{ heldOn: today }] });
    const resolved = await post(cookies.supervisor, `${url}/resolve`, { resolution: '按会议记录分工执行。' });
    expect(resolved.json).toMatchObject({ status: 'resolved', resolvedOn: today, canManage: false });
    expect((await post(cookies.supervisor, `${url}/resolve`, { resolution: '再次' })).status).toBe(409);
    const market = await ctx.request({
      method: 'GET',
      url: '/api/coordination/matters',
      cookie: cookies.legal,
    });
    expect(market.json.items.map((item: { id: number }) => item.id)).toContain(created.json.id);
    const agri = await ctx.request({
      method: 'GET',
      url: '/api/coordination/matters',
      cookie: cookies.nongye,
    });
    expect(agri.json.items.map((item: { id: number }) => item.id)).not.toContain(created.json.id);
  });
});

describe('the major-matters list', () => {
  const get = (url: string) => ctx.request({ method: 'GET', url, cookie: cookies.supervisor });
  const ids = (json: { items: Array<{ id: number }> }) => json.items.map((item) => item.id);

  it('pages on the server and filters by status, organisation, raised date and keyword; exports the same, audited', async () => {
    const marker = `分页筛选${Date.now()}`;
    const made: number[] = [];
    for (let index = 0; index < 5; index += 1) {
      const created = await post(cookies.supervisor, '/api/coordination/matters', {
        title: `${marker}事项${index}`,
        description: index === 4 ? '涉及跨区域渣土运输' : '一般情况',
        orgId: index % 2 === 0 ? agencies.market.id : agencies.agri.id,
        raisedOn: addCalendarDays(today, -index * 10),
      });
      expect(created.status).toBe(201);
      made.push(created.json.id);
    }
    await post(cookies.supervisor, `/api/coordination/matters/${made[1]}/resolve`, { resolution: '已处理' });
    const keyword = encodeURIComponent(marker);

    const first = await get(`/api/coordination/matters?keyword=${keyword}&pageSize=2`);
    expect(first.json).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(ids(first.json)).toEqual([made[0], made[1]]);
    const third = await get(`/api/coordination/matters?keyword=${keyword}&pageSize=2&page=3`);
    expect(ids(third.json)).toEqual([made[4]]);

    const market = await get(`/api/coordination/matters?keyword=${keyword}&orgId=${agencies.market.id}`);
    expect(ids(market.json)).toEqual([made[0], made[2], made[4]]);
    const resolved = await get(`/api/coordination/matters?keyword=${keyword}&status=resolved`);
    expect(ids(resolved.json)).toEqual([made[1]]);
    const range = await get(
      `/api/coordination/matters?keyword=${keyword}&raisedFrom=${addCalendarDays(today, -25)}&raisedTo=${addCalendarDays(today, -5)}`,
    );
    expect(ids(range.json)).toEqual([made[1], made[2]]);
    // the keyword searches the description as well
    const byText = await get(`/api/coordination/matters?keyword=${encodeURIComponent('跨区域渣土')}`);
    expect(ids(byText.json)).toEqual([made[4]]);
    const backwards = await get(
      `/api/coordination/matters?raisedFrom=${today}&raisedTo=${addCalendarDays(today, -1)}`,
    );
    expect(backwards.json.error.fields[0]).toEqual({
      field: 'raisedTo',
      message: '结束日期不能早于开始日期',
    });

    const exported = await ctx.app.inject({
      method: 'GET',
      url: `/api/coordination/matters/export.xlsx?keyword=${keyword}&orgId=${agencies.market.id}`,
      headers: { cookie: cookies.supervisor },
    });
    expect(String(exported.headers['content-type'])).toContain('spreadsheetml');
    const rows = await readSheet(exported.rawPayload);
    expect(rows.map((row) => row.values.事项名称)).toEqual([
      `${marker}事项0`,
      `${marker}事项2`,
      `${marker}事项4`,
    ]);
    expect(rows[0]?.values.涉及单位).toBe('博湖县市场监督管理局');
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'coordination_major_matter.export')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ rows: 3, filter: { keyword: marker, orgId: agencies.market.id } });
    // an agency's officer pages only its own agency's matters
    const agri = await ctx.request({
      method: 'GET',
      url: `/api/coordination/matters?keyword=${keyword}`,
      cookie: cookies.nongye,
    });
    expect(ids(agri.json)).toEqual([made[1], made[3]]);
  });
});

describe('the periodic circular (定期通报)', () => {
  it('is generated from the period’s records, edited, signed (博司协 number) and then never edited', async () => {
    const cases = await ctx.db
      .selectFrom('enforcement_case')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('filed_on', '>=', yearStart)
      .where('filed_on', '<=', today)
      .executeTakeFirstOrThrow();
    const generated = await post(cookies.supervisor, '/api/coordination/circulars', {
      periodFrom: yearStart,
      periodTo: today,
    });
    expect(generated.status).toBe(201);
    expect(generated.json.status).toBe('draft');
    expect(generated.json.body).toContain('第九条');
    if (Number(cases.n) > 0) expect(generated.json.body).toContain(`共立案${Number(cases.n)}件`);
    expect(generated.json.body).toMatch(/受理行政执法职责争议协调申请\d+件/);
    const id = generated.json.id;
    const edited = await ctx.request({
      method: 'PUT',
      url: `/api/coordination/circulars/${id}`,
      cookie: cookies.supervisor,
      payload: { title: generated.json.title, body: `${generated.json.body}\n请各单位对照整改。` },
    });
    expect(edited.json.body).toContain('请各单位对照整改。');
    const draftDocx = docxText(
      (
        await ctx.app.inject({
          method: 'GET',
          url: `/api/coordination/circulars/${id}/docx`,
          headers: { cookie: cookies.supervisor },
        })
      ).rawPayload,
    );
    expect(draftDocx).toContain('博司协〔　　〕号');
    await post(cookies.supervisor, `/api/coordination/circulars/${id}/submit`);
    const request = await ctx.db
      .selectFrom('sign_off_request')
      .select('id')
      .where('record_type', '=', 'coordination_circular')
      .where('record_id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    expect((await post(cookies.juzhang, `/api/documents/sign-offs/${request.id}/sign`)).status).toBe(200);
    const list = await ctx.request({
      method: 'GET',
      url: `/api/coordination/circulars?status=issued&year=${today.slice(0, 4)}`,
      cookie: cookies.supervisor,
    });
    expect(list.json.items.every((item: { status: string }) => item.status === 'issued')).toBe(true);
    const issued = list.json.items.find((item: { id: number }) => item.id === id);
    expect(issued).toMatchObject({ status: 'issued', signedByName: '周海涛', isEditable: false });
    expect(issued.number).toMatch(/^博司协〔\d{4}〕\d+号$/);
    const refused = await ctx.request({
      method: 'PUT',
      url: `/api/coordination/circulars/${id}`,
      cookie: cookies.supervisor,
      payload: { title: '改', body: '改' },
    });
    expect(refused.status).toBe(409);
    const drafts = await ctx.request({
      method: 'GET',
      url: '/api/coordination/circulars?status=draft',
      cookie: cookies.supervisor,
    });
    expect(drafts.json.items.map((item: { id: number }) => item.id)).not.toContain(id);
    const otherYear = await ctx.request({
      method: 'GET',
      url: `/api/coordination/circulars?year=${Number(today.slice(0, 4)) - 5}`,
      cookie: cookies.supervisor,
    });
    expect(otherYear.json.items.map((item: { id: number }) => item.id)).not.toContain(id);
    const bad = await post(cookies.supervisor, '/api/coordination/circulars', {
      periodFrom: today,
      periodTo: yearStart,
    });
    expect(bad.status).toBe(today === yearStart ? 201 : 400);
  });
});
