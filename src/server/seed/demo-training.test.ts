import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../common/format.ts';
import { createTestContext, type TestContext } from '../testing/test-app.ts';
import { seedDemoTraining } from './demo-training.ts';

// The unit-test template leaves training empty (global-setup.ts); this file seeds it once.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemoTraining(ctx.db, todayInShanghai(new Date()));
});
afterAll(() => ctx.close());

describe('the demo county’s training (a new user sees each state)', () => {
  it('has a bureau plan with a required thematic line, and sessions finished, announced and drafted', async () => {
    const supervisor = await ctx.login('supervisor');
    const plans = await ctx.request({ method: 'GET', url: '/api/training-plans', cookie: supervisor });
    expect(plans.status).toBe(200);
    const bureauPlan = plans.json.items.find((plan: { orgName: string }) => plan.orgName === '博湖县司法局');
    expect(bureauPlan.items.some((item: { isRequired: boolean }) => item.isRequired)).toBe(true);
    const sessions = await ctx.request({
      method: 'GET',
      url: '/api/training-sessions?pageSize=50',
      cookie: supervisor,
    });
    const states = sessions.json.items.map(
      (session: { status: string; noticeNumber: string | null; attendeeCount: number }) =>
        `${session.status}/${session.noticeNumber ? 'notice' : 'none'}/${session.attendeeCount > 0 ? 'list' : 'empty'}`,
    );
    expect(states).toEqual(
      expect.arrayContaining([
        'finished/notice/list',
        'finished/none/list',
        'planned/notice/list',
        'planned/none/empty',
      ]),
    );
    // a county training draws from several agencies
    const county = sessions.json.items.find((session: { course: string }) =>
      session.course.startsWith('全县'),
    );
    const detail = await ctx.request({
      method: 'GET',
      url: `/api/training-sessions/${county.id}`,
      cookie: supervisor,
    });
    expect(new Set(detail.json.attendees.map((a: { orgName: string }) => a.orgName)).size).toBeGreaterThan(3);
  });

  it('shows 张伟 (officer) his graded county training and his 法宣在线 log on his archive', async () => {
    const officer = await ctx.login('officer');
    const me = await ctx.request({ method: 'GET', url: '/api/officers/me', cookie: officer });
    const trainings = await ctx.request({
      method: 'GET',
      url: `/api/trainings?officerId=${me.json.id}&pageSize=200`,
      cookie: officer,
    });
    expect(trainings.status, JSON.stringify(trainings.json)).toBe(200);
    const items = trainings.json.items as Array<{
      sessionId: number | null;
      score: number | null;
      passed: boolean | null;
      platformLabel: string | null;
      isSelfReported: boolean;
    }>;
    expect(items.find((item) => item.sessionId !== null && item.score !== null)).toMatchObject({
      score: 92,
      passed: true,
    });
    expect(items.find((item) => item.isSelfReported)).toMatchObject({ platformLabel: '法宣在线' });
  });
});
