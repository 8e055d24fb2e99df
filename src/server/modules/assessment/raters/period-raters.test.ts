/**
 * Named raters per period (seed 004 第二章第二条: 局主要领导和分管领导; 博湖 第三条 领导评价与群众评议):
 * the office names who rates in which role; only they rate, over every subject; the board and
 * the to-do list count their sheets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { presetVersionId } from '../assessment-fixtures.ts';

let ctx: TestContext;
let supervisor: string;
let periodId: number;
let subjectCount: number;
const ITEM = 'bohu.001.a3.evaluation';

const url = (rest: string) => `/api/assessment/periods/${periodId}${rest}`;
const accountId = async (username: string) =>
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
  const market = await demoOrgByName(ctx.db, '博湖县市场监督管理局');
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
});
afterAll(() => ctx.close());

describe('named raters of a period', () => {
  it('lists the rating items with the scheme’s role labels and the accounts that may be named', async () => {
    const view = await ctx.request({ method: 'GET', url: url('/raters'), cookie: supervisor });
    expect(view.status).toBe(200);
    expect(view.json.items).toEqual([
      {
        id: ITEM,
        label: '领导评价与群众评议',
        roles: [
          { role: 'leader', label: '领导评价' },
          { role: 'public', label: '群众评议' },
        ],
      },
    ]);
    expect(view.json.raters).toEqual([]);
    const names = view.json.candidates.map((candidate: { name: string }) => candidate.name);
    expect(names).toEqual(expect.arrayContaining(['刘志强', '周海涛']));
    const officer = await ctx.login('officer');
    expect((await ctx.request({ method: 'GET', url: url('/raters'), cookie: officer })).status).toBe(403);
  });

  it('refuses a bad role, an account that may not rate and a duplicate at their fields, writing nothing', async () => {
    const juzhang = await accountId('juzhang');
    const officer = await accountId('officer');
    const refused = await ctx.request({
      method: 'PUT',
      url: url('/raters'),
      cookie: supervisor,
      payload: {
        raters: [
          { item: ITEM, role: 'main', userId: juzhang },
          { item: ITEM, role: 'leader', userId: officer },
          { item: 'no.such.item', role: 'leader', userId: juzhang },
        ],
      },
    });
    expect(refused.status).toBe(400);
    expect(refused.json.error.fields).toEqual([
      { field: 'raters.0.role', message: '评价人身份应为：领导评价、群众评议' },
      { field: 'raters.1.userId', message: '测评人应为本县在用的领导或考核办账号' },
      { field: 'raters.2.item', message: '本方案没有该测评项目' },
    ]);
    const duplicate = await ctx.request({
      method: 'PUT',
      url: url('/raters'),
      cookie: supervisor,
      payload: {
        raters: [
          { item: ITEM, role: 'leader', userId: juzhang },
          { item: ITEM, role: 'public', userId: juzhang },
        ],
      },
    });
    expect(duplicate.json.error.fields).toEqual([
      { field: 'raters.1.userId', message: '同一人在同一测评项目中只能有一个身份' },
    ]);
    const rows = await ctx.db
      .selectFrom('assessment_period_rater')
      .selectAll()
      .where('period_id', '=', periodId)
      .execute();
    expect(rows).toEqual([]);
  });

  it('only the named rate, in their role, over every subject; the board, the to-dos and the score follow', async () => {
    const juzhang = await accountId('juzhang');
    const supervisorId = await accountId('supervisor');
    const named = await ctx.request({
      method: 'PUT',
      url: url('/raters'),
      cookie: supervisor,
      payload: {
        raters: [
          { item: ITEM, role: 'leader', userId: juzhang },
          { item: ITEM, role: 'public', userId: supervisorId },
        ],
      },
    });
    expect(named.status).toBe(200);
    expect(
      named.json.raters.map((rater: { name: string; role: string }) => [rater.name, rater.role]),
    ).toEqual(
      expect.arrayContaining([
        ['周海涛', 'leader'],
        [expect.any(String), 'public'],
      ]),
    );
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', '=', 'assessment.raters_set')
      .where('entity_id', '=', String(periodId))
      .execute();
    expect(audit).toHaveLength(1);

    // 周海涛 leads the justice bureau, outside the market bureau: named, he rates every subject
    const head = await ctx.login('juzhang');
    const sheet = await ctx.request({ method: 'GET', url: url('/ratings/mine'), cookie: head });
    expect(sheet.status).toBe(200);
    expect(sheet.json.rows).toHaveLength(subjectCount);
    expect(sheet.json.items[0]).toMatchObject({ id: ITEM, namedRole: 'leader', raters: ['leader'] });
    const subjectKey = sheet.json.rows[0].subjectKey as string;
    const wrongRole = await ctx.request({
      method: 'PUT',
      url: url('/ratings'),
      cookie: head,
      payload: { subjectKey, rater: 'public', value: '90', item: ITEM },
    });
    expect(wrongRole.status).toBe(400);
    expect(wrongRole.json.error.fields).toEqual([
      { field: 'rater', message: '您在本考核周期的评价人身份为：领导评价' },
    ]);
    const rated = await ctx.request({
      method: 'PUT',
      url: url('/ratings'),
      cookie: head,
      payload: { subjectKey, rater: 'leader', value: '90', item: ITEM },
    });
    expect(rated.status).toBe(200);
    // the office enters the public's evaluation though it holds no leader role
    const publicRating = await ctx.request({
      method: 'PUT',
      url: url('/ratings'),
      cookie: supervisor,
      payload: { subjectKey, rater: 'public', value: '80', item: ITEM },
    });
    expect(publicRating.status).toBe(200);
    // the market bureau's own leader is no longer a rater of this period: not named
    const leader = await ctx.login('leader');
    const unnamed = await ctx.request({
      method: 'PUT',
      url: url('/ratings'),
      cookie: leader,
      payload: { subjectKey, rater: 'leader', value: '95', item: ITEM },
    });
    expect(unnamed.status).toBe(403);

    const board = await ctx.request({ method: 'GET', url: url('/board'), cookie: supervisor });
    const progress = Object.fromEntries(
      board.json.ratings.raters.map(
        (rater: { userId: number; sheets: { done: number; missing: number }[] }) => [
          rater.userId,
          rater.sheets[0],
        ],
      ),
    );
    expect(progress[juzhang]).toEqual(expect.objectContaining({ done: 1, missing: subjectCount - 1 }));
    expect(progress[supervisorId]).toEqual(expect.objectContaining({ done: 1, missing: subjectCount - 1 }));
    const todos = await ctx.request({ method: 'GET', url: '/api/workbench/todos', cookie: head });
    expect(JSON.stringify(todos.json)).toContain(`assessment:rating.give:${periodId}:${juzhang}`);

    const provisional = await ctx.request({
      method: 'GET',
      url: url(`/subjects/${subjectKey}/provisional`),
      cookie: supervisor,
    });
    // 测评 90/100 × 60 × 7/10 + 80/100 × 60 × 3/10 = 37.8 + 14.4 = 52.2; 质量和实效 (52.2 + 40) × 30 %
    // = 27.66; 数量 0; 作风纪律 100 × 50 % = 50 → 77.66
    expect(provisional.json.result.total).toBe('77.66');
  });
});
