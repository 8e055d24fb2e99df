import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOrgByName } from '../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { openSectionPeriod, presetVersionId } from './assessment-fixtures.ts';

let ctx: TestContext;
let supervisor: string;
beforeAll(async () => {
  ctx = await createTestContext();
  supervisor = await ctx.login('supervisor');
});
afterAll(() => ctx.close());

describe('automatic proposals', () => {
  it('proposes a substantiated complaint once, for the owning assessor to confirm', async () => {
    const { period, keys } = await openSectionPeriod(ctx, supervisor, '2025-Q3');
    const office = await demoOrgByName(ctx.db, '办公室');
    const complaint = await ctx.db
      .insertInto('complaint')
      .values({
        org_id: office.id,
        kind: 'complaint',
        officer_id: null,
        case_id: null,
        source: '12345热线',
        received_on: '2025-08-03',
        summary: '窗口推诿',
        finding: 'substantiated',
        handling: '约谈',
        handled_on: '2025-08-10',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const generate = () =>
      ctx.request({
        method: 'POST',
        url: `/api/assessment/periods/${period.id}/proposals/generate`,
        cookie: supervisor,
      });
    expect((await generate()).json.added).toBe(1);
    expect((await generate()).json.added).toBe(0);
    const proposed = await ctx.request({
      method: 'GET',
      url: `/api/assessment/periods/${period.id}/records?status=proposed`,
      cookie: supervisor,
    });
    expect(proposed.json.items).toHaveLength(1);
    expect(proposed.json.items[0]).toMatchObject({
      subjectKey: keys.office,
      item: 'zjg.004.d4.4.complaint',
      occurredOn: '2025-08-10',
      evidence: { kind: 'complaint', id: String(complaint.id) },
    });
    const url = `/api/assessment/periods/${period.id}/proposals/${proposed.json.items[0].id}/decision`;
    const assessor = await ctx.login('assessor');
    const refused = await ctx.request({
      method: 'POST',
      url,
      cookie: assessor,
      payload: { action: 'confirm' },
    });
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toContain('督查科');
    const confirmed = await ctx.request({
      method: 'POST',
      url,
      cookie: supervisor,
      payload: { action: 'confirm' },
    });
    expect(confirmed.json.status).toBe('active');
    const provisional = await ctx.request({
      method: 'GET',
      url: `/api/assessment/periods/${period.id}/subjects/${keys.office}/provisional`,
      cookie: supervisor,
    });
    expect(provisional.json.result.total).toBe('88');
  });
});

describe('what-if and roll-up', () => {
  it('shows grade changes under a draft parameter without touching results, and rolls quarters into the year', async () => {
    const market = await demoOrgByName(ctx.db, '博湖县市场监督管理局');
    const schemeVersionId = await presetVersionId(ctx, supervisor, 'xx-officer-performance');
    const periodIds: number[] = [];
    let subjectKey = '';
    for (const periodKey of ['2025-Q1', '2025-Q2']) {
      const opened = await ctx.request({
        method: 'POST',
        url: '/api/assessment/periods',
        cookie: supervisor,
        payload: { schemeVersionId, periodKey, underOrgId: market.id },
      });
      const periodId = opened.json.id;
      periodIds.push(periodId);
      const subjects = await ctx.db
        .selectFrom('assessment_subject')
        .select('subject_key')
        .where('period_id', '=', periodId)
        .orderBy('subject_key')
        .execute();
      subjectKey = subjects[0]!.subject_key;
      if (periodKey === '2025-Q1') {
        const recorded = await ctx.request({
          method: 'POST',
          url: `/api/assessment/periods/${periodId}/records`,
          cookie: supervisor,
          payload: { subjectKey, item: 'xx.000.t1.1.2.attitude', occurredOn: '2025-02-10' },
        });
        expect(recorded.status).toBe(201);
      }
      await ctx.request({
        method: 'POST',
        url: `/api/assessment/periods/${periodId}/compute`,
        cookie: supervisor,
      });
    }
    const before = await ctx.request({
      method: 'GET',
      url: `/api/assessment/periods/${periodIds[0]}/results`,
      cookie: supervisor,
    });
    const whatIf = await ctx.request({
      method: 'POST',
      url: `/api/assessment/periods/${periodIds[0]}/what-if`,
      cookie: supervisor,
      payload: { params: { excellentMin: 95 } },
    });
    expect(whatIf.status).toBe(200);
    expect(whatIf.json.changed).toBe(1);
    const changed = whatIf.json.items.find((row: { isGradeChanged: boolean }) => row.isGradeChanged);
    expect(changed).toMatchObject({
      subjectKey,
      stored: { total: '93', grade: '优秀' },
      draft: { total: '93', grade: '合格' },
    });
    const after = await ctx.request({
      method: 'GET',
      url: `/api/assessment/periods/${periodIds[0]}/results`,
      cookie: supervisor,
    });
    expect(after.json).toEqual(before.json);
    const badParam = await ctx.request({
      method: 'POST',
      url: `/api/assessment/periods/${periodIds[0]}/what-if`,
      cookie: supervisor,
      payload: { params: { noSuchParam: 1 } },
    });
    expect(badParam.status).toBe(400);
    const year = await ctx.request({
      method: 'GET',
      url: '/api/assessment/roll-up?schemeId=xx-officer-performance&target=2025',
      cookie: supervisor,
    });
    expect(year.status).toBe(200);
    expect(year.json.periods).toEqual(['2025-Q1', '2025-Q2']);
    const rolled = year.json.result.subjects.find(
      (subject: { subject: string }) => subject.subject === subjectKey,
    );
    expect(rolled.total).toBe('96.5');
  });
});
