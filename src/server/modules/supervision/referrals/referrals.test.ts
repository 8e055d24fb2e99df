import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../../../common/format.ts';
import { demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';

let ctx: TestContext;
let sifasuo: string;
let supervisor: string;
let legal: string;
let teamId: number;
let otherTeamId: number;
const today = todayInShanghai(new Date());
const referral = (unitId: number, overrides: object = {}) => ({
  unitId,
  inspectedOn: today,
  place: '博湖镇综合行政执法队',
  facts: '日常监督检查调阅2026年行政处罚案卷10卷',
  findings: '3件案件未履行告知程序即作出处罚决定',
  suggestion: '建议县司法局制发行政执法监督通知书',
  contactPhone: '13912345678',
  ...overrides,
});

beforeAll(async () => {
  ctx = await createTestContext();
  sifasuo = await ctx.login('sifasuo');
  supervisor = await ctx.login('supervisor');
  legal = await ctx.login('legal');
  teamId = (await demoOrgByName(ctx.db, '博湖镇综合行政执法队')).id;
  otherTeamId = (await demoOrgByName(ctx.db, '本布图镇综合行政执法队')).id;
});
afterAll(() => ctx.close());

const post = (url: string, cookie: string, payload: object) =>
  ctx.request({ method: 'POST', url, cookie, payload });

describe('justice-office referrals (第十七条)', () => {
  it('refers only within its township, with field errors, and only a justice office refers', async () => {
    const outside = await post('/api/supervision/referrals', sifasuo, referral(otherTeamId));
    expect(outside.status).toBe(404);
    expect(outside.json.error.fields[0].field).toBe('unitId.0');
    const bad = await post(
      '/api/supervision/referrals',
      sifasuo,
      referral(teamId, { contactPhone: '123', findings: '' }),
    );
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields.map((problem: { field: string }) => problem.field).sort()).toEqual([
      'contactPhone',
      'findings',
    ]);
    expect((await post('/api/supervision/referrals', supervisor, referral(teamId))).status).toBe(403);
    expect(await ctx.db.selectFrom('supervision_referral').select('id').execute()).toEqual([]);
  });

  it('the county accepts one into a new matter and returns another with reasons', async () => {
    const first = await post('/api/supervision/referrals', sifasuo, referral(teamId));
    expect(first.status, JSON.stringify(first.json)).toBe(201);
    expect(first.json).toMatchObject({
      state: 'submitted',
      stateLabel: '待受理',
      abilities: { canAttach: true, canDecide: false },
    });
    const second = await post(
      '/api/supervision/referrals',
      sifasuo,
      referral(teamId, { findings: '执法人员未出示执法证件' }),
    );

    const inbox = await ctx.request({
      method: 'GET',
      url: '/api/supervision/referrals?state=submitted',
      cookie: supervisor,
    });
    expect(inbox.json.items.map((item: { id: number }) => item.id).sort()).toEqual(
      [first.json.id, second.json.id].sort(),
    );
    expect(inbox.json.items[0].abilities.canDecide).toBe(true);
    expect(
      (await ctx.request({ method: 'GET', url: '/api/supervision/referrals', cookie: legal })).status,
    ).toBe(403);

    const accepted = await post(`/api/supervision/referrals/${first.json.id}/accept`, supervisor, {
      kind: 'case',
      field: 'other',
      title: '博湖镇综合行政执法队未履行告知程序',
    });
    expect(accepted.status).toBe(400); // 个案监督 needs a case: nothing half written
    expect(
      (
        await ctx.db
          .selectFrom('supervision_referral')
          .select('state')
          .where('id', '=', first.json.id)
          .executeTakeFirstOrThrow()
      ).state,
    ).toBe('submitted');
    const ok = await post(`/api/supervision/referrals/${first.json.id}/accept`, supervisor, {
      kind: 'routine',
      field: 'other',
      title: '博湖镇综合行政执法队未履行告知程序',
    });
    expect(ok.status, JSON.stringify(ok.json)).toBe(200);
    expect(ok.json.state).toBe('accepted');
    const matter = await ctx.request({
      method: 'GET',
      url: `/api/supervision/matters/${ok.json.matterId}`,
      cookie: supervisor,
    });
    expect(matter.json).toMatchObject({
      source: 'referral',
      sourceLabel: '司法所提请',
      units: [{ id: teamId }],
    });
    expect(matter.json.description).toContain('3件案件未履行告知程序');
    const again = await post(`/api/supervision/referrals/${first.json.id}/return`, supervisor, {
      reason: '重复',
    });
    expect(again.status).toBe(409);

    const returned = await post(`/api/supervision/referrals/${second.json.id}/return`, supervisor, {
      reason: '证据不足，请补充现场照片后再提请',
    });
    expect(returned.json).toMatchObject({
      state: 'returned',
      returnReason: '证据不足，请补充现场照片后再提请',
      matterId: null,
    });
    const mine = await ctx.request({
      method: 'GET',
      url: `/api/supervision/referrals/${second.json.id}`,
      cookie: sifasuo,
    });
    expect(mine.json.stateLabel).toBe('已退回');
  });
});
