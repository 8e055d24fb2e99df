import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../../common/calendar.ts';
import { todayInShanghai } from '../../../common/format.ts';
import type { Actor } from '../../lib/access.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import {
  type DemoSupervisionWorld,
  demoSupervisionWorld,
  matterBody,
  openMatter,
} from './supervision.fixtures.ts';
import { supervisionTodos, supervisionWarnings } from './supervision.todos.ts';

let ctx: TestContext;
let world: DemoSupervisionWorld;
const today = todayInShanghai(new Date());

async function actorOf(username: string): Promise<Actor> {
  const me = await ctx.request({ method: 'GET', url: '/api/auth/me', cookie: await ctx.login(username) });
  return {
    id: me.json.id,
    username,
    displayName: me.json.displayName,
    orgId: me.json.orgId,
    roles: me.json.roles,
    scopePaths: me.json.scopePaths,
  };
}

beforeAll(async () => {
  ctx = await createTestContext();
  world = await demoSupervisionWorld(ctx.db);
  const supervisor = await ctx.login('supervisor');
  const matterId = await openMatter(ctx, supervisor, matterBody([world.marketId]));
  const bureau = await ctx.db
    .selectFrom('org')
    .select('id')
    .where('kind', '=', 'justice_bureau')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const notice = await ctx.db
    .insertInto('supervision_notice')
    .values({
      matter_id: matterId,
      unit_org_id: world.marketId,
      issuer_org_id: bureau.id,
      facts: '事实',
      reasons: '理由',
      legal_basis: '依据',
      required_correction: '改正',
      correction_due_on: addCalendarDays(today, -5),
      state: 'served',
      number: '博司监〔2026〕90号',
      year: 2026,
      sequence: 90,
      issued_on: addCalendarDays(today, -45),
      served_on: addCalendarDays(today, -40),
      report_due_on: addCalendarDays(today, -10),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // a decision of the county government whose report is 3 days late
  await ctx.db
    .insertInto('supervision_decision')
    .values({
      notice_id: notice.id,
      case_id: null,
      ground: 'overdue',
      request_reason: '逾期不改正',
      proposed_kind: 'revoke',
      state: 'decided',
      request_number: '博司监〔2026〕91号',
      requested_on: addCalendarDays(today, -40),
      kind: 'revoke',
      decision_number: '博政监决〔2026〕9号',
      decided_on: addCalendarDays(today, -35),
      decision_content: '撤销',
      served_on: addCalendarDays(today, -33),
      report_due_on: addCalendarDays(today, -3),
    })
    .execute();
});
afterAll(() => ctx.close());

describe('supervision to-dos and warnings', () => {
  it('puts an overdue report in the unit legal officer’s to-dos, not in another unit’s', async () => {
    const todos = await supervisionTodos.listTodos({ db: ctx.db, actor: await actorOf('legal'), today });
    expect(todos.filter((todo) => todo.kind === 'notice.report')).toEqual([
      expect.objectContaining({
        kind: 'notice.report',
        title: '报告整改落实情况：博司监〔2026〕90号',
        deadlineState: 'overdue',
        dueOn: addCalendarDays(today, -10),
      }),
    ]);
    const reviewer = await supervisionTodos.listTodos({
      db: ctx.db,
      actor: await actorOf('reviewer'),
      today,
    });
    expect(reviewer).toEqual([]);
  });

  it('marks the notice’s matter overdue in the matters list', async () => {
    const list = await ctx.request({
      method: 'GET',
      url: '/api/supervision/matters?overdue=true',
      cookie: await ctx.login('supervisor'),
    });
    expect(list.json.items.map((item: { title: string }) => item.title)).toEqual([
      '食品安全行政执法日常监督检查',
    ]);
  });

  it('raises 报告逾期 and 整改逾期 with the days overdue, and none past a larger grace', async () => {
    const [reply, correction] = supervisionWarnings;
    const hits = await reply!.findHits({ db: ctx.db, countyPath: '/1/', today, params: { days: 0 } });
    expect(hits.map((hit) => hit.value)).toEqual([10]);
    expect(hits[0]!.message).toContain('已逾期 10 日');
    expect(await reply!.findHits({ db: ctx.db, countyPath: '/1/', today, params: { days: 11 } })).toEqual([]);
    expect(
      (await correction!.findHits({ db: ctx.db, countyPath: '/1/', today, params: { days: 0 } })).map(
        (hit) => hit.value,
      ),
    ).toEqual([5]);
  });

  it('puts the decision’s report in the legal officer’s to-dos and raises 决定报告逾期', async () => {
    const todos = await supervisionTodos.listTodos({ db: ctx.db, actor: await actorOf('legal'), today });
    expect(todos.filter((todo) => todo.kind === 'decision.report')).toEqual([
      expect.objectContaining({
        title: '报告监督决定落实情况：博政监决〔2026〕9号',
        deadlineState: 'overdue',
        dueOn: addCalendarDays(today, -3),
      }),
    ]);
    const indicator = supervisionWarnings.find((candidate) => candidate.code === 'decision.reply_overdue')!;
    const hits = await indicator.findHits({ db: ctx.db, countyPath: '/1/', today, params: { days: 0 } });
    expect(hits.map((hit) => hit.value)).toEqual([3]);
    expect(hits[0]!.message).toContain('已逾期 3 日（博政监决〔2026〕9号）');
    expect(await indicator.findHits({ db: ctx.db, countyPath: '/1/', today, params: { days: 3 } })).toEqual(
      [],
    );
  });
});
