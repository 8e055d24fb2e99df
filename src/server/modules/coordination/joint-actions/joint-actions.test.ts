import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../../../common/format.ts';
import { docxText } from '../../../testing/docx-text.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { demoAgencies } from '../coordination.fixtures.ts';

let ctx: TestContext;
let agencies: Awaited<ReturnType<typeof demoAgencies>>;
let cookies: Record<'legal' | 'nongye' | 'jiaotong' | 'supervisor', string>;
const today = todayInShanghai(new Date());
const base = '/api/coordination/joint-actions';

beforeAll(async () => {
  ctx = await createTestContext();
  agencies = await demoAgencies(ctx.db);
  const names = ['legal', 'nongye', 'jiaotong', 'supervisor'] as const;
  cookies = Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await ctx.login(name)] as const)),
  ) as typeof cookies;
});
afterAll(() => ctx.close());

const post = (cookie: string, url: string, payload: object = {}) =>
  ctx.request({ method: 'POST', url, cookie, payload });
const plan = (overrides: object = {}) => ({
  title: '农资市场春季联合执法检查',
  situation: 'hot_event',
  initiatingOrgId: agencies.agri.id,
  initiatorDuty: '牵头组织，负责农药、种子质量检查',
  participants: [{ orgId: agencies.market.id, duty: '负责经营主体资格和价格检查' }],
  startsOn: today,
  endsOn: today,
  places: '县城及各乡镇农资门店',
  targets: '农资经营门店 36 家',
  ...overrides,
});

async function caseOf(orgPath: string) {
  return ctx.db
    .selectFrom('enforcement_case')
    .innerJoin('org', 'org.id', 'enforcement_case.org_id')
    .select(['enforcement_case.id', 'enforcement_case.case_no'])
    .where('org.path', 'like', `${orgPath}%`)
    .orderBy('enforcement_case.id')
    .executeTakeFirstOrThrow();
}

describe('the bureau’s proposal (第八条)', () => {
  it('runs: draft → 建议书 numbered 博司协 → both confirm → run, inspect, link a case → summary', async () => {
    const created = await post(cookies.supervisor, base, plan());
    expect(created.status).toBe(201);
    const id = created.json.id;
    expect(created.json).toMatchObject({
      status: 'draft',
      origin: 'bureau',
      situation: 'hot_event',
      proposalNumber: null,
    });
    // an agency cannot issue the bureau's proposal, nor answer before it is issued
    expect((await post(cookies.nongye, `${base}/${id}/issue`)).status).toBe(403);
    expect(
      (
        await post(cookies.nongye, `${base}/${id}/responses`, {
          orgId: agencies.agri.id,
          response: 'confirmed',
        })
      ).status,
    ).toBe(409);

    const issued = await post(cookies.supervisor, `${base}/${id}/issue`);
    expect(issued.json.status).toBe('proposed');
    const number = issued.json.proposalNumber as string;
    expect(number).toMatch(new RegExp(`^博司协〔${today.slice(0, 4)}〕\\d+号$`));
    const book = await ctx.request({
      method: 'GET',
      url: `/api/documents/issued?keyword=${encodeURIComponent(number)}`,
      cookie: cookies.supervisor,
    });
    expect(book.json.items[0]).toMatchObject({ number, recipient: '博湖县农业农村局、博湖县市场监督管理局' });

    // each agency answers for itself only
    expect(
      (
        await post(cookies.legal, `${base}/${id}/responses`, {
          orgId: agencies.agri.id,
          response: 'confirmed',
        })
      ).status,
    ).toBe(403);
    await post(cookies.nongye, `${base}/${id}/responses`, { orgId: agencies.agri.id, response: 'confirmed' });
    const agreed = await post(cookies.legal, `${base}/${id}/responses`, {
      orgId: agencies.market.id,
      response: 'confirmed',
      note: '同意',
    });
    expect(agreed.json.status).toBe('confirmed');

    // the initiating agency runs it
    expect((await post(cookies.legal, `${base}/${id}/start`, { startedOn: today })).status).toBe(403);
    expect((await post(cookies.nongye, `${base}/${id}/start`, { startedOn: today })).json.status).toBe(
      'running',
    );
    const inspected = await post(cookies.nongye, `${base}/${id}/inspections`, {
      heldOn: today,
      place: '博湖镇农资一条街',
      orgNames: '农业农村局、市场监管局',
      findings: '检查门店 12 家，发现 2 家销售过期农药',
    });
    expect(inspected.json.inspections).toHaveLength(1);
    const marketCase = await caseOf(agencies.market.path);
    const transportCase = await caseOf(agencies.transport.path);
    const foreign = await post(cookies.nongye, `${base}/${id}/cases`, { caseId: transportCase.id });
    expect(foreign.status).toBe(400);
    expect(foreign.json.error.fields[0].field).toBe('caseId');
    const linked = await post(cookies.supervisor, `${base}/${id}/cases`, { caseId: marketCase.id });
    expect(linked.json.cases.map((linkedCase: { id: number }) => linkedCase.id)).toEqual([marketCase.id]);
    const closed = await post(cookies.nongye, `${base}/${id}/close`, {
      summary: '一、总体情况\n共检查门店 12 家。',
    });
    expect(closed.json).toMatchObject({
      status: 'closed',
      closedOn: today,
      inspectionCount: 1,
      caseCount: 1,
    });

    const download = async (kind: string) =>
      docxText(
        (
          await ctx.app.inject({
            method: 'GET',
            url: `${base}/${id}/documents/${kind}`,
            headers: { cookie: cookies.legal },
          })
        ).rawPayload,
      );
    expect(await download('proposal')).toContain(number);
    expect(await download('summary')).toContain(marketCase.case_no);
    expect(await download('plan')).toContain('负责经营主体资格和价格检查');

    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'coordination_joint_action')
      .where('entity_id', '=', String(id))
      .execute();
    expect(audit.map((row) => row.action)).toEqual(
      expect.arrayContaining([
        'coordination.joint_create',
        'coordination.joint_issue',
        'coordination.joint_respond',
        'coordination.joint_start',
        'coordination.joint_case',
        'coordination.joint_close',
      ]),
    );
  });

  it('refuses a proposal without a 第八条 situation, and names bad participants by field', async () => {
    const { situation: _omitted, ...withoutSituation } = plan();
    const missing = await post(cookies.supervisor, base, withoutSituation);
    expect(missing.status).toBe(400);
    expect(missing.json.error.fields).toEqual([{ field: 'situation', message: '请选择第八条规定的情形' }]);
    const bad = await post(
      cookies.supervisor,
      base,
      plan({
        endsOn: '2000-01-01',
        participants: [
          { orgId: agencies.agri.id, duty: '重复发起部门' },
          { orgId: agencies.market.id, duty: 'a' },
          { orgId: agencies.market.id, duty: 'b' },
        ],
      }),
    );
    expect(bad.json.error.fields.map((problem: { field: string }) => problem.field)).toEqual([
      'endsOn',
      'participants.0.orgId',
      'participants.2.orgId',
    ]);
  });
});

describe('agencies among themselves (第八条(一))', () => {
  it('an objection lets them ask the bureau, which takes the plan over, issues and may revise it', async () => {
    const {
      situation: _s,
      initiatingOrgId: _i,
      ...agencyPlan
    } = plan({
      participants: [{ orgId: agencies.agri.id, duty: '负责检疫' }],
    });
    const created = await post(cookies.legal, base, agencyPlan);
    expect(created.json).toMatchObject({
      status: 'negotiating',
      origin: 'agency',
      initiatingOrgName: '博湖县市场监督管理局',
    });
    expect(created.json.participants[0]).toMatchObject({ orgId: agencies.market.id, response: 'confirmed' });
    const id = created.json.id;
    expect(
      (
        await ctx.request({
          method: 'PUT',
          url: `${base}/${id}`,
          cookie: cookies.nongye,
          payload: agencyPlan,
        })
      ).status,
    ).toBe(403);
    expect(
      (await post(cookies.legal, `${base}/${id}/coordination-request`, { reason: '未达成一致' })).status,
    ).toBe(403);
    const noReason = await post(cookies.nongye, `${base}/${id}/responses`, {
      orgId: agencies.agri.id,
      response: 'objected',
    });
    expect(noReason.json.error.fields[0].field).toBe('note');
    await post(cookies.nongye, `${base}/${id}/responses`, {
      orgId: agencies.agri.id,
      response: 'objected',
      note: '检疫不宜纳入本次行动',
    });
    const requested = await post(cookies.legal, `${base}/${id}/coordination-request`, {
      reason: '对检查范围未达成一致',
    });
    expect(requested.json).toMatchObject({
      status: 'coordination_requested',
      situation: 'plan_disagreement',
    });

    const takenOver = await ctx.request({
      method: 'PUT',
      url: `${base}/${id}`,
      cookie: cookies.supervisor,
      payload: { ...agencyPlan, targets: '活禽交易市场 3 处' },
    });
    expect(takenOver.json).toMatchObject({ status: 'draft', origin: 'bureau', targets: '活禽交易市场 3 处' });
    expect(
      takenOver.json.participants.every(
        (participant: { response: string }) => participant.response === 'pending',
      ),
    ).toBe(true);
    const issued = await post(cookies.supervisor, `${base}/${id}/issue`);
    const revised = await post(cookies.supervisor, `${base}/${id}/revise`, { reason: '调整检查时间' });
    expect(revised.json).toMatchObject({ status: 'draft', proposalNumber: null });
    const entry = await ctx.db
      .selectFrom('issued_document')
      .select(['status', 'withdrawn_reason'])
      .where('number', '=', issued.json.proposalNumber)
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({ status: 'withdrawn', withdrawn_reason: '调整检查时间' });
  });

  it('lists only the actions an agency takes part in, filters and exports', async () => {
    const transportList = await ctx.request({ method: 'GET', url: base, cookie: cookies.jiaotong });
    expect(
      transportList.json.items.every((item: { participantNames: string[]; initiatingOrgName: string }) =>
        [item.initiatingOrgName, ...item.participantNames].includes('博湖县交通运输局'),
      ),
    ).toBe(true);
    const closed = await ctx.request({
      method: 'GET',
      url: `${base}?status=closed`,
      cookie: cookies.supervisor,
    });
    expect(closed.json.items.length).toBeGreaterThan(0);
    expect(closed.json.items.every((item: { status: string }) => item.status === 'closed')).toBe(true);
    const sheet = await ctx.request({
      method: 'GET',
      url: `${base}/export.xlsx?status=closed`,
      cookie: cookies.supervisor,
    });
    expect(String(sheet.headers['content-type'])).toContain('spreadsheetml');
  });
});
