import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createForeignCounty, demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { actorOf, presetVersionId } from '../assessment-fixtures.ts';
import { submitSelfAssessment } from '../records/self-assessments.service.ts';

/** An officer period over 博湖县市场监督管理局 (bohu routine preset), where 张伟 (officer) is a subject. */
let ctx: TestContext;
let supervisor: string;
let officer: string;
let periodId: number;
let subjectCount: number;
let ownKey: string;
let legalUnitId: number;

const get = (url: string, cookie: string) => ctx.request({ method: 'GET', url, cookie });
const periodUrl = (rest: string) => `/api/assessment/periods/${periodId}${rest}`;

beforeAll(async () => {
  ctx = await createTestContext();
  supervisor = await ctx.login('supervisor');
  officer = await ctx.login('officer');
  const market = await demoOrgByName(ctx.db, '博湖县市场监督管理局');
  legalUnitId = (await demoOrgByName(ctx.db, '法规股')).id;
  const schemeVersionId = await presetVersionId(ctx, supervisor, 'bohu-officer-routine');
  const opened = await ctx.request({
    method: 'POST',
    url: '/api/assessment/periods',
    cookie: supervisor,
    payload: { schemeVersionId, periodKey: '2025-Q3', underOrgId: market.id },
  });
  expect(opened.status).toBe(201);
  periodId = opened.json.id;
  subjectCount = opened.json.subjectCount;
  const me = await get('/api/officers/me', officer);
  ownKey = `officer:${me.json.id}`;
});
afterAll(() => ctx.close());

describe('period subject list', () => {
  it('pages the subjects with their names, section and unit', async () => {
    const page = await get(periodUrl('/subjects?page=2&pageSize=3'), supervisor);
    expect(page.status).toBe(200);
    expect(page.json.total).toBe(subjectCount);
    expect(page.json.items).toHaveLength(3);
    expect(page.json.hasResults).toBe(false);
    expect(page.json.items[0]).toMatchObject({
      kind: 'officer',
      unitName: '博湖县市场监督管理局',
      selfSubmittedOn: null,
      result: null,
    });
    const first = await get(periodUrl('/subjects?pageSize=3'), supervisor);
    const keys = [...first.json.items, ...page.json.items].map(
      (item: { subjectKey: string }) => item.subjectKey,
    );
    expect(new Set(keys).size).toBe(6);
  });

  it('filters by keyword (name or section), organisation and self-assessment', async () => {
    const byName = await get(periodUrl(`/subjects?keyword=${encodeURIComponent('张伟')}`), supervisor);
    expect(byName.json.items.map((item: { subjectKey: string }) => item.subjectKey)).toEqual([ownKey]);
    const bySection = await get(periodUrl(`/subjects?orgId=${legalUnitId}&pageSize=200`), supervisor);
    expect(bySection.json.total).toBeGreaterThan(0);
    expect(bySection.json.total).toBeLessThan(subjectCount);
    expect(new Set(bySection.json.items.map((item: { orgName: string }) => item.orgName))).toEqual(
      new Set(['法规股']),
    );
    await submitSelfAssessment(
      ctx.db,
      await actorOf(ctx, 'officer'),
      periodId,
      ownKey,
      { items: [{ item: 'bohu.001.a7.praise', count: 1, note: '获县局通报表扬' }], note: '本季度无迟到早退' },
      '2025-09-26',
    );
    const submitted = await get(periodUrl('/subjects?selfSubmitted=true'), supervisor);
    expect(submitted.json.items).toEqual([
      expect.objectContaining({ subjectKey: ownKey, selfSubmittedOn: '2025-09-26' }),
    ]);
    const missing = await get(periodUrl('/subjects?selfSubmitted=false'), supervisor);
    expect(missing.json.total).toBe(subjectCount - 1);
  });

  it('shows an officer only their own subject', async () => {
    const list = await get(periodUrl('/subjects'), officer);
    expect(list.status).toBe(200);
    expect(list.json.total).toBe(1);
    expect(list.json.items[0].subjectKey).toBe(ownKey);
  });

  it('filters by grade only once results are visible, then orders by rank', async () => {
    const early = await get(periodUrl(`/subjects?grade=${encodeURIComponent('好')}`), supervisor);
    expect(early.status).toBe(400);
    expect(early.json.error.message).toContain('尚未公示');
    await ctx.request({
      method: 'POST',
      url: periodUrl('/records'),
      cookie: supervisor,
      payload: { subjectKey: ownKey, item: 'bohu.001.a4.absence', occurredOn: '2025-08-04', count: 10 },
    });
    expect(
      (await ctx.request({ method: 'POST', url: periodUrl('/compute'), cookie: supervisor })).status,
    ).toBe(200);
    const ranked = await get(periodUrl('/subjects?pageSize=200'), supervisor);
    expect(ranked.json.hasResults).toBe(true);
    const last = ranked.json.items.at(-1);
    // no casework recorded: 数量 0; 质量和实效 (测评 0 + 办案程序 40) × 30 % = 12; 作风纪律
    // (100 − 10 × 2) × 50 % = 40 → 52, 较差 (平时考核制度第五条; the others 62)
    expect(last).toMatchObject({ subjectKey: ownKey, result: { total: '52', grade: '较差' } });
    const ranks = ranked.json.items.map((item: { result: { rank: number } }) => item.result.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const graded = await get(
      periodUrl(`/subjects?grade=${encodeURIComponent('较差')}&pageSize=200`),
      supervisor,
    );
    expect(graded.json.items.map((item: { subjectKey: string }) => item.subjectKey)).toContain(ownKey);
    expect(
      new Set(graded.json.items.map((item: { result: { grade: string } }) => item.result.grade)),
    ).toEqual(new Set(['较差']));
    // before publication the officer does not see results, not even their own
    const own = await get(periodUrl('/subjects'), officer);
    expect(own.json.items[0].result).toBeNull();
  });

  it('refuses an organisation of another county', async () => {
    const foreign = await createForeignCounty(ctx.db, 'sj');
    const response = await get(periodUrl(`/subjects?orgId=${foreign.agency.id}`), supervisor);
    expect(response.status).toBe(400);
    expect(response.json.error.message).toContain('不属本县');
  });
});

describe('my subject and the self-assessment view', () => {
  it('gives the officer their subject, self-assessment and provisional score', async () => {
    const mine = await get(periodUrl('/my-subject'), officer);
    expect(mine.status).toBe(200);
    expect(mine.json.subject).toMatchObject({
      subjectKey: ownKey,
      name: '张伟',
      orgName: '市场监管综合行政执法大队',
    });
    expect(mine.json.selfAssessment).toMatchObject({ isSubmitted: true, submittedOn: '2025-09-26' });
    expect(mine.json.provisional.result).toMatchObject({ subject: ownKey, total: '52' });
    expect(mine.json.result).toBeNull();
  });

  it('answers subject null for an account that is not assessed in the period', async () => {
    const assessor = await ctx.login('assessor');
    const mine = await get(periodUrl('/my-subject'), assessor);
    expect(mine.status).toBe(200);
    expect(mine.json.subject).toBeNull();
  });

  it('shows the self-assessment in words to the subject and the assessing sections, not to others', async () => {
    const view = await get(periodUrl(`/subjects/${ownKey}/self-assessment`), officer);
    expect(view.status).toBe(200);
    expect(view.json).toMatchObject({
      name: '张伟',
      isSubmitted: true,
      submittedByName: '张伟',
      note: '本季度无迟到早退',
      dueOn: '2025-09-30',
      selfTotal: '62', // 12 + (100 + 1, capped at 100) × 50 %: the self-assessment claims no casework
      items: [{ label: '获得表扬奖励', clause: '第七条', count: 1, note: '获县局通报表扬' }],
    });
    const assessor = await ctx.login('assessor');
    expect((await get(periodUrl(`/subjects/${ownKey}/self-assessment`), assessor)).status).toBe(200);
    const legal = await ctx.login('legal');
    expect((await get(periodUrl(`/subjects/${ownKey}/self-assessment`), legal)).status).toBe(403);
    const other = await ctx.db
      .selectFrom('assessment_subject')
      .select('subject_key')
      .where('period_id', '=', periodId)
      .where('subject_key', '!=', ownKey)
      .executeTakeFirstOrThrow();
    const unsubmitted = await get(periodUrl(`/subjects/${other.subject_key}/self-assessment`), supervisor);
    expect(unsubmitted.json).toMatchObject({ isSubmitted: false, items: [] });
    expect((await get(periodUrl(`/subjects/${other.subject_key}/self-assessment`), officer)).status).toBe(
      403,
    );
  });
});

describe('names in records and appeals', () => {
  it('lists records with subject, item and recorder names, paged, newest first', async () => {
    for (const day of ['2025-08-05', '2025-08-06']) {
      await ctx.request({
        method: 'POST',
        url: periodUrl('/records'),
        cookie: supervisor,
        payload: { subjectKey: ownKey, item: 'bohu.001.a4.late', occurredOn: day, note: `迟到 ${day}` },
      });
    }
    const page = await get(periodUrl('/records?pageSize=2&item=bohu.001.a4.late'), supervisor);
    expect(page.json.total).toBe(2);
    expect(page.json.items[0]).toMatchObject({
      subjectName: '张伟',
      itemLabel: '迟到',
      recorderName: '李建国',
      occurredOn: '2025-08-06',
    });
    const own = await get(periodUrl('/records?pageSize=200'), officer);
    expect(own.json.total).toBe(3);
    expect(new Set(own.json.items.map((item: { subjectKey: string }) => item.subjectKey))).toEqual(
      new Set([ownKey]),
    );
  });

  it('lists appeals with the subject name; an officer sees only their own', async () => {
    await ctx.db
      .insertInto('assessment_appeal')
      .values({
        period_id: periodId,
        subject_key: ownKey,
        reasons: '旷工系公出，附审批单',
        proof: '[]',
        submitted_on: '2025-10-09',
        decide_by: '2025-10-14',
        decision: null,
        changes: null,
        before_result: null,
        after_result: null,
        submitted_by: null,
        decided_by: null,
        decided_on: null,
      })
      .execute();
    const all = await get(periodUrl('/appeals'), supervisor);
    expect(all.json).toMatchObject({ total: 1, items: [{ subjectName: '张伟', status: 'pending' }] });
    expect((await get(periodUrl('/appeals'), officer)).json.total).toBe(1);
    const legal = await ctx.login('legal');
    expect((await get(periodUrl('/appeals'), legal)).json.total).toBe(0);
  });
});

describe('another county', () => {
  it('answers 404 for the subject list, my subject and the self-assessment view', async () => {
    const foreign = await createForeignCounty(ctx.db, 'hs');
    const cookie = await ctx.login(foreign.usernames.officer);
    for (const url of [
      periodUrl('/subjects'),
      periodUrl('/my-subject'),
      periodUrl(`/subjects/${ownKey}/self-assessment`),
    ]) {
      expect((await get(url, cookie)).status, url).toBe(404);
    }
    const admin = await ctx.login(foreign.usernames.admin);
    expect((await get(periodUrl('/subjects'), admin)).status).toBe(404);
  });
});
