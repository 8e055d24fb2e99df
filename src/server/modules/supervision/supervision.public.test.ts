import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/access.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { type DemoSupervisionWorld, demoSupervisionWorld } from './supervision.fixtures.ts';
import { createDraftNoticeFromReview } from './supervision.public.ts';

let ctx: TestContext;
let world: DemoSupervisionWorld;
beforeAll(async () => {
  ctx = await createTestContext();
  world = await demoSupervisionWorld(ctx.db);
});
afterAll(() => ctx.close());

describe('createDraftNoticeFromReview (评查办法第十九条)', () => {
  it('raises a 案卷评查 matter and a draft notice with the file, findings and reasons prefilled', async () => {
    const cookie = await ctx.login('supervisor');
    const me = await ctx.request({ method: 'GET', url: '/api/auth/me', cookie });
    const actor: Actor = {
      id: me.json.id,
      username: me.json.username,
      displayName: me.json.displayName,
      orgId: me.json.orgId,
      roles: me.json.roles,
      scopePaths: me.json.scopePaths,
    };
    const { matterId, noticeId } = await createDraftNoticeFromReview(ctx.db, actor, {
      unitOrgId: world.marketId,
      caseFileId: world.caseFileId,
      findingsText: '案卷缺少听证告知书',
      reviewerReasons: '程序违法，评为不合格',
    });
    const notice = await ctx.request({ method: 'GET', url: `/api/supervision/notices/${noticeId}`, cookie });
    expect(notice.json).toMatchObject({
      state: 'draft',
      matterId,
      unit: { id: world.marketId },
      caseFileId: world.caseFileId,
      caseId: world.caseId,
      facts: '案卷缺少听证告知书',
      reasons: '程序违法，评为不合格',
    });
    const matter = await ctx.request({ method: 'GET', url: `/api/supervision/matters/${matterId}`, cookie });
    expect(matter.json).toMatchObject({ kind: 'review', source: 'case_review' });
  });
});
