import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../../../common/calendar.ts';
import { formatChineseDate, todayInShanghai } from '../../../../common/format.ts';
import { docxTableRows } from '../../../testing/docx-text.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { presetVersionId } from '../../assessment/assessment-fixtures.ts';
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

beforeAll(async () => {
  ctx = await createTestContext();
  world = await demoSupervisionWorld(ctx.db);
  supervisor = await ctx.login('supervisor');
  legal = await ctx.login('legal');
  juzhang = await ctx.login('juzhang');
  matterId = await openMatter(
    ctx,
    supervisor,
    matterBody([world.marketId], { openedOn: addCalendarDays(today, -30) }),
  );
});
afterAll(() => ctx.close());

const post = (url: string, cookie: string, payload?: object) =>
  ctx.request({ method: 'POST', url, cookie, ...(payload && { payload }) });

/** A notice to the market bureau; issued (signed by juzhang) unless `draft`. */
async function notice(draft = false): Promise<number> {
  const created = await post(`/api/supervision/matters/${matterId}/notices`, supervisor, {
    unitId: world.marketId,
    facts: '行政处罚决定未履行告知程序',
    reasons: '违反法定程序',
    legalBasis: '《中华人民共和国行政处罚法》第四十四条',
    requiredCorrection: '撤销并重新作出处罚决定',
    correctionDueOn: addCalendarDays(today, 10),
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const id = created.json.id as number;
  if (draft) return id;
  await post(`/api/supervision/notices/${id}/submit`, supervisor);
  const request = await ctx.db
    .selectFrom('sign_off_request')
    .select('id')
    .where('record_type', '=', 'supervision_notice')
    .where('record_id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  expect((await post(`/api/documents/sign-offs/${request.id}/sign`, juzhang, {})).status).toBe(200);
  return id;
}

async function officerUnder(orgId: number) {
  const org = await ctx.db.selectFrom('org').select('path').where('id', '=', orgId).executeTakeFirstOrThrow();
  return ctx.db
    .selectFrom('officer')
    .innerJoin('org', 'org.id', 'officer.org_id')
    .select(['officer.id', 'officer.name'])
    .where('org.path', 'like', `${org.path}%`)
    .where('officer.status', '=', 'active')
    .orderBy('officer.id')
    .executeTakeFirstOrThrow();
}

describe('misconduct findings about officers (第十五条; seed 000 奖惩记录表)', () => {
  it('records a finding from an issued notice about an officer of the unit, refuses bad ones, and proposes it in the open Bohu period', async () => {
    const officer = await officerUnder(world.marketId);
    const outsider = await officerUnder(world.landId);
    const body = {
      officerId: officer.id,
      kind: 'fault_finding',
      foundOn: today,
      description: '未告知当事人陈述、申辩权利即作出处罚决定，认定为执法过错',
    };
    const draftId = await notice(true);
    expect((await post(`/api/supervision/notices/${draftId}/findings`, supervisor, body)).status).toBe(409);

    const noticeId = await notice();
    const url = `/api/supervision/notices/${noticeId}/findings`;
    expect((await post(url, legal, body)).status).toBe(403);
    const wrongUnit = await post(url, supervisor, { ...body, officerId: outsider.id });
    expect(wrongUnit.status).toBe(400);
    expect(wrongUnit.json.error.fields[0]).toMatchObject({ field: 'officerId' });
    const future = await post(url, supervisor, { ...body, foundOn: addCalendarDays(today, 1) });
    expect(future.json.error.fields[0]).toMatchObject({ field: 'foundOn', message: '认定日期不能晚于今天' });
    const noKind = await post(url, supervisor, { ...body, kind: 'nothing' });
    expect(noKind.json.error.fields[0]).toMatchObject({ field: 'kind', message: '请选择认定类别' });
    expect(await ctx.db.selectFrom('supervision_finding').select('id').execute()).toEqual([]);

    const recorded = await post(url, supervisor, body);
    expect(recorded.status, JSON.stringify(recorded.json)).toBe(201);
    const number = (
      await ctx.request({ method: 'GET', url: `/api/supervision/notices/${noticeId}`, cookie: supervisor })
    ).json.number as string;
    expect(recorded.json).toMatchObject({
      officer: { id: officer.id, name: officer.name },
      kindLabel: '执法过错认定',
      basis: { kind: 'notice', id: noticeId, number },
      abilities: { canWithdraw: true },
    });
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'supervision_finding')
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['supervision.finding_record']);
    // the unit's legal officer sees the finding about their officer on the notice
    const seen = await ctx.request({ method: 'GET', url, cookie: legal });
    expect(seen.json.items.map((item: { id: number }) => item.id)).toEqual([recorded.json.id]);
    expect(seen.json.items[0].abilities.canWithdraw).toBe(false);

    // one recorded in error and withdrawn is no fact
    const mistaken = await post(url, supervisor, { ...body, kind: 'discipline', description: '误登' });
    const withdrawn = await post(`/api/supervision/findings/${mistaken.json.id}/withdraw`, supervisor, {
      reason: '登记错误',
    });
    expect(withdrawn.json.withdrawnReason).toBe('登记错误');
    expect(
      (await post(`/api/supervision/findings/${mistaken.json.id}/withdraw`, supervisor, { reason: '再次' }))
        .status,
    ).toBe(409);

    // 平时考核制度第四条「违规违纪行为」: proposed in the officer's open period, for the assessor to confirm
    const schemeVersionId = await presetVersionId(ctx, supervisor, 'bohu-officer-routine');
    const quarter = `${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`;
    const opened = await post('/api/assessment/periods', supervisor, {
      schemeVersionId,
      periodKey: quarter,
      underOrgId: world.marketId,
    });
    expect(opened.status, JSON.stringify(opened.json)).toBe(201);
    const periodId = opened.json.id as number;
    expect((await post(`/api/assessment/periods/${periodId}/proposals/generate`, supervisor)).status).toBe(
      200,
    );
    const proposed = await ctx.request({
      method: 'GET',
      url: `/api/assessment/periods/${periodId}/records?status=proposed&pageSize=100`,
      cookie: supervisor,
    });
    const violations = proposed.json.items.filter(
      (item: { item: string }) => item.item === 'bohu.001.a4.violation',
    );
    expect(violations).toEqual([
      expect.objectContaining({
        occurredOn: today,
        note: `执法过错认定（${number}）：${body.description}`,
        evidence: expect.objectContaining({ kind: 'link', id: number }),
      }),
    ]);
    const subject = await ctx.db
      .selectFrom('assessment_subject')
      .select('subject_key')
      .where('period_id', '=', periodId)
      .where('officer_id', '=', officer.id)
      .executeTakeFirstOrThrow();
    expect(violations[0].subjectKey).toBe(subject.subject_key);
    // generating again adds nothing new
    const again = await post(`/api/assessment/periods/${periodId}/proposals/generate`, supervisor);
    expect(again.json.added).toBe(0);
  });

  it('shows the findings in force on the officer’s 奖惩记录 and in the 执法业绩档案 DOCX', async () => {
    const officer = await officerUnder(world.marketId);
    const archive = await ctx.request({
      method: 'GET',
      url: `/api/officers/${officer.id}/rewards-punishments`,
      cookie: legal,
    });
    expect(archive.status).toBe(200);
    // the withdrawn one (登记错误) is not there
    expect(archive.json).toEqual([
      {
        date: today,
        column: '执法过错认定情况',
        category: '执法过错认定',
        content: '未告知当事人陈述、申辩权利即作出处罚决定，认定为执法过错',
        basis: expect.stringMatching(/^博司监〔\d{4}〕\d+号$/),
      },
    ]);
    const docx = await ctx.app.inject({
      method: 'GET',
      url: `/api/officers/${officer.id}/archive.docx`,
      headers: { cookie: supervisor },
    });
    expect(docx.statusCode).toBe(200);
    const rows = docxTableRows(docx.rawPayload);
    expect(rows).toContainEqual([
      formatChineseDate(today),
      '执法过错认定',
      '未告知当事人陈述、申辩权利即作出处罚决定，认定为执法过错',
      archive.json[0].basis,
    ]);
  });
});
