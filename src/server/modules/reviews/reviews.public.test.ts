import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../../common/format.ts';
import { seedDemoReviews } from '../../seed/demo-reviews.ts';
import { demoOrgByName } from '../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { findFailingReviewFiles, getCaseReviewResult } from './reviews.public.ts';

let ctx: TestContext;
let _supervisor: string;
const get = (url: string, cookie: string) => ctx.request({ method: 'GET', url, cookie });
beforeAll(async () => {
  ctx = await createTestContext();
  _supervisor = await ctx.login('supervisor');
  // the test template leaves the review demo out; it is the published campaign with a failing file
  await seedDemoReviews(ctx.db, todayInShanghai(new Date()));
});
afterAll(() => ctx.close());

describe('reviews.public: failing files for assessment (第十八条)', () => {
  it('lists the demo published campaign’s failing file with its unit and handlers', async () => {
    const market = await demoOrgByName(ctx.db, '博湖县市场监督管理局');
    const county = `/${market.path.split('/').filter(Boolean)[0]}/`;
    const facts = await findFailingReviewFiles(ctx.db, county, '1900-01-01', '2100-12-31');
    expect(facts.length).toBeGreaterThan(0);
    const fact = facts[0]!;
    expect(fact.unitPath.startsWith(market.path)).toBe(true);
    expect(fact.handlers.map((handler) => handler.officerId)).toEqual(fact.officerIds);
    const result = await getCaseReviewResult(ctx.db, fact.caseId);
    expect(result).toMatchObject({ campaignId: fact.campaignId, band: 'fail', bandLabel: '不合格' });
    // nothing outside the range
    expect(await findFailingReviewFiles(ctx.db, county, '1900-01-01', '1900-12-31')).toEqual([]);
  });
});

describe('GET /api/cases/:id/review-result: a case’s quality analysis from its review (seed 000 说明4)', () => {
  it('gives the unit’s legal officer the latest published score, band and reasons, and nobody outside the case’s scope', async () => {
    const market = await demoOrgByName(ctx.db, '博湖县市场监督管理局');
    const county = `/${market.path.split('/').filter(Boolean)[0]}/`;
    const fact = (await findFailingReviewFiles(ctx.db, county, '1900-01-01', '2100-12-31'))[0]!;
    const response = await get(`/api/cases/${fact.caseId}/review-result`, await ctx.login('legal'));
    expect(response.status).toBe(200);
    const { result } = response.json;
    expect(result).toMatchObject({ campaignId: fact.campaignId, band: 'fail', bandLabel: '不合格' });
    expect(result.reasons.length).toBeGreaterThan(0);
    expect(result.reasons[0]).toMatchObject({ title: expect.any(String), reviewer: expect.any(String) });
    expect(result.suggestedOpinion).toContain(`得分${result.score}分，评定为不合格`);
    expect(result.suggestedOpinion).toContain(result.reasons[0].reason);
    // another agency's legal officer does not see the case (as GET /api/cases/:id)
    expect((await get(`/api/cases/${fact.caseId}/review-result`, await ctx.login('jiaotong'))).status).toBe(
      404,
    );
  });

  it('is null for a case no published campaign reviewed', async () => {
    const market = await demoOrgByName(ctx.db, '博湖县市场监督管理局');
    const reviewed = new Set(
      (await ctx.db.selectFrom('review_file').select('case_id').execute()).map((row) => row.case_id),
    );
    const other = (
      await ctx.db
        .selectFrom('enforcement_case')
        .innerJoin('org', 'org.id', 'enforcement_case.org_id')
        .select('enforcement_case.id')
        .where('org.path', 'like', `${market.path}%`)
        .execute()
    ).find((row) => !reviewed.has(row.id))!;
    const response = await get(`/api/cases/${other.id}/review-result`, await ctx.login('legal'));
    expect(response.json).toEqual({ result: null });
  });
});
