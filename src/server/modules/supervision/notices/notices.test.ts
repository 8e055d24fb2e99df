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
let juzhang: string;
let matterId: number;
const today = todayInShanghai(new Date());
const year = Number(today.slice(0, 4));

beforeAll(async () => {
  ctx = await createTestContext();
  world = await demoSupervisionWorld(ctx.db);
  supervisor = await ctx.login('supervisor');
  legal = await ctx.login('legal');
  juzhang = await ctx.login('juzhang');
  matterId = await openMatter(
    ctx,
    supervisor,
    matterBody([world.marketId, world.landId], { openedOn: addCalendarDays(today, -40) }),
  );
});
afterAll(() => ctx.close());

const post = (url: string, cookie: string, payload?: object) =>
  ctx.request({ method: 'POST', url, cookie, ...(payload && { payload }) });
const draft = (unitId: number) =>
  post(`/api/supervision/matters/${matterId}/notices`, supervisor, {
    unitId,
    caseFileId: unitId === world.marketId ? world.caseFileId : null,
    facts: '抽查的行政处罚案卷中3件未履行告知程序',
    reasons: '违反法定程序，属于违法的行政执法行为',
    legalBasis: '《中华人民共和国行政处罚法》第四十四条',
    requiredCorrection: '依法撤销并重新作出处罚决定，完善告知程序',
    correctionDueOn: addCalendarDays(today, 20),
  });
async function signOffOf(noticeId: number) {
  const row = await ctx.db
    .selectFrom('sign_off_request')
    .select('id')
    .where('record_type', '=', 'supervision_notice')
    .where('record_id', '=', noticeId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('supervision notices (第十五条)', () => {
  it('drafts, is signed off by a bureau leader, numbered from 博司监, served, reported, returned once, then accepted', async () => {
    const created = await draft(world.marketId);
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.json).toMatchObject({
      state: 'draft',
      number: null,
      caseId: world.caseId,
      abilities: { canSubmit: true },
    });
    // a draft is the bureau's own: the unit does not see it
    expect(
      (
        await ctx.request({
          method: 'GET',
          url: `/api/supervision/notices/${created.json.id}`,
          cookie: legal,
        })
      ).status,
    ).toBe(404);
    const id = created.json.id;

    expect((await post(`/api/supervision/notices/${id}/submit`, supervisor)).json.state).toBe(
      'awaiting_sign_off',
    );
    const returned = await post(`/api/documents/sign-offs/${await signOffOf(id)}/return`, juzhang, {
      comment: '请补充法律依据条款原文',
    });
    expect(returned.status, JSON.stringify(returned.json)).toBe(200);
    const back = await ctx.request({
      method: 'GET',
      url: `/api/supervision/notices/${id}`,
      cookie: supervisor,
    });
    expect(back.json).toMatchObject({ state: 'draft', signComment: '请补充法律依据条款原文' });
    await post(`/api/supervision/notices/${id}/submit`, supervisor);
    const signed = await post(`/api/documents/sign-offs/${await signOffOf(id)}/sign`, juzhang, {});
    expect(signed.status, JSON.stringify(signed.json)).toBe(200);
    const issued = (
      await ctx.request({ method: 'GET', url: `/api/supervision/notices/${id}`, cookie: supervisor })
    ).json;
    expect(issued).toMatchObject({ state: 'issued', signedBy: '周海涛', issuedOn: today });
    expect(issued.number).toMatch(new RegExp(`^博司监〔${year}〕\\d+号$`));

    const early = await post(`/api/supervision/notices/${id}/serve`, supervisor, {
      servedOn: addCalendarDays(today, -1),
      manner: '直接送达',
      receiver: '王丽娟',
    });
    expect(early.json.error.fields[0].field).toBe('servedOn');
    const served = await post(`/api/supervision/notices/${id}/serve`, supervisor, {
      servedOn: today,
      manner: '直接送达',
      receiver: '王丽娟',
    });
    expect(served.status, JSON.stringify(served.json)).toBe(200);
    // 第十五条: 30 calendar days from receipt
    expect(served.json.due).toMatchObject({ dueOn: addCalendarDays(today, 30), stateLabel: '正常' });

    const inbox = await ctx.request({
      method: 'GET',
      url: '/api/supervision/notices?state=served',
      cookie: legal,
    });
    expect(inbox.json.items.map((item: { id: number }) => item.id)).toEqual([id]);
    expect(inbox.json.items[0].abilities.canReport).toBe(true);
    expect(
      (await post(`/api/supervision/notices/${id}/report`, supervisor, { content: '冒名' })).status,
    ).toBe(403);

    expect(
      (await post(`/api/supervision/notices/${id}/report`, legal, { content: '已撤销3件处罚决定并重新告知' }))
        .json.state,
    ).toBe('reported');
    const noReason = await post(`/api/supervision/notices/${id}/review`, supervisor, { accept: false });
    expect(noReason.json.error.fields[0].field).toBe('reason');
    const sentBack = await post(`/api/supervision/notices/${id}/review`, supervisor, {
      accept: false,
      reason: '未附重新作出的处罚决定书',
    });
    expect(sentBack.json).toMatchObject({ state: 'returned', stateLabel: '报告退回待重报' });
    expect(sentBack.json.due.dueOn).toBe(addCalendarDays(today, 30));
    await post(`/api/supervision/notices/${id}/report`, legal, { content: '附重新作出的处罚决定书3份' });
    const closed = await post(`/api/supervision/notices/${id}/review`, supervisor, { accept: true });
    expect(closed.json).toMatchObject({ state: 'accepted', closedOn: today, due: null });
    expect(closed.json.rectifications.map((report: { state: string }) => report.state)).toEqual([
      'returned',
      'accepted',
    ]);
    expect(
      (await post(`/api/supervision/notices/${id}/withdraw`, supervisor, { reason: '已办结' })).status,
    ).toBe(409);

    const docx = await ctx.app.inject({
      method: 'GET',
      url: `/api/supervision/notices/${id}/document.docx`,
      headers: { cookie: legal },
    });
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const actions = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', 'in', ['supervision_notice', 'supervision_rectification'])
      .execute();
    expect(actions.map((row) => row.action)).toEqual(
      expect.arrayContaining([
        'supervision.notice_draft',
        'supervision.notice_issue',
        'supervision.notice_serve',
        'supervision.rectification_return',
        'supervision.rectification_accept',
      ]),
    );
  });

  it('numbers notices signed at the same time without a collision, and a withdrawn number is never reused', async () => {
    const ids: number[] = [];
    for (let index = 0; index < 4; index++) {
      const created = await draft(index % 2 ? world.landId : world.marketId);
      await post(`/api/supervision/notices/${created.json.id}/submit`, supervisor);
      ids.push(created.json.id);
    }
    const signOffIds = await Promise.all(ids.map(signOffOf));
    const results = await Promise.all(
      signOffIds.map((signOffId) => post(`/api/documents/sign-offs/${signOffId}/sign`, juzhang, {})),
    );
    expect(results.map((result) => result.status)).toEqual([200, 200, 200, 200]);
    const rows = await ctx.db
      .selectFrom('supervision_notice')
      .select(['number', 'sequence'])
      .where('id', 'in', ids)
      .execute();
    expect(new Set(rows.map((row) => row.number)).size).toBe(4);

    const withdrawn = await post(`/api/supervision/notices/${ids[0]}/withdraw`, supervisor, {
      reason: '事实认定有误，另行制发',
    });
    expect(withdrawn.json).toMatchObject({ state: 'withdrawn', withdrawnReason: '事实认定有误，另行制发' });
    const next = await draft(world.marketId);
    await post(`/api/supervision/notices/${next.json.id}/submit`, supervisor);
    await post(`/api/documents/sign-offs/${await signOffOf(next.json.id)}/sign`, juzhang, {});
    const nextRow = await ctx.db
      .selectFrom('supervision_notice')
      .select('sequence')
      .where('id', '=', next.json.id)
      .executeTakeFirstOrThrow();
    expect(nextRow.sequence).toBe(Math.max(...rows.map((row) => row.sequence!)) + 1);
  });

  it('edits a draft; an issued notice is never edited, only superseded by a new one that withdraws it when signed', async () => {
    const created = await draft(world.marketId);
    const id = created.json.id;
    const patch = (noticeId: number, payload: object) =>
      ctx.request({
        method: 'PATCH',
        url: `/api/supervision/notices/${noticeId}`,
        cookie: supervisor,
        payload,
      });
    const bad = await patch(id, { correctionDueOn: addCalendarDays(today, -1), facts: '' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields.map((field: { field: string }) => field.field)).toEqual(
      expect.arrayContaining(['facts']),
    );
    expect(
      (await patch(id, { correctionDueOn: addCalendarDays(today, -1) })).json.error.fields[0].field,
    ).toBe('correctionDueOn');
    const edited = await patch(id, {
      facts: '抽查的案卷中2件未履行告知程序',
      unitId: world.landId,
      caseFileId: null,
    });
    expect(edited.status, JSON.stringify(edited.json)).toBe(200);
    expect(edited.json).toMatchObject({ facts: '抽查的案卷中2件未履行告知程序', unit: { id: world.landId } });
    expect((await patch(id, { unitId: world.marketTeamId })).json.error.fields[0].field).toBe('unitId');

    await post(`/api/supervision/notices/${id}/submit`, supervisor);
    expect((await patch(id, { facts: '签发中修改' })).status).toBe(409);
    await post(`/api/documents/sign-offs/${await signOffOf(id)}/sign`, juzhang, {});
    const issued = await patch(id, { facts: '签发后修改' });
    expect(issued.status).toBe(409);
    const unchanged = await ctx.request({
      method: 'GET',
      url: `/api/supervision/notices/${id}`,
      cookie: supervisor,
    });
    expect(unchanged.json.facts).toBe('抽查的案卷中2件未履行告知程序');
    expect(unchanged.json.abilities).toMatchObject({ canEdit: false, canSupersede: true });

    const successor = await post(`/api/supervision/notices/${id}/supersede`, supervisor, {
      requiredCorrection: '依法撤销并重新作出处罚决定',
    });
    expect(successor.status, JSON.stringify(successor.json)).toBe(201);
    expect(successor.json).toMatchObject({
      state: 'draft',
      supersedesId: id,
      unit: { id: world.landId },
      facts: '抽查的案卷中2件未履行告知程序',
    });
    expect((await post(`/api/supervision/notices/${id}/supersede`, supervisor, {})).status).toBe(409);
    // until the new one is signed the old one stays in force
    const still = await ctx.request({
      method: 'GET',
      url: `/api/supervision/notices/${id}`,
      cookie: supervisor,
    });
    expect(still.json).toMatchObject({
      state: 'issued',
      supersededBy: { id: successor.json.id, number: null },
    });

    await post(`/api/supervision/notices/${successor.json.id}/submit`, supervisor);
    await post(`/api/documents/sign-offs/${await signOffOf(successor.json.id)}/sign`, juzhang, {});
    const replaced = await ctx.request({
      method: 'GET',
      url: `/api/supervision/notices/${id}`,
      cookie: supervisor,
    });
    const newNumber = (
      await ctx.request({
        method: 'GET',
        url: `/api/supervision/notices/${successor.json.id}`,
        cookie: supervisor,
      })
    ).json.number;
    expect(replaced.json).toMatchObject({ state: 'withdrawn', withdrawnReason: `已由${newNumber}替代` });
    const entry = await ctx.db
      .selectFrom('issued_document')
      .select('status')
      .where('source_record_type', '=', 'supervision_notice')
      .where('source_record_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(entry.status).toBe('withdrawn');
  });
});
