import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { campaignBody, createCampaignAs, drawAs, insertClosedCase } from '../reviews.fixtures.ts';

let ctx: TestContext;
let supervisor: string;
let legal: string;
let landLegal: string;
let marketId: number;
let marketTeamId: number;
let landId: number;
let landTeamId: number;
const marketCases: number[] = [];
const landCases: number[] = [];
let openCaseId: number;
let litigatedCaseId: number;
let licensingCaseId: number;
let outOfRangeCaseId: number;

beforeAll(async () => {
  ctx = await createTestContext();
  supervisor = await ctx.login('supervisor');
  legal = await ctx.login('legal');
  marketId = (await demoOrgByName(ctx.db, '博湖县市场监督管理局')).id;
  marketTeamId = (await demoOrgByName(ctx.db, '市场监管综合行政执法大队')).id;
  landId = (await demoOrgByName(ctx.db, '博湖县自然资源局')).id;
  landTeamId = (await demoOrgByName(ctx.db, '自然资源执法监察大队')).id;
  const landLegalUnit = await ctx.db
    .selectFrom('org')
    .select('id')
    .where('kind', '=', 'legal_unit')
    .where('path', 'like', `%/${landId}/%`)
    .executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('user_account')
    .values({
      username: 'land_legal',
      display_name: '国土法制员',
      org_id: landLegalUnit.id,
      roles: ['legal_officer'],
      phone: null,
      password_hash: (
        await ctx.db
          .selectFrom('user_account')
          .select('password_hash')
          .where('username', '=', 'legal')
          .executeTakeFirstOrThrow()
      ).password_hash,
    })
    .execute();
  landLegal = await ctx.login('land_legal');
  for (let index = 0; index < 12; index += 1) marketCases.push(await insertClosedCase(ctx.db, marketTeamId));
  for (let index = 0; index < 6; index += 1) landCases.push(await insertClosedCase(ctx.db, landTeamId));
  openCaseId = await insertClosedCase(ctx.db, marketTeamId, { closedOn: null });
  litigatedCaseId = await insertClosedCase(ctx.db, marketTeamId, { litigationKind: 'litigation' });
  licensingCaseId = await insertClosedCase(ctx.db, marketTeamId, { kind: 'licensing' });
  outOfRangeCaseId = await insertClosedCase(ctx.db, marketTeamId, { closedOn: '2018-12-31' });
});
afterAll(() => ctx.close());

const countCampaigns = async () =>
  Number(
    (
      await ctx.db
        .selectFrom('review_campaign')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow()
    ).count,
  );

describe('campaigns (第六、十二条(一))', () => {
  it('a supervisor plans a county campaign over two agencies; both units show their file-list state', async () => {
    const campaign = await createCampaignAs(ctx, supervisor, [marketId, landId]);
    expect(campaign.level).toBe('county');
    expect(campaign.methodLabel).toBe('随机抽查');
    expect(campaign.units.map((unit: { name: string }) => unit.name)).toEqual([
      '博湖县市场监督管理局',
      '博湖县自然资源局',
    ]);
    expect(campaign.units[0].listState).toBe('normal');
    expect(campaign.abilities).toEqual({ canManage: true, canDraw: true, canChangeFiles: true });
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'review_campaign')
      .where('entity_id', '=', String(campaign.id))
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['review.campaign.create']);
    const list = await ctx.request({
      method: 'GET',
      url: '/api/review-campaigns?year=2019',
      cookie: supervisor,
    });
    expect(list.json.items.some((item: { id: number }) => item.id === campaign.id)).toBe(true);
  });

  it('refuses fewer than two reviewers per file (第十一条) and bad dates, field by field, writing nothing', async () => {
    const before = await countCampaigns();
    const response = await ctx.request({
      method: 'POST',
      url: '/api/review-campaigns',
      cookie: supervisor,
      payload: campaignBody([marketId], { reviewersPerFile: 1 }),
    });
    expect(response.status).toBe(400);
    expect(response.json.error.fields[0].field).toBe('reviewersPerFile');
    const dates = await ctx.request({
      method: 'POST',
      url: '/api/review-campaigns',
      cookie: supervisor,
      payload: campaignBody([marketId], { closedFrom: '2019-12-31', closedTo: '2019-01-01' }),
    });
    expect(dates.status).toBe(400);
    expect(dates.json.error.fields.map((field: { field: string }) => field.field)).toEqual(['closedTo']);
    const nested = await ctx.request({
      method: 'POST',
      url: '/api/review-campaigns',
      cookie: supervisor,
      payload: campaignBody([marketId, marketTeamId]),
    });
    expect(nested.status).toBe(400);
    expect(await countCampaigns()).toBe(before);
  });

  it('an agency legal unit runs only its own agency’s campaigns (第六条)', async () => {
    const outside = await ctx.request({
      method: 'POST',
      url: '/api/review-campaigns',
      cookie: legal,
      payload: campaignBody([landTeamId]),
    });
    expect(outside.status).toBe(404);
    const own = await createCampaignAs(ctx, legal, [marketTeamId], { name: '市场监管局内部评查' });
    expect(own.level).toBe('agency');
    expect(
      (await ctx.request({ method: 'GET', url: `/api/review-campaigns/${own.id}`, cookie: landLegal }))
        .status,
    ).toBe(404);
    const county = await createCampaignAs(ctx, supervisor, [marketId]);
    // the market legal unit sees the county campaign as a reviewed unit, but does not organise it
    const seen = await ctx.request({
      method: 'GET',
      url: `/api/review-campaigns/${county.id}`,
      cookie: legal,
    });
    expect(seen.status).toBe(200);
    expect(seen.json.abilities.canManage).toBe(false);
    expect(seen.json.units[0].canSubmitList).toBe(true);
    const preview = await ctx.request({
      method: 'POST',
      url: `/api/review-campaigns/${county.id}/draw/preview`,
      cookie: legal,
      payload: { params: { mode: 'count', count: 1 } },
    });
    expect(preview.status).toBe(403);
  });
});

describe('scope of a campaign (第四条) and file lists (第二十条)', () => {
  it('only closed cases of the kinds and range, without 复议/诉讼 unless the campaign includes them', async () => {
    const campaign = await createCampaignAs(ctx, supervisor, [marketId]);
    const list = await ctx.request({
      method: 'GET',
      url: `/api/review-campaigns/${campaign.id}/units/${marketId}/file-list`,
      cookie: legal,
    });
    expect(list.status).toBe(200);
    const ids = list.json.eligible.map((row: { caseId: number }) => row.caseId);
    expect(ids).toEqual(marketCases);
    for (const excluded of [openCaseId, litigatedCaseId, licensingCaseId, outOfRangeCaseId])
      expect(ids).not.toContain(excluded);
    const wide = await createCampaignAs(ctx, supervisor, [marketId], {
      includeLitigated: true,
      caseKinds: ['penalty', 'licensing'],
    });
    const wideList = await ctx.request({
      method: 'GET',
      url: `/api/review-campaigns/${wide.id}/units/${marketId}/file-list`,
      cookie: supervisor,
    });
    expect(wideList.json.eligible.map((row: { caseId: number }) => row.caseId)).toEqual(
      [...marketCases, litigatedCaseId, licensingCaseId].sort((a, b) => a - b),
    );
  });

  it('the unit confirms its list; another unit’s legal officer may not', async () => {
    const campaign = await createCampaignAs(ctx, supervisor, [marketId, landId]);
    const submit = await ctx.request({
      method: 'POST',
      url: `/api/review-campaigns/${campaign.id}/units/${marketId}/file-list`,
      cookie: legal,
      payload: { note: '已核对' },
    });
    expect(submit.status, JSON.stringify(submit.json)).toBe(200);
    const unit = submit.json.units.find((row: { orgId: number }) => row.orgId === marketId);
    expect(unit.listState).toBe('submitted');
    expect(unit.listCaseCount).toBe(12);
    const foreign = await ctx.request({
      method: 'POST',
      url: `/api/review-campaigns/${campaign.id}/units/${marketId}/file-list`,
      cookie: landLegal,
      payload: {},
    });
    expect(foreign.status).toBe(403);
    const bySupervisor = await ctx.request({
      method: 'POST',
      url: `/api/review-campaigns/${campaign.id}/units/${landId}/file-list`,
      cookie: supervisor,
      payload: {},
    });
    expect(bySupervisor.status).toBe(403);
  });

  it('a unit past the deadline without a list shows as 逾期', async () => {
    const campaign = await createCampaignAs(ctx, supervisor, [landId], {
      fileListDueOn: '2020-01-01',
      scoringDueOn: '2020-02-01',
    });
    expect(campaign.units[0]).toMatchObject({ listState: 'overdue', listStateLabel: '逾期' });
  });

  it('a legal unit marks a case as litigated, and it leaves the eligible set; a supervisor may not mark', async () => {
    const caseId = await insertClosedCase(ctx.db, marketTeamId);
    marketCases.push(caseId);
    const campaign = await createCampaignAs(ctx, supervisor, [marketId]);
    const eligible = async () =>
      (
        await ctx.request({
          method: 'GET',
          url: `/api/review-campaigns/${campaign.id}/units/${marketId}/file-list`,
          cookie: supervisor,
        })
      ).json.eligible.map((row: { caseId: number }) => row.caseId);
    expect(await eligible()).toContain(caseId);
    const refused = await ctx.request({
      method: 'PUT',
      url: `/api/cases/${caseId}/litigation`,
      cookie: supervisor,
      payload: { kind: 'reconsideration' },
    });
    expect(refused.status).toBe(403);
    const marked = await ctx.request({
      method: 'PUT',
      url: `/api/cases/${caseId}/litigation`,
      cookie: legal,
      payload: { kind: 'reconsideration', outcome: 'upheld', note: '复议维持' },
    });
    expect(marked.status, JSON.stringify(marked.json)).toBe(200);
    expect(marked.json).toMatchObject({ kindLabel: '行政复议', outcomeLabel: '维持', markedBy: '王丽娟' });
    expect(await eligible()).not.toContain(caseId);
    const cleared = await ctx.request({
      method: 'PUT',
      url: `/api/cases/${caseId}/litigation`,
      cookie: legal,
      payload: { kind: null },
    });
    expect(cleared.json.kind).toBeNull();
    expect(await eligible()).toContain(caseId);
    const landCase = await ctx.request({
      method: 'PUT',
      url: `/api/cases/${landCases[0]}/litigation`,
      cookie: legal,
      payload: { kind: 'litigation' },
    });
    expect(landCase.status).toBe(404);
  });
});

describe('the seeded draw (随机抽查)', () => {
  it('preview then apply; re-running the recorded draw gives the same files', async () => {
    const campaign = await createCampaignAs(ctx, supervisor, [marketId, landId]);
    const params = { mode: 'count', count: 6, byUnit: true, byKind: false };
    const first = await ctx.request({
      method: 'POST',
      url: `/api/review-campaigns/${campaign.id}/draw/preview`,
      cookie: supervisor,
      payload: { params, seed: 'abc123' },
    });
    expect(first.status, JSON.stringify(first.json)).toBe(200);
    expect(first.json.eligibleCount).toBe(marketCases.length + landCases.length);
    expect(first.json.strata.map((stratum: { drawn: number }) => stratum.drawn)).toEqual([4, 2]);
    const again = await ctx.request({
      method: 'POST',
      url: `/api/review-campaigns/${campaign.id}/draw/preview`,
      cookie: supervisor,
      payload: { params, seed: 'abc123' },
    });
    expect(again.json).toEqual(first.json);
    expect(
      await ctx.db.selectFrom('review_file').select('id').where('campaign_id', '=', campaign.id).execute(),
    ).toEqual([]);
    const applied = await drawAs(ctx, supervisor, campaign.id, 6, 'abc123');
    expect(applied.drawn).toEqual(first.json.drawn);
    const files = await ctx.request({
      method: 'GET',
      url: `/api/review-campaigns/${campaign.id}/files`,
      cookie: supervisor,
    });
    expect(files.json.items).toHaveLength(6);
    expect(files.json.draws[0]).toMatchObject({
      seed: 'abc123',
      eligibleCount: marketCases.length + landCases.length,
      drawnCount: 6,
    });
    const verify = await ctx.request({
      method: 'GET',
      url: `/api/review-campaigns/${campaign.id}/draws/${files.json.draws[0].id}/verify`,
      cookie: supervisor,
    });
    expect(verify.json).toMatchObject({ eligibleMatches: true, drawnMatches: true });
    expect(verify.json.redrawnCaseIds).toEqual(
      first.json.drawn.map((file: { caseId: number }) => file.caseId),
    );
    const view = await ctx.request({
      method: 'GET',
      url: `/api/review-campaigns/${campaign.id}`,
      cookie: supervisor,
    });
    expect(view.json.state).toBe('drawn');
    expect(view.json.fileCount).toBe(6);
  });

  it('refuses to apply when the eligible set changed after the preview', async () => {
    const campaign = await createCampaignAs(ctx, supervisor, [landId]);
    const params = { mode: 'share', sharePercent: 50, byUnit: true, byKind: false };
    const preview = await ctx.request({
      method: 'POST',
      url: `/api/review-campaigns/${campaign.id}/draw/preview`,
      cookie: supervisor,
      payload: { params },
    });
    expect(preview.json.seed).toMatch(/^[0-9a-f]{16}$/);
    landCases.push(await insertClosedCase(ctx.db, landTeamId));
    const stale = await ctx.request({
      method: 'POST',
      url: `/api/review-campaigns/${campaign.id}/draw`,
      cookie: supervisor,
      payload: { params, seed: preview.json.seed, eligibleDigest: preview.json.eligibleDigest },
    });
    expect(stale.status).toBe(409);
    expect(
      await ctx.db.selectFrom('review_draw').select('id').where('campaign_id', '=', campaign.id).execute(),
    ).toEqual([]);
  });

  it('manual additions and removals are kept with their reasons', async () => {
    const campaign = await createCampaignAs(ctx, supervisor, [marketId]);
    await drawAs(ctx, supervisor, campaign.id, 3);
    const noReason = await ctx.request({
      method: 'POST',
      url: `/api/review-campaigns/${campaign.id}/files`,
      cookie: supervisor,
      payload: { caseId: outOfRangeCaseId, reason: ' ' },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.fields[0].field).toBe('reason');
    const open = await ctx.request({
      method: 'POST',
      url: `/api/review-campaigns/${campaign.id}/files`,
      cookie: supervisor,
      payload: { caseId: openCaseId, reason: '群众投诉' },
    });
    expect(open.status).toBe(400);
    const foreign = await ctx.request({
      method: 'POST',
      url: `/api/review-campaigns/${campaign.id}/files`,
      cookie: supervisor,
      payload: { caseId: landCases[0], reason: '群众投诉' },
    });
    expect(foreign.status).toBe(400);
    const added = await ctx.request({
      method: 'POST',
      url: `/api/review-campaigns/${campaign.id}/files`,
      cookie: supervisor,
      payload: { caseId: outOfRangeCaseId, reason: '群众投诉较多，重点评查' },
    });
    expect(added.status, JSON.stringify(added.json)).toBe(200);
    expect(added.json.items).toHaveLength(4);
    const drawnFile = added.json.items.find((item: { source: string }) => item.source === 'draw');
    const removed = await ctx.request({
      method: 'POST',
      url: `/api/review-campaigns/${campaign.id}/files/${drawnFile.id}/remove`,
      cookie: supervisor,
      payload: { reason: '涉及国家秘密，另行评查' },
    });
    expect(removed.status).toBe(200);
    const history = removed.json.items.find((item: { id: number }) => item.id === drawnFile.id);
    expect(history).toMatchObject({ removedReason: '涉及国家秘密，另行评查', removedBy: '李建国' });
    expect(removed.json.items.filter((item: { removedAt: string | null }) => !item.removedAt)).toHaveLength(
      3,
    );
    const actions = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['review.file.add', 'review.file.remove', 'review.draw.apply'])
      .where('entity_type', 'in', ['review_file', 'review_campaign'])
      .execute();
    expect(actions.map((row) => row.action)).toEqual(
      expect.arrayContaining(['review.file.add', 'review.file.remove', 'review.draw.apply']),
    );
  });
});
