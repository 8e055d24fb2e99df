import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../../../common/format.ts';
import type { Org } from '../../../db/schema.ts';
import { demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { insertOrg } from '../../org/org.repository.ts';
import { addOfficer, caseBody } from '../cases-fixtures.ts';
import { CASE_COUNT_CAP } from './case-list.repository.ts';

/**
 * The case list at scale and by scope: the total stops at CASE_COUNT_CAP and says so; the page is
 * the same newest-first slice whichever plan fetched it; officers see the cases they handle, in
 * whatever section, and a reader with a scope also sees the cases they handle outside it.
 */
let ctx: TestContext;
let supervisor: string;
let legal: string;
let officer: string;
let bulkTeamId: number;
let marketId: number;
let township: Org;
const today = todayInShanghai(new Date());
/** enough that an unfiltered list and the overdue state both pass the cap */
const BULK = 2 * CASE_COUNT_CAP + 100;

beforeAll(async () => {
  ctx = await createTestContext();
  supervisor = await ctx.login('supervisor');
  legal = await ctx.login('legal');
  officer = await ctx.login('officer');
  marketId = (await demoOrgByName(ctx.db, '博湖县市场监督管理局')).id;
  // a new team of a township holds the bulk, beside the township's own team and its demo cases
  township = await demoOrgByName(ctx.db, '本布图镇人民政府');
  bulkTeamId = (
    await insertOrg(
      ctx.db,
      {
        parent_id: township.id,
        kind: 'section',
        name: '批量执法队',
        short_name: null,
        uscc: null,
        doc_prefix: null,
      },
      township.path,
    )
  ).id;
  // every fifth a licensing case, every third handed in; filing dates repeat so ties break by id
  await sql`
    insert into enforcement_case (org_id, kind, case_no, name, source, filed_on, closed_on, record_submitted_on)
    select ${bulkTeamId}, case when n % 5 = 0 then 'licensing' else 'penalty' end, 'BULK' || n, '批量案' || n,
           '日常检查', ${today}::date - (n % 400), ${today}::date - (n % 400),
           case when n % 3 = 0 then ${today}::date - (n % 400) end
    from generate_series(1, ${BULK}) as n
  `.execute(ctx.db);
});
afterAll(() => ctx.close());

type CaseQuery = ReturnType<typeof casesOf>;
const casesOf = (orgIds: number[]) => ctx.db.selectFrom('enforcement_case').where('org_id', 'in', orgIds);

/** The ids a page must hold, straight from SQL: newest filing first, then the larger id. */
async function expectedIds(where: (query: CaseQuery) => CaseQuery, orgIds = [bulkTeamId]) {
  const rows = await where(casesOf(orgIds))
    .select('id')
    .orderBy('filed_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => row.id);
}

describe('the case list total', () => {
  it('stops counting at the cap and says the total is capped; the page merges the township’s teams', async () => {
    const response = await ctx.request({
      method: 'GET',
      url: `/api/cases?orgId=${township.id}&page=3&pageSize=20`,
      cookie: supervisor,
    });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ total: CASE_COUNT_CAP, isTotalCapped: true });
    const townshipOrgs = await ctx.db
      .selectFrom('org')
      .select('id')
      .where('path', 'like', `${township.path}%`)
      .execute();
    const all = await expectedIds(
      (query) => query,
      townshipOrgs.map((org) => org.id),
    );
    expect(response.json.items.map((item: { id: number }) => item.id)).toEqual(all.slice(40, 60));
  });

  it('gives the exact total below the cap, with the same page order', async () => {
    const response = await ctx.request({
      method: 'GET',
      url: `/api/cases?orgId=${bulkTeamId}&kind=licensing&page=2&pageSize=50`,
      cookie: supervisor,
    });
    const licensing = await expectedIds((query) => query.where('kind', '=', 'licensing'));
    expect(response.json).toMatchObject({ total: licensing.length, isTotalCapped: false });
    expect(licensing.length).toBe(Math.floor(BULK / 5));
    expect(response.json.items.map((item: { id: number }) => item.id)).toEqual(licensing.slice(50, 100));
  });

  it('pages a capped state filter in filing order (one branch per org, merged)', async () => {
    const response = await ctx.request({
      method: 'GET',
      url: `/api/cases?orgId=${bulkTeamId}&state=overdue&page=2&pageSize=20`,
      cookie: supervisor,
    });
    const overdue = await expectedIds((query) =>
      query
        .where('record_submitted_on', 'is', null)
        .where('closed_on', '<', sql<string>`${today}::date - 30`),
    );
    expect(overdue.length).toBeGreaterThan(CASE_COUNT_CAP);
    expect(response.json).toMatchObject({ total: CASE_COUNT_CAP, isTotalCapped: true });
    expect(response.json.items.map((item: { id: number }) => item.id)).toEqual(overdue.slice(20, 40));
    expect(response.json.items.every((item: { recordState: string }) => item.recordState === 'overdue')).toBe(
      true,
    );
  });

  it('a page past the end is empty, the total still right', async () => {
    const response = await ctx.request({
      method: 'GET',
      url: `/api/cases?orgId=${bulkTeamId}&kind=licensing&page=150&pageSize=50`,
      cookie: supervisor,
    });
    expect(response.json).toMatchObject({ items: [], total: Math.floor(BULK / 5), isTotalCapped: false });
  });
});

describe('who sees which cases in the list', () => {
  let sectionCaseId: number;
  let otherCaseId: number;
  let landCaseId: number;
  let zhangId: number;

  beforeAll(async () => {
    const teamId = (await demoOrgByName(ctx.db, '市场监管综合行政执法大队')).id;
    const sectionId = (await demoOrgByName(ctx.db, '食品安全监督管理股')).id;
    const officerUser = await ctx.db
      .selectFrom('user_account')
      .select('id')
      .where('username', '=', 'officer')
      .executeTakeFirstOrThrow();
    zhangId = await addOfficer(ctx.db, teamId, '张伟', { userId: officerUser.id, today });
    const colleagueId = await addOfficer(ctx.db, teamId, '列表同事', { today });
    const thirdId = await addOfficer(ctx.db, teamId, '列表第三', { today });
    const create = async (orgId: number, handlerIds: number[], name: string) => {
      const response = await ctx.request({
        method: 'POST',
        url: '/api/cases',
        cookie: legal,
        payload: caseBody(orgId, handlerIds, { name }),
      });
      expect(response.status, JSON.stringify(response.json)).toBe(201);
      return response.json.id as number;
    };
    // 张伟 of the team handles a case registered on the agency's food-safety section
    sectionCaseId = await create(sectionId, [zhangId, colleagueId], '列表股室承办案');
    otherCaseId = await create(teamId, [colleagueId, thirdId], '列表他人承办案');
    // the legal officer's account, linked to a profile in another agency, handles a case there
    const landTeamId = (await demoOrgByName(ctx.db, '自然资源执法监察大队')).id;
    const legalUser = await ctx.db
      .selectFrom('user_account')
      .select('id')
      .where('username', '=', 'legal')
      .executeTakeFirstOrThrow();
    const legalProfileId = await addOfficer(ctx.db, landTeamId, '王丽娟', { userId: legalUser.id, today });
    const landColleagueId = await addOfficer(ctx.db, landTeamId, '国土同事', { today });
    landCaseId = (
      await ctx.db
        .insertInto('enforcement_case')
        .values({
          org_id: landTeamId,
          kind: 'inspection',
          case_no: '列表自然资源检〔2025〕1号',
          name: '列表兼办案',
          source: '日常检查',
          filed_on: '2025-03-01',
          party_names: '某公司',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await ctx.db
      .insertInto('case_handler')
      .values([
        { case_id: landCaseId, officer_id: legalProfileId, certificate_number: 'LIST-1', sort_order: 0 },
        { case_id: landCaseId, officer_id: landColleagueId, certificate_number: 'LIST-2', sort_order: 1 },
      ])
      .execute();
  });

  const idsOf = (json: { items: Array<{ id: number }> }) => json.items.map((item) => item.id);

  it('an officer sees the case they handle in another section, and not a colleague’s', async () => {
    const response = await ctx.request({ method: 'GET', url: '/api/cases?pageSize=200', cookie: officer });
    expect(idsOf(response.json)).toContain(sectionCaseId);
    expect(idsOf(response.json)).not.toContain(otherCaseId);
    const handled = await ctx.db
      .selectFrom('case_handler')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('officer_id', '=', zhangId)
      .executeTakeFirstOrThrow();
    expect(response.json).toMatchObject({ total: Number(handled.count), isTotalCapped: false });
    const searched = await ctx.request({
      method: 'GET',
      url: `/api/cases?keyword=${encodeURIComponent('列表')}`,
      cookie: officer,
    });
    expect(idsOf(searched.json)).toEqual([sectionCaseId]);
  });

  it('an officer’s list by filing date follows a changed filing date (copied onto the handler rows)', async () => {
    const onDay = (day: string) =>
      ctx.request({ method: 'GET', url: `/api/cases?filedFrom=${day}&filedTo=${day}`, cookie: officer });
    const moved = await ctx.request({
      method: 'PATCH',
      url: `/api/cases/${sectionCaseId}`,
      cookie: legal,
      payload: { filedOn: '2025-02-14' },
    });
    expect(moved.status, JSON.stringify(moved.json)).toBe(200);
    expect(idsOf((await onDay('2025-02-14')).json)).toContain(sectionCaseId);
    expect(idsOf((await onDay('2025-03-01')).json)).not.toContain(sectionCaseId);
    const handlerDates = await ctx.db
      .selectFrom('case_handler')
      .select('filed_on')
      .where('case_id', '=', sectionCaseId)
      .execute();
    expect(handlerDates).toEqual([{ filed_on: '2025-02-14' }, { filed_on: '2025-02-14' }]);
  });

  it('a legal officer sees the agency’s cases and the one they handle in another agency', async () => {
    const response = await ctx.request({
      method: 'GET',
      url: `/api/cases?keyword=${encodeURIComponent('列表')}`,
      cookie: legal,
    });
    expect(idsOf(response.json).sort()).toEqual([sectionCaseId, otherCaseId, landCaseId].sort());
    expect(response.json.total).toBe(3);
    const ownAgency = await ctx.request({
      method: 'GET',
      url: `/api/cases?keyword=${encodeURIComponent('列表')}&orgId=${marketId}`,
      cookie: legal,
    });
    expect(idsOf(ownAgency.json).sort()).toEqual([sectionCaseId, otherCaseId].sort());
  });

  it('the supervisor’s county list holds all three', async () => {
    const response = await ctx.request({
      method: 'GET',
      url: `/api/cases?keyword=${encodeURIComponent('列表')}`,
      cookie: supervisor,
    });
    expect(response.json.total).toBe(3);
  });
});
