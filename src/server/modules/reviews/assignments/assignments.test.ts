import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { addOfficer } from '../../cases/cases-fixtures.ts';
import { createCampaignAs, drawAs, insertClosedCase } from '../reviews.fixtures.ts';

let ctx: TestContext;
let supervisor: string;
let reviewer: string;
let campaignId: number;
const marketCases: number[] = [];
const landCases: number[] = [];
let supermarketCaseId: number;
const experts: Record<'chen' | 'lawyer' | 'zhang' | 'scholar', number> = {
  chen: 0,
  lawyer: 0,
  zhang: 0,
  scholar: 0,
};

const userId = async (username: string) =>
  (
    await ctx.db
      .selectFrom('user_account')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).id;

beforeAll(async () => {
  ctx = await createTestContext();
  supervisor = await ctx.login('supervisor');
  reviewer = await ctx.login('reviewer');
  const market = await demoOrgByName(ctx.db, '博湖县市场监督管理局');
  const marketTeam = await demoOrgByName(ctx.db, '市场监管综合行政执法大队');
  const land = await demoOrgByName(ctx.db, '博湖县自然资源局');
  const landTeam = await demoOrgByName(ctx.db, '自然资源执法监察大队');
  const zhangOfficer = await addOfficer(ctx.db, marketTeam.id, '张伟', {
    userId: await userId('officer'),
    today: '2019-01-01',
  });
  for (let index = 0; index < 3; index += 1)
    marketCases.push(
      await insertClosedCase(ctx.db, marketTeam.id, { handlerOfficerIds: index === 0 ? [zhangOfficer] : [] }),
    );
  supermarketCaseId = await insertClosedCase(ctx.db, marketTeam.id, { partyName: '博湖县某某超市' });
  marketCases.push(supermarketCaseId);
  for (let index = 0; index < 2; index += 1) landCases.push(await insertClosedCase(ctx.db, landTeam.id));
  const campaign = await createCampaignAs(ctx, supervisor, [market.id, land.id]);
  campaignId = campaign.id;
  await drawAs(ctx, supervisor, campaignId, 6);
});
afterAll(() => ctx.close());

describe('expert pool (第九条) and recusal (第十条)', () => {
  it('adds officers’ and outside members’ accounts; an outside member gets a reviewer account once', async () => {
    for (const [key, username, name] of [
      ['chen', 'reviewer', '陈静'],
      ['zhang', 'officer', '张伟'],
    ] as const) {
      const response = await ctx.request({
        method: 'POST',
        url: '/api/review-experts',
        cookie: supervisor,
        payload: { name, category: 'officer', expertise: ['penalty'], userId: await userId(username) },
      });
      expect(response.status, JSON.stringify(response.json)).toBe(201);
      experts[key] = response.json.id;
    }
    const lawyer = await ctx.request({
      method: 'POST',
      url: '/api/review-experts',
      cookie: supervisor,
      payload: { name: '周律师', category: 'lawyer', expertise: [], username: 'expert_zhou' },
    });
    expect(lawyer.status, JSON.stringify(lawyer.json)).toBe(201);
    expect(lawyer.json.initialPassword).toMatch(/^Ps-/);
    experts.lawyer = lawyer.json.id;
    const account = await ctx.db
      .selectFrom('user_account')
      .selectAll()
      .where('username', '=', 'expert_zhou')
      .executeTakeFirstOrThrow();
    expect(account.roles).toEqual(['reviewer']);
    expect(account.must_change_password).toBe(true);
    const scholar = await ctx.request({
      method: 'POST',
      url: '/api/review-experts',
      cookie: supervisor,
      payload: { name: '吴教授', category: 'scholar', username: 'expert_wu' },
    });
    experts.scholar = scholar.json.id;
    const both = await ctx.request({
      method: 'POST',
      url: '/api/review-experts',
      cookie: supervisor,
      payload: { name: '两者', category: 'scholar', username: 'expert_x', userId: 1 },
    });
    expect(both.status).toBe(400);
    expect(both.json.error.fields[0].field).toBe('userId');
  });

  it('refuses an account whose roles cannot score (review.score) at the userId field, adding nobody', async () => {
    const before = await ctx.db
      .selectFrom('review_expert')
      .select(ctx.db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    for (const username of ['assessor', 'leader']) {
      const response = await ctx.request({
        method: 'POST',
        url: '/api/review-experts',
        cookie: supervisor,
        payload: { name: username, category: 'officer', userId: await userId(username) },
      });
      expect(response.status, JSON.stringify(response.json)).toBe(400);
      expect(response.json.error.fields[0].field).toBe('userId');
      expect(response.json.error.fields[0].message).toContain('不能评分');
    }
    const after = await ctx.db
      .selectFrom('review_expert')
      .select(ctx.db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('a member declares a party; every conflict is listed with its reason', async () => {
    const declared = await ctx.request({
      method: 'POST',
      url: `/api/review-experts/${experts.scholar}/declarations`,
      cookie: supervisor,
      payload: { kind: 'party', partyName: '博湖县某某超市', reason: '曾任该超市法律顾问' },
    });
    expect(declared.status, JSON.stringify(declared.json)).toBe(200);
    const panel = await ctx.request({
      method: 'PUT',
      url: `/api/review-campaigns/${campaignId}/panel`,
      cookie: supervisor,
      payload: { expertIds: Object.values(experts) },
    });
    expect(panel.status, JSON.stringify(panel.json)).toBe(200);
    const conflicts = await ctx.request({
      method: 'GET',
      url: `/api/review-campaigns/${campaignId}/conflicts`,
      cookie: supervisor,
    });
    const summary = conflicts.json.items.map(
      (item: { expertId: number; code: string }) => `${item.expertId}:${item.code}`,
    );
    // 陈静 is of the land agency's legal unit; 张伟 of the market team, and handled one case
    expect(summary.filter((entry: string) => entry === `${experts.chen}:same_unit`)).toHaveLength(2);
    expect(summary.filter((entry: string) => entry === `${experts.zhang}:same_unit`)).toHaveLength(4);
    expect(summary.filter((entry: string) => entry === `${experts.zhang}:handled`)).toHaveLength(1);
    expect(summary.filter((entry: string) => entry === `${experts.scholar}:declared_party`)).toHaveLength(1);
    const party = conflicts.json.items.find((item: { code: string }) => item.code === 'declared_party');
    expect(party.reason).toContain('曾任该超市法律顾问');
  });
});

describe('automatic assignment (第十一条)', () => {
  it('previews a proposal with ≥2 reviewers per file and no conflicted pair, then applies it', async () => {
    const preview = await ctx.request({
      method: 'POST',
      url: `/api/review-campaigns/${campaignId}/assignment/preview`,
      cookie: supervisor,
    });
    expect(preview.status, JSON.stringify(preview.json)).toBe(200);
    expect(preview.json.shortfalls).toEqual([]);
    expect(preview.json.removed).toEqual([]);
    expect(preview.json.added).toHaveLength(12);
    const conflicts = await ctx.request({
      method: 'GET',
      url: `/api/review-campaigns/${campaignId}/conflicts`,
      cookie: supervisor,
    });
    const blocked = new Set(
      conflicts.json.items.map(
        (item: { fileId: number; expertId: number }) => `${item.fileId}:${item.expertId}`,
      ),
    );
    expect(
      preview.json.added.filter((pair: { fileId: number; expertId: number }) =>
        blocked.has(`${pair.fileId}:${pair.expertId}`),
      ),
    ).toEqual([]);
    const stale = await ctx.request({
      method: 'POST',
      url: `/api/review-campaigns/${campaignId}/assignment`,
      cookie: supervisor,
      payload: { proposalDigest: 'f'.repeat(64) },
    });
    expect(stale.status).toBe(409);
    const applied = await ctx.request({
      method: 'POST',
      url: `/api/review-campaigns/${campaignId}/assignment`,
      cookie: supervisor,
      payload: { proposalDigest: preview.json.proposalDigest },
    });
    expect(applied.status, JSON.stringify(applied.json)).toBe(200);
    const view = await ctx.request({
      method: 'GET',
      url: `/api/review-campaigns/${campaignId}`,
      cookie: supervisor,
    });
    expect(view.json.state).toBe('scoring');
    expect(view.json.abilities.canDraw).toBe(false);
    const again = await ctx.request({
      method: 'POST',
      url: `/api/review-campaigns/${campaignId}/assignment/preview`,
      cookie: supervisor,
    });
    expect(again.json).toMatchObject({ added: [], removed: [], kept: 12 });
  });

  it('the reviewer’s queue holds only their files, never one of a unit they are recused from', async () => {
    const mine = await ctx.request({ method: 'GET', url: '/api/review-assignments/mine', cookie: reviewer });
    expect(mine.status).toBe(200);
    const caseIds = mine.json.items.map((item: { caseId: number }) => item.caseId);
    expect(caseIds.length).toBeGreaterThan(0);
    for (const caseId of caseIds) expect(marketCases).toContain(caseId);
    for (const caseId of landCases) expect(caseIds).not.toContain(caseId);
    // a case the reviewer declares after assignment leaves their queue at once
    const declared = await ctx.request({
      method: 'POST',
      url: `/api/review-experts/${experts.chen}/declarations`,
      cookie: reviewer,
      payload: { kind: 'case', caseId: caseIds[0], reason: '当事人系本人亲属' },
    });
    expect(declared.status, JSON.stringify(declared.json)).toBe(200);
    const after = await ctx.request({ method: 'GET', url: '/api/review-assignments/mine', cookie: reviewer });
    expect(after.json.items.map((item: { caseId: number }) => item.caseId)).not.toContain(caseIds[0]);
    // a reviewer cannot declare for another member, nor see the pool
    const other = await ctx.request({
      method: 'POST',
      url: `/api/review-experts/${experts.lawyer}/declarations`,
      cookie: reviewer,
      payload: { kind: 'party', partyName: '某某', reason: '试探' },
    });
    expect(other.status).toBe(404);
    expect((await ctx.request({ method: 'GET', url: '/api/review-experts', cookie: reviewer })).status).toBe(
      403,
    );
  });

  it('the organiser waives one conflict with a reason; it stays listed with the waiver', async () => {
    const conflicts = await ctx.request({
      method: 'GET',
      url: `/api/review-campaigns/${campaignId}/conflicts`,
      cookie: supervisor,
    });
    const target = conflicts.json.items.find((item: { code: string }) => item.code === 'declared_party');
    const noReason = await ctx.request({
      method: 'POST',
      url: `/api/review-campaigns/${campaignId}/waivers`,
      cookie: supervisor,
      payload: { fileId: target.fileId, expertId: target.expertId, code: 'declared_party', reason: '' },
    });
    expect(noReason.status).toBe(400);
    const wrongCode = await ctx.request({
      method: 'POST',
      url: `/api/review-campaigns/${campaignId}/waivers`,
      cookie: supervisor,
      payload: { fileId: target.fileId, expertId: target.expertId, code: 'handled', reason: '无' },
    });
    expect(wrongCode.status).toBe(400);
    const waived = await ctx.request({
      method: 'POST',
      url: `/api/review-campaigns/${campaignId}/waivers`,
      cookie: supervisor,
      payload: {
        fileId: target.fileId,
        expertId: target.expertId,
        code: 'declared_party',
        reason: '顾问关系已于五年前终止',
      },
    });
    expect(waived.status, JSON.stringify(waived.json)).toBe(200);
    const item = waived.json.items.find(
      (row: { fileId: number; expertId: number; code: string }) =>
        row.fileId === target.fileId && row.expertId === target.expertId && row.code === 'declared_party',
    );
    expect(item.waiver).toMatchObject({ reason: '顾问关系已于五年前终止', by: '李建国' });
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'review.conflict.waive')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
