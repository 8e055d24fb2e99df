import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../../common/format.ts';
import { demoOrgByName } from '../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { addOfficer, caseBody } from '../cases/cases-fixtures.ts';

/** The case-file list: one request per page with each case's file state and stored check. */
let ctx: TestContext;
let legal: string;
let officer: string;
let noFileId: number;
let incompleteId: number;
let completeId: number;
let strangerCaseId: number;
const today = todayInShanghai(new Date());
const TOKEN = '卷列表';
const COMPLETE_DOCUMENTS = ['P01', 'P02', 'P03', 'P13', 'P23'];

beforeAll(async () => {
  ctx = await createTestContext();
  legal = await ctx.login('legal');
  officer = await ctx.login('officer');
  const teamId = (await demoOrgByName(ctx.db, '市场监管综合行政执法大队')).id;
  const officerUser = await ctx.db
    .selectFrom('user_account')
    .select('id')
    .where('username', '=', 'officer')
    .executeTakeFirstOrThrow();
  const zhang = await addOfficer(ctx.db, teamId, '张伟', { userId: officerUser.id, today });
  const li = await addOfficer(ctx.db, teamId, '李娜', { today });
  const wang = await addOfficer(ctx.db, teamId, '王五', { today });
  const create = async (name: string, handlers = [zhang, li]) => {
    const response = await ctx.request({
      method: 'POST',
      url: '/api/cases',
      cookie: legal,
      payload: caseBody(teamId, handlers, { name: `${TOKEN}${name}`, closedOn: '2025-04-10' }),
    });
    expect(response.status, JSON.stringify(response.json)).toBe(201);
    return response.json.id as number;
  };
  noFileId = await create('未立卷案');
  incompleteId = await create('缺文书案');
  completeId = await create('齐全案');
  strangerCaseId = await create('他人案', [li, wang]);
  const cover = { archiveNo: 'WS·2025-D30-0009', fileNo: '2025-罚-009', retentionPeriod: '长期', traits: [] };
  for (const caseId of [incompleteId, completeId, strangerCaseId]) {
    const file = await ctx.request({
      method: 'PUT',
      url: `/api/cases/${caseId}/file`,
      cookie: legal,
      payload: cover,
    });
    expect(file.status, JSON.stringify(file.json)).toBe(200);
  }
  for (const [index, kindCode] of COMPLETE_DOCUMENTS.entries()) {
    const added = await ctx.request({
      method: 'POST',
      url: `/api/cases/${completeId}/file/documents`,
      cookie: legal,
      payload: { volume: 'main', sequence: index + 1, kindCode, pageFrom: index + 1, pageTo: index + 1 },
    });
    expect(added.status, JSON.stringify(added.json)).toBe(201);
  }
});
afterAll(() => ctx.close());

const list = (cookie: string, query: string) =>
  ctx.request({
    method: 'GET',
    url: `/api/case-files?keyword=${encodeURIComponent(TOKEN)}&pageSize=50${query}`,
    cookie,
  });
const idsOf = (json: { items: Array<{ id: number }> }) => json.items.map((item) => item.id).sort();

describe('the case-file list', () => {
  it('lists cases with their file state and check in one request', async () => {
    const response = await list(legal, '');
    expect(response.status, JSON.stringify(response.json)).toBe(200);
    expect(response.json).toMatchObject({ total: 4, isTotalCapped: false });
    const byId = new Map(response.json.items.map((item: { id: number }) => [item.id, item]));
    expect(byId.get(noFileId)).toMatchObject({ file: null });
    expect(byId.get(completeId)).toMatchObject({
      file: { status: 'open', statusLabel: '立卷中', checkPasses: true, findingCount: 0 },
    });
    const incomplete = await ctx.request({
      method: 'GET',
      url: `/api/cases/${incompleteId}/file`,
      cookie: legal,
    });
    expect(byId.get(incompleteId)).toMatchObject({
      file: { checkPasses: false, findingCount: incomplete.json.check.findings.length },
    });
  });

  it.each([
    ['&fileStatus=none', () => [noFileId]],
    ['&fileStatus=open', () => [incompleteId, completeId, strangerCaseId]],
    ['&checkPasses=true', () => [completeId]],
    ['&checkPasses=false', () => [incompleteId, strangerCaseId]],
  ])('filters %s', async (query, expected) => {
    const response = await list(legal, query);
    expect(idsOf(response.json)).toEqual(expected().sort());
  });

  it('an officer lists only the cases they handle', async () => {
    const response = await list(officer, '');
    expect(idsOf(response.json)).toEqual([noFileId, incompleteId, completeId].sort());
  });

  it('a change to the case checks the file again: reopening it drops the closing date from the cover', async () => {
    const reopened = await ctx.request({
      method: 'PATCH',
      url: `/api/cases/${completeId}`,
      cookie: legal,
      payload: { closedOn: null },
    });
    expect(reopened.status, JSON.stringify(reopened.json)).toBe(200);
    const failing = await list(legal, '&checkPasses=false');
    expect(idsOf(failing.json)).toContain(completeId);
    await ctx.request({
      method: 'PATCH',
      url: `/api/cases/${completeId}`,
      cookie: legal,
      payload: { closedOn: '2025-04-10' },
    });
    const archived = await ctx.request({
      method: 'POST',
      url: `/api/cases/${completeId}/file/archive`,
      cookie: legal,
      payload: {},
    });
    expect(archived.status, JSON.stringify(archived.json)).toBe(200);
    const response = await list(legal, '&fileStatus=archived&checkPasses=true');
    expect(response.json.items).toEqual([
      expect.objectContaining({
        id: completeId,
        file: expect.objectContaining({ statusLabel: '已归档', archivedOn: today }),
      }),
    ]);
  });

  it('refuses a bad filter with the field named', async () => {
    const response = await list(legal, '&fileStatus=lost');
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.json.error)).toContain('案卷状态应为未立卷、立卷中或已归档');
  });
});
