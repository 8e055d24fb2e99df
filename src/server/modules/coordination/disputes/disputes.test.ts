import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../../../common/calendar.ts';
import { todayInShanghai } from '../../../../common/format.ts';
import type { Actor } from '../../../lib/access.ts';
import { docxText } from '../../../testing/docx-text.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { actorOfAccount } from '../../assessment/account-actor.ts';
import { loadWorkCalendar } from '../../calendar/calendar.service.ts';
import { applicationBody, demoAgencies, fileDispute } from '../coordination.fixtures.ts';
import { findCoordinationViolations } from '../coordination.public.ts';
import { getDispute } from './disputes.service.ts';

let ctx: TestContext;
let agencies: Awaited<ReturnType<typeof demoAgencies>>;
let cookies: Record<'legal' | 'nongye' | 'supervisor' | 'juzhang' | 'leader' | 'officer', string>;
let actors: { legal: Actor; nongye: Actor; supervisor: Actor };
const today = todayInShanghai(new Date());

beforeAll(async () => {
  ctx = await createTestContext();
  agencies = await demoAgencies(ctx.db);
  const names = ['legal', 'nongye', 'supervisor', 'juzhang', 'leader', 'officer'] as const;
  cookies = Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await ctx.login(name)] as const)),
  ) as typeof cookies;
  actors = {
    legal: await actorOfAccount(ctx.db, 'legal'),
    nongye: await actorOfAccount(ctx.db, 'nongye'),
    supervisor: await actorOfAccount(ctx.db, 'supervisor'),
  };
});
afterAll(() => ctx.close());

const base = '/api/coordination/disputes';
const post = (cookie: string, url: string, payload: object = {}) =>
  ctx.request({ method: 'POST', url, cookie, payload });
const countDisputes = async () =>
  Number(
    (
      await ctx.db
        .selectFrom('coordination_dispute')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('filing an application (第七条)', () => {
  it('refuses an application without the negotiation record, with 第七条’s reason, and stores nothing', async () => {
    const before = await countDisputes();
    const response = await post(
      cookies.legal,
      base,
      applicationBody([agencies.agri.id], { negotiationRecord: '  ' }),
    );
    expect(response.status).toBe(400);
    expect(response.json.error.fields).toEqual([
      { field: 'negotiationRecord', message: expect.stringContaining('第七条') },
    ]);
    expect(response.json.error.fields[0].message).toContain('先行协商');
    expect(await countDisputes()).toBe(before);
  });

  it('names the field of a respondent that is the applicant itself or repeated', async () => {
    const body = applicationBody([agencies.market.id, agencies.agri.id, agencies.agri.id]);
    const response = await post(cookies.legal, base, body);
    expect(response.status).toBe(400);
    expect(response.json.error.fields).toEqual([
      { field: 'parties.0.orgId', message: '争议相对单位不能是本单位' },
      { field: 'parties.2.orgId', message: '争议相对单位重复' },
    ]);
  });

  it('refuses a supervisor or an officer filing (coordination.apply is the legal officer’s)', async () => {
    for (const name of ['supervisor', 'officer'] as const) {
      const response = await post(cookies[name], base, applicationBody([agencies.agri.id]));
      expect(response.status, name).toBe(403);
    }
  });

  it('counts the review deadline in working days on the statutory calendar (国庆 2026)', async () => {
    const filed = await fileDispute(ctx.db, { applicant: actors.legal }, [agencies.agri.id], '2026-09-30');
    const calendar = createWorkCalendar();
    // 2026-10-01…07 are holidays; Mon–Fri counting would give 2026-10-05
    expect(filed.reviewDueOn).toBe(calendar.addWorkingDays('2026-09-30', 3));
    expect(filed.reviewDueOn > '2026-10-07').toBe(true);
    expect(filed.deadline).toMatchObject({ label: '申请审核', dueOn: filed.reviewDueOn });
  });
});

describe('the procedure from application to execution', () => {
  it('runs: file → accept → the other party answers → meeting → opinion signed, numbered, served → both confirm', async () => {
    const calendar = await loadWorkCalendar(ctx.db);
    const filed = await post(cookies.legal, base, applicationBody([agencies.agri.id]));
    expect(filed.status).toBe(201);
    const id = filed.json.id;
    expect(filed.json).toMatchObject({
      status: 'submitted',
      statusLabel: '待审核',
      applicantName: '博湖县市场监督管理局',
    });
    expect(filed.json.deadline).toMatchObject({
      dueOn: calendar.addWorkingDays(today, 3),
      state: expect.any(String),
    });

    // the other party sees it; an officer has no coordination.read
    expect((await ctx.request({ method: 'GET', url: `${base}/${id}`, cookie: cookies.nongye })).status).toBe(
      200,
    );
    expect((await ctx.request({ method: 'GET', url: `${base}/${id}`, cookie: cookies.officer })).status).toBe(
      403,
    );

    expect((await post(cookies.legal, `${base}/${id}/review`, { decision: 'accept' })).status).toBe(403);
    const accepted = await post(cookies.supervisor, `${base}/${id}/review`, { decision: 'accept' });
    expect(accepted.json.status).toBe('consulting');
    const agriParty = accepted.json.parties.find(
      (party: { orgId: number }) => party.orgId === agencies.agri.id,
    );
    expect(agriParty.viewDueOn).toBe(calendar.addWorkingDays(today, 5));
    expect(accepted.json.deadline.label).toBe('书面意见答复');

    // the applicant cannot answer for the other party
    const forged = await post(cookies.legal, `${base}/${id}/views`, {
      partyOrgId: agencies.agri.id,
      position: '同意',
      legalBasis: '无',
    });
    expect(forged.status).toBe(403);
    const answered = await post(cookies.nongye, `${base}/${id}/views`, {
      partyOrgId: agencies.agri.id,
      position: '活禽检疫由本局负责，市场内经营秩序由市场监管局负责',
      legalBasis: '《动物防疫法》第八条',
    });
    expect(answered.status).toBe(200);
    expect(answered.json.deadline.label).toBe('协调办结');

    const meeting = await post(cookies.supervisor, `${base}/${id}/meetings`, {
      heldOn: today,
      place: '县司法局会议室',
      attendees: '双方分管领导',
      experts: '律师 1 名',
      minutes: '达成一致',
    });
    expect(meeting.json.meetings).toHaveLength(1);

    const drafted = await post(cookies.supervisor, `${base}/${id}/opinions`, {
      title: '关于活禽监管职责争议的协调意见书',
      body: '一、职责划分\n活禽检疫由县农业农村局负责。',
    });
    const documentId = drafted.json.documents[0].id;
    expect(drafted.json.documents[0]).toMatchObject({ status: 'draft', number: null, isEditable: true });
    await post(cookies.supervisor, `${base}/${id}/opinions/${documentId}/submit`);

    // an agency's leader (its own scope) may not sign the bureau's opinion; the bureau's head may
    const agencyLeader = await signOff(cookies.leader, documentId, 'sign');
    expect([403, 404]).toContain(agencyLeader.status);
    const nextBefore = await nextRegisterNumber();
    expect((await signOff(cookies.juzhang, documentId, 'sign')).status).toBe(200);
    const signed = await ctx.request({ method: 'GET', url: `${base}/${id}`, cookie: cookies.supervisor });
    const number = signed.json.documents[0].number as string;
    expect(number).toBe(`博司协〔${today.slice(0, 4)}〕${nextBefore}号`);
    expect(await nextRegisterNumber()).toBe(nextBefore + 1);
    // the shared register book lists it, signed by the bureau's head, linked back to the opinion
    const book = await ctx.request({
      method: 'GET',
      url: `/api/documents/issued?keyword=${encodeURIComponent(number)}`,
      cookie: cookies.supervisor,
    });
    expect(book.json.items[0]).toMatchObject({
      number,
      recipient: '博湖县市场监督管理局、博湖县农业农村局',
      signedBy: '周海涛',
      source: { label: '协调意见书', link: `/coordination/opinions/${documentId}` },
    });
    const located = await ctx.request({
      method: 'GET',
      url: `/api/coordination/opinions/${documentId}`,
      cookie: cookies.nongye,
    });
    expect(located.json).toEqual({ disputeId: id });

    const docx = await ctx.app.inject({
      method: 'GET',
      url: `${base}/${id}/opinions/${documentId}/docx`,
      headers: { cookie: cookies.nongye },
    });
    expect(docx.statusCode).toBe(200);
    const printed = docxText(docx.rawPayload);
    expect(printed).toContain(number);
    expect(printed).toContain('博湖县市场监督管理局、博湖县农业农村局：');
    expect(printed).toContain('活禽检疫由县农业农村局负责。');

    const served = await post(cookies.supervisor, `${base}/${id}/opinions/${documentId}/serve`, {
      servedOn: today,
    });
    expect(served.json).toMatchObject({ status: 'served', opinionNumber: number });
    expect(served.json.executionDueOn).toBe(calendar.addWorkingDays(today, 10));

    // a served document is never edited
    const edit = await ctx.request({
      method: 'PUT',
      url: `${base}/${id}/opinions/${documentId}`,
      cookie: cookies.supervisor,
      payload: { title: '改', body: '改' },
    });
    expect(edit.status).toBe(409);
    expect(edit.json.error.message).toContain('只能另行出具');

    await post(cookies.legal, `${base}/${id}/execution`, { partyOrgId: agencies.market.id, note: '已执行' });
    const done = await post(cookies.nongye, `${base}/${id}/execution`, {
      partyOrgId: agencies.agri.id,
      note: '已执行',
    });
    expect(done.json).toMatchObject({ status: 'executed', executedOn: today, deadline: null });
    const labels = done.json.timeline.map((event: { label: string }) => event.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        '博湖县市场监督管理局提交书面申请',
        '审核：予以受理',
        '博湖县农业农村局答复书面意见',
        '召开协调会议',
        `协调意见书（${number}）签发`,
        '各方执行完毕',
      ]),
    );
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'coordination.%')
      .where('entity_id', 'in', [String(id), String(documentId)])
      .execute();
    expect(audit.map((row) => row.action)).toEqual(
      expect.arrayContaining([
        'coordination.dispute_apply',
        'coordination.dispute_accept',
        'coordination.view_answer',
        'coordination.opinion_sign',
        'coordination.opinion_serve',
        'coordination.execution_confirm',
      ]),
    );
  });

  it('numbers the next opinion with the next sequence and supersedes a served one', async () => {
    const disputeA = await fileDispute(ctx.db, actorsWithSupervisor(), [agencies.agri.id], today, {
      isAccepted: true,
    });
    const numberA = await signAndServe(disputeA.id, 'A');
    const redraft = await post(cookies.supervisor, `${base}/${disputeA.id}/opinions`, {
      title: '替代',
      body: '新的意见',
    });
    const newDocument = redraft.json.documents.find(
      (document: { status: string }) => document.status === 'draft',
    );
    expect(newDocument.supersedesId).toBe(redraft.json.documents[0].id);
    await post(cookies.supervisor, `${base}/${disputeA.id}/opinions/${newDocument.id}/submit`);
    await signOff(cookies.juzhang, newDocument.id, 'sign');
    const served = await post(cookies.supervisor, `${base}/${disputeA.id}/opinions/${newDocument.id}/serve`, {
      servedOn: today,
    });
    const [first, second] = served.json.documents;
    expect(first.status).toBe('superseded');
    expect(second.status).toBe('served');
    expect(sequenceOf(second.number)).toBe(sequenceOf(numberA) + 1);
  });

  it('a leader’s return sends the opinion back to draft with the comment', async () => {
    const dispute = await fileDispute(ctx.db, actorsWithSupervisor(), [agencies.agri.id], today, {
      isAccepted: true,
    });
    const drafted = await post(cookies.supervisor, `${base}/${dispute.id}/opinions`, {
      title: '意见',
      body: '正文',
    });
    const documentId = drafted.json.documents[0].id;
    await post(cookies.supervisor, `${base}/${dispute.id}/opinions/${documentId}/submit`);
    expect((await signOff(cookies.juzhang, documentId, 'return', '第二条表述不清')).status).toBe(200);
    const returned = await ctx.request({
      method: 'GET',
      url: `${base}/${dispute.id}`,
      cookie: cookies.supervisor,
    });
    expect(returned.json.status).toBe('consulting');
    expect(returned.json.documents[0]).toMatchObject({
      status: 'draft',
      signComment: '第二条表述不清',
      number: null,
    });
  });
});

describe('no agreement: the county government decides', () => {
  it('records the referral, an interim lead among the parties, the decision, and a superseding decision', async () => {
    const dispute = await fileDispute(ctx.db, actorsWithSupervisor(), [agencies.agri.id], today, {
      isAccepted: true,
    });
    const url = `${base}/${dispute.id}`;
    expect((await post(cookies.supervisor, `${url}/escalate`, { reason: '未达成一致' })).json.status).toBe(
      'escalated',
    );
    const stranger = await post(cookies.supervisor, `${url}/interim-lead`, {
      orgId: agencies.transport.id,
      reason: '紧急',
    });
    expect(stranger.status).toBe(400);
    expect(stranger.json.error.fields[0].field).toBe('orgId');
    const lead = await post(cookies.supervisor, `${url}/interim-lead`, {
      orgId: agencies.agri.id,
      reason: '紧急',
    });
    expect(lead.json.interimLead).toMatchObject({ orgId: agencies.agri.id, namedOn: today });
    const late = await post(cookies.supervisor, `${url}/decisions`, {
      number: '博政办〔2026〕1号',
      decidedOn: today,
      content: '由县农业农村局负责',
      servedOn: '2000-01-01',
    });
    expect(late.status).toBe(400);
    expect(late.json.error.fields[0].field).toBe('servedOn');
    const decided = await post(cookies.supervisor, `${url}/decisions`, {
      number: '博政办〔2026〕1号',
      decidedOn: today,
      content: '由县农业农村局负责',
      servedOn: today,
    });
    expect(decided.json.status).toBe('decided');
    await post(cookies.legal, `${url}/execution`, { partyOrgId: agencies.market.id, note: '已执行' });
    const superseding = await post(cookies.supervisor, `${url}/decisions`, {
      number: '博政办〔2026〕2号',
      decidedOn: today,
      content: '更正：由县市场监管局负责',
      servedOn: today,
    });
    expect(superseding.json.documents.map((document: { status: string }) => document.status)).toEqual([
      'superseded',
      'served',
    ]);
    // the parties confirm the new decision again
    expect(
      superseding.json.parties.every(
        (party: { executionConfirmedOn: null }) => party.executionConfirmedOn === null,
      ),
    ).toBe(true);
  });
});

describe('第二十三条 marks', () => {
  it('marks an agency that has not executed, refuses one that has, and exposes them through coordination.public', async () => {
    const dispute = await fileDispute(ctx.db, actorsWithSupervisor(), [agencies.agri.id], today, {
      isAccepted: true,
    });
    await signAndServe(dispute.id, 'V');
    await post(cookies.legal, `${base}/${dispute.id}/execution`, {
      partyOrgId: agencies.market.id,
      note: '已执行',
    });
    const body = { kind: 'not_executed', disputeId: dispute.id, facts: '逾期未执行' };
    const executed = await post(cookies.supervisor, '/api/coordination/violations', {
      ...body,
      orgId: agencies.market.id,
    });
    expect(executed.status).toBe(409);
    const marked = await post(cookies.supervisor, '/api/coordination/violations', {
      ...body,
      orgId: agencies.agri.id,
    });
    expect(marked.status).toBe(201);
    expect(marked.json.clause).toBe('协调监督办法第二十三条第（二）项');
    expect(
      (await post(cookies.legal, '/api/coordination/violations', { ...body, orgId: agencies.agri.id }))
        .status,
    ).toBe(403);
    const facts = await findCoordinationViolations(ctx.db, {
      countyOrgId: agencies.agri.path.split('/').map(Number)[1]!,
      from: today,
      to: today,
    });
    expect(facts).toContainEqual(
      expect.objectContaining({ id: marked.json.id, orgId: agencies.agri.id, kind: 'not_executed' }),
    );
    // the market bureau's legal officer does not see the agriculture bureau's mark
    const list = await ctx.request({
      method: 'GET',
      url: '/api/coordination/violations',
      cookie: cookies.legal,
    });
    expect(list.json.items.some((item: { orgId: number }) => item.orgId === agencies.agri.id)).toBe(false);
  });
});

describe('lists', () => {
  it('filters by 正常/临期/逾期 exactly as the detail computes it', async () => {
    const all = await ctx.request({ method: 'GET', url: `${base}?pageSize=200`, cookie: cookies.supervisor });
    const states = new Set(
      all.json.items.map((item: { deadline: { state: string } | null }) => item.deadline?.state),
    );
    expect(states.has('overdue')).toBe(true);
    for (const state of ['normal', 'due_soon', 'overdue']) {
      const filtered = await ctx.request({
        method: 'GET',
        url: `${base}?pageSize=200&deadlineState=${state}`,
        cookie: cookies.supervisor,
      });
      const expected = all.json.items
        .filter((item: { deadline: { state: string } | null }) => item.deadline?.state === state)
        .map((item: { id: number }) => item.id);
      expect(
        filtered.json.items.map((item: { id: number }) => item.id),
        state,
      ).toEqual(expected);
    }
  });

  it('shows a legal officer only the disputes its agency is a party to', async () => {
    const list = await ctx.request({ method: 'GET', url: `${base}?pageSize=200`, cookie: cookies.legal });
    expect(list.json.items.length).toBeGreaterThan(0);
    for (const item of list.json.items) {
      const detail = await getDispute(ctx.db, actors.legal, item.id, today);
      expect(detail.parties.some((party) => party.orgId === agencies.market.id)).toBe(true);
    }
  });

  it('exports the filtered list as XLSX', async () => {
    const response = await ctx.request({
      method: 'GET',
      url: `${base}/export.xlsx?status=submitted`,
      cookie: cookies.supervisor,
    });
    expect(response.status).toBe(200);
    expect(String(response.headers['content-type'])).toContain('spreadsheetml');
  });
});

function actorsWithSupervisor() {
  return { applicant: actors.legal, supervisor: actors.supervisor };
}

function sequenceOf(number: string): number {
  return Number(/〕(\d+)号$/.exec(number)![1]);
}

async function signAndServe(id: number, title: string): Promise<string> {
  const drafted = await post(cookies.supervisor, `${base}/${id}/opinions`, { title, body: '正文' });
  const documentId = drafted.json.documents.at(-1).id;
  await post(cookies.supervisor, `${base}/${id}/opinions/${documentId}/submit`);
  await signOff(cookies.juzhang, documentId, 'sign');
  const served = await post(cookies.supervisor, `${base}/${id}/opinions/${documentId}/serve`, {
    servedOn: today,
  });
  return served.json.documents.at(-1).number;
}

/** The leader decides the opinion's pending request in the documents layer's 待签发 list. */
async function signOff(cookie: string, documentId: number, decision: 'sign' | 'return', comment = '') {
  const request = await ctx.db
    .selectFrom('sign_off_request')
    .select('id')
    .where('record_type', '=', 'coordination_opinion')
    .where('record_id', '=', documentId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return post(
    cookie,
    `/api/documents/sign-offs/${request.id}/${decision}`,
    decision === 'return' ? { comment } : {},
  );
}

/** The next number of the bureau's 博司协 register this year (1 before the first). */
async function nextRegisterNumber(): Promise<number> {
  const row = await ctx.db
    .selectFrom('document_register')
    .innerJoin('org', 'org.id', 'document_register.org_id')
    .leftJoin('document_register_year', (join) =>
      join
        .onRef('document_register_year.register_id', '=', 'document_register.id')
        .on('document_register_year.year', '=', Number(today.slice(0, 4))),
    )
    .select('document_register_year.next_number')
    .where('document_register.code', '=', 'coordination')
    .where('org.name', '=', '博湖县司法局')
    .executeTakeFirstOrThrow();
  return row.next_number ?? 1;
}
