import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { addExpertAs, assignAs, createCampaignAs, drawAs, insertClosedCase } from '../reviews.fixtures.ts';

let ctx: TestContext;
let supervisor: string;
let zhang: string;
let reviewer: string;
let campaignId: number;

const userId = async (username: string) =>
  (
    await ctx.db
      .selectFrom('user_account')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).id;
const mine = async (cookie: string) =>
  (await ctx.request({ method: 'GET', url: '/api/review-assignments/mine', cookie })).json.items;

beforeAll(async () => {
  ctx = await createTestContext();
  supervisor = await ctx.login('supervisor');
  zhang = await ctx.login('officer');
  reviewer = await ctx.login('reviewer');
  const land = await demoOrgByName(ctx.db, '博湖县自然资源局');
  const landTeam = await demoOrgByName(ctx.db, '自然资源执法监察大队');
  await insertClosedCase(ctx.db, landTeam.id);
  campaignId = (await createCampaignAs(ctx, supervisor, [land.id])).id;
  await drawAs(ctx, supervisor, campaignId, 1);
  const experts = [
    await addExpertAs(ctx, supervisor, await userId('officer'), '张伟'),
    await addExpertAs(ctx, supervisor, await userId('supervisor'), '李建国'),
  ];
  await assignAs(
    ctx,
    supervisor,
    campaignId,
    experts.map((expert) => expert.id),
  );
});
afterAll(() => ctx.close());

describe('blind scoring (第十条 独立评分, 第十五、十六条)', () => {
  it('a sheet shows the 13 criteria of the county standard on 100 points, with suggestions for 8 and 12', async () => {
    const [task] = await mine(zhang);
    const sheet = await ctx.request({
      method: 'GET',
      url: `/api/review-assignments/${task.assignmentId}/sheet`,
      cookie: zhang,
    });
    expect(sheet.status, JSON.stringify(sheet.json)).toBe(200);
    expect(sheet.json.criteria).toHaveLength(13);
    expect(sheet.json.criteria.reduce((sum: number, item: { points: number }) => sum + item.points, 0)).toBe(
      100,
    );
    expect(sheet.json.bands).toEqual({ excellentFrom: 90, passFrom: 60 });
    expect(sheet.json.suggestions).toEqual([
      { no: 12, deducted: 6, reason: '未建立案卷（完整性检查无记录）' },
    ]);
    expect(sheet.json.own).toBeNull();
    expect(sheet.json.others).toBeNull();
  });

  it('a deduction needs its reason; a submitted sheet is signed and final', async () => {
    const [task] = await mine(zhang);
    const url = `/api/review-assignments/${task.assignmentId}/sheet`;
    const noReason = await ctx.request({
      method: 'PUT',
      url,
      cookie: zhang,
      payload: { items: [{ no: 1, deducted: 2.5 }], submit: true },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.fields[0].field).toBe('items.0.reason');
    const tooMuch = await ctx.request({
      method: 'PUT',
      url,
      cookie: zhang,
      payload: { items: [{ no: 7, deducted: 5, reason: '超分' }] },
    });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.json.error.fields[0].message).toContain('不能超过该项分值 4 分');
    const submitted = await ctx.request({
      method: 'PUT',
      url,
      cookie: zhang,
      payload: {
        items: [{ no: 1, deducted: 2.5, reason: '执法证复印件未核对' }],
        note: '总体规范',
        submit: true,
      },
    });
    expect(submitted.status, JSON.stringify(submitted.json)).toBe(200);
    expect(submitted.json.own).toMatchObject({ total: '97.5', signerName: '张伟' });
    expect(submitted.json.others).toEqual([]);
    const again = await ctx.request({ method: 'PUT', url, cookie: zhang, payload: { items: [] } });
    expect(again.status).toBe(409);
  });

  it('the other reviewer sees no score before submitting their own, and then sees it', async () => {
    const [task] = await mine(supervisor);
    const url = `/api/review-assignments/${task.assignmentId}/sheet`;
    const before = await ctx.request({ method: 'GET', url, cookie: supervisor });
    expect(before.json.others).toBeNull();
    expect(JSON.stringify(before.json)).not.toContain('97.5');
    const draft = await ctx.request({
      method: 'PUT',
      url,
      cookie: supervisor,
      payload: { items: [{ no: 2, deducted: 15, reason: '主要证据缺失' }] },
    });
    expect(draft.json.others).toBeNull();
    const submitted = await ctx.request({
      method: 'PUT',
      url,
      cookie: supervisor,
      payload: { items: [{ no: 2, deducted: 15, reason: '主要证据缺失' }], submit: true },
    });
    expect(submitted.json.own.total).toBe('85');
    expect(submitted.json.others).toEqual([expect.objectContaining({ expertName: '张伟', total: '97.5' })]);
  });

  it('nobody else opens a member’s sheet', async () => {
    const [task] = await mine(zhang);
    for (const cookie of [reviewer, supervisor])
      expect(
        (
          await ctx.request({
            method: 'GET',
            url: `/api/review-assignments/${task.assignmentId}/sheet`,
            cookie,
          })
        ).status,
      ).toBe(404);
  });

  it('the file’s score is the exact mean, banded, flagged for 复评 when the reviewers diverge (第十二条(五))', async () => {
    const scores = await ctx.request({
      method: 'GET',
      url: `/api/review-campaigns/${campaignId}/scores`,
      cookie: supervisor,
    });
    expect(scores.status).toBe(200);
    expect(scores.json.items).toEqual([
      expect.objectContaining({
        assigned: 2,
        submitted: 2,
        mean: '91.25',
        band: 'excellent',
        bandLabel: '优秀',
        spread: '12.5',
        flags: ['divergent', 'bands_differ'],
      }),
    ]);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'review.sheet.%')
      .execute();
    expect(audit.map((row) => row.action).sort()).toEqual([
      'review.sheet.save',
      'review.sheet.submit',
      'review.sheet.submit',
    ]);
  });
});

describe('the assigned file read-only from the score sheet (第十条 分别查阅案卷)', () => {
  it('shows its reviewer the cover and contents, and nobody else', async () => {
    const [task] = await mine(zhang);
    const url = `/api/review-assignments/${task.assignmentId}/file`;
    const sheet = await ctx.request({
      method: 'GET',
      url: `/api/review-assignments/${task.assignmentId}/sheet`,
      cookie: zhang,
    });
    const before = await ctx.request({ method: 'GET', url, cookie: zhang });
    expect(before.status, JSON.stringify(before.json)).toBe(200);
    expect(before.json).toMatchObject({ caseNo: sheet.json.caseNo, file: null });
    const file = await ctx.db
      .insertInto('case_file')
      .values({ case_id: sheet.json.caseId, archive_no: 'WS·2025-评查-001', archive_findings: '[]' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('file_document')
      .values({
        case_file_id: file.id,
        volume: 'main',
        sequence: 1,
        kind_code: 'P01',
        title: '行政处罚决定书',
        page_from: 1,
        page_to: 3,
      })
      .execute();
    const after = await ctx.request({ method: 'GET', url, cookie: zhang });
    expect(after.status).toBe(200);
    expect(after.json.file.cover.archiveNo).toBe('WS·2025-评查-001');
    expect(after.json.file.coverLabels.archiveNo).toBe('档号');
    expect(after.json.file.documents).toEqual([
      expect.objectContaining({ sequence: 1, title: '行政处罚决定书', pageFrom: 1, pageTo: 3 }),
    ]);
    expect(after.json.file.documents[0]).not.toHaveProperty('attachments');
    // a reviewer not on this assignment, and the file's own unit, get the same 404 as for the sheet
    expect((await ctx.request({ method: 'GET', url, cookie: reviewer })).status).toBe(404);
    expect((await ctx.request({ method: 'GET', url, cookie: await ctx.login('legal') })).status).toBe(404);
  });
});
