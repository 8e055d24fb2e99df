import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../../../common/format.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { type DemoSupervisionWorld, demoSupervisionWorld } from '../supervision.fixtures.ts';

let ctx: TestContext;
let world: DemoSupervisionWorld;
let supervisor: string;
let legal: string;
let juzhang: string;
let violationId: number;
const today = todayInShanghai(new Date());
const year = Number(today.slice(0, 4));

beforeAll(async () => {
  ctx = await createTestContext();
  world = await demoSupervisionWorld(ctx.db);
  supervisor = await ctx.login('supervisor');
  legal = await ctx.login('legal');
  juzhang = await ctx.login('juzhang');
  const county = await ctx.db
    .selectFrom('org')
    .select('id')
    .where('name', '=', '博湖县人民政府')
    .executeTakeFirstOrThrow();
  // a 第二十三条(二) mark the coordination domain made on the market bureau
  violationId = (
    await ctx.db
      .insertInto('coordination_violation')
      .values({
        county_org_id: county.id,
        org_id: world.marketId,
        kind: 'not_executed',
        dispute_id: null,
        facts: '未执行县司法局关于占道经营管理职责的协调意见',
        marked_on: today,
        marked_by: world.supervisorIds[0],
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => ctx.close());

const post = (url: string, cookie: string, payload?: object) =>
  ctx.request({ method: 'POST', url, cookie, ...(payload && { payload }) });
const criticism = (overrides: object = {}) =>
  post('/api/supervision/circulars', supervisor, {
    situation: 'not_executed',
    subjectOrgId: world.marketId,
    title: '关于对县市场监督管理局不执行协调意见的通报',
    facts: '县市场监督管理局收到协调意见书后逾期未执行',
    requirement: '限期执行并报告',
    violationId,
    ...overrides,
  });

describe('circulars (第二十二、二十三条)', () => {
  it('a 通报批评 cites the coordination mark, is signed off, numbered from 博司监, printed, then only withdrawn', async () => {
    const missing = await criticism({ violationId: null });
    expect(missing.status).toBe(400);
    expect(missing.json.error.fields[0].field).toBe('violationId');
    const mismatch = await criticism({ situation: 'shirked_dispute' });
    expect(mismatch.json.error.fields[0].message).toContain('与通报情形不符');
    const wrongUnit = await criticism({ subjectOrgId: world.landId });
    expect(wrongUnit.json.error.fields[0].field).toBe('violationId');

    const created = await criticism();
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.json).toMatchObject({
      kind: 'criticism',
      kindLabel: '通报批评',
      clause: '第二十三条第（二）项',
      state: 'draft',
      violationId,
    });
    const id = created.json.id;
    expect(
      (await ctx.request({ method: 'GET', url: `/api/supervision/circulars/${id}`, cookie: legal })).status,
    ).toBe(404);
    const edited = await ctx.request({
      method: 'PATCH',
      url: `/api/supervision/circulars/${id}`,
      cookie: supervisor,
      payload: { requirement: '限期十日内执行并书面报告' },
    });
    expect(edited.json.requirement).toBe('限期十日内执行并书面报告');

    await post(`/api/supervision/circulars/${id}/submit`, supervisor);
    const signOff = await ctx.db
      .selectFrom('sign_off_request')
      .select('id')
      .where('record_type', '=', 'supervision_circular')
      .where('record_id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    expect((await post(`/api/documents/sign-offs/${signOff.id}/sign`, juzhang, {})).status).toBe(200);
    const issued = (
      await ctx.request({ method: 'GET', url: `/api/supervision/circulars/${id}`, cookie: legal })
    ).json;
    expect(issued).toMatchObject({ state: 'issued', signedBy: '周海涛', issuedOn: today });
    expect(issued.number).toMatch(new RegExp(`^博司监〔${year}〕\\d+号$`));
    const inbox = await ctx.request({
      method: 'GET',
      url: '/api/supervision/circulars?kind=criticism',
      cookie: legal,
    });
    expect(inbox.json.items.map((item: { id: number }) => item.id)).toContain(id);

    const docx = await ctx.app.inject({
      method: 'GET',
      url: `/api/supervision/circulars/${id}/document.docx`,
      headers: { cookie: legal },
    });
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const late = await ctx.request({
      method: 'PATCH',
      url: `/api/supervision/circulars/${id}`,
      cookie: supervisor,
      payload: { facts: '改' },
    });
    expect(late.status).toBe(409);
    const withdrawn = await post(`/api/supervision/circulars/${id}/withdraw`, supervisor, {
      reason: '该局已执行',
    });
    expect(withdrawn.json).toMatchObject({ state: 'withdrawn', withdrawnReason: '该局已执行' });
  });

  it('a 通报表扬 (第二十二条) names the unit and its people and cites nothing', async () => {
    const linked = await post('/api/supervision/circulars', supervisor, {
      situation: 'outstanding',
      subjectOrgId: world.landId,
      title: '关于对县自然资源局予以通报表扬的通报',
      facts: '全年行政执法案卷评查优秀',
      violationId,
    });
    expect(linked.json.error.fields.map((field: { field: string }) => field.field)).toContain('situation');
    const created = await post('/api/supervision/circulars', supervisor, {
      situation: 'outstanding',
      subjectOrgId: world.landId,
      persons: '陈静',
      title: '关于对县自然资源局予以通报表扬的通报',
      facts: '全年行政执法案卷评查优秀',
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.json).toMatchObject({ kind: 'commendation', clause: '第二十二条', persons: '陈静' });
    const notCorrected = await post('/api/supervision/circulars', supervisor, {
      situation: 'not_corrected',
      subjectOrgId: world.landId,
      title: '通报',
      facts: '逾期未改正',
    });
    expect(notCorrected.json.error.fields[0].field).toBe('noticeId');
  });
});
