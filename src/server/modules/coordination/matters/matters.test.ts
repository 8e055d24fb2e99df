import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../../../common/format.ts';
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
      url: '/api/coordination/circulars',
      cookie: cookies.supervisor,
    });
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
    const bad = await post(cookies.supervisor, '/api/coordination/circulars', {
      periodFrom: today,
      periodTo: yearStart,
    });
    expect(bad.status).toBe(today === yearStart ? 201 : 400);
  });
});
