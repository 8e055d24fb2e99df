import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../../../common/format.ts';
import { demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { addOfficer } from '../../cases/cases-fixtures.ts';

let ctx: TestContext;
let officer: string;
let legal: string;
let teamId: number;
let sectionId: number;
let validId: number;
let sectionOfficerId: number;
let expiredId: number;
let retiredId: number;
let landOfficerId: number;
let zhangId: number;
const today = todayInShanghai(new Date());

beforeAll(async () => {
  ctx = await createTestContext();
  officer = await ctx.login('officer');
  legal = await ctx.login('legal');
  teamId = (await demoOrgByName(ctx.db, '市场监管综合行政执法大队')).id;
  sectionId = (await demoOrgByName(ctx.db, '食品安全监督管理股')).id;
  const officerUser = await ctx.db
    .selectFrom('user_account')
    .select('id')
    .where('username', '=', 'officer')
    .executeTakeFirstOrThrow();
  zhangId = await addOfficer(ctx.db, teamId, '张伟', { userId: officerUser.id, today });
  validId = await addOfficer(ctx.db, teamId, '候选有效', { today });
  sectionOfficerId = await addOfficer(ctx.db, sectionId, '候选股室', { today });
  expiredId = await addOfficer(ctx.db, teamId, '候选过期', { today, validUntil: '2024-12-31' });
  retiredId = await addOfficer(ctx.db, teamId, '候选退休', { today });
  await ctx.db.updateTable('officer').set({ status: 'retired' }).where('id', '=', retiredId).execute();
  landOfficerId = await addOfficer(
    ctx.db,
    (await demoOrgByName(ctx.db, '自然资源执法监察大队')).id,
    '候选国土',
    { today },
  );
});
afterAll(() => ctx.close());

const list = (cookie: string, query = '') =>
  ctx.request({ method: 'GET', url: `/api/officers/case-handlers${query}`, cookie });
const idsOf = (json: { items: Array<{ id: number }> }) => json.items.map((item) => item.id);

describe('case handler candidates', () => {
  it('an officer gets the colleagues of their agency who may handle a case today, themselves marked', async () => {
    const response = await list(officer);
    expect(response.status, JSON.stringify(response.json)).toBe(200);
    expect(response.json.unitName).toBe('博湖县市场监督管理局');
    const ids = idsOf(response.json);
    expect(ids).toEqual(expect.arrayContaining([zhangId, validId, sectionOfficerId]));
    expect(ids).not.toContain(expiredId);
    expect(ids).not.toContain(retiredId);
    expect(ids).not.toContain(landOfficerId);
    const self = response.json.items.find((item: { id: number }) => item.id === zhangId);
    expect(self).toMatchObject({ isSelf: true, orgName: '市场监管综合行政执法大队' });
    expect(self.certificateNumber).toEqual(expect.any(String));
  });

  it('judges the certificate on the filing date, not today', async () => {
    const before = await list(officer, '?onDate=2024-06-30');
    expect(idsOf(before.json)).toContain(expiredId);
    const beforeIssue = await list(officer, '?onDate=2014-12-31');
    expect(idsOf(beforeIssue.json)).not.toContain(validId);
  });

  it('narrows by name', async () => {
    const response = await list(legal, `?keyword=${encodeURIComponent('候选股')}`);
    expect(idsOf(response.json)).toEqual([sectionOfficerId]);
  });

  it('is only for the reader’s own unit, and only for roles that write cases', async () => {
    const landTeam = await demoOrgByName(ctx.db, '自然资源执法监察大队');
    expect((await list(legal, `?orgId=${landTeam.id}`)).status).toBe(404);
    expect((await list(legal, `?orgId=${sectionId}`)).status).toBe(200);
    expect((await list(await ctx.login('leader'))).status).toBe(403);
    expect((await list(await ctx.login('supervisor'))).status).toBe(403);
    expect((await list(officer, '?onDate=2025-02-30')).status).toBe(400);
  });
});
