import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../../../common/calendar.ts';
import { todayInShanghai } from '../../../../common/format.ts';
import { readSheet } from '../../../lib/xlsx.ts';
import { demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { addOfficer, caseBody } from '../cases-fixtures.ts';

let ctx: TestContext;
let legal: string;
let zhangId: number;
let liId: number;
let caseId: number;
const today = todayInShanghai(new Date());
const year = today.slice(0, 4);

beforeAll(async () => {
  ctx = await createTestContext();
  legal = await ctx.login('legal');
  const teamId = (await demoOrgByName(ctx.db, '市场监管综合行政执法大队')).id;
  zhangId = await addOfficer(ctx.db, teamId, '张一', { today });
  liId = await addOfficer(ctx.db, teamId, '李二', { today });
  const closedOn = `${year}-01-20`;
  const created = await ctx.request({
    method: 'POST',
    url: '/api/cases',
    cookie: legal,
    payload: caseBody(teamId, [zhangId, liId], {
      filedOn: `${year}-01-05`,
      closedOn: closedOn <= today ? closedOn : today,
      isSupervised: true,
    }),
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  caseId = created.json.id;
  await ctx.request({
    method: 'PUT',
    url: `/api/cases/${created.json.id}/quality`,
    cookie: legal,
    payload: { opinion: '合格', grade: 'pass' },
  });
});
afterAll(() => ctx.close());

describe('complaints, petitions and the per-officer counts', () => {
  it('records a complaint, its finding, a petition and a campaign; the year’s counts show them', async () => {
    const receivedOn = addCalendarDays(today, 0).slice(0, 4) === year ? today : `${year}-01-01`;
    const complaint = await ctx.request({
      method: 'POST',
      url: '/api/complaints',
      cookie: legal,
      payload: {
        kind: 'complaint',
        officerId: zhangId,
        source: '12345热线',
        receivedOn,
        summary: '态度生硬',
      },
    });
    expect(complaint.status, JSON.stringify(complaint.json)).toBe(201);
    const found = await ctx.request({
      method: 'PATCH',
      url: `/api/complaints/${complaint.json.id}`,
      cookie: legal,
      payload: { finding: 'substantiated', handling: '批评教育', handledOn: receivedOn },
    });
    expect(found.json.findingLabel).toBe('查实');
    await ctx.request({
      method: 'POST',
      url: '/api/complaints',
      cookie: legal,
      payload: { kind: 'petition', officerId: liId, source: '来访', receivedOn, summary: '反映噪声扰民' },
    });
    const campaign = await ctx.request({
      method: 'POST',
      url: '/api/campaign-participations',
      cookie: legal,
      payload: { officerId: liId, name: '食品安全专项整治', joinedOn: receivedOn },
    });
    expect(campaign.status).toBe(201);
    const counts = await ctx.request({
      method: 'GET',
      url: `/api/cases/officer-counts?period=${year}`,
      cookie: legal,
    });
    const zhang = counts.json.items.find((row: { officerId: number }) => row.officerId === zhangId);
    const li = counts.json.items.find((row: { officerId: number }) => row.officerId === liId);
    expect(zhang).toMatchObject({
      casesHandled: 1,
      qualityPass: 1,
      supervisedCases: 1,
      complaints: 1,
      substantiated: 1,
    });
    expect(li).toMatchObject({ casesHandled: 1, petitionsHandled: 1, campaignsJoined: 1, complaints: 0 });
  });

  it('a petition must name the officer who handled it', async () => {
    const response = await ctx.request({
      method: 'POST',
      url: '/api/complaints',
      cookie: legal,
      payload: { kind: 'petition', caseId: 1, source: '来信', receivedOn: today, summary: '无' },
    });
    expect(response.status).toBe(400);
    expect(response.json.error.message).toContain('信访须指明处理的执法人员');
  });
});

describe('one complaint: read, edit, export', () => {
  let complaintId: number;
  beforeAll(async () => {
    const created = await ctx.request({
      method: 'POST',
      url: '/api/complaints',
      cookie: legal,
      payload: {
        kind: 'complaint',
        officerId: zhangId,
        source: '来信',
        receivedOn: today,
        summary: '执法不文明',
      },
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    complaintId = created.json.id;
  });

  it('reads one complaint by id, with its unit', async () => {
    const response = await ctx.request({
      method: 'GET',
      url: `/api/complaints/${complaintId}`,
      cookie: legal,
    });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      id: complaintId,
      officerName: '张一',
      summary: '执法不文明',
      orgName: '市场监管综合行政执法大队',
      finding: null,
    });
    const missing = await ctx.request({ method: 'GET', url: '/api/complaints/999999', cookie: legal });
    expect(missing.status).toBe(404);
  });

  it('edits every field, names the case instead of the officer, and audits before and after', async () => {
    const response = await ctx.request({
      method: 'PATCH',
      url: `/api/complaints/${complaintId}`,
      cookie: legal,
      payload: {
        officerId: null,
        caseId,
        source: '12345热线',
        receivedOn: `${year}-01-02`,
        summary: '处罚程序不当',
        finding: 'unfounded',
        handling: '经核查程序合法，已答复',
        handledOn: today,
      },
    });
    expect(response.status, JSON.stringify(response.json)).toBe(200);
    expect(response.json).toMatchObject({
      officerId: null,
      caseId,
      source: '12345热线',
      receivedOn: `${year}-01-02`,
      summary: '处罚程序不当',
      findingLabel: '不属实',
      handledOn: today,
    });
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity_type', '=', 'complaint')
      .where('entity_id', '=', String(complaintId))
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['complaint.create', 'complaint.update']);
    expect(JSON.stringify(audit[1]!.before)).toContain('执法不文明');
    expect(JSON.stringify(audit[1]!.after)).toContain('处罚程序不当');
  });

  it.each([
    ['a petition without the officer who handled it', { kind: 'petition' }, '信访须指明处理的执法人员'],
    ['neither officer nor case', { caseId: null }, '请指明被投诉的执法人员或案件'],
    [
      'handled before it was received',
      { handledOn: `${Number(year) - 1}-12-31` },
      '处理日期不能早于收到日期',
    ],
    ['an empty summary', { summary: ' ' }, '请填写内容摘要'],
  ])('refuses %s and changes nothing', async (_name, payload, message) => {
    const before = await ctx.request({ method: 'GET', url: `/api/complaints/${complaintId}`, cookie: legal });
    const response = await ctx.request({
      method: 'PATCH',
      url: `/api/complaints/${complaintId}`,
      cookie: legal,
      payload,
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.json.error)).toContain(message);
    const after = await ctx.request({ method: 'GET', url: `/api/complaints/${complaintId}`, cookie: legal });
    expect(after.json).toEqual(before.json);
  });

  it('exports the filtered list as XLSX', async () => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/api/complaints/export.xlsx?caseId=${caseId}`,
      headers: { cookie: legal },
    });
    expect(response.statusCode).toBe(200);
    const rows = await readSheet(response.rawPayload);
    expect(rows.map((row) => row.values.内容摘要)).toEqual(['处罚程序不当']);
    expect(rows[0]!.values).toMatchObject({ 类型: '投诉举报', 调查结论: '不属实', 来源: '12345热线' });
  });
});
