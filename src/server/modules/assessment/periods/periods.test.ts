import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMES_DIRECTORY } from '../../../../cli/score/presets.ts';
import { demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { openSectionPeriod, presetVersionId } from '../assessment-fixtures.ts';

let ctx: TestContext;
let admin: string;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.login('admin');
});
afterAll(() => ctx.close());

describe('scheme versions', () => {
  it('offers every preset as a stored version', async () => {
    const list = await ctx.request({ method: 'GET', url: '/api/assessment/schemes', cookie: admin });
    expect(list.status).toBe(200);
    expect(list.json.map((entry: { schemeId: string }) => entry.schemeId)).toEqual(
      expect.arrayContaining(['zjg-section-quarterly', 'xx-officer-performance', 'bohu-officer-routine']),
    );
  });

  it('validates an upload, lists every problem and stores nothing', async () => {
    const response = await ctx.request({
      method: 'POST',
      url: '/api/assessment/schemes',
      cookie: admin,
      payload: { content: 'id: broken\nname: 坏方案\nsubjectKind: officer\nperiod: week\ncomponents: []\n' },
    });
    expect(response.status).toBe(400);
    expect(response.json.error.fields.length).toBeGreaterThan(0);
  });

  it('keeps versions immutable: same content returns the stored version, a change adds the next', async () => {
    const text = readFileSync(`${SCHEMES_DIRECTORY}/zjg-section-quarterly.yaml`, 'utf8').replace(
      'id: zjg-section-quarterly',
      'id: zjg-upload',
    );
    const first = await ctx.request({
      method: 'POST',
      url: '/api/assessment/schemes',
      cookie: admin,
      payload: { content: text },
    });
    expect(first.status).toBe(201);
    expect(first.json.versionNo).toBe(1);
    const again = await ctx.request({
      method: 'POST',
      url: '/api/assessment/schemes',
      cookie: admin,
      payload: { content: text },
    });
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(first.json.id);
    const changed = await ctx.request({
      method: 'POST',
      url: '/api/assessment/schemes',
      cookie: admin,
      payload: { content: text.replace('points: 90', 'points: 80') },
    });
    expect(changed.json.versionNo).toBe(2);
    const detail = await ctx.request({
      method: 'GET',
      url: `/api/assessment/schemes/${first.json.id}`,
      cookie: admin,
    });
    expect(detail.json.scheme.components[0].points).toBe(90);
  });

  it('refuses an upload from a role that does not manage assessment', async () => {
    const assessor = await ctx.login('assessor');
    const response = await ctx.request({
      method: 'POST',
      url: '/api/assessment/schemes',
      cookie: assessor,
      payload: { content: 'x' },
    });
    expect(response.status).toBe(403);
  });
});

describe('periods', () => {
  it('opens a quarter over the bureau sections with the Chinese label, due date and group owners', async () => {
    const { period } = await openSectionPeriod(ctx, admin, '2025-Q3');
    expect(period.label).toBe('2025年第三季度');
    expect(period.status).toBe('open');
    expect(period.selfDueOn).toBe('2025-09-30');
    expect(period.subjectCount).toBe(4);
    const detail = await ctx.request({
      method: 'GET',
      url: `/api/assessment/periods/${period.id}`,
      cookie: admin,
    });
    const office = await demoOrgByName(ctx.db, '办公室');
    const byId = Object.fromEntries(
      detail.json.groups.map((group: { id: string; orgId: number | null }) => [group.id, group.orgId]),
    );
    expect(byId['zjg.004.d1-1']).toBe(office.id);
    expect(byId['zjg.004.d5']).toBe(office.id);
    expect(byId['zjg.004.d3']).toBe((await demoOrgByName(ctx.db, '咨询指导科')).id);
    expect(byId['zjg.004.d4']).toBe((await demoOrgByName(ctx.db, '督查科')).id);
  });

  it('counts the self-assessment deadline on the statutory calendar (2025 Q1 ends on a Monday)', async () => {
    const { period } = await openSectionPeriod(ctx, admin, '2025-Q1');
    expect(period.selfDueOn).toBe('2025-03-31');
    const { period: q4 } = await openSectionPeriod(ctx, admin, '2024-Q4');
    expect(q4.selfDueOn).toBe('2024-12-31');
  });

  it('refuses a period of the wrong kind and subjects of the wrong kind', async () => {
    const schemeVersionId = await presetVersionId(ctx, admin, 'zjg-section-quarterly');
    const bureau = await demoOrgByName(ctx.db, '博湖县司法局');
    const year = await ctx.request({
      method: 'POST',
      url: '/api/assessment/periods',
      cookie: admin,
      payload: { schemeVersionId, periodKey: '2025', underOrgId: bureau.id },
    });
    expect(year.status).toBe(400);
    expect(year.json.error.message).toContain('本方案按季度考核');
    const wrongKind = await ctx.request({
      method: 'POST',
      url: '/api/assessment/periods',
      cookie: admin,
      payload: { schemeVersionId, periodKey: '2025-Q2', subjectIds: [bureau.id] },
    });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.json.error.message).toContain('不是本方案的考核对象类型');
  });

  it('opens an officer period over the officers of an agency', async () => {
    const market = await demoOrgByName(ctx.db, '博湖县市场监督管理局');
    const schemeVersionId = await presetVersionId(ctx, admin, 'xx-officer-performance');
    const response = await ctx.request({
      method: 'POST',
      url: '/api/assessment/periods',
      cookie: admin,
      payload: { schemeVersionId, periodKey: '2025-Q2', underOrgId: market.id },
    });
    expect(response.status).toBe(201);
    expect(response.json.subjectCount).toBeGreaterThan(5);
  });
});

describe("an agency runs its own officers' periods (平时考核制度第十条, issue 18 point 6)", () => {
  it("lets the agency's legal unit open, record and compute its own period, inside its subtree only", async () => {
    const legal = await ctx.login('legal');
    const supervisor = await ctx.login('supervisor');
    const market = await demoOrgByName(ctx.db, '博湖县市场监督管理局');
    const agriculture = await demoOrgByName(ctx.db, '博湖县农业农村局');
    const schemeVersionId = await presetVersionId(ctx, legal, 'bohu-officer-routine');
    const foreign = await ctx.request({
      method: 'POST',
      url: '/api/assessment/periods',
      cookie: legal,
      payload: { schemeVersionId, periodKey: '2023-Q2', underOrgId: agriculture.id },
    });
    expect(foreign.status).toBe(404);
    const opened = await ctx.request({
      method: 'POST',
      url: '/api/assessment/periods',
      cookie: legal,
      payload: { schemeVersionId, periodKey: '2023-Q2', underOrgId: market.id },
    });
    expect(opened.status).toBe(201);
    const periodId = opened.json.id;
    const owner = await ctx.db
      .selectFrom('assessment_period')
      .select('org_id')
      .where('id', '=', periodId)
      .executeTakeFirstOrThrow();
    expect(owner.org_id).toBe(market.id);
    const subject = await ctx.db
      .selectFrom('assessment_subject')
      .select('subject_key')
      .where('period_id', '=', periodId)
      .orderBy('subject_key')
      .executeTakeFirstOrThrow();
    const recorded = await ctx.request({
      method: 'POST',
      url: `/api/assessment/periods/${periodId}/records`,
      cookie: legal,
      payload: { subjectKey: subject.subject_key, item: 'bohu.001.a4.late', occurredOn: '2023-05-10' },
    });
    expect(recorded.status).toBe(201);
    const computed = await ctx.request({
      method: 'POST',
      url: `/api/assessment/periods/${periodId}/compute`,
      cookie: legal,
    });
    expect(computed.status).toBe(200);
    // the bureau still sees and runs it; another agency's legal unit does not see it
    const listed = await ctx.request({ method: 'GET', url: '/api/assessment/periods', cookie: supervisor });
    expect(listed.json.map((period: { id: number }) => period.id)).toContain(periodId);
    const bureauBoard = await ctx.request({
      method: 'GET',
      url: `/api/assessment/periods/${periodId}/board`,
      cookie: supervisor,
    });
    expect(bureauBoard.status).toBe(200);
    const nongye = await ctx.login('nongye');
    const other = await ctx.request({
      method: 'GET',
      url: `/api/assessment/periods/${periodId}`,
      cookie: nongye,
    });
    expect(other.status).toBe(404);
    const otherList = await ctx.request({ method: 'GET', url: '/api/assessment/periods', cookie: nongye });
    expect(otherList.json.map((period: { id: number }) => period.id)).not.toContain(periodId);
    // a county period stays the bureau's to run
    const county = await ctx.request({
      method: 'POST',
      url: '/api/assessment/periods',
      cookie: supervisor,
      payload: { schemeVersionId, periodKey: '2023-Q3', underOrgId: market.id },
    });
    expect(county.status).toBe(201);
    const refused = await ctx.request({
      method: 'POST',
      url: `/api/assessment/periods/${county.json.id}/compute`,
      cookie: legal,
    });
    expect(refused.status).toBe(403);
  });
});
