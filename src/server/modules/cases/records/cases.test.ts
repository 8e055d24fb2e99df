import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../../../common/calendar.ts';
import { todayInShanghai } from '../../../../common/format.ts';
import { demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { RECORD_STATES, recordStateOf } from '../cases.policy.ts';
import { addOfficer, caseBody, PERSON_ID_NUMBER } from '../cases-fixtures.ts';

let ctx: TestContext;
let legal: string;
let officer: string;
let leader: string;
let supervisor: string;
let teamId: number;
let landTeamId: number;
let zhangId: number;
let liId: number;
let expiredId: number;
let landOfficerId: number;
const today = todayInShanghai(new Date());

beforeAll(async () => {
  ctx = await createTestContext();
  legal = await ctx.login('legal');
  officer = await ctx.login('officer');
  leader = await ctx.login('leader');
  supervisor = await ctx.login('supervisor');
  teamId = (await demoOrgByName(ctx.db, '市场监管综合行政执法大队')).id;
  landTeamId = (await demoOrgByName(ctx.db, '自然资源执法监察大队')).id;
  const officerUser = await ctx.db
    .selectFrom('user_account')
    .select('id')
    .where('username', '=', 'officer')
    .executeTakeFirstOrThrow();
  zhangId = await addOfficer(ctx.db, teamId, '张伟', { userId: officerUser.id, today });
  liId = await addOfficer(ctx.db, teamId, '李娜', { today });
  expiredId = await addOfficer(ctx.db, teamId, '过期甲', { today, validUntil: '2024-12-31' });
  landOfficerId = await addOfficer(ctx.db, landTeamId, '国土乙', { today });
});
afterAll(() => ctx.close());

async function create(cookie: string, overrides: object = {}) {
  const response = await ctx.request({
    method: 'POST',
    url: '/api/cases',
    cookie,
    payload: caseBody(teamId, [zhangId, liId], overrides),
  });
  expect(response.status, JSON.stringify(response.json)).toBe(201);
  return response.json;
}

describe('cases and case records', () => {
  it('a legal officer registers a case; parties come back masked', async () => {
    const created = await create(legal);
    expect(created.handlers.map((handler: { name: string }) => handler.name)).toEqual(['张伟', '李娜']);
    expect(created.kindLabel).toBe('行政处罚');
    expect(created.recordState).toBe('open');
    const person = created.parties[0];
    expect(person.idNumber).toBe(`110***********${PERSON_ID_NUMBER.slice(-4)}`);
    expect(person.phone).toBe('139****5678');
    expect(created.parties[1].phone).toBe('0996-***2345');
    expect(created.partyNames).toBe('马某某、博湖县某某超市');
  });

  it.each([
    ['one handler', () => ({ handlerIds: [zhangId] }), '执法人不得少于 2 名'],
    [
      'expired certificate on the filing date',
      () => ({ handlerIds: [zhangId, expiredId] }),
      '已于2024年12月31日到期',
    ],
    ['handler of another agency', () => ({ handlerIds: [zhangId, landOfficerId] }), '不属于本单位'],
    [
      'bad ID number',
      () => ({ parties: [{ kind: 'person', name: '甲', idNumber: '110105194912310021' }] }),
      '校验位',
    ],
    ['closed before filed', () => ({ closedOn: '2025-02-01' }), '结案时间不能早于立案时间'],
  ])('refuses %s', async (_name, overrides, message) => {
    const response = await ctx.request({
      method: 'POST',
      url: '/api/cases',
      cookie: legal,
      payload: caseBody(teamId, [zhangId, liId], { filedOn: '2025-03-01', ...overrides() }),
    });
    expect(response.status).toBe(400);
    expect(response.json.error.message).toContain(message);
  });

  it('an officer registers only cases they handle, sees only those, and signs', async () => {
    const refused = await ctx.request({
      method: 'POST',
      url: '/api/cases',
      cookie: officer,
      payload: caseBody(teamId, [liId, expiredId].slice(0, 1).concat(liId)),
    });
    expect(refused.status).toBe(400);
    const own = await create(officer);
    const notOwn = await ctx.request({
      method: 'POST',
      url: '/api/cases',
      cookie: legal,
      payload: caseBody(teamId, [liId, await addOfficer(ctx.db, teamId, '王五', { today })]),
    });
    const list = await ctx.request({ method: 'GET', url: '/api/cases?pageSize=200', cookie: officer });
    const ids = list.json.items.map((item: { id: number }) => item.id);
    expect(ids).toContain(own.id);
    expect(ids).not.toContain(notOwn.json.id);
    expect(
      (await ctx.request({ method: 'GET', url: `/api/cases/${notOwn.json.id}`, cookie: officer })).status,
    ).toBe(404);
    const signed = await ctx.request({
      method: 'POST',
      url: `/api/cases/${own.id}/sign`,
      cookie: officer,
      payload: { part: 'opinion' },
    });
    expect(signed.json.opinionSigned.name).toBe('张伟');
    const edited = await ctx.request({
      method: 'PATCH',
      url: `/api/cases/${own.id}`,
      cookie: officer,
      payload: { opinion: '改写后的办案意见' },
    });
    expect(edited.json.opinionSigned).toBeNull();
  });

  it('leaders and supervisors read but do not write; quality analysis is the legal officer’s', async () => {
    const created = await create(legal, { closedOn: addCalendarDays(today, -3) });
    expect(
      (await ctx.request({ method: 'GET', url: `/api/cases/${created.id}`, cookie: leader })).status,
    ).toBe(200);
    expect(
      (await ctx.request({ method: 'GET', url: `/api/cases/${created.id}`, cookie: supervisor })).status,
    ).toBe(200);
    const patch = await ctx.request({
      method: 'PATCH',
      url: `/api/cases/${created.id}`,
      cookie: leader,
      payload: { name: '改名' },
    });
    expect(patch.status).toBe(403);
    const quality = { opinion: '程序合法，证据充分。', grade: 'excellent' };
    const byOfficer = await ctx.request({
      method: 'PUT',
      url: `/api/cases/${created.id}/quality`,
      cookie: officer,
      payload: quality,
    });
    expect(byOfficer.status).toBe(403);
    const byLegal = await ctx.request({
      method: 'PUT',
      url: `/api/cases/${created.id}/quality`,
      cookie: legal,
      payload: quality,
    });
    expect(byLegal.json.qualityGradeLabel).toBe('优秀');
    expect(byLegal.json.qualitySigned.name).toBe('王丽娟');
  });

  it('the full ID number is shown one party at a time, to legal officers, and audited', async () => {
    const created = await create(legal);
    const partyId = created.parties[0].id;
    const url = `/api/cases/${created.id}/parties/${partyId}/full`;
    expect((await ctx.request({ method: 'GET', url, cookie: officer })).status).toBe(403);
    expect((await ctx.request({ method: 'GET', url, cookie: leader })).status).toBe(403);
    const full = await ctx.request({ method: 'GET', url, cookie: legal });
    expect(full.json.idNumber).toBe(PERSON_ID_NUMBER);
    expect(full.json.phone).toBe('13912345678');
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'case_party')
      .where('entity_id', '=', String(partyId))
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['party.view_full']);
  });

  it('the record is due 30 days after closing: 临期 from 7 days before, then 逾期; submitting ends it', async () => {
    const overdue = await create(legal, { closedOn: addCalendarDays(today, -31) });
    const dueSoon = await create(legal, { closedOn: addCalendarDays(today, -25) });
    expect(overdue.recordStateLabel).toBe('逾期');
    expect(dueSoon.recordStateLabel).toBe('临期');
    const late = await ctx.request({
      method: 'GET',
      url: '/api/cases?state=overdue&pageSize=200',
      cookie: legal,
    });
    expect(late.json.items.map((item: { id: number }) => item.id)).toContain(overdue.id);
    expect(late.json.items.map((item: { id: number }) => item.id)).not.toContain(dueSoon.id);
    const report = await ctx.request({ method: 'GET', url: '/api/cases/records-due', cookie: legal });
    const zhang = report.json.byOfficer.find((row: { officerId: number }) => row.officerId === zhangId);
    expect(zhang.overdue).toBeGreaterThanOrEqual(1);
    expect(zhang.dueSoon).toBeGreaterThanOrEqual(1);
    // the team's cases count under their agency, named and with its id (the list links to its cases)
    const market = await demoOrgByName(ctx.db, '博湖县市场监督管理局');
    expect(report.json.byAgency).toEqual([
      expect.objectContaining({ orgId: market.id, name: '博湖县市场监督管理局' }),
    ]);
    for (const part of ['opinion', 'result']) {
      await ctx.request({
        method: 'POST',
        url: `/api/cases/${overdue.id}/sign`,
        cookie: legal,
        payload: { part },
      });
    }
    // past its due date the record goes only with the reason it is late (seed 000 填表说明1)
    const noReason = await ctx.request({
      method: 'POST',
      url: `/api/cases/${overdue.id}/submit-record`,
      cookie: legal,
    });
    expect(noReason.status, JSON.stringify(noReason.json)).toBe(400);
    expect(noReason.json.error.code).toBe('CASE_RECORD_LATE_REASON_REQUIRED');
    expect(noReason.json.error.dueOn).toBe(overdue.recordDueOn);
    expect(noReason.json.error.fields).toEqual([
      {
        field: 'lateReason',
        message: expect.stringMatching(/^记录表应于\d{4}年\d{1,2}月\d{1,2}日前报送，已逾期/),
      },
    ]);
    const blankReason = await ctx.request({
      method: 'POST',
      url: `/api/cases/${overdue.id}/submit-record`,
      cookie: legal,
      payload: { lateReason: '   ' },
    });
    expect(blankReason.json.error?.code).toBe('CASE_RECORD_LATE_REASON_REQUIRED');
    expect(
      (await ctx.request({ method: 'GET', url: `/api/cases/${overdue.id}`, cookie: legal })).json,
    ).toMatchObject({ recordSubmittedOn: null, recordLateReason: null });
    const submitted = await ctx.request({
      method: 'POST',
      url: `/api/cases/${overdue.id}/submit-record`,
      cookie: legal,
      payload: { lateReason: '当事人补正材料延误' },
    });
    expect(submitted.json.recordStateLabel).toBe('已报送');
    expect(submitted.json.recordLateReason).toBe('当事人补正材料延误');

    // a record within its 30 days needs no reason, and a reason sent anyway is not kept
    for (const part of ['opinion', 'result']) {
      await ctx.request({
        method: 'POST',
        url: `/api/cases/${dueSoon.id}/sign`,
        cookie: legal,
        payload: { part },
      });
    }
    const onTime = await ctx.request({
      method: 'POST',
      url: `/api/cases/${dueSoon.id}/submit-record`,
      cookie: legal,
      payload: { lateReason: '无' },
    });
    expect(onTime.status).toBe(200);
    expect(onTime.json.recordLateReason).toBeNull();
  });

  it('the state filter agrees with recordStateOf for every state', async () => {
    for (const days of [-60, -31, -30, -24, -23, -22, -1]) {
      await create(legal, { closedOn: addCalendarDays(today, days), filedOn: addCalendarDays(today, -70) });
    }
    for (const state of RECORD_STATES) {
      const page = await ctx.request({
        method: 'GET',
        url: `/api/cases?state=${state}&pageSize=200`,
        cookie: legal,
      });
      for (const item of page.json.items) {
        expect(
          recordStateOf(item.closedOn, null, today) === state || state === 'submitted',
          item.closedOn,
        ).toBe(true);
      }
    }
  });

  it('filters by closing-date range and by quality grade (the list page sends both)', async () => {
    const closedOn = addCalendarDays(today, -40);
    await create(legal, { closedOn, filedOn: addCalendarDays(today, -70) });
    const inRange = await ctx.request({
      method: 'GET',
      url: `/api/cases?closedFrom=${closedOn}&closedTo=${closedOn}&pageSize=200`,
      cookie: legal,
    });
    expect(inRange.json.items.length).toBeGreaterThan(0);
    expect(inRange.json.items.every((item: { closedOn: string }) => item.closedOn === closedOn)).toBe(true);
    let graded = 0;
    for (const grade of ['excellent', 'pass', 'fail']) {
      const page = await ctx.request({
        method: 'GET',
        url: `/api/cases?qualityGrade=${grade}&pageSize=200`,
        cookie: legal,
      });
      expect(page.status).toBe(200);
      expect(page.json.items.every((item: { qualityGrade: string }) => item.qualityGrade === grade)).toBe(
        true,
      );
      graded += page.json.total;
    }
    const all = await ctx.request({ method: 'GET', url: '/api/cases?pageSize=1', cookie: legal });
    // the demo year has analysed cases, and not every case is analysed yet
    expect(graded).toBeGreaterThan(0);
    expect(graded).toBeLessThan(all.json.total);
    const bad = await ctx.request({ method: 'GET', url: '/api/cases?qualityGrade=great', cookie: legal });
    expect(bad.status).toBe(400);
  });

  it('a duplicate case number is a conflict', async () => {
    const created = await create(legal);
    const again = await ctx.request({
      method: 'POST',
      url: '/api/cases',
      cookie: legal,
      payload: caseBody(teamId, [zhangId, liId], { caseNo: created.caseNo }),
    });
    expect(again.status).toBe(409);
  });
});
