import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../../../common/calendar.ts';
import { todayInShanghai } from '../../../../common/format.ts';
import { demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { canHandleCases } from './officers.service.ts';

let ctx: TestContext;
let admin: string;
let legal: string;
let teamId: number;
let landTeamId: number;
const today = todayInShanghai(new Date());

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.login('admin');
  legal = await ctx.login('legal');
  teamId = (await demoOrgByName(ctx.db, '市场监管综合行政执法大队')).id;
  landTeamId = (await demoOrgByName(ctx.db, '自然资源执法监察大队')).id;
});
afterAll(() => ctx.close());

const newOfficer = (overrides: object = {}) => ({
  name: '测试甲',
  gender: 'male',
  ethnicity: '汉族',
  education: '大学本科',
  birthDate: '1988-04-12',
  position: '科员',
  orgId: teamId,
  post: '食品安全执法岗',
  duties: '食品生产经营监督检查',
  qualifiedOn: '2015-06-01',
  startedWorkOn: '2010-07-01',
  phone: '13912345678',
  ...overrides,
});

async function create(cookie: string, overrides: object = {}) {
  const response = await ctx.request({
    method: 'POST',
    url: '/api/officers',
    cookie,
    payload: newOfficer(overrides),
  });
  expect(response.status, JSON.stringify(response.json)).toBe(201);
  return response.json;
}

async function addCertificate(officerId: number, overrides: object = {}) {
  const response = await ctx.request({
    method: 'POST',
    url: `/api/officers/${officerId}/certificates`,
    cookie: legal,
    payload: {
      number: `T${Math.floor(Math.random() * 1e12)}`,
      issuer: '博湖县人民政府',
      area: '博湖县',
      categories: ['市场监管'],
      issuedOn: addCalendarDays(today, -400),
      validUntil: addCalendarDays(today, 1000),
      ...overrides,
    },
  });
  expect(response.status, JSON.stringify(response.json)).toBe(201);
  return response.json;
}

describe('officer profiles', () => {
  it('a legal officer creates a profile in their agency; the audit log keeps it with the phone masked', async () => {
    const officer = await create(legal, { name: '测试创建' });
    expect(officer).toMatchObject({
      name: '测试创建',
      genderLabel: '男',
      orgName: '市场监管综合行政执法大队',
      agencyName: '博湖县市场监督管理局',
      status: 'active',
      statusLabel: '在岗',
      phone: '13912345678',
      certificate: null,
      caseHandler: { ok: false },
    });
    const history = await ctx.request({
      method: 'GET',
      url: `/api/officers/${officer.id}/history`,
      cookie: legal,
    });
    expect(history.json.map((entry: { action: string }) => entry.action)).toEqual(['officer.create']);
    expect(JSON.stringify(history.json[0].after)).not.toContain('13912345678');
  });

  it('refuses a profile outside the legal officer’s agency', async () => {
    const response = await ctx.request({
      method: 'POST',
      url: '/api/officers',
      cookie: legal,
      payload: newOfficer({ orgId: landTeamId }),
    });
    expect(response.status).toBe(404);
  });

  it('lists every bad field in Chinese and writes nothing', async () => {
    const response = await ctx.request({
      method: 'POST',
      url: '/api/officers',
      cookie: legal,
      payload: {
        name: '',
        gender: 'x',
        orgId: teamId,
        birthDate: '1990-02-30',
        phone: '123',
        status: 'gone',
      },
    });
    expect(response.status).toBe(400);
    const fields = response.json.error.fields.map((field: { field: string }) => field.field).sort();
    expect(fields).toEqual(['birthDate', 'gender', 'name', 'phone', 'status']);
    for (const field of response.json.error.fields) expect(field.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses dates in the future', async () => {
    const response = await ctx.request({
      method: 'POST',
      url: '/api/officers',
      cookie: legal,
      payload: newOfficer({ qualifiedOn: addCalendarDays(today, 5) }),
    });
    expect(response.status).toBe(400);
    expect(response.json.error.fields[0]).toMatchObject({
      field: 'qualifiedOn',
      message: '取得执法资格日期不能晚于今天',
    });
  });

  it('edits, changes status and records every change in the history', async () => {
    const officer = await create(legal, { name: '测试修改' });
    const edited = await ctx.request({
      method: 'PATCH',
      url: `/api/officers/${officer.id}`,
      cookie: legal,
      payload: { position: '副队长', status: 'suspended' },
    });
    expect(edited.json).toMatchObject({ position: '副队长', statusLabel: '停职' });
    const history = await ctx.request({
      method: 'GET',
      url: `/api/officers/${officer.id}/history`,
      cookie: admin,
    });
    expect(history.json[0]).toMatchObject({
      action: 'officer.status_change',
      before: { status: 'active' },
      after: { status: 'suspended', position: '副队长' },
    });
  });

  it('keeps the 序列 (seed 003 篇1: 领导/一般工作人员), refuses another value at its field, audits the change', async () => {
    const officer = await create(legal, { name: '测试序列', series: 'leader' });
    expect(officer).toMatchObject({ series: 'leader', seriesLabel: '领导' });
    const bad = await ctx.request({
      method: 'PATCH',
      url: `/api/officers/${officer.id}`,
      cookie: legal,
      payload: { series: 'clerk' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toEqual([{ field: 'series', message: '序列应为领导或一般工作人员' }]);
    const staff = await ctx.request({
      method: 'PATCH',
      url: `/api/officers/${officer.id}`,
      cookie: legal,
      payload: { series: 'staff' },
    });
    expect(staff.json).toMatchObject({ series: 'staff', seriesLabel: '一般工作人员' });
    const cleared = await ctx.request({
      method: 'PATCH',
      url: `/api/officers/${officer.id}`,
      cookie: legal,
      payload: { series: null },
    });
    expect(cleared.json).toMatchObject({ series: null, seriesLabel: null });
    const history = await ctx.request({
      method: 'GET',
      url: `/api/officers/${officer.id}/history`,
      cookie: admin,
    });
    expect(history.json.slice(0, 2)).toMatchObject([
      { action: 'officer.update', before: { series: 'staff' }, after: { series: null } },
      { action: 'officer.update', before: { series: 'leader' }, after: { series: 'staff' } },
    ]);
  });

  it('pages, searches by name or certificate number, and filters by agency, status and certificate state', async () => {
    const a = await create(legal, { name: '检索王一' });
    const b = await create(legal, { name: '检索王二', status: 'retired' });
    const certificate = await addCertificate(a.id, { number: 'SEARCH-0001' });
    const byName = await ctx.request({
      method: 'GET',
      url: `/api/officers?keyword=${encodeURIComponent('检索王')}`,
      cookie: admin,
    });
    expect(byName.json.items.map((item: { name: string }) => item.name).sort()).toEqual([
      '检索王一',
      '检索王二',
    ]);
    const byNumber = await ctx.request({
      method: 'GET',
      url: '/api/officers?keyword=search-0001',
      cookie: admin,
    });
    expect(byNumber.json.items.map((item: { id: number }) => item.id)).toEqual([a.id]);
    expect(byNumber.json.items[0].certificate).toMatchObject({
      id: certificate.id,
      state: 'valid',
      stateLabel: '有效',
    });
    const retired = await ctx.request({
      method: 'GET',
      url: `/api/officers?keyword=${encodeURIComponent('检索王')}&status=retired`,
      cookie: admin,
    });
    expect(retired.json.items.map((item: { id: number }) => item.id)).toEqual([b.id]);
    const none = await ctx.request({
      method: 'GET',
      url: `/api/officers?keyword=${encodeURIComponent('检索王')}&certificateState=none`,
      cookie: admin,
    });
    expect(none.json.items.map((item: { id: number }) => item.id)).toEqual([b.id]);
    const land = await ctx.request({
      method: 'GET',
      url: `/api/officers?keyword=${encodeURIComponent('检索王')}&orgId=${landTeamId}`,
      cookie: admin,
    });
    expect(land.json.total).toBe(0);
    const paged = await ctx.request({
      method: 'GET',
      url: `/api/officers?keyword=${encodeURIComponent('检索王')}&pageSize=1&page=2`,
      cookie: admin,
    });
    expect(paged.json).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.json.items).toHaveLength(1);
  });

  it('masks phone numbers in lists for readers without personal-data rights', async () => {
    await create(legal, { name: '掩码测试', phone: '13700001111' });
    const supervisor = await ctx.login('supervisor');
    const list = await ctx.request({
      method: 'GET',
      url: `/api/officers?keyword=${encodeURIComponent('掩码测试')}`,
      cookie: supervisor,
    });
    expect(list.json.items[0].phone).not.toBe('13700001111');
    expect(list.json.items[0].phone).toMatch(/\*/);
    const own = await ctx.request({
      method: 'GET',
      url: `/api/officers?keyword=${encodeURIComponent('掩码测试')}`,
      cookie: legal,
    });
    expect(own.json.items[0].phone).toBe('13700001111');
  });

  it('an officer account sees only the profile linked to it, and may not write', async () => {
    const officerUser = await ctx.db
      .selectFrom('user_account')
      .select('id')
      .where('username', '=', 'officer')
      .executeTakeFirstOrThrow();
    const existing = await ctx.db
      .selectFrom('officer')
      .select('id')
      .where('user_id', '=', officerUser.id)
      .executeTakeFirst();
    const ownId = existing?.id ?? (await create(legal, { name: '张伟测试', userId: officerUser.id })).id;
    const other = await create(legal, { name: '他人档案' });
    const officer = await ctx.login('officer');
    const list = await ctx.request({ method: 'GET', url: '/api/officers?pageSize=200', cookie: officer });
    expect(list.json.items.map((item: { id: number }) => item.id)).toEqual([ownId]);
    expect((await ctx.request({ method: 'GET', url: '/api/officers/me', cookie: officer })).json.id).toBe(
      ownId,
    );
    expect(
      (await ctx.request({ method: 'GET', url: `/api/officers/${other.id}`, cookie: officer })).status,
    ).toBe(404);
    expect(
      (
        await ctx.request({
          method: 'PATCH',
          url: `/api/officers/${ownId}`,
          cookie: officer,
          payload: { name: '改名' },
        })
      ).status,
    ).toBe(403);
  });

  it('refuses linking one account to two profiles', async () => {
    const user = await ctx.db
      .selectFrom('user_account')
      .select('id')
      .where('username', '=', 'leader')
      .executeTakeFirstOrThrow();
    await create(legal, { name: '关联一', userId: user.id });
    const second = await ctx.request({
      method: 'POST',
      url: '/api/officers',
      cookie: legal,
      payload: newOfficer({ name: '关联二', userId: user.id }),
    });
    expect(second.status).toBe(409);
  });
});

describe('photos', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
  it('stores a JPEG or PNG checked by content, whatever the declared type', async () => {
    const officer = await create(legal, { name: '照片测试' });
    const url = `/api/officers/${officer.id}/photo`;
    const put = await ctx.request({
      method: 'PUT',
      url,
      cookie: legal,
      payload: png,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(put.status).toBe(204);
    const get = await ctx.app.inject({ method: 'GET', url, headers: { cookie: legal } });
    expect(get.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(get.rawPayload, png)).toBe(0);
    // an image with an HTML tail, opened directly, must neither be sniffed nor run (issue 11 item 10)
    expect(get.headers['x-content-type-options']).toBe('nosniff');
    expect(get.headers['content-disposition']).toMatch(/^attachment/);
    expect(get.headers['content-security-policy']).toContain('sandbox');
    expect(
      (
        await ctx.request({
          method: 'PUT',
          url,
          cookie: legal,
          payload: jpeg,
          headers: { 'content-type': 'image/png' },
        })
      ).status,
    ).toBe(204);
    expect(
      (await ctx.request({ method: 'GET', url: `/api/officers/${officer.id}`, cookie: legal })).json.hasPhoto,
    ).toBe(true);
  });
  it('refuses a file that only claims to be an image, and one over 2 MB', async () => {
    const officer = await create(legal, { name: '照片拒绝' });
    const url = `/api/officers/${officer.id}/photo`;
    const fake = await ctx.request({
      method: 'PUT',
      url,
      cookie: legal,
      payload: Buffer.from('GIF89a fake'),
      headers: { 'content-type': 'image/jpeg' },
    });
    expect(fake.status).toBe(400);
    expect(fake.json.error.message).toContain('JPEG 或 PNG');
    const big = Buffer.concat([jpeg, Buffer.alloc(2 * 1024 * 1024)]);
    const tooBig = await ctx.request({
      method: 'PUT',
      url,
      cookie: legal,
      payload: big,
      headers: { 'content-type': 'image/jpeg' },
    });
    expect(tooBig.status).toBe(400);
    expect(tooBig.json.error.message).toContain('2 MB');
  });
});

describe('certificates', () => {
  it('keeps numbers unique county-wide regardless of letter case', async () => {
    const officer = await create(legal, { name: '证号唯一' });
    await addCertificate(officer.id, { number: 'UNIQ-1' });
    const again = await ctx.request({
      method: 'POST',
      url: `/api/officers/${officer.id}/certificates`,
      cookie: legal,
      payload: {
        number: 'uniq-1',
        issuer: '博湖县人民政府',
        area: '博湖县',
        issuedOn: '2024-01-01',
        validUntil: '2026-01-01',
      },
    });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toContain('已被登记');
  });

  it('refuses a validity end before the issue date', async () => {
    const officer = await create(legal, { name: '日期倒置' });
    const response = await ctx.request({
      method: 'POST',
      url: `/api/officers/${officer.id}/certificates`,
      cookie: legal,
      payload: {
        number: 'REV-1',
        issuer: '博湖县人民政府',
        area: '博湖县',
        issuedOn: '2024-01-01',
        validUntil: '2023-01-01',
      },
    });
    expect(response.status).toBe(400);
    expect(response.json.error.fields[0].field).toBe('validUntil');
  });

  it.each([
    ['valid', { validUntil: addCalendarDays(today, 91) }],
    ['expiring', { validUntil: addCalendarDays(today, 90) }],
    ['expiring', { validUntil: today }],
    ['expired', { validUntil: addCalendarDays(today, -1) }],
  ] as const)('the list filter agrees with the derived state: %s', async (state, dates) => {
    const officer = await create(legal, { name: `状态${state}${dates.validUntil}` });
    await addCertificate(officer.id, dates);
    const detail = await ctx.request({ method: 'GET', url: `/api/officers/${officer.id}`, cookie: legal });
    expect(detail.json.certificate.state).toBe(state);
    const filtered = await ctx.request({
      method: 'GET',
      url: `/api/officers?certificateState=${state}&pageSize=200&keyword=${encodeURIComponent(officer.name)}`,
      cookie: legal,
    });
    expect(filtered.json.items.map((item: { id: number }) => item.id)).toContain(officer.id);
  });

  it('suspension and revocation are recorded, derived and block case handling', async () => {
    const officer = await create(legal, { name: '暂扣测试' });
    const certificate = await addCertificate(officer.id);
    expect(await canHandleCases(ctx.db, officer.id, today)).toMatchObject({ ok: true });
    const suspended = await ctx.request({
      method: 'PATCH',
      url: `/api/certificates/${certificate.id}`,
      cookie: legal,
      payload: { isSuspended: true },
    });
    expect(suspended.json).toMatchObject({ state: 'suspended', stateLabel: '暂扣' });
    const verdict = await canHandleCases(ctx.db, officer.id, today);
    expect(verdict).toMatchObject({ ok: false });
    expect(!verdict.ok && verdict.reason).toContain('已暂扣');
    const route = await ctx.request({
      method: 'GET',
      url: `/api/officers/${officer.id}/case-handler`,
      cookie: legal,
    });
    expect(route.json).toMatchObject({ ok: false, certificateNumber: null });
    const revoked = await ctx.request({
      method: 'PATCH',
      url: `/api/certificates/${certificate.id}`,
      cookie: legal,
      payload: { isRevoked: true },
    });
    expect(revoked.json.stateLabel).toBe('注销');
    const history = await ctx.request({
      method: 'GET',
      url: `/api/officers/${officer.id}/history`,
      cookie: legal,
    });
    expect(history.json.map((entry: { action: string }) => entry.action)).toEqual([
      'certificate.revoke',
      'certificate.suspend',
      'certificate.create',
      'officer.create',
    ]);
  });

  it('an officer who is not in service cannot handle cases even with a valid certificate', async () => {
    const officer = await create(legal, { name: '调离测试', status: 'transferred' });
    await addCertificate(officer.id);
    const verdict = await canHandleCases(ctx.db, officer.id, today);
    expect(verdict).toEqual({ ok: false, reason: '调离测试当前状态为“调离”，不能作为承办人' });
  });

  it('records annual reviews; warnings list 90/30-day expiry, expired and overdue reviews per agency', async () => {
    const soon = await create(legal, { name: '预警三十' });
    await addCertificate(soon.id, {
      validUntil: addCalendarDays(today, 20),
      issuedOn: addCalendarDays(today, -100),
    });
    const later = await create(legal, { name: '预警九十' });
    await addCertificate(later.id, {
      validUntil: addCalendarDays(today, 60),
      issuedOn: addCalendarDays(today, -100),
    });
    const overdue = await create(legal, { name: '年审逾期' });
    const overdueCertificate = await addCertificate(overdue.id, { issuedOn: addCalendarDays(today, -800) });
    const report = await ctx.request({ method: 'GET', url: '/api/certificates/warnings', cookie: legal });
    const find = (name: string) =>
      report.json.items.filter((item: { officerName: string }) => item.officerName === name);
    expect(find('预警三十')).toMatchObject([{ kind: 'expiry', level: 30, daysLeft: 20 }]);
    expect(find('预警九十')).toMatchObject([{ kind: 'expiry', level: 90 }]);
    expect(find('年审逾期')).toMatchObject([{ kind: 'review_overdue' }]);
    expect(report.json.byAgency.map((entry: { agencyName: string }) => entry.agencyName)).toEqual([
      '博湖县市场监督管理局',
    ]);
    const reviewed = await ctx.request({
      method: 'POST',
      url: `/api/certificates/${overdueCertificate.id}/reviews`,
      cookie: legal,
      payload: { reviewedOn: addCalendarDays(today, -10), result: 'pass', note: '年审合格' },
    });
    expect(reviewed.status).toBe(201);
    expect(reviewed.json).toMatchObject({ isReviewOverdue: false, reviews: [{ resultLabel: '合格' }] });
    const after = await ctx.request({ method: 'GET', url: '/api/certificates/warnings', cookie: legal });
    expect(after.json.items.some((item: { officerName: string }) => item.officerName === '年审逾期')).toBe(
      false,
    );
    // the land agency's legal officer would not see the market agency's warnings; a supervisor sees all
    const supervisor = await ctx.login('supervisor');
    const county = await ctx.request({
      method: 'GET',
      url: '/api/certificates/warnings',
      cookie: supervisor,
    });
    expect(county.json.items.length).toBeGreaterThanOrEqual(report.json.items.length - 1);
    const officer = await ctx.login('officer');
    expect(
      (await ctx.request({ method: 'GET', url: '/api/certificates/warnings', cookie: officer })).status,
    ).toBe(403);
  });
});

describe('post changes', () => {
  it('records a change from the current post and moves the profile to the new one', async () => {
    const officer = await create(legal, { name: '岗位变更', post: '巡查岗', duties: '日常巡查' });
    const change = await ctx.request({
      method: 'POST',
      url: `/api/officers/${officer.id}/post-changes`,
      cookie: legal,
      payload: { changedOn: '2024-03-01', toPost: '办案岗', toDuties: '案件查处', reason: '工作需要' },
    });
    expect(change.status).toBe(201);
    expect(change.json).toMatchObject({ fromPost: '巡查岗', fromDuties: '日常巡查', toPost: '办案岗' });
    const detail = await ctx.request({ method: 'GET', url: `/api/officers/${officer.id}`, cookie: legal });
    expect(detail.json).toMatchObject({
      post: '办案岗',
      duties: '案件查处',
      postChanges: [{ reason: '工作需要' }],
    });
    const timeline = await ctx.request({
      method: 'GET',
      url: `/api/officers/${officer.id}/post-changes`,
      cookie: legal,
    });
    expect(timeline.json).toHaveLength(1);
  });
});
