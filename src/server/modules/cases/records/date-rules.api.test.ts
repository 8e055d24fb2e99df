import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../../../common/calendar.ts';
import { todayInShanghai } from '../../../../common/format.ts';
import { demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { addOfficer, caseBody } from '../cases-fixtures.ts';

/** The shared DATE_RULES at the API: a refused date comes back at its field, in Chinese. */
let ctx: TestContext;
let legal: string;
let officer: string;
let teamId: number;
let zhangId: number;
let liId: number;
const today = todayInShanghai(new Date());
const tomorrow = addCalendarDays(today, 1);

beforeAll(async () => {
  ctx = await createTestContext();
  legal = await ctx.login('legal');
  officer = await ctx.login('officer');
  teamId = (await demoOrgByName(ctx.db, '市场监管综合行政执法大队')).id;
  zhangId = await addOfficer(ctx.db, teamId, '张日', { today });
  liId = await addOfficer(ctx.db, teamId, '李日', { today });
});
afterAll(() => ctx.close());

const fieldsOf = (json: { error: { fields?: Array<{ field: string; message: string }> } }) =>
  Object.fromEntries((json.error.fields ?? []).map((item) => [item.field, item.message]));

describe('date rules decided once (src/common/date-rules.ts)', () => {
  it('a complaint dated 2030-01-01 is refused at receivedOn', async () => {
    const response = await ctx.request({
      method: 'POST',
      url: '/api/complaints',
      cookie: legal,
      payload: {
        kind: 'complaint',
        officerId: zhangId,
        source: '来信',
        receivedOn: '2030-01-01',
        summary: '无',
      },
    });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.json).receivedOn).toBe('收到日期不能晚于今天');
  });

  it('a complaint handled before it was received is refused at handledOn', async () => {
    const created = await ctx.request({
      method: 'POST',
      url: '/api/complaints',
      cookie: legal,
      payload: { kind: 'complaint', officerId: zhangId, source: '来信', receivedOn: today, summary: '无' },
    });
    expect(created.status).toBe(201);
    const response = await ctx.request({
      method: 'PATCH',
      url: `/api/complaints/${created.json.id}`,
      cookie: legal,
      payload: { handledOn: addCalendarDays(today, -3) },
    });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.json).handledOn).toBe('处理日期不能早于收到日期');
  });

  it('a work log for tomorrow is refused at periodStart', async () => {
    const response = await ctx.request({
      method: 'POST',
      url: '/api/work-logs',
      cookie: officer,
      payload: { kind: 'daily', periodStart: tomorrow, periodEnd: tomorrow, content: '明天的记实' },
    });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.json).periodStart).toBe('开始日期不能晚于今天');
  });

  it('a case filed tomorrow, or closed before its filing, is refused at the field', async () => {
    const future = await ctx.request({
      method: 'POST',
      url: '/api/cases',
      cookie: legal,
      payload: caseBody(teamId, [zhangId, liId], { filedOn: tomorrow }),
    });
    expect(future.status).toBe(400);
    expect(fieldsOf(future.json).filedOn).toBe('立案时间不能晚于今天');
    const early = await ctx.request({
      method: 'POST',
      url: '/api/cases',
      cookie: legal,
      payload: caseBody(teamId, [zhangId, liId], { filedOn: '2025-03-01', closedOn: '2025-02-28' }),
    });
    expect(early.status).toBe(400);
    expect(fieldsOf(early.json).closedOn).toBe('结案时间不能早于立案时间');
    // an edit that moves the closing before the stored filing: the service compares
    const created = await ctx.request({
      method: 'POST',
      url: '/api/cases',
      cookie: legal,
      payload: caseBody(teamId, [zhangId, liId], { filedOn: '2025-03-01' }),
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const edit = await ctx.request({
      method: 'PATCH',
      url: `/api/cases/${created.json.id}`,
      cookie: legal,
      payload: { closedOn: '2025-01-01' },
    });
    expect(edit.status).toBe(400);
    expect(fieldsOf(edit.json).closedOn).toBe('结案时间不能早于立案时间');
  });

  it('a case with one 执法人 where two are required is refused at handlerIds', async () => {
    const response = await ctx.request({
      method: 'POST',
      url: '/api/cases',
      cookie: legal,
      payload: caseBody(teamId, [zhangId]),
    });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.json).handlerIds).toBe('执法人不得少于 2 名');
  });
});
