import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, calendarDaysBetween } from '../../../../common/calendar.ts';
import { todayInShanghai } from '../../../../common/format.ts';
import { demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type ResponseJson, type TestContext } from '../../../testing/test-app.ts';
import { addOfficer, caseBody } from '../../cases/cases-fixtures.ts';
import { msUntilShanghaiMidnight } from './warnings.schedule.ts';

let ctx: TestContext;
let admin: string;
let legal: string;
let officer: string;
let teamId: number;
let zhangId: number;
let liId: number;
const today = todayInShanghai(new Date());

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.login('admin');
  legal = await ctx.login('legal');
  officer = await ctx.login('officer');
  teamId = (await demoOrgByName(ctx.db, '市场监管综合行政执法大队')).id;
  const officerUser = await ctx.db
    .selectFrom('user_account')
    .select('id')
    .where('username', '=', 'officer')
    .executeTakeFirstOrThrow();
  zhangId = await addOfficer(ctx.db, teamId, '张伟', { userId: officerUser.id, today });
  liId = await addOfficer(ctx.db, teamId, '李娜', { today });
});
afterAll(() => ctx.close());

async function rules(cookie = admin): Promise<ResponseJson> {
  const response = await ctx.request({ method: 'GET', url: '/api/workbench/warning-rules', cookie });
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  return response.json;
}
const ruleOf = async (code: string) =>
  (await rules()).items.find((rule: { indicatorCode: string }) => rule.indicatorCode === code);

async function run() {
  const response = await ctx.request({ method: 'POST', url: '/api/workbench/warnings/run', cookie: admin });
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  return response.json.counties[0];
}

async function alerts(cookie: string, query = '') {
  const response = await ctx.request({
    method: 'GET',
    url: `/api/workbench/alerts?pageSize=200${query}`,
    cookie,
  });
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  return response.json;
}

describe('warning rules', () => {
  it('every built-in indicator has a default rule, with its clause; supervisors read, only the admin edits', async () => {
    const list = await rules();
    const codes = list.items.map((rule: { indicatorCode: string }) => rule.indicatorCode);
    expect(codes).toEqual(
      expect.arrayContaining([
        'case_record.overdue',
        'case.open_overdue',
        'case_handler.no_certificate',
        'certificate.expiring',
        'certificate.expired',
        'certificate.review_overdue',
        'training.shortfall',
      ]),
    );
    const record = list.items.find(
      (rule: { indicatorCode: string }) => rule.indicatorCode === 'case_record.overdue',
    );
    expect(record).toMatchObject({
      tier: 'warning',
      tierLabel: '预警',
      isEnabled: true,
      params: { graceDays: 0 },
    });
    expect(record.clause).toContain('填表说明1');
    expect(
      (
        await ctx.request({
          method: 'GET',
          url: '/api/workbench/warning-rules',
          cookie: await ctx.login('supervisor'),
        })
      ).status,
    ).toBe(200);
    expect(
      (await ctx.request({ method: 'GET', url: '/api/workbench/warning-rules', cookie: legal })).status,
    ).toBe(403);
    const refused = await ctx.request({
      method: 'PUT',
      url: `/api/workbench/warning-rules/${record.id}`,
      cookie: await ctx.login('supervisor'),
      payload: {
        params: {},
        tier: 'alarm',
        recipientRoles: ['legal_officer'],
        recipientLevel: 'unit',
        isEnabled: true,
      },
    });
    expect(refused.status).toBe(403);
  });

  it('the admin changes a threshold and tier (audited); an unknown parameter or role is refused at its field', async () => {
    const rule = await ruleOf('case.open_overdue');
    const changed = await ctx.request({
      method: 'PUT',
      url: `/api/workbench/warning-rules/${rule.id}`,
      cookie: admin,
      payload: {
        params: { days: 60 },
        tier: 'alarm',
        recipientRoles: ['supervisor'],
        recipientLevel: 'county',
        isEnabled: true,
      },
    });
    expect(changed.status, JSON.stringify(changed.json)).toBe(200);
    expect(changed.json).toMatchObject({
      params: { days: 60 },
      tier: 'alarm',
      tierLabel: '报警',
      recipientLevel: 'county',
    });
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('action', '=', 'warning_rule.update')
      .where('entity_id', '=', String(rule.id))
      .execute();
    expect(audit).toHaveLength(1);
    const unknown = await ctx.request({
      method: 'PUT',
      url: `/api/workbench/warning-rules/${rule.id}`,
      cookie: admin,
      payload: {
        params: { weeks: 3 },
        tier: 'alarm',
        recipientRoles: ['supervisor'],
        recipientLevel: 'county',
        isEnabled: true,
      },
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.json)).toContain('params.weeks');
    const badRole = await ctx.request({
      method: 'PUT',
      url: `/api/workbench/warning-rules/${rule.id}`,
      cookie: admin,
      payload: { params: {}, tier: 'alarm', recipientRoles: [], recipientLevel: 'county', isEnabled: true },
    });
    expect(badRole.status).toBe(400);
    expect(JSON.stringify(badRole.json)).toContain('请至少选择一个接收角色');
    expect((await ruleOf('case.open_overdue')).params).toEqual({ days: 60 });
  });
});

describe('the warning pass and the inbox', () => {
  it('raises one alert per cause, never twice, delivers it to the handler and the legal unit, and closes it when the cause is gone', async () => {
    const created = await ctx.request({
      method: 'POST',
      url: '/api/cases',
      cookie: legal,
      payload: caseBody(teamId, [zhangId, liId], {
        filedOn: addCalendarDays(today, -60),
        closedOn: addCalendarDays(today, -40),
      }),
    });
    expect(created.status).toBe(201);
    const caseId = created.json.id;
    const first = await run();
    expect(first.raised).toBeGreaterThanOrEqual(1);
    const cause = `case:${caseId}:record_overdue`;
    const openOf = () =>
      ctx.db.selectFrom('warning_alert').selectAll().where('cause_key', '=', cause).execute();
    expect(await openOf()).toHaveLength(1);
    const second = await run();
    expect(second.raised).toBe(0);
    expect(await openOf()).toHaveLength(1);

    const mine = await alerts(officer);
    const alert = mine.items.find((item: { link: string }) => item.link === `/cases/${caseId}`);
    expect(alert).toMatchObject({
      indicatorCode: 'case_record.overdue',
      tierLabel: '预警',
      readAt: null,
      // days past the 30-day limit, counted on the pass's own day (a run across Beijing midnight adds one)
      value: calendarDaysBetween(addCalendarDays(today, -10), todayInShanghai(new Date())),
    });
    expect((await alerts(legal)).items.some((item: { id: number }) => item.id === alert.id)).toBe(true);
    // a colleague's cases are not the officer's: the demo officer sees only causes naming them
    expect(
      mine.items.every((item: { indicatorCode: string }) => item.indicatorCode !== 'certificate.expired'),
    ).toBe(true);

    const unreadBefore = (
      await ctx.request({ method: 'GET', url: '/api/workbench/alerts/count', cookie: officer })
    ).json;
    const read = await ctx.request({
      method: 'POST',
      url: `/api/workbench/alerts/${alert.id}/read`,
      cookie: officer,
    });
    expect(read.status).toBe(200);
    const unreadAfter = (
      await ctx.request({ method: 'GET', url: '/api/workbench/alerts/count', cookie: officer })
    ).json;
    expect(unreadAfter.unread).toBe(unreadBefore.unread - 1);
    const receipt = (await alerts(legal)).items.find((item: { id: number }) => item.id === alert.id);
    expect(receipt.readAt).toBeNull();
    expect(receipt.readBy.map((entry: { name: string }) => entry.name)).toHaveLength(1);

    for (const part of ['opinion', 'result']) {
      await ctx.request({
        method: 'POST',
        url: `/api/cases/${caseId}/sign`,
        cookie: officer,
        payload: { part },
      });
    }
    await ctx.request({
      method: 'POST',
      url: `/api/cases/${caseId}/submit-record`,
      cookie: officer,
      payload: { lateReason: '外出执法，未及时报送' },
    });
    const third = await run();
    expect(third.closed).toBeGreaterThanOrEqual(1);
    const rows = await openOf();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.closed_at).not.toBeNull();
    expect((await alerts(officer)).items.some((item: { id: number }) => item.id === alert.id)).toBe(false);
    const history = await alerts(officer, '&state=closed');
    expect(history.items.find((item: { id: number }) => item.id === alert.id).closedAt).not.toBeNull();
  });

  it('a rule switched off closes its open alerts and raises none', async () => {
    await run();
    const rule = await ruleOf('certificate.expired');
    expect(rule.openAlerts).toBeGreaterThan(0);
    await ctx.request({
      method: 'PUT',
      url: `/api/workbench/warning-rules/${rule.id}`,
      cookie: admin,
      payload: {
        params: {},
        tier: rule.tier,
        recipientRoles: rule.recipientRoles,
        recipientLevel: rule.recipientLevel,
        isEnabled: false,
      },
    });
    await run();
    expect((await ruleOf('certificate.expired')).openAlerts).toBe(0);
    expect((await rules()).lastPass).toMatchObject({ trigger: 'manual' });
  });

  it('only the admin runs the pass', async () => {
    const response = await ctx.request({ method: 'POST', url: '/api/workbench/warnings/run', cookie: legal });
    expect(response.status).toBe(403);
  });
});

describe('the nightly timer', () => {
  it('waits until the next 00:00 in Asia/Shanghai', () => {
    expect(msUntilShanghaiMidnight(new Date('2026-12-01T15:59:00Z'))).toBe(60_000);
    expect(msUntilShanghaiMidnight(new Date('2026-12-01T16:00:00Z'))).toBe(24 * 3600_000);
    expect(msUntilShanghaiMidnight(new Date('2026-12-01T04:00:00Z'))).toBe(12 * 3600_000);
  });
});
