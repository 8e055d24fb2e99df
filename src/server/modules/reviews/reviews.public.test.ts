import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../../common/format.ts';
import { seedDemoReviews } from '../../seed/demo-reviews.ts';
import { demoOrgByName } from '../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { findFailingReviewFiles, getCaseReviewResult } from './reviews.public.ts';

let ctx: TestContext;
let _supervisor: string;
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
