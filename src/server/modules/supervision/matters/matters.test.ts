import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../../../common/calendar.ts';
import { todayInShanghai } from '../../../../common/format.ts';
import { readSheet } from '../../../lib/xlsx.ts';
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
const today = todayInShanghai(new Date());

beforeAll(async () => {
  ctx = await createTestContext();
  world = await demoSupervisionWorld(ctx.db);
  supervisor = await ctx.login('supervisor');
  legal = await ctx.login('legal');
});
afterAll(() => ctx.close());

const list = (cookie: string, query = '') =>
  ctx.request({ method: 'GET', url: `/api/supervision/matters?pageSize=200${query}`, cookie });

describe('supervision matters (第十一、十二条)', () => {
  it('refuses a matter without what its kind and source need, each at its field, and writes nothing', async () => {
    const before = await ctx.db.selectFrom('supervision_matter').select('id').execute();
    const noUnits = await ctx.request({
      method: 'POST',
      url: '/api/supervision/matters',
      cookie: supervisor,
      payload: matterBody([], { source: 'complaint', dueOn: '2026-02-01' }),
    });
    expect(noUnits.status).toBe(400);
    expect(noUnits.json.error.fields.map((problem: { field: string }) => problem.field).sort()).toEqual([
      'complaintId',
      'dueOn',
      'unitIds',
    ]);
    const noCase = await ctx.request({
      method: 'POST',
      url: '/api/supervision/matters',
      cookie: supervisor,
      payload: matterBody([], { kind: 'case' }),
    });
    expect(noCase.json.error.fields).toEqual([{ field: 'caseId', message: '个案监督须选择一件案件' }]);
    const notAUnit = await ctx.request({
      method: 'POST',
      url: '/api/supervision/matters',
      cookie: supervisor,
      payload: matterBody([1]),
    });
    expect(notAUnit.status).toBe(400); // org 1 is the county government: not a supervisable unit
    expect(notAUnit.json.error.fields[0].field).toBe('unitIds.0');
    expect(await ctx.db.selectFrom('supervision_matter').select('id').execute()).toEqual(before);
  });

  it('opens a 个案监督 on a case (its unit supervised) and a complaint-sourced matter linked to the complaint', async () => {
    const caseMatterId = await openMatter(
      ctx,
      supervisor,
      matterBody([], { kind: 'case', caseId: world.caseId, title: '个案监督：某食品经营案' }),
    );
    const caseMatter = await ctx.request({
      method: 'GET',
      url: `/api/supervision/matters/${caseMatterId}`,
      cookie: supervisor,
    });
    expect(caseMatter.json.units.map((unit: { id: number }) => unit.id)).toEqual([world.marketId]);
    expect(caseMatter.json.case.id).toBe(world.caseId);
    expect(caseMatter.json.kindLabel).toBe('个案监督');

    const complaintMatterId = await openMatter(
      ctx,
      supervisor,
      matterBody([world.landId], {
        source: 'complaint',
        complaintId: world.complaintId,
        field: 'urban_rural',
        title: '投诉举报：违法占地查处不力',
      }),
    );
    const complaintMatter = await ctx.request({
      method: 'GET',
      url: `/api/supervision/matters/${complaintMatterId}`,
      cookie: supervisor,
    });
    expect(complaintMatter.json.complaint.id).toBe(world.complaintId);
    expect(complaintMatter.json.sourceLabel).toBe('投诉举报');
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'supervision_matter')
      .where('entity_id', '=', String(complaintMatterId))
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['supervision.matter_create']);
  });

  it('filters by kind, field, source, unit, state and overdue; a unit’s legal officer sees only its matters', async () => {
    const overdueId = await openMatter(
      ctx,
      supervisor,
      matterBody([world.marketId], {
        title: '逾期事项',
        openedOn: '2026-01-05',
        dueOn: addCalendarDays(today, -1),
      }),
    );
    const landOnlyId = await openMatter(
      ctx,
      supervisor,
      matterBody([world.landId], { field: 'ecology', title: '生态事项' }),
    );
    const ids = (json: { items: Array<{ id: number }> }) => json.items.map((item) => item.id);

    expect(ids((await list(supervisor, '&overdue=true')).json)).toContain(overdueId);
    expect(ids((await list(supervisor, '&overdue=true')).json)).not.toContain(landOnlyId);
    expect(ids((await list(supervisor, '&overdue=false')).json)).toContain(landOnlyId);
    expect(ids((await list(supervisor, '&field=ecology')).json)).toEqual([landOnlyId]);
    expect(ids((await list(supervisor, `&unitId=${world.landId}&source=complaint`)).json)).not.toContain(
      landOnlyId,
    );
    expect(ids((await list(supervisor, `&unitId=${world.landId}&source=daily`)).json)).toContain(landOnlyId);
    expect(
      (await list(supervisor, '&kind=case')).json.items.every(
        (item: { kind: string }) => item.kind === 'case',
      ),
    ).toBe(true);
    const overdue = (await list(supervisor, '&overdue=true')).json.items.find(
      (item: { id: number }) => item.id === overdueId,
    );
    expect(overdue.due.stateLabel).toBe('逾期');
    expect(overdue.abilities.canManage).toBe(true);

    const legalIds = ids((await list(legal)).json);
    expect(legalIds).toContain(overdueId);
    expect(legalIds).not.toContain(landOnlyId);
    const legalView = await ctx.request({
      method: 'GET',
      url: `/api/supervision/matters/${landOnlyId}`,
      cookie: legal,
    });
    expect(legalView.status).toBe(404);
    const legalWrite = await ctx.request({
      method: 'POST',
      url: '/api/supervision/matters',
      cookie: legal,
      payload: matterBody([world.marketId]),
    });
    expect(legalWrite.status).toBe(403);

    const closed = await ctx.request({
      method: 'POST',
      url: `/api/supervision/matters/${overdueId}/close`,
      cookie: supervisor,
      payload: { closedOn: today, summary: '已督促整改完毕' },
    });
    expect(closed.status, JSON.stringify(closed.json)).toBe(200);
    expect(closed.json.isOverdue).toBe(false);
    expect(ids((await list(supervisor, '&state=closed')).json)).toEqual([overdueId]);
    const edit = await ctx.request({
      method: 'PATCH',
      url: `/api/supervision/matters/${overdueId}`,
      cookie: supervisor,
      payload: { title: '改名' },
    });
    expect(edit.status).toBe(409);
  });

  it('exports the filtered list as XLSX', async () => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: '/api/supervision/matters/export.xlsx?field=ecology',
      headers: { cookie: supervisor },
    });
    expect(response.statusCode).toBe(200);
    const rows = await readSheet(response.rawPayload);
    expect(rows.map((row) => row.values.事项名称)).toEqual(['生态事项']);
    expect(rows[0]!.values.监督领域).toBe('生态环境保护');
  });

  it('keeps the yearly focus list as data the bureau edits', async () => {
    const created = await ctx.request({
      method: 'POST',
      url: '/api/supervision/focus',
      cookie: supervisor,
      payload: { year: 2026, field: 'work_safety', title: '危化品安全生产执法' },
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const duplicate = await ctx.request({
      method: 'POST',
      url: '/api/supervision/focus',
      cookie: supervisor,
      payload: { year: 2026, field: 'work_safety', title: '危化品安全生产执法' },
    });
    expect(duplicate.json.error.fields[0].field).toBe('title');
    const matterId = await openMatter(
      ctx,
      supervisor,
      matterBody([world.marketId], { focusId: created.json.id, field: 'work_safety' }),
    );
    const edited = await ctx.request({
      method: 'PATCH',
      url: `/api/supervision/focus/${created.json.id}`,
      cookie: supervisor,
      payload: { isActive: false },
    });
    expect(edited.json).toMatchObject({ isActive: false, matterCount: 1 });
    const focus = await ctx.request({
      method: 'GET',
      url: '/api/supervision/focus?year=2026',
      cookie: legal,
    });
    expect(focus.json.map((item: { title: string }) => item.title)).toEqual(['危化品安全生产执法']);
    expect(
      (await ctx.request({ method: 'GET', url: `/api/supervision/matters/${matterId}`, cookie: supervisor }))
        .json.focus.title,
    ).toBe('危化品安全生产执法');
  });
});
