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
let agencyLeader: string;
let matterId: number;
const today = todayInShanghai(new Date());
const year = Number(today.slice(0, 4));

beforeAll(async () => {
  ctx = await createTestContext();
  world = await demoSupervisionWorld(ctx.db);
  // an account of the county government's own organisation (the tree root, kind government)
  const template = await ctx.db
    .selectFrom('user_account')
    .selectAll()
    .where('username', '=', 'supervisor')
    .executeTakeFirstOrThrow();
  const government = await ctx.db
    .selectFrom('org')
    .select('id')
    .where('kind', '=', 'government')
    .where('name', '=', '博湖县人民政府')
    .executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('user_account')
    .values({
      username: 'zhengfu',
      display_name: '县政府法制工作人员',
      org_id: government.id,
      roles: ['leader'],
      phone: null,
      password_hash: template.password_hash,
    })
    .execute();
  supervisor = await ctx.login('supervisor');
  legal = await ctx.login('legal');
  juzhang = await ctx.login('juzhang');
  agencyLeader = await ctx.login('leader');
  matterId = await openMatter(
    ctx,
    supervisor,
    matterBody([world.marketId, world.landId], { openedOn: addCalendarDays(today, -60) }),
  );
});
afterAll(() => ctx.close());

const post = (url: string, cookie: string, payload?: object) =>
  ctx.request({ method: 'POST', url, cookie, ...(payload && { payload }) });
const get = (url: string, cookie: string) => ctx.request({ method: 'GET', url, cookie });

async function pendingSignOff(recordType: string, recordId: number) {
  const row = await ctx.db
    .selectFrom('sign_off_request')
    .select('id')
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An issued and served notice to the market bureau about the demo case. */
async function servedNotice(): Promise<number> {
  const created = await post(`/api/supervision/matters/${matterId}/notices`, supervisor, {
    unitId: world.marketId,
    caseFileId: world.caseFileId,
    facts: '行政处罚决定未履行告知程序',
    reasons: '违反法定程序',
    legalBasis: '《中华人民共和国行政处罚法》第四十四条',
    requiredCorrection: '撤销并重新作出处罚决定',
    correctionDueOn: addCalendarDays(today, 10),
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const id = created.json.id;
  await post(`/api/supervision/notices/${id}/submit`, supervisor);
  await post(`/api/documents/sign-offs/${await pendingSignOff('supervision_notice', id)}/sign`, juzhang, {});
  const served = await post(`/api/supervision/notices/${id}/serve`, supervisor, {
    servedOn: today,
    manner: '直接送达',
    receiver: '王丽娟',
  });
  expect(served.status, JSON.stringify(served.json)).toBe(200);
  return id;
}

const request = (noticeId: number, ground: 'overdue' | 'refused') =>
  post(`/api/supervision/notices/${noticeId}/decisions`, supervisor, {
    ground,
    requestReason: '该单位逾期未撤销违法的处罚决定，经催告仍未改正',
    proposedKind: 'revoke',
  });

describe('supervision decisions (第十五条: 报请本级人民政府, 行政执法监督决定书)', () => {
  it('requests on an overdue correction, is signed and numbered, the government decides, the unit reports, and the case shows it', async () => {
    const noticeId = await servedNotice();
    const early = await request(noticeId, 'overdue');
    expect(early.status).toBe(409);
    expect(early.json.error.code).toBe('SUPERVISION_NOT_OVERDUE');

    // the correction deadline passes
    await ctx.db
      .updateTable('supervision_notice')
      .set({ correction_due_on: addCalendarDays(today, -1) })
      .where('id', '=', noticeId)
      .execute();
    const drafted = await request(noticeId, 'overdue');
    expect(drafted.status, JSON.stringify(drafted.json)).toBe(201);
    expect(drafted.json).toMatchObject({
      state: 'draft',
      groundLabel: '逾期不改正',
      proposedKindLabel: '撤销',
      caseId: world.caseId,
      abilities: { canEdit: true, canSubmit: true, canRecord: false },
    });
    const id = drafted.json.id;
    expect((await request(noticeId, 'refused')).status).toBe(409);
    // the unit does not see the bureau's request, only the government's decision later
    expect((await get(`/api/supervision/decisions/${id}`, legal)).status).toBe(404);
    expect((await get(`/api/supervision/decisions/${id}`, agencyLeader)).status).toBe(404);

    const edited = await ctx.request({
      method: 'PATCH',
      url: `/api/supervision/decisions/${id}`,
      cookie: supervisor,
      payload: { proposedKind: 'illegal', requestReason: '' },
    });
    expect(edited.status).toBe(400);
    expect(edited.json.error.fields[0].field).toBe('requestReason');
    const patched = await ctx.request({
      method: 'PATCH',
      url: `/api/supervision/decisions/${id}`,
      cookie: supervisor,
      payload: { proposedKind: 'illegal' },
    });
    expect(patched.json.proposedKindLabel).toBe('确认违法');

    await post(`/api/supervision/decisions/${id}/submit`, supervisor);
    const signed = await post(
      `/api/documents/sign-offs/${await pendingSignOff('supervision_decision', id)}/sign`,
      juzhang,
      {},
    );
    expect(signed.status, JSON.stringify(signed.json)).toBe(200);
    const requested = (await get(`/api/supervision/decisions/${id}`, supervisor)).json;
    expect(requested).toMatchObject({ state: 'requested', requestSignedBy: '周海涛', requestedOn: today });
    expect(requested.requestNumber).toMatch(new RegExp(`^博司监〔${year}〕\\d+号$`));
    expect(
      (
        await ctx.request({
          method: 'PATCH',
          url: `/api/supervision/decisions/${id}`,
          cookie: supervisor,
          payload: { proposedKind: 'void' },
        })
      ).status,
    ).toBe(409);

    const decision = {
      kind: 'revoke',
      decisionNumber: `博政监决〔${year}〕1号`,
      decidedOn: today,
      content: '撤销该局作出的行政处罚决定，责令依法重新作出',
      servedOn: today,
    };
    // a bureau leader and an agency leader are not the government
    expect((await post(`/api/supervision/decisions/${id}/record`, juzhang, decision)).status).toBe(404);
    expect((await post(`/api/supervision/decisions/${id}/record`, legal, decision)).status).toBe(403);
    const late = await post(`/api/supervision/decisions/${id}/record`, supervisor, {
      ...decision,
      decidedOn: addCalendarDays(today, 1),
    });
    expect(late.json.error.fields.map((field: { field: string }) => field.field)).toContain('decidedOn');
    const recorded = await post(`/api/supervision/decisions/${id}/record`, supervisor, decision);
    expect(recorded.status, JSON.stringify(recorded.json)).toBe(200);
    expect(recorded.json).toMatchObject({
      state: 'decided',
      kindLabel: '撤销',
      decisionNumber: decision.decisionNumber,
      // 第十五条: 30 calendar days from receipt of the decision
      due: { dueOn: addCalendarDays(today, 30), stateLabel: '正常' },
    });

    const inbox = await get('/api/supervision/decisions?state=decided', legal);
    expect(inbox.json.items.map((item: { id: number }) => item.id)).toEqual([id]);
    expect(inbox.json.items[0].abilities.canReport).toBe(true);
    await post(`/api/supervision/decisions/${id}/report`, legal, { content: '已撤销原处罚决定' });
    const back = await post(`/api/supervision/decisions/${id}/review`, supervisor, {
      accept: false,
      reason: '未附重新作出的处罚决定书',
    });
    expect(back.json.state).toBe('returned');
    await post(`/api/supervision/decisions/${id}/report`, legal, { content: '附重新作出的处罚决定书' });
    // the report on a decision takes files as a notice's report does, only while it waits for review
    const waiting = (await get(`/api/supervision/decisions/${id}`, legal)).json.reports.at(-1);
    const attach = (cookie: string) =>
      ctx.request({
        method: 'POST',
        url: `/api/supervision/rectifications/${waiting.id}/attachments`,
        cookie,
        headers: {
          'content-type': 'application/octet-stream',
          'x-file-name': encodeURIComponent('处罚决定书.pdf'),
        },
        payload: Buffer.from('%PDF-1.4\n% decision report\n'),
      });
    expect((await attach(supervisor)).status).toBe(404);
    const attached = await attach(legal);
    expect(attached.status, JSON.stringify(attached.json)).toBe(201);
    expect(
      (await get(`/api/supervision/decisions/${id}`, supervisor)).json.reports.at(-1).attachments,
    ).toEqual([expect.objectContaining({ fileName: '处罚决定书.pdf' })]);
    const closed = await post(`/api/supervision/decisions/${id}/review`, supervisor, { accept: true });
    expect(closed.json).toMatchObject({ state: 'accepted', closedOn: today, due: null });
    expect(closed.json.reports.map((report: { state: string }) => report.state)).toEqual([
      'returned',
      'accepted',
    ]);

    for (const path of ['request.docx', 'document.docx']) {
      const docx = await ctx.app.inject({
        method: 'GET',
        url: `/api/supervision/decisions/${id}/${path}`,
        headers: { cookie: legal },
      });
      expect(docx.statusCode, path).toBe(200);
      expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }

    // the case affected by the decision shows it
    const caseView = await get(`/api/cases/${world.caseId}`, legal);
    expect(caseView.status).toBe(200);
    expect(caseView.json.supervisionDecisions).toEqual([
      expect.objectContaining({ id, kindLabel: '撤销', decisionNumber: decision.decisionNumber }),
    ]);

    const register = await ctx.db
      .selectFrom('issued_document')
      .select('number')
      .where('source_record_type', '=', 'supervision_decision')
      .where('source_record_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(register.number).toBe(requested.requestNumber);
    const actions = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', 'in', ['supervision_decision', 'supervision_rectification'])
      .execute();
    expect(actions.map((row) => row.action)).toEqual(
      expect.arrayContaining([
        'supervision.decision_request_draft',
        'supervision.decision_request_update',
        'supervision.decision_request_issue',
        'supervision.decision_record',
        'supervision.decision_report_return',
        'supervision.decision_report_accept',
      ]),
    );
  });

  it('requests on a refusal before the deadline; an account of the county government records the decision; a request may be withdrawn', async () => {
    const noticeId = await servedNotice();
    const drafted = await request(noticeId, 'refused');
    expect(drafted.status, JSON.stringify(drafted.json)).toBe(201);
    const id = drafted.json.id;
    await post(`/api/supervision/decisions/${id}/submit`, supervisor);
    await post(
      `/api/documents/sign-offs/${await pendingSignOff('supervision_decision', id)}/sign`,
      juzhang,
      {},
    );
    const government = await ctx.login('zhengfu');
    const seen = await get(`/api/supervision/decisions/${id}`, government);
    expect(seen.json.abilities).toMatchObject({ canRecord: true, canWithdraw: false });
    const recorded = await post(`/api/supervision/decisions/${id}/record`, government, {
      kind: 'illegal',
      decisionNumber: `博政监决〔${year}〕2号`,
      decidedOn: today,
      content: '确认该行政处罚行为违法',
      servedOn: today,
    });
    expect(recorded.status, JSON.stringify(recorded.json)).toBe(200);
    expect(recorded.json.kindLabel).toBe('确认违法');
    // a recorded decision is not withdrawn
    expect(
      (await post(`/api/supervision/decisions/${id}/withdraw`, supervisor, { reason: '误报' })).status,
    ).toBe(409);

    const other = await servedNotice();
    const second = await request(other, 'refused');
    await post(`/api/supervision/decisions/${second.json.id}/submit`, supervisor);
    await post(
      `/api/documents/sign-offs/${await pendingSignOff('supervision_decision', second.json.id)}/sign`,
      juzhang,
      {},
    );
    const withdrawn = await post(`/api/supervision/decisions/${second.json.id}/withdraw`, supervisor, {
      reason: '该单位已改正',
    });
    expect(withdrawn.json).toMatchObject({ state: 'withdrawn', withdrawnReason: '该单位已改正' });
    const entry = await ctx.db
      .selectFrom('issued_document')
      .select('status')
      .where('source_record_type', '=', 'supervision_decision')
      .where('source_record_id', '=', second.json.id)
      .executeTakeFirstOrThrow();
    expect(entry.status).toBe('withdrawn');
    // once withdrawn, the notice may be reported again
    expect((await request(other, 'refused')).status).toBe(201);
  });
});
