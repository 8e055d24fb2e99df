import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import {
  addExpertAs,
  assignAs,
  createCampaignAs,
  drawAs,
  insertClosedCase,
  scoreAs,
  userIdOf,
} from '../reviews.fixtures.ts';

let ctx: TestContext;
const cookies: Record<string, string> = {};
let marketId: number;

/** A campaign over the market bureau with one file, a panel of four (张伟 of the bureau is conflicted). */
async function setUpCampaign(name: string) {
  const team = await demoOrgByName(ctx.db, '市场监管综合行政执法大队');
  await insertClosedCase(ctx.db, team.id, { closedOn: name.includes('二') ? '2019-07-01' : '2019-06-15' });
  const campaign = await createCampaignAs(ctx, cookies.supervisor!, [marketId], {
    name,
    closedFrom: name.includes('二') ? '2019-07-01' : '2019-06-15',
    closedTo: name.includes('二') ? '2019-07-01' : '2019-06-15',
  });
  await drawAs(ctx, cookies.supervisor!, campaign.id, 1);
  const experts: Record<string, number> = {};
  for (const [username, label] of [
    ['supervisor', '李建国'],
    ['reviewer', '陈静'],
    ['nongye', '农业法制员'],
    ['officer', '张伟'],
  ] as const) {
    const existing = await ctx.db
      .selectFrom('review_expert')
      .select('id')
      .where('user_id', '=', await userIdOf(ctx.db, username))
      .executeTakeFirst();
    experts[username] =
      existing?.id ??
      (await addExpertAs(ctx, cookies.supervisor!, await userIdOf(ctx.db, username), label)).id;
  }
  await assignAs(ctx, cookies.supervisor!, campaign.id, Object.values(experts));
  const file = await ctx.db
    .selectFrom('review_file')
    .select('id')
    .where('campaign_id', '=', campaign.id)
    .executeTakeFirstOrThrow();
  const assigned = await ctx.db
    .selectFrom('review_assignment')
    .select(['id', 'expert_id'])
    .where('campaign_id', '=', campaign.id)
    .orderBy('id')
    .execute();
  const usernameOf = (expertId: number) => Object.entries(experts).find(([, id]) => id === expertId)![0];
  const initial = assigned.map((row) => usernameOf(row.expert_id));
  const spare = ['supervisor', 'reviewer', 'nongye'].find((username) => !initial.includes(username))!;
  return { campaignId: campaign.id as number, fileId: file.id, experts, initial, spare, assigned };
}

const post = (url: string, cookie: string, payload?: object) =>
  ctx.request({ method: 'POST', url, cookie, ...(payload && { payload }) });

beforeAll(async () => {
  ctx = await createTestContext();
  for (const username of ['supervisor', 'officer', 'reviewer', 'nongye', 'legal'])
    cookies[username] = await ctx.login(username);
  marketId = (await demoOrgByName(ctx.db, '博湖县市场监督管理局')).id;
});
afterAll(() => ctx.close());

describe('复评 (第十二条(五)), publication (第十二条(六)) and 重点复核 (第十二条(七))', () => {
  let world: Awaited<ReturnType<typeof setUpCampaign>>;
  let url: string;
  beforeAll(async () => {
    world = await setUpCampaign('2019 年度复评测试');
    url = `/api/review-campaigns/${world.campaignId}`;
  });

  it('the conflicted member is never among the file’s reviewers', () => {
    expect(world.initial).toHaveLength(2);
    expect(world.initial).not.toContain('officer');
  });

  it('publication is refused while a file is unscored (REVIEW_FILES_UNSCORED)', async () => {
    const refused = await post(`${url}/publish`, cookies.supervisor!);
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('REVIEW_FILES_UNSCORED');
  });

  it('divergent scores flag the file; publication then wants its re-review (REVIEW_RECHECK_MISSING)', async () => {
    await scoreAs(ctx, cookies[world.initial[0]!]!, world.fileId, 5);
    await scoreAs(ctx, cookies[world.initial[1]!]!, world.fileId, 20);
    const scores = await ctx.request({ method: 'GET', url: `${url}/scores`, cookie: cookies.supervisor! });
    expect(scores.json.items[0]).toMatchObject({
      mean: '87.50',
      flags: ['divergent', 'bands_differ'],
      resultState: 'needs_recheck',
      score: null,
    });
    const refused = await post(`${url}/publish`, cookies.supervisor!);
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('REVIEW_RECHECK_MISSING');
    const board = await ctx.request({ method: 'GET', url: `${url}/board`, cookie: cookies.supervisor! });
    expect(board.json.abilities).toMatchObject({ canPublish: false, canRecheck: true });
  });

  it('the re-review goes to a further member: not one of the file’s reviewers, never a conflicted one', async () => {
    const original = await post(`${url}/rechecks`, cookies.supervisor!, {
      fileId: world.fileId,
      expertId: world.experts[world.initial[0]!],
      reason: '分差过大',
    });
    expect(original.status).toBe(409);
    expect(original.json.error.code).toBe('REVIEW_ASSIGNMENT_RULES');
    const conflicted = await post(`${url}/rechecks`, cookies.supervisor!, {
      fileId: world.fileId,
      expertId: world.experts.officer,
      reason: '分差过大',
    });
    expect(conflicted.status).toBe(409);
    expect(conflicted.json.error.code).toBe('REVIEW_ASSIGNMENT_RULES');
    expect(conflicted.json.error.message).toContain('本单位人员');
    const noReason = await post(`${url}/rechecks`, cookies.supervisor!, {
      fileId: world.fileId,
      expertId: world.experts[world.spare],
      reason: '',
    });
    expect(noReason.status).toBe(400);
    const assigned = await post(`${url}/rechecks`, cookies.supervisor!, {
      fileId: world.fileId,
      expertId: world.experts[world.spare],
      reason: '两名评查人员分差 15 分，等次不同',
    });
    expect(assigned.status, JSON.stringify(assigned.json)).toBe(200);
    expect(assigned.json.resultState).toBe('rechecking');
    expect(assigned.json.reviewers.map((row: { kind: string }) => row.kind).sort()).toEqual([
      'initial',
      'initial',
      'recheck',
    ]);
  });

  it('the unit sees no result before publication (REVIEW_NOT_PUBLISHED)', async () => {
    const early = await ctx.request({
      method: 'GET',
      url: `${url}/units/${marketId}/results`,
      cookie: cookies.legal!,
    });
    expect(early.status).toBe(409);
    expect(early.json.error.code).toBe('REVIEW_NOT_PUBLISHED');
  });

  it('the circular (通报) takes no number before the results are published (第十七条)', async () => {
    const early = await ctx.request({ method: 'POST', url: `${url}/circular`, cookie: cookies.supervisor! });
    expect(early.status).toBe(409);
    expect(early.json.error).toMatchObject({
      code: 'REVIEW_NOT_PUBLISHED',
      message: '评查结果发布后才能印发通报',
    });
    const campaignId = world.campaignId;
    const row = await ctx.db
      .selectFrom('review_campaign')
      .select(['circular_number', 'circular_issued_on'])
      .where('id', '=', campaignId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ circular_number: null, circular_issued_on: null });
    const registered = await ctx.db
      .selectFrom('issued_document')
      .select('id')
      .where('source_record_type', '=', 'review_circular')
      .where('source_record_id', '=', campaignId)
      .execute();
    expect(registered).toEqual([]);
  });

  it('the re-reviewer scores blind, and their result stands; then the campaign publishes', async () => {
    const mine = await ctx.request({
      method: 'GET',
      url: '/api/review-assignments/mine',
      cookie: cookies[world.spare]!,
    });
    const task = mine.json.items.find((item: { fileId: number }) => item.fileId === world.fileId);
    expect(task.assignmentKind).toBe('recheck');
    const sheet = await ctx.request({
      method: 'GET',
      url: `/api/review-assignments/${task.assignmentId}/sheet`,
      cookie: cookies[world.spare]!,
    });
    expect(sheet.json.others).toBeNull();
    await scoreAs(ctx, cookies[world.spare]!, world.fileId, 30, '主要证据缺失，程序不当');
    const history = await ctx.request({
      method: 'GET',
      url: `${url}/files/${world.fileId}/history`,
      cookie: cookies.supervisor!,
    });
    expect(history.json).toMatchObject({
      initialMean: '87.50',
      recheckMean: '70.00',
      score: '70.00',
      band: 'pass',
      source: 'recheck',
      resultState: 'final',
    });
    expect(history.json.changes).toEqual([
      expect.objectContaining({ action: 'recheck', reason: '两名评查人员分差 15 分，等次不同' }),
    ]);
    const published = await post(`${url}/publish`, cookies.supervisor!);
    expect(published.status, JSON.stringify(published.json)).toBe(200);
    expect(published.json.state).toBe('published');
    expect(published.json.units[0].results).toMatchObject({ files: 1, pass: 1, passRate: '100' });
  });

  it('after publication the unit’s legal officer reads its results and objects once', async () => {
    const results = await ctx.request({
      method: 'GET',
      url: `${url}/units/${marketId}/results`,
      cookie: cookies.legal!,
    });
    expect(results.status, JSON.stringify(results.json)).toBe(200);
    expect(results.json.files[0]).toMatchObject({
      score: '70.00',
      bandLabel: '合格',
      abilities: { canObject: true },
    });
    expect(results.json.files[0].deductions[0].reason).toBe('主要证据缺失，程序不当');
    const notUnit = await post(`${url}/objections`, cookies.reviewer!, {
      fileId: world.fileId,
      reasons: '越权',
    });
    expect(notUnit.status).toBe(403);
    const filed = await post(`${url}/objections`, cookies.legal!, {
      fileId: world.fileId,
      reasons: '证据已在副卷中，评查时未调阅',
      proof: '副卷第 3–5 页现场检查笔录',
    });
    expect(filed.status, JSON.stringify(filed.json)).toBe(200);
    expect(filed.json.items[0]).toMatchObject({ state: 'pending', scoreBefore: '70.00' });
    expect(filed.json.window.isOpen).toBe(true);
    const twice = await post(`${url}/objections`, cookies.legal!, { fileId: world.fileId, reasons: '再次' });
    expect(twice.status).toBe(409);
  });

  it('the organiser upholds with the rechecked score, which then stands; the change is audited', async () => {
    const list = await ctx.request({ method: 'GET', url: `${url}/objections`, cookie: cookies.supervisor! });
    const objection = list.json.items[0];
    expect(objection.abilities.canDecide).toBe(true);
    const noScore = await post(`${url}/objections/${objection.id}/decision`, cookies.supervisor!, {
      decision: 'upheld',
      reason: '专家论证后采纳',
    });
    expect(noScore.status).toBe(400);
    expect(noScore.json.error.fields[0].field).toBe('changedScore');
    const byUnit = await post(`${url}/objections/${objection.id}/decision`, cookies.legal!, {
      decision: 'refused',
      reason: '自己决定',
    });
    expect(byUnit.status).toBe(403);
    const decided = await post(`${url}/objections/${objection.id}/decision`, cookies.supervisor!, {
      decision: 'upheld',
      changedScore: 78.5,
      reason: '组织专家论证（被评查单位参加），证据在副卷，第2项改扣 7 分',
    });
    expect(decided.status, JSON.stringify(decided.json)).toBe(200);
    expect(decided.json.items[0]).toMatchObject({ state: 'upheld', changedScore: '78.5' });
    const results = await ctx.request({
      method: 'GET',
      url: `${url}/units/${marketId}/results`,
      cookie: cookies.legal!,
    });
    expect(results.json.files[0]).toMatchObject({ score: '78.50', source: 'objection' });
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', [
        'review.recheck.assign',
        'review.campaign.publish',
        'review.objection.file',
        'review.objection.decide',
      ])
      .execute();
    expect(audit.map((row) => row.action).sort()).toEqual([
      'review.campaign.publish',
      'review.objection.decide',
      'review.objection.file',
      'review.recheck.assign',
    ]);
  });
});

describe('manual assignment changes keep the rules or say which they break (第十、十一条)', () => {
  let world: Awaited<ReturnType<typeof setUpCampaign>>;
  let url: string;
  beforeAll(async () => {
    world = await setUpCampaign('2019 年度人工调整二');
    url = `/api/review-campaigns/${world.campaignId}`;
  });

  it('taking a reviewer off leaves the file short: refused with the rule, applied when accepted', async () => {
    const target = world.assigned[0]!;
    const refused = await post(`${url}/assignments/${target.id}/remove`, cookies.supervisor!, {
      reason: '出差',
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('REVIEW_ASSIGNMENT_RULES');
    expect(refused.json.error.message).toContain('少于 2 名（第十一条）');
    const accepted = await post(`${url}/assignments/${target.id}/remove`, cookies.supervisor!, {
      reason: '出差',
      acceptBrokenRules: true,
    });
    expect(accepted.status, JSON.stringify(accepted.json)).toBe(200);
    expect(accepted.json.items[0]).toMatchObject({ action: 'remove', reason: '出差' });
    expect(accepted.json.items[0].brokenRules[0]).toContain('少于 2 名');
  });

  it('adding a conflicted member is refused with the conflict; adding the spare one keeps the rules', async () => {
    const conflicted = await post(`${url}/assignments`, cookies.supervisor!, {
      fileId: world.fileId,
      expertId: world.experts.officer,
      reason: '补足人数',
    });
    expect(conflicted.status).toBe(409);
    expect(conflicted.json.error.message).toContain('回避');
    const added = await post(`${url}/assignments`, cookies.supervisor!, {
      fileId: world.fileId,
      expertId: world.experts[world.spare],
      reason: '补足人数',
    });
    expect(added.status, JSON.stringify(added.json)).toBe(200);
    expect(added.json.items.at(-1)).toMatchObject({ action: 'add', brokenRules: [] });
    const list = await ctx.request({ method: 'GET', url: `${url}/assignments`, cookie: cookies.supervisor! });
    expect(list.json.items).toHaveLength(2);
  });
});
