import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../../../common/calendar.ts';
import { todayInShanghai } from '../../../../common/format.ts';
import { demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type ResponseJson, type TestContext } from '../../../testing/test-app.ts';
import { actorOfAccount } from '../../assessment/account-actor.ts';
import { addOfficer, caseBody } from '../../cases/cases-fixtures.ts';
import type { TodoItem, TodoProvider } from '../workbench.types.ts';
import { countTodos, gatherTodos } from './todos.service.ts';

let ctx: TestContext;
let legal: string;
let officer: string;
let teamId: number;
let zhangId: number;
let liId: number;
const today = todayInShanghai(new Date());

beforeAll(async () => {
  ctx = await createTestContext();
  legal = await ctx.login('legal');
  officer = await ctx.login('officer');
  teamId = (await demoOrgByName(ctx.db, '市场监管综合行政执法大队')).id;
  const officerUser = await ctx.db
    .selectFrom('user_account')
    .select('id')
    .where('username', '=', 'officer')
    .executeTakeFirstOrThrow();
  zhangId = await addOfficer(ctx.db, teamId, '张伟', { userId: officerUser.id, today });
  liId = await addOfficer(ctx.db, teamId, '李娜', { today });
});
afterAll(() => ctx.close());

async function todos(cookie: string, query = ''): Promise<ResponseJson> {
  const response = await ctx.request({ method: 'GET', url: `/api/workbench/todos${query}`, cookie });
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  return response.json;
}

async function createClosedCase(handlerIds: number[], closedOn: string) {
  const response = await ctx.request({
    method: 'POST',
    url: '/api/cases',
    cookie: legal,
    payload: caseBody(teamId, handlerIds, { filedOn: addCalendarDays(closedOn, -20), closedOn }),
  });
  expect(response.status, JSON.stringify(response.json)).toBe(201);
  return response.json as { id: number; caseNo: string };
}

const keysOf = (list: ResponseJson) => list.items.map((item: { key: string }) => item.key);

describe('the to-do list', () => {
  it('an officer sees the record of a closed case they handle, due 30 days after closing, until it is handed in', async () => {
    const closedOn = addCalendarDays(today, -35);
    const created = await createClosedCase([zhangId, liId], closedOn);
    const before = await todos(officer);
    const item = before.items.find(
      (entry: TodoItem) => entry.key === `cases:case_record.write:${created.id}`,
    );
    expect(item).toMatchObject({
      kind: 'case_record.write',
      dueOn: addCalendarDays(closedOn, 30),
      deadlineState: 'overdue',
      deadlineStateLabel: '逾期',
      link: `/cases/${created.id}`,
      orgId: teamId,
    });
    expect(item.title).toContain(created.caseNo);
    expect(before.counts.overdue).toBeGreaterThanOrEqual(1);
    const badge = await ctx.request({ method: 'GET', url: '/api/workbench/todos/count', cookie: officer });
    expect(badge.json).toEqual(before.counts);

    for (const part of ['opinion', 'result']) {
      await ctx.request({
        method: 'POST',
        url: `/api/cases/${created.id}/sign`,
        cookie: officer,
        payload: { part },
      });
    }
    const submitted = await ctx.request({
      method: 'POST',
      url: `/api/cases/${created.id}/submit-record`,
      cookie: officer,
      payload: { lateReason: '外出执法，未及时报送' },
    });
    expect(submitted.status).toBe(200);
    const after = await todos(officer);
    expect(keysOf(after)).not.toContain(`cases:case_record.write:${created.id}`);
    expect(after.counts.total).toBe(before.counts.total - 1);

    // handed in, it waits for the legal unit's quality analysis — and leaves once given
    const legalBefore = await todos(legal);
    expect(keysOf(legalBefore)).toContain(`cases:case_quality.give:${created.id}`);
    const quality = await ctx.request({
      method: 'PUT',
      url: `/api/cases/${created.id}/quality`,
      cookie: legal,
      payload: { opinion: '程序合法，证据充分。', grade: 'pass' },
    });
    expect(quality.status, JSON.stringify(quality.json)).toBe(200);
    expect(keysOf(await todos(legal))).not.toContain(`cases:case_quality.give:${created.id}`);
  });

  it('an officer never sees the record of a case only colleagues handle; the legal unit writes no records', async () => {
    const wangId = await addOfficer(ctx.db, teamId, '王强', { today });
    const others = await createClosedCase([liId, wangId], addCalendarDays(today, -3));
    expect(keysOf(await todos(officer))).not.toContain(`cases:case_record.write:${others.id}`);
    expect(keysOf(await todos(legal)).some((key: string) => key.startsWith('cases:case_record.write:'))).toBe(
      false,
    );
  });

  it('a record closing today is 正常, one due within 7 days 临期', async () => {
    const fresh = await createClosedCase([zhangId, liId], today);
    const soon = await createClosedCase([zhangId, liId], addCalendarDays(today, -25));
    const list = await todos(officer);
    const stateOf = (id: number) =>
      list.items.find((entry: TodoItem) => entry.key === `cases:case_record.write:${id}`)?.deadlineState;
    expect(stateOf(fresh.id)).toBe('normal');
    expect(stateOf(soon.id)).toBe('due_soon');
    const dueSoonOnly = await todos(officer, '?state=due_soon');
    expect(dueSoonOnly.items.every((entry: TodoItem) => entry.deadlineState === 'due_soon')).toBe(true);
    expect(dueSoonOnly.counts).toEqual(list.counts);
  });

  it('the legal unit sees its unit’s certificate warnings and training shortfall; an officer their own shortfall', async () => {
    const expiringId = await addOfficer(ctx.db, teamId, '临期丙', {
      today,
      validUntil: addCalendarDays(today, 20),
    });
    const list = await todos(legal);
    const certificate = list.items.find(
      (entry: TodoItem) => entry.kind === 'certificate.expiry' && entry.link === `/officers/${expiringId}`,
    );
    expect(certificate).toMatchObject({ deadlineState: 'due_soon', dueOn: addCalendarDays(today, 20) });
    expect(list.items.some((entry: TodoItem) => entry.kind === 'training.unit_shortfall')).toBe(true);
    const shortfallOf = async () =>
      (await todos(officer)).items.filter((entry: TodoItem) => entry.kind === 'training.shortfall');
    // the demo officer has trained enough this year: nothing to do
    expect(await shortfallOf()).toEqual([]);
    await ctx.db
      .deleteFrom('training')
      .where('officer_id', '=', zhangId)
      .where('held_on', '>=', `${today.slice(0, 4)}-01-01`)
      .execute();
    const shortfall = await shortfallOf();
    expect(shortfall).toHaveLength(1);
    expect(shortfall[0].key).toBe(`officers:training.shortfall:${zhangId}:${today.slice(0, 4)}`);
    const own = await todos(officer);
    expect(own.items.some((entry: TodoItem) => entry.kind.startsWith('certificate.'))).toBe(false);
  });

  it('the supervisor decides the demo appeal; a leader rates; an officer submits the self-assessment', async () => {
    const supervisor = await todos(await ctx.login('supervisor'));
    expect(supervisor.items.some((entry: TodoItem) => entry.kind === 'appeal.decide')).toBe(true);
    const leader = await todos(await ctx.login('leader'));
    expect(leader.items.some((entry: TodoItem) => entry.kind === 'rating.give')).toBe(true);
    const own = await todos(officer);
    expect(own.items.some((entry: TodoItem) => entry.kind === 'self_assessment.submit')).toBe(true);
    expect(own.items.some((entry: TodoItem) => entry.kind === 'appeal.decide')).toBe(false);
  });

  it('sorts by due date with undated items last, keeps one item per key, and counts every state', async () => {
    const item = (key: string, dueOn: string | null, state: TodoItem['deadlineState']): TodoItem => ({
      key,
      domain: 'test',
      kind: 'test',
      title: key,
      dueOn,
      deadlineState: state,
      link: '/',
      orgId: 1,
    });
    const fake: TodoProvider = {
      domain: 'test',
      listTodos: async () => [
        item('c', null, null),
        item('b', '2026-05-02', 'normal'),
        item('a', '2026-05-01', 'overdue'),
        item('b', '2026-05-02', 'normal'),
        item('d', '2026-05-01', 'due_soon'),
      ],
    };
    const actor = await actorOfAccount(ctx.db, 'officer');
    const merged = await gatherTodos(ctx.db, actor, today, [fake]);
    expect(merged.map((entry) => entry.key)).toEqual(['a', 'd', 'b', 'c']);
    expect(countTodos(merged)).toEqual({ total: 4, overdue: 1, dueSoon: 1, normal: 1, undated: 1 });
  });

  it('refuses an anonymous request', async () => {
    const response = await ctx.request({ method: 'GET', url: '/api/workbench/todos' });
    expect(response.status).toBe(401);
  });
});
