import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOrgByName } from '../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { findCampaignUnits, visibleCampaigns } from './campaigns/campaigns.repository.ts';
import { canSeeCampaign, type ReviewViewer } from './reviews.policy.ts';

let ctx: TestContext;
const campaignIds: number[] = [];
let paths: Record<'county' | 'market' | 'land' | 'marketTeam', string>;

beforeAll(async () => {
  ctx = await createTestContext();
  const market = await demoOrgByName(ctx.db, '博湖县市场监督管理局');
  const land = await demoOrgByName(ctx.db, '博湖县自然资源局');
  const marketTeam = await demoOrgByName(ctx.db, '市场监管综合行政执法大队');
  paths = { county: '/1/', market: market.path, land: land.path, marketTeam: marketTeam.path };
  const organiser = await demoOrgByName(ctx.db, '博湖县司法局');
  const campaigns: Array<[string, 'county' | 'agency', number[]]> = [
    ['/1/', 'county', [market.id]],
    ['/1/', 'county', [land.id]],
    [market.path, 'agency', [marketTeam.id]],
    [land.path, 'agency', [land.id]],
  ];
  for (const [scopePath, level, unitIds] of campaigns) {
    const { id } = await ctx.db
      .insertInto('review_campaign')
      .values({
        organiser_org_id: organiser.id,
        scope_path: scopePath,
        level,
        name: '策略测试',
        year: 2019,
        method: 'full',
        regularity: 'regular',
        case_kinds: ['penalty'],
        closed_from: '2019-01-01',
        closed_to: '2019-12-31',
        file_list_due_on: '2019-12-31',
        scoring_due_on: '2019-12-31',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('review_campaign_unit')
      .values(unitIds.map((orgId) => ({ campaign_id: id, org_id: orgId })))
      .execute();
    campaignIds.push(id);
  }
});
afterAll(() => ctx.close());

describe('reviews.policy: the TypeScript predicate and the SQL condition agree', () => {
  const viewers: Array<[string, () => ReviewViewer]> = [
    ['county supervisor', () => ({ userId: 1, managePaths: ['/1/'], readPaths: ['/1/'], unitPaths: [] })],
    [
      'market legal unit',
      () => ({
        userId: 1,
        managePaths: [paths.market],
        readPaths: [paths.market],
        unitPaths: [paths.market],
      }),
    ],
    ['land leader', () => ({ userId: 1, managePaths: [], readPaths: [paths.land], unitPaths: [] })],
    [
      'market team reader',
      () => ({ userId: 1, managePaths: [], readPaths: [paths.marketTeam], unitPaths: [] }),
    ],
    ['nobody', () => ({ userId: 1, managePaths: [], readPaths: [], unitPaths: [] })],
  ];
  it.each(viewers)('%s', async (_label, viewerOf) => {
    const viewer = viewerOf();
    const units = await findCampaignUnits(ctx.db, campaignIds);
    const rows = await ctx.db
      .selectFrom('review_campaign')
      .select(['id', 'scope_path'])
      .where('id', 'in', campaignIds)
      .execute();
    const byPredicate = rows
      .filter((row) =>
        canSeeCampaign(viewer, {
          scopePath: row.scope_path,
          unitPaths: units.filter((unit) => unit.campaign_id === row.id).map((unit) => unit.path),
        }),
      )
      .map((row) => row.id)
      .sort();
    const bySql = (
      await ctx.db
        .selectFrom('review_campaign')
        .select('id')
        .where('id', 'in', campaignIds)
        .where(visibleCampaigns(viewer))
        .execute()
    )
      .map((row) => row.id)
      .sort();
    expect(bySql).toEqual(byPredicate);
  });

  it('the market legal unit sees the county campaign over its agency and its own, not the land agency’s', async () => {
    const viewer = {
      userId: 1,
      managePaths: [paths.market],
      readPaths: [paths.market],
      unitPaths: [paths.market],
    };
    const seen = await ctx.db
      .selectFrom('review_campaign')
      .select('id')
      .where('id', 'in', campaignIds)
      .where(visibleCampaigns(viewer))
      .orderBy('id')
      .execute();
    expect(seen.map((row) => row.id)).toEqual([campaignIds[0], campaignIds[2]]);
  });
});
