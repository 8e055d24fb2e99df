import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createForeignCounty, demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { actorOf, presetVersionId } from '../assessment-fixtures.ts';
import { submitSelfAssessment } from '../records/self-assessments.service.ts';
import { getPeriodBoard } from './board.service.ts';

/**
 * A seed 004 period over the sections of 博湖县市场监督管理局: the bureau's 办公室 (assessor 赵敏)
 * owns three item groups, the market bureau's leader 刘志强 rates the sections (班子测评).
 */
let ctx: TestContext;
let supervisor: string;
let periodId: number;
const keys: Record<string, string> = {};

const board = (cookie: string) =>
  ctx.request({ method: 'GET', url: `/api/assessment/periods/${periodId}/board`, cookie });

beforeAll(async () => {
  ctx = await createTestContext();
  supervisor = await ctx.login('supervisor');
  const market = await demoOrgByName(ctx.db, '博湖县市场监督管理局');
  const schemeVersionId = await presetVersionId(ctx, supervisor, 'zjg-section-quarterly');
  const opened = await ctx.request({
    method: 'POST',
    url: '/api/assessment/periods',
    cookie: supervisor,
    payload: { schemeVersionId, periodKey: '2025-Q3', underOrgId: market.id },
  });
  expect(opened.status).toBe(201);
  periodId = opened.json.id;
  for (const [name, label] of [
    ['team', '市场监管综合行政执法大队'],
    ['food', '食品安全监督管理股'],
    ['legal', '法规股'],
  ] as const) {
    keys[name] = `org:${(await demoOrgByName(ctx.db, label)).id}`;
  }
});
afterAll(() => ctx.close());

describe('period board', () => {
  it('counts records per item group with its section, and names the sections that have recorded nothing', async () => {
    const assessor = await ctx.login('assessor');
    const recorded = await ctx.request({
      method: 'POST',
      url: `/api/assessment/periods/${periodId}/records`,
      cookie: assessor,
      payload: {
        subjectKey: keys.team,
        item: 'zjg.004.d1-2.4.data-late',
        occurredOn: '2025-08-12',
        count: 2,
      },
    });
    expect(recorded.status).toBe(201);
    const response = await board(supervisor);
    expect(response.status).toBe(200);
    const daily = response.json.groups.find((group: { id: string }) => group.id === 'zjg.004.d1-2');
    expect(daily).toMatchObject({
      orgName: '办公室',
      activeRecords: 1,
      lastRecordOn: '2025-08-12',
      isSilent: false,
    });
    const publicGroup = response.json.groups.find((group: { id: string }) => group.id === 'zjg.004.d5');
    expect(publicGroup).toMatchObject({ orgName: '办公室', activeRecords: 0, isSilent: true });
    expect(response.json.late.groups).toContainEqual({
      id: 'zjg.004.d5',
      label: publicGroup.label,
      orgName: '办公室',
    });
    const late = response.json.late.groups.map((group: { id: string }) => group.id);
    expect(late).not.toContain('zjg.004.d1-2');
    // bonuses are recorded only when earned, ratings come from the sheets: neither is late
    expect(late).not.toContain('zjg.004.bonus');
    expect(late).not.toContain('zjg.004.leadership');
    expect(response.json.records).toEqual({ active: 1, proposed: 0, withdrawn: 0 });
  });

  it('counts self-assessments in and missing, naming the late ones only after the deadline', async () => {
    await submitSelfAssessment(
      ctx.db,
      await actorOf(ctx, 'legal'),
      periodId,
      keys.legal!,
      { items: [], note: '本季度无扣分事项' },
      '2025-09-29',
    );
    const before = await getPeriodBoard(ctx.db, await actorOf(ctx, 'supervisor'), periodId, '2025-09-30');
    expect(before.selfAssessments).toMatchObject({
      dueOn: '2025-09-30',
      isOverdue: false,
      subjects: 3,
      submitted: 1,
      missing: 2,
    });
    expect(before.selfAssessments.missingSubjects.map((subject) => subject.name).sort()).toEqual(
      ['市场监管综合行政执法大队', '食品安全监督管理股'].sort(),
    );
    expect(before.late.selfAssessments).toEqual([]);
    const after = await getPeriodBoard(ctx.db, await actorOf(ctx, 'supervisor'), periodId, '2025-10-09');
    expect(after.selfAssessments.isOverdue).toBe(true);
    expect(after.late.selfAssessmentCount).toBe(2);
    expect(after.late.selfAssessments.map((subject) => subject.subjectKey).sort()).toEqual(
      [keys.team, keys.food].sort(),
    );
  });

  it('shows each rater’s sheet done and missing, and a role nobody has rated in', async () => {
    const leader = await ctx.login('leader');
    const rated = await ctx.request({
      method: 'PUT',
      url: `/api/assessment/periods/${periodId}/ratings`,
      cookie: leader,
      payload: { subjectKey: keys.team, rater: 'main', value: 95 },
    });
    expect(rated.status).toBe(200);
    const response = await board(supervisor);
    const raters = response.json.ratings.raters;
    // the bureau's leader (juzhang, county-wide) is a possible rater too; 刘志强 is the one who rated
    expect(raters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: '刘志强',
          orgName: '博湖县市场监督管理局',
          roles: ['main'],
          sheets: [expect.objectContaining({ item: 'zjg.004.leadership', done: 1, missing: 2 })],
        }),
      ]),
    );
    expect(response.json.late.raters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: '刘志强', missing: 2 })]),
    );
    const roles = Object.fromEntries(
      response.json.ratings.byRole.map((entry: { rater: string; raters: number }) => [
        entry.rater,
        entry.raters,
      ]),
    );
    expect(roles).toEqual({ main: 1, deputy: 0 });
  });

  it('shows a responsible section its own groups but not the raters; refuses other roles', async () => {
    const assessor = await ctx.login('assessor');
    const response = await board(assessor);
    expect(response.status).toBe(200);
    expect(response.json.ratings).toBeNull();
    const own = response.json.groups
      .filter((group: { isOwn: boolean }) => group.isOwn)
      .map((group: { id: string }) => group.id);
    expect(own.sort()).toEqual(['zjg.004.d1-1', 'zjg.004.d1-2', 'zjg.004.d5']);
    for (const username of ['officer', 'leader', 'legal']) {
      expect((await board(await ctx.login(username))).status, username).toBe(403);
    }
  });

  it('answers 404 to another county', async () => {
    const foreign = await createForeignCounty(ctx.db, 'bd');
    for (const role of ['admin', 'supervisor', 'assessor'] as const) {
      expect((await board(await ctx.login(foreign.usernames[role]))).status, role).toBe(404);
    }
  });
});
