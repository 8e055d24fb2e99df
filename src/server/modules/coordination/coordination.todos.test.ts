import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../../common/format.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { actorOfAccount } from '../assessment/account-actor.ts';
import { documentsTodoProvider } from '../documents/documents.todos.ts';
import { demoAgencies } from './coordination.fixtures.ts';
import { countyOf } from './coordination.policy.ts';
import { coordinationTodos, coordinationWarningIndicators } from './coordination.todos.ts';

// Over the demo disputes (demo-coordination.ts): one waiting for review, one opinion waiting for
// sign-off, a consulting dispute whose transport-bureau view is overdue, a served opinion the
// market bureau has not confirmed, a decided one with the agriculture bureau still to confirm.
let ctx: TestContext;
const today = todayInShanghai(new Date());
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const todosOf = async (username: string) =>
  coordinationTodos.listTodos({ db: ctx.db, actor: await actorOfAccount(ctx.db, username), today });

describe('coordinationTodos', () => {
  it('gives the supervisor the applications to review, with the review deadline', async () => {
    const todos = await todosOf('supervisor');
    const review = todos.filter((todo) => todo.kind === 'dispute.review');
    expect(review).toHaveLength(1);
    expect(review[0]).toMatchObject({
      domain: 'coordination',
      title: expect.stringContaining('审核职责争议申请'),
      deadlineState: expect.stringMatching(/normal|due_soon/),
      link: expect.stringMatching(/^\/coordination\/disputes\/\d+$/),
    });
    expect(todos.some((todo) => todo.kind === 'dispute.view')).toBe(false);
  });

  it('leaves the opinion to sign to the documents layer’s 待签发 to-dos, and gives an agency’s leader nothing', async () => {
    expect(await todosOf('juzhang')).toEqual([]);
    const signOffs = await documentsTodoProvider.listTodos({
      db: ctx.db,
      actor: await actorOfAccount(ctx.db, 'juzhang'),
      today,
    });
    expect(signOffs.map((todo) => todo.title)).toContainEqual(expect.stringContaining('协调意见书'));
    expect(await todosOf('leader')).toEqual([]);
  });

  it('gives each legal officer only its own agency’s views and executions', async () => {
    const transport = await todosOf('jiaotong');
    expect(transport.map((todo) => todo.kind)).toContain('dispute.view');
    expect(transport.find((todo) => todo.kind === 'dispute.view')?.deadlineState).toBe('overdue');
    const market = await todosOf('legal');
    expect(market.map((todo) => todo.kind)).toContain('dispute.execution');
    expect(market.some((todo) => todo.kind === 'dispute.view')).toBe(false);
    const marketOrg = (await actorOfAccount(ctx.db, 'legal')).scopePaths[0]!;
    const orgs = await ctx.db.selectFrom('org').select(['id', 'path']).execute();
    for (const todo of market)
      expect(orgs.find((org) => org.id === todo.orgId)?.path.startsWith(marketOrg)).toBe(true);
  });

  it('gives the new items to whom they wait for: matters to the bureau, plans and liaison to the agencies', async () => {
    expect((await todosOf('supervisor')).map((todo) => todo.kind)).toEqual(
      expect.arrayContaining(['matter.resolve', 'liaison.follow']),
    );
    const transport = await todosOf('jiaotong');
    expect(transport.find((todo) => todo.kind === 'joint.respond')?.link).toMatch(
      /^\/coordination\/joint-actions\/\d+$/,
    );
    expect((await todosOf('legal')).map((todo) => todo.kind)).toContain('liaison.follow');
    const agriLiaison = (await todosOf('nongye')).find((todo) => todo.kind === 'liaison.follow');
    expect(agriLiaison?.deadlineState).toBe('overdue');
  });

  it('lists only open liaison entries: a finished one is no to-do, however many finished ones are newer', async () => {
    const { agri } = await demoAgencies(ctx.db);
    const nongye = await actorOfAccount(ctx.db, 'nongye');
    const entry = (subject: string, sentOn: string, status: 'sent' | 'done') => ({
      county_org_id: countyOf(agri.path).countyOrgId,
      kind: 'information_exchange' as const,
      counterpart: 'congress' as const,
      counterpart_name: '县人大常委会',
      org_id: agri.id,
      case_id: null,
      subject,
      reason: '测试',
      sent_on: sentOn,
      due_on: '2099-12-31',
      receipt_on: null,
      receipt_by: null,
      outcome: status === 'done' ? '已办结' : null,
      outcome_on: status === 'done' ? sentOn : null,
      status,
      created_by: nongye.id,
    });
    const old = await ctx.db
      .insertInto('coordination_liaison')
      .values(entry('较早仍在办理的衔接事项', '2020-01-02', 'sent'))
      .returning('id')
      .executeTakeFirstOrThrow();
    const finished = await ctx.db
      .insertInto('coordination_liaison')
      .values(Array.from({ length: 210 }, (_, index) => entry(`已办结衔接事项${index}`, today, 'done')))
      .returning('id')
      .execute();
    const keys = new Set((await todosOf('nongye')).map((todo) => todo.key));
    expect(keys.has(`coordination:liaison.follow:${old.id}`)).toBe(true);
    expect(finished.some((row) => keys.has(`coordination:liaison.follow:${row.id}`))).toBe(false);
    // once its outcome is recorded it leaves the list
    await ctx.db
      .updateTable('coordination_liaison')
      .set({ status: 'done' })
      .where('id', '=', old.id)
      .execute();
    const after = new Set((await todosOf('nongye')).map((todo) => todo.key));
    expect(after.has(`coordination:liaison.follow:${old.id}`)).toBe(false);
    await ctx.db
      .deleteFrom('coordination_liaison')
      .where('id', 'in', [old.id, ...finished.map((row) => row.id)])
      .execute();
  });

  it('keeps the other county out: its accounts get no to-dos from the demo county', async () => {
    const { createForeignCounty } = await import('../../testing/fixtures.ts');
    const foreign = await createForeignCounty(ctx.db, 'tq');
    for (const role of ['supervisor', 'legal_officer', 'leader'] as const)
      expect(await todosOf(foreign.usernames[role])).toEqual([]);
  });
});

describe('coordination warning indicators', () => {
  const indicator = (code: string) =>
    coordinationWarningIndicators.find((candidate) => candidate.code === code)!;

  it('finds the overdue view and the overdue execution, one hit per party, and none in another county', async () => {
    const views = await indicator('coordination.view_overdue').findHits({
      db: ctx.db,
      countyPath: '/1/',
      today,
      params: { days: 0 },
    });
    expect(views).toHaveLength(1);
    expect(views[0]!.message).toContain('博湖县交通运输局');
    expect(views[0]!.value).toBeGreaterThan(0);
    const executions = await indicator('coordination.execution_overdue').findHits({
      db: ctx.db,
      countyPath: '/1/',
      today,
      params: { days: 0 },
    });
    expect(executions.map((hit) => hit.message).join()).toContain('博湖县市场监督管理局');
    expect(new Set(executions.map((hit) => hit.causeKey)).size).toBe(executions.length);
    // a threshold beyond the lateness silences it
    const lenient = await indicator('coordination.view_overdue').findHits({
      db: ctx.db,
      countyPath: '/1/',
      today,
      params: { days: 365 },
    });
    expect(lenient).toEqual([]);
    expect(
      await indicator('coordination.view_overdue').findHits({
        db: ctx.db,
        countyPath: '/999999/',
        today,
        params: { days: 0 },
      }),
    ).toEqual([]);
  });
});
