import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../common/format.ts';
import { createTestContext, type TestContext } from '../testing/test-app.ts';
import { seedDemoSupervision } from './demo-supervision.ts';

// The unit-test template leaves supervision empty (global-setup.ts); this file seeds it once.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemoSupervision(ctx.db, todayInShanghai(new Date()));
});
afterAll(() => ctx.close());

/** How many rows of `table` have each value of `column`. */
async function countBy(
  table: 'supervision_matter' | 'supervision_notice' | 'supervision_referral',
  column: string,
) {
  const rows = (await ctx.db.selectFrom(table).selectAll().execute()) as unknown as Array<
    Record<string, string>
  >;
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row[column]!] = (counts[row[column]!] ?? 0) + 1;
  return counts;
}

describe('the demo county’s supervision (a new user sees each kind and state)', () => {
  it('has matters of every method and source, open and closed', async () => {
    expect(Object.keys(await countBy('supervision_matter', 'kind')).sort()).toEqual(
      ['assessment', 'case', 'review', 'routine', 'special'].sort(),
    );
    expect(Object.keys(await countBy('supervision_matter', 'source')).sort()).toEqual(
      [
        'assigned',
        'case_review',
        'complaint',
        'cppcc_proposal',
        'daily',
        'hotspot',
        'npc_suggestion',
        'referral',
      ].sort(),
    );
    expect(await countBy('supervision_matter', 'state')).toMatchObject({
      open: expect.any(Number),
      closed: 4,
    });
  });

  it('has notices in each state, one overdue, a decision, referrals and circulars', async () => {
    expect(await countBy('supervision_notice', 'state')).toEqual({
      draft: 1,
      awaiting_sign_off: 1,
      served: 1,
      accepted: 1,
    });
    const legal = await ctx.login('legal');
    const served = await ctx.request({
      method: 'GET',
      url: '/api/supervision/notices?state=served',
      cookie: legal,
    });
    expect(served.json.items[0].due.stateLabel).toBe('逾期');
    const decisions = await ctx.request({ method: 'GET', url: '/api/supervision/decisions', cookie: legal });
    expect(decisions.json.items).toEqual([expect.objectContaining({ state: 'decided', kindLabel: '撤销' })]);
    expect(await countBy('supervision_referral', 'state')).toEqual({
      submitted: 1,
      accepted: 1,
      returned: 1,
    });
    const circulars = await ctx.request({
      method: 'GET',
      url: '/api/supervision/circulars',
      cookie: await ctx.login('supervisor'),
    });
    expect(
      circulars.json.items
        .map((item: { kindLabel: string; state: string }) => `${item.kindLabel}:${item.state}`)
        .sort(),
    ).toEqual(['通报批评:issued', '通报表扬:draft'].sort());
  });
});
