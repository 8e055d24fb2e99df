import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOrgByName } from '../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { TODO_PROVIDERS } from '../workbench/todos/providers.ts';
import { indicatorByCode } from '../workbench/warnings/indicators.ts';
import { createCampaignAs } from './reviews.fixtures.ts';
import { reviewsTodos } from './reviews.todos.ts';

let ctx: TestContext;
let supervisor: string;
let marketId: number;
let countyPath: string;

beforeAll(async () => {
  ctx = await createTestContext();
  supervisor = await ctx.login('supervisor');
  marketId = (await demoOrgByName(ctx.db, '博湖县市场监督管理局')).id;
  countyPath = (await demoOrgByName(ctx.db, '博湖县人民政府')).path;
});
afterAll(() => ctx.close());

const actorOf = async (username: string) => {
  const user = await ctx.db
    .selectFrom('user_account')
    .select(['id', 'display_name', 'org_id', 'roles'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const org = await ctx.db
    .selectFrom('org')
    .select('path')
    .where('id', '=', user.org_id)
    .executeTakeFirstOrThrow();
  return {
    id: user.id,
    username,
    displayName: user.display_name,
    orgId: user.org_id,
    roles: user.roles,
    scopePaths: [org.path],
    ip: null,
  } as never;
};

describe('reviews to-dos and the 第八条 warning', () => {
  it('is registered with the workbench', () => {
    expect(TODO_PROVIDERS).toContain(reviewsTodos);
    expect(indicatorByCode('review.county_campaigns_short')).toBeDefined();
  });

  it('warns from October while the county has fewer than two campaigns in the year, then stops', async () => {
    const indicator = indicatorByCode('review.county_campaigns_short')!;
    const find = (today: string) =>
      indicator.findHits({ db: ctx.db, countyPath, today, params: { fromMonth: 10 } });
    expect(await find('2019-09-30')).toEqual([]);
    const [hit] = await find('2019-10-01');
    expect(hit?.message).toContain('2019年全县行政执法案卷评查活动已开展 0 次');
    await createCampaignAs(ctx, supervisor, [marketId], { name: '2019 一' });
    expect((await find('2019-10-01'))[0]?.value).toBe(1);
    await createCampaignAs(ctx, supervisor, [marketId], { name: '2019 二' });
    expect(await find('2019-10-01')).toEqual([]);
  });

  it('the unit’s legal officer has the file lists to confirm, with the deadline state', async () => {
    const items = await reviewsTodos.listTodos({
      db: ctx.db,
      actor: await actorOf('legal'),
      today: '2030-01-08',
    });
    const lists = items.filter((item) => item.kind === 'file_list.submit');
    expect(lists.length).toBeGreaterThanOrEqual(2);
    expect(lists[0]).toMatchObject({ dueOn: '2030-01-10', deadlineState: 'due_soon', orgId: marketId });
    const other = await reviewsTodos.listTodos({
      db: ctx.db,
      actor: await actorOf('jiaotong'),
      today: '2030-01-08',
    });
    expect(other.filter((item) => item.kind === 'file_list.submit')).toEqual([]);
  });
});
