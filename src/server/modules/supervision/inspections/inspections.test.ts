import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../../../common/calendar.ts';
import { todayInShanghai } from '../../../../common/format.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import {
  type DemoSupervisionWorld,
  demoSupervisionWorld,
  matterBody,
  openMatter,
} from '../supervision.fixtures.ts';

let ctx: TestContext;
let world: DemoSupervisionWorld;
let supervisor: string;
let legal: string;
let matterId: number;
const today = todayInShanghai(new Date());
const PDF = Buffer.from('%PDF-1.4\n% supervision evidence\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

beforeAll(async () => {
  ctx = await createTestContext();
  world = await demoSupervisionWorld(ctx.db);
  supervisor = await ctx.login('supervisor');
  legal = await ctx.login('legal');
  matterId = await openMatter(
    ctx,
    supervisor,
    matterBody([world.marketId, world.landId], { openedOn: '2026-01-05' }),
  );
});
afterAll(() => ctx.close());

const plan = (payload: object) =>
  ctx.request({
    method: 'POST',
    url: `/api/supervision/matters/${matterId}/inspections`,
    cookie: supervisor,
    payload,
  });

describe('inspections (第十三、十四条)', () => {
  it('refuses an on-site inspection with fewer than two supervisors, at the supervisor field', async () => {
    const one = await plan({
      plannedOn: '2026-02-01',
      place: '县市场监管局',
      isOnSite: true,
      supervisorIds: [world.supervisorIds[0]],
    });
    expect(one.status).toBe(400);
    expect(one.json.error.fields).toEqual([
      { field: 'supervisorIds', message: '现场监督检查的监督人员不得少于 2 人（协调监督工作办法第十四条）' },
    ]);
    const twiceTheSame = await plan({
      plannedOn: '2026-02-01',
      place: '县市场监管局',
      isOnSite: true,
      supervisorIds: [world.supervisorIds[0], world.supervisorIds[0]],
    });
    expect(twiceTheSame.status).toBe(400);
    const legalAccount = await ctx.db
      .selectFrom('user_account')
      .select('id')
      .where('username', '=', 'legal')
      .executeTakeFirstOrThrow();
    const notASupervisor = await plan({
      plannedOn: '2026-02-01',
      place: '县市场监管局',
      isOnSite: true,
      supervisorIds: [world.supervisorIds[0], legalAccount.id],
    });
    expect(notASupervisor.json.error.fields[0].field).toBe('supervisorIds.1');
    expect(await ctx.db.selectFrom('supervision_inspection').select('id').execute()).toEqual([]);
    const desk = await plan({
      plannedOn: '2026-02-01',
      place: '调阅案卷',
      isOnSite: false,
      supervisorIds: [world.supervisorIds[0]],
    });
    expect(desk.status, JSON.stringify(desk.json)).toBe(201);
  });

  it('plans with two, records the findings, gathers evidence linked to a case file, with files checked as uploads are', async () => {
    const planned = await plan({
      plannedOn: '2026-02-03',
      place: '县市场监管局综合行政执法大队',
      isOnSite: true,
      supervisorIds: world.supervisorIds,
    });
    expect(planned.status, JSON.stringify(planned.json)).toBe(201);
    expect(planned.json.supervisors).toHaveLength(2);
    const dropped = await ctx.request({
      method: 'POST',
      url: `/api/supervision/inspections/${planned.json.id}/record`,
      cookie: supervisor,
      payload: {
        inspectedOn: '2026-02-03',
        findings: '未按规定公示',
        supervisorIds: [world.supervisorIds[0]],
      },
    });
    expect(dropped.json.error.fields[0].field).toBe('supervisorIds');
    const recorded = await ctx.request({
      method: 'POST',
      url: `/api/supervision/inspections/${planned.json.id}/record`,
      cookie: supervisor,
      payload: { inspectedOn: '2026-02-03', findings: '行政处罚决定未按规定公示' },
    });
    expect(recorded.status, JSON.stringify(recorded.json)).toBe(200);
    expect(recorded.json).toMatchObject({
      state: 'done',
      stateLabel: '已检查',
      findings: '行政处罚决定未按规定公示',
    });

    const evidence = await ctx.request({
      method: 'POST',
      url: `/api/supervision/inspections/${planned.json.id}/evidence`,
      cookie: supervisor,
      payload: {
        means: 'file_review',
        description: '调阅行政处罚案卷',
        collectedOn: '2026-02-03',
        caseFileId: world.caseFileId,
      },
    });
    expect(evidence.status, JSON.stringify(evidence.json)).toBe(201);
    expect(evidence.json).toMatchObject({
      meansLabel: '查阅调取案卷',
      case: { id: world.caseId },
      caseFileId: world.caseFileId,
    });

    const upload = (bytes: Buffer, name: string, cookie = supervisor) =>
      ctx.request({
        method: 'POST',
        url: `/api/supervision/evidence/${evidence.json.id}/attachments`,
        cookie,
        headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) },
        payload: bytes,
      });
    const liar = await upload(PNG, '笔录.pdf');
    expect(liar.status).toBe(400);
    expect(liar.json.error.fields[0].field).toBe('file');
    const file = await upload(PDF, '调阅记录.pdf');
    expect(file.status, JSON.stringify(file.json)).toBe(201);
    expect((await upload(PDF, '越权.pdf', legal)).status).toBe(403);

    const download = await ctx.app.inject({
      method: 'GET',
      url: `/api/supervision/attachments/${file.json.id}`,
      headers: { cookie: legal },
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);

    const timeline = await ctx.request({
      method: 'GET',
      url: `/api/supervision/matters/${matterId}/inspections`,
      cookie: supervisor,
    });
    expect(timeline.json.map((item: { place: string }) => item.place)).toEqual([
      '调阅案卷',
      '县市场监管局综合行政执法大队',
    ]);
    expect(
      timeline.json[1].evidence[0].attachments.map((item: { fileName: string }) => item.fileName),
    ).toEqual(['调阅记录.pdf']);
    const again = await ctx.request({
      method: 'POST',
      url: `/api/supervision/inspections/${planned.json.id}/record`,
      cookie: supervisor,
      payload: { inspectedOn: '2026-02-04', findings: '再记' },
    });
    expect(again.status).toBe(409);
  });
});

describe('report requests (第十三条(一))', () => {
  it('asks a unit of the matter to report; its legal officer replies once; another unit’s request stays hidden from it', async () => {
    const foreignUnit = await ctx.request({
      method: 'POST',
      url: `/api/supervision/matters/${matterId}/report-requests`,
      cookie: supervisor,
      payload: { unitId: world.marketTeamId, subject: '报告', requestedOn: today, dueOn: today },
    });
    expect(foreignUnit.json.error.fields[0].field).toBe('unitId');
    const ask = (unitId: number, dueOn: string) =>
      ctx.request({
        method: 'POST',
        url: `/api/supervision/matters/${matterId}/report-requests`,
        cookie: supervisor,
        payload: {
          unitId,
          subject: '报告2026年行政处罚案件公示情况',
          requestedOn: addCalendarDays(today, -20),
          dueOn,
        },
      });
    const market = await ask(world.marketId, addCalendarDays(today, -1));
    expect(market.status, JSON.stringify(market.json)).toBe(201);
    expect(market.json.due).toMatchObject({ state: 'overdue', stateLabel: '逾期' });
    const land = await ask(world.landId, addCalendarDays(today, 10));
    expect(land.json.due.stateLabel).toBe('正常');

    const overdueMatters = await ctx.request({
      method: 'GET',
      url: '/api/supervision/matters?overdue=true',
      cookie: supervisor,
    });
    expect(overdueMatters.json.items.map((item: { id: number }) => item.id)).toContain(matterId);

    const inbox = await ctx.request({
      method: 'GET',
      url: '/api/supervision/report-requests?state=waiting',
      cookie: legal,
    });
    expect(inbox.json.items.map((item: { id: number }) => item.id)).toEqual([market.json.id]);
    expect(inbox.json.items[0].abilities.canReply).toBe(true);
    const bySupervisor = await ctx.request({
      method: 'POST',
      url: `/api/supervision/report-requests/${market.json.id}/reply`,
      cookie: supervisor,
      payload: { reply: '冒名' },
    });
    expect(bySupervisor.status).toBe(403);
    const notMine = await ctx.request({
      method: 'POST',
      url: `/api/supervision/report-requests/${land.json.id}/reply`,
      cookie: legal,
      payload: { reply: '越权' },
    });
    expect(notMine.status).toBe(404);
    const replied = await ctx.request({
      method: 'POST',
      url: `/api/supervision/report-requests/${market.json.id}/reply`,
      cookie: legal,
      payload: { reply: '已全部在门户网站公示' },
    });
    expect(replied.status, JSON.stringify(replied.json)).toBe(200);
    expect(replied.json).toMatchObject({ state: 'replied', repliedOn: today, due: null });
    const twice = await ctx.request({
      method: 'POST',
      url: `/api/supervision/report-requests/${market.json.id}/reply`,
      cookie: legal,
      payload: { reply: '再报' },
    });
    expect(twice.status).toBe(409);
  });
});
