import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../lib/password.ts';
import { DEMO_PASSWORD } from '../../../seed/demo-county.ts';
import { demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { insertUser } from '../../users/users.repository.ts';
import { actorOf, openSectionPeriod } from '../assessment-fixtures.ts';
import { submitSelfAssessment } from './self-assessments.service.ts';

let ctx: TestContext;
let admin: string;
let assessor: string;
let periodId: number;
let keys: Awaited<ReturnType<typeof openSectionPeriod>>['keys'];
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.login('admin');
  assessor = await ctx.login('assessor');
  const opened = await openSectionPeriod(ctx, admin, '2025-Q3');
  periodId = opened.period.id;
  keys = opened.keys;
  // the period's subjects are the justice bureau's sections: its own leaders rate them
  const bureau = await demoOrgByName(ctx.db, '博湖县司法局');
  for (const [username, displayName] of [
    ['bureau-main', '局长'],
    ['bureau-deputy', '分管副局长'],
  ]) {
    await insertUser(ctx.db, {
      username: username!,
      display_name: displayName!,
      org_id: bureau.id,
      roles: ['leader'],
      phone: null,
      password_hash: await hashPassword(DEMO_PASSWORD),
    });
  }
});
afterAll(() => ctx.close());

const record = (cookie: string, payload: object) =>
  ctx.request({ method: 'POST', url: `/api/assessment/periods/${periodId}/records`, cookie, payload });

describe('records by the responsible assessor', () => {
  it('records in its own group, with evidence, audited', async () => {
    const response = await record(assessor, {
      subjectKey: keys.supervision,
      item: 'zjg.004.d1-1.1.key-task-late',
      occurredOn: '2025-08-01',
      count: 1,
      note: '重点任务滞后',
      evidence: { kind: 'link', id: '督办单 2025-08' },
    });
    expect(response.status).toBe(201);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'assessment_record')
      .execute();
    expect(audit.map((row) => row.action)).toContain('assessment.record_create');
  });

  it('refuses a record outside its groups, naming the owning section, and stores nothing', async () => {
    const before = await ctx.db.selectFrom('assessment_record').select('id').execute();
    const response = await record(assessor, {
      subjectKey: keys.supervision,
      item: 'zjg.004.d2.1.late-early',
      occurredOn: '2025-08-01',
    });
    expect(response.status).toBe(403);
    expect(response.json.error.message).toContain('人事教育科');
    expect(await ctx.db.selectFrom('assessment_record').select('id').execute()).toHaveLength(before.length);
  });

  it.each([
    [
      'a date outside the quarter',
      { item: 'zjg.004.d1-1.1.key-task-late', occurredOn: '2025-10-01' },
      '考核周期内',
    ],
    ['an unknown item', { item: 'zjg.004.nope', occurredOn: '2025-08-01' }, '没有可记录的考核项目'],
    [
      'a level item without its level',
      { item: 'zjg.004.b1.commendation', occurredOn: '2025-08-01' },
      '须选择等级',
    ],
  ])('refuses %s with a field message', async (_label, fields, message) => {
    const supervisor = await ctx.login('supervisor');
    const response = await record(supervisor, { subjectKey: keys.supervision, ...fields });
    expect(response.status).toBe(400);
    expect(response.json.error.message).toContain(message);
  });
});

describe('ratings', () => {
  it('each rater sees only their own sheet; the provisional score averages the roles 5:5', async () => {
    const main = await ctx.login('bureau-main');
    const deputy = await ctx.login('bureau-deputy');
    const put = (cookie: string, rater: string, value: number) =>
      ctx.request({
        method: 'PUT',
        url: `/api/assessment/periods/${periodId}/ratings`,
        cookie,
        payload: { subjectKey: keys.supervision, rater, value },
      });
    expect((await put(main, 'main', 92)).status).toBe(200);
    expect((await put(deputy, 'deputy', 88)).status).toBe(200);
    expect((await put(main, 'boss', 88)).status).toBe(400);
    const sheet = await ctx.request({
      method: 'GET',
      url: `/api/assessment/periods/${periodId}/ratings/mine`,
      cookie: deputy,
    });
    const row = sheet.json.rows.find(
      (entry: { subjectKey: string }) => entry.subjectKey === keys.supervision,
    );
    expect(row.ratings).toEqual([{ item: 'zjg.004.leadership', rater: 'deputy', value: '88' }]);
    const records = await ctx.request({
      method: 'GET',
      url: `/api/assessment/periods/${periodId}/records`,
      cookie: admin,
    });
    expect(records.json.items.some((entry: { rater: string | null }) => entry.rater !== null)).toBe(false);
    const provisional = await ctx.request({
      method: 'GET',
      url: `/api/assessment/periods/${periodId}/subjects/${keys.supervision}/provisional`,
      cookie: admin,
    });
    expect(provisional.status).toBe(200);
    expect(provisional.json.result.total).toBe('97');
    const rating = provisional.json.result.components.find(
      (entry: { id: string }) => entry.id === 'zjg.004.leadership',
    );
    expect(rating.score).toBe('9');
  });

  it('refuses a rating outside the sheet scale [0, outOf] and shows the scale on the sheet (issue 18 point 12)', async () => {
    const main = await ctx.login('bureau-main');
    const put = (value: number) =>
      ctx.request({
        method: 'PUT',
        url: `/api/assessment/periods/${periodId}/ratings`,
        cookie: main,
        payload: { subjectKey: keys.supervision, rater: 'main', value },
      });
    const over = await put(150);
    expect(over.status).toBe(400);
    expect(JSON.stringify(over.json)).toContain('满分 100');
    expect(JSON.stringify(over.json)).toContain('value');
    const sheet = await ctx.request({
      method: 'GET',
      url: `/api/assessment/periods/${periodId}/ratings/mine`,
      cookie: main,
    });
    expect(sheet.json.items[0]).toMatchObject({ id: 'zjg.004.leadership', outOf: '100' });
    const row = sheet.json.rows.find(
      (entry: { subjectKey: string }) => entry.subjectKey === keys.supervision,
    );
    expect(row.ratings.map((entry: { value: string }) => entry.value)).not.toContain('150');
  });

  it('a leader rates only the subjects they lead: an agency leader neither sees nor rates bureau sections', async () => {
    const marketLeader = await ctx.login('leader');
    const sheet = await ctx.request({
      method: 'GET',
      url: `/api/assessment/periods/${periodId}/ratings/mine`,
      cookie: marketLeader,
    });
    expect(sheet.status).toBe(200);
    expect(sheet.json.rows).toEqual([]);
    const refused = await ctx.request({
      method: 'PUT',
      url: `/api/assessment/periods/${periodId}/ratings`,
      cookie: marketLeader,
      payload: { subjectKey: keys.legal, rater: 'main', value: 60 },
    });
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toContain('不在您分管的范围内');
    const provisional = await ctx.request({
      method: 'GET',
      url: `/api/assessment/periods/${periodId}/subjects/${keys.legal}/provisional`,
      cookie: admin,
    });
    const rating = provisional.json.result.components.find(
      (entry: { id: string }) => entry.id === 'zjg.004.leadership',
    );
    expect(rating.score).toBe('0');
  });
});

describe('self-assessment', () => {
  it('is refused after the quarter’s last working day, with the date', async () => {
    const response = await ctx.request({
      method: 'PUT',
      url: `/api/assessment/periods/${periodId}/subjects/${keys.office}/self-assessment`,
      cookie: assessor,
      payload: { items: [] },
    });
    expect(response.status).toBe(409);
    expect(response.json.error.message).toContain('2025年9月30日');
  });

  it('is taken on the deadline day, and only for one’s own section', async () => {
    const actor = await actorOf(ctx, 'assessor');
    const saved = await submitSelfAssessment(
      ctx.db,
      actor,
      periodId,
      keys.office,
      { items: [{ item: 'zjg.004.d5.5.parking', count: 2 }], note: '自查发现停车不规范两次' },
      '2025-09-30',
    );
    expect(saved.submittedOn).toBe('2025-09-30');
    // nothing claimed and nothing said is refused (a note alone is taken: see the board test)
    await expect(
      submitSelfAssessment(ctx.db, actor, periodId, keys.office, { items: [], note: '  ' }, '2025-09-30'),
    ).rejects.toMatchObject({ code: 'SELF_ASSESSMENT_EMPTY', details: { fields: [{ field: 'note' }] } });
    await expect(
      submitSelfAssessment(ctx.db, actor, periodId, keys.personnel, { items: [] }, '2025-09-30'),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const provisional = await ctx.request({
      method: 'GET',
      url: `/api/assessment/periods/${periodId}/subjects/${keys.office}/provisional`,
      cookie: assessor,
    });
    expect(provisional.json.result.selfTotal).toBe('88');
  });
});
