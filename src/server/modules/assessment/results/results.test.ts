import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMES_DIRECTORY } from '../../../../cli/score/presets.ts';
import { demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { decideAppeal, submitAppeal } from '../appeals/appeals.service.ts';
import { actorOf } from '../assessment-fixtures.ts';
import { getPeriodView } from '../periods/periods.service.ts';
import { finalisePeriod, publishPeriod } from './results.service.ts';

/** seed 004 with grades and a 50 % quota on 优秀, so four sections make a quota tie. */
const QUOTA_SCHEME = `${readFileSync(`${SCHEMES_DIRECTORY}/zjg-section-quarterly.yaml`, 'utf8').replace(
  'id: zjg-section-quarterly',
  'id: zjg-quota-test',
)}
grades:
  - { grade: 优秀, min: 90 }
  - { grade: 良好, min: null }
quotas:
  - { grade: 优秀, maxShare: 50, rounding: floor }
`;

let ctx: TestContext;
let supervisor: string;
let periodId: number;
const keys: Record<string, string> = {};
let officeRecordId: number;

beforeAll(async () => {
  ctx = await createTestContext();
  supervisor = await ctx.login('supervisor');
  const upload = await ctx.request({
    method: 'POST',
    url: '/api/assessment/schemes',
    cookie: supervisor,
    payload: { content: QUOTA_SCHEME },
  });
  expect(upload.status).toBe(201);
  for (const [name, label] of [
    ['office', '办公室'],
    ['personnel', '人事教育科'],
    ['supervision', '行政执法协调监督科'],
    ['legal', '法制审核科'],
  ]) {
    keys[name!] = `org:${(await demoOrgByName(ctx.db, label!)).id}`;
  }
  // four named sections of the bureau: the quota of 50 % then leaves two seats for 优秀
  const opened = await ctx.request({
    method: 'POST',
    url: '/api/assessment/periods',
    cookie: supervisor,
    payload: {
      schemeVersionId: upload.json.id,
      periodKey: '2025-Q3',
      subjectIds: Object.values(keys).map((key) => Number(key.slice('org:'.length))),
    },
  });
  periodId = opened.json.id;
  const record = (payload: object) =>
    ctx.request({
      method: 'POST',
      url: `/api/assessment/periods/${periodId}/records`,
      cookie: supervisor,
      payload,
    });
  const office = await record({
    subjectKey: keys.office,
    item: 'zjg.004.d1-1.1.key-task-late',
    occurredOn: '2025-07-15',
    count: 5,
  });
  officeRecordId = office.json.id;
  await record({
    subjectKey: keys.legal,
    item: 'zjg.004.b1.commendation',
    level: 'city',
    occurredOn: '2025-08-15',
    evidence: { kind: 'link', id: '市级表彰文件' },
  });
});
afterAll(() => ctx.close());

const ranking = async () =>
  (
    await ctx.request({
      method: 'GET',
      url: `/api/assessment/periods/${periodId}/results`,
      cookie: supervisor,
    })
  ).json;
const row = (json: { items: { subjectKey: string }[] }, key: string) =>
  json.items.find((item) => item.subjectKey === key) as unknown as {
    total: string;
    grade: string;
    rank: number;
    flags: { isQuotaDemoted: boolean };
  };

describe('closing a period', () => {
  it('computes scores, ranks and a quota tie: tied sections at the boundary all give up the seat', async () => {
    const computed = await ctx.request({
      method: 'POST',
      url: `/api/assessment/periods/${periodId}/compute`,
      cookie: supervisor,
    });
    expect(computed.status).toBe(200);
    const table = await ranking();
    expect(row(table, keys.legal!)).toMatchObject({ total: '92', grade: '优秀', rank: 1 });
    expect(row(table, keys.supervision!)).toMatchObject({ total: '90', grade: '良好', rank: 2 });
    expect(row(table, keys.personnel!).flags.isQuotaDemoted).toBe(true);
    expect(row(table, keys.office!)).toMatchObject({ total: '80', rank: 4 });
    expect(table.distribution).toEqual({ 优秀: 1, 良好: 3 });
  });

  it('hides results from subjects until publication, then shows the scorecard with evidence', async () => {
    const assessor = await ctx.login('assessor');
    const early = await ctx.request({
      method: 'GET',
      url: `/api/assessment/periods/${periodId}/subjects/${keys.office}/scorecard`,
      cookie: assessor,
    });
    expect(early.status).toBe(409);
    // the scorecard page tells 'not yet published' from other conflicts by this code
    expect(early.json.error.code).toBe('RESULTS_NOT_PUBLISHED');
    const published = await publishPeriod(ctx.db, await actorOf(ctx, 'supervisor'), periodId, '2025-09-30');
    // 3 working days after 30 September 2025: National Day holiday to 8 October, 11 October a 调休 workday
    expect(published.appealClosesOn).toBe('2025-10-11');
    const card = await ctx.request({
      method: 'GET',
      url: `/api/assessment/periods/${periodId}/subjects/${keys.office}/scorecard`,
      cookie: assessor,
    });
    expect(card.status).toBe(200);
    const line = card.json.result.explanation.find((entry: { kind: string }) => entry.kind === 'deduction');
    expect(line).toMatchObject({ clause: '第二章第一条一(一)1', points: '-10', assessor: '办公室' });
    expect(card.json.records[line.records[0]].item).toBe('zjg.004.d1-1.1.key-task-late');
    const other = await ctx.request({
      method: 'GET',
      url: `/api/assessment/periods/${periodId}/subjects/${keys.legal}/scorecard`,
      cookie: assessor,
    });
    expect(other.status).toBe(403);
  });

  it('refuses an appeal on the fourth working day with the date the window closed', async () => {
    const assessor = await actorOf(ctx, 'assessor');
    await expect(
      submitAppeal(ctx.db, assessor, periodId, keys.office!, { reasons: '迟交' }, '2025-10-13'),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('2025年10月11日') });
  });

  it('an upheld appeal changes the records, recomputes, moves the rank and is audited', async () => {
    const assessor = await actorOf(ctx, 'assessor');
    const appeal = await submitAppeal(
      ctx.db,
      assessor,
      periodId,
      keys.office!,
      { reasons: '重点任务已按期完成，附完成报告', proof: [{ kind: 'link', id: '完成报告' }] },
      '2025-10-11',
    );
    expect(appeal.decideBy).toBe('2025-10-15'); // 13, 14, 15 October
    const decided = await decideAppeal(
      ctx.db,
      await actorOf(ctx, 'supervisor'),
      periodId,
      appeal.id,
      { decision: 'upheld', reasons: '经核实任务按期完成', withdrawRecordIds: [officeRecordId] },
      '2025-10-14',
    );
    expect(decided.before).toMatchObject({ total: '80', rank: 4 });
    expect(decided.after).toMatchObject({ total: '90', rank: 2 });
    expect(row(await ranking(), keys.office!)).toMatchObject({ total: '90', rank: 2, grade: '良好' });
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('action', '=', 'assessment.appeal_decide')
      .execute();
    expect(audit).toHaveLength(1);
    const record = await ctx.db
      .selectFrom('assessment_record')
      .select('status')
      .where('id', '=', officeRecordId)
      .executeTakeFirstOrThrow();
    expect(record.status).toBe('withdrawn');
  });

  it('an upheld appeal may add a record: recomputed, audited and cited in the explanation', async () => {
    // 人事教育科 has no demo account of its own: its appeal is entered as the office received it
    const appeal = await ctx.db
      .insertInto('assessment_appeal')
      .values({
        period_id: periodId,
        subject_key: keys.personnel!,
        reasons: '本季度获市级表彰，未计加分',
        proof: JSON.stringify([{ kind: 'link', id: '市级表彰通报' }]),
        submitted_on: '2025-10-10',
        decide_by: '2025-10-15',
        decision: null,
        changes: null,
        before_result: null,
        after_result: null,
        submitted_by: null,
        decided_by: null,
        decided_on: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const supervisorActor = await actorOf(ctx, 'supervisor');
    await expect(
      decideAppeal(
        ctx.db,
        supervisorActor,
        periodId,
        appeal.id,
        {
          decision: 'upheld',
          reasons: '经核实',
          addRecords: [
            {
              item: 'zjg.004.b1.commendation',
              level: 'city',
              occurredOn: '2025-08-20',
              evidence: { kind: 'case', id: '999999' },
            },
          ],
        },
        '2025-10-14',
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const decided = await decideAppeal(
      ctx.db,
      supervisorActor,
      periodId,
      appeal.id,
      {
        decision: 'upheld',
        reasons: '经核实确获市级表彰，予以补记加分',
        addRecords: [
          {
            item: 'zjg.004.b1.commendation',
            level: 'city',
            occurredOn: '2025-08-20',
            note: '市级表彰',
            evidence: { kind: 'link', id: '市级表彰通报' },
          },
        ],
      },
      '2025-10-14',
    );
    expect(decided.before).toMatchObject({ total: '90' });
    expect(decided.after).toMatchObject({ total: '92', rank: 1 });
    const added = (decided.changes as { added: number[] }).added;
    expect(added).toHaveLength(1);
    const card = await ctx.request({
      method: 'GET',
      url: `/api/assessment/periods/${periodId}/subjects/${keys.personnel}/scorecard`,
      cookie: supervisor,
    });
    const ref = `R${added[0]}`;
    const line = card.json.result.explanation.find((entry: { records: string[] }) =>
      entry.records.includes(ref),
    );
    expect(line).toMatchObject({ kind: 'bonus', points: '+2' });
    expect(card.json.records[ref]).toMatchObject({
      addedByAppeal: appeal.id,
      note: `市级表彰（申诉${appeal.id}补记）`,
    });
    expect(card.json.appeals).toContainEqual(
      expect.objectContaining({ id: appeal.id, status: 'upheld', added: [ref] }),
    );
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'assessment.appeal_decide')
      .where('entity_id', '=', String(appeal.id))
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.after)).toContain(`"added":[${added[0]}]`);
  });

  it('a rejected appeal keeps the scores and gives the reasons', async () => {
    const appeal = await submitAppeal(
      ctx.db,
      await actorOf(ctx, 'assessor'),
      periodId,
      keys.office!,
      { reasons: '请求加分' },
      '2025-10-10',
    );
    const decided = await decideAppeal(
      ctx.db,
      await actorOf(ctx, 'supervisor'),
      periodId,
      appeal.id,
      { decision: 'rejected', reasons: '无加分依据' },
      '2025-10-14',
    );
    expect(decided).toMatchObject({ status: 'rejected', decision: '无加分依据' });
    expect(decided.after).toEqual(decided.before);
  });

  it('finalises only after the window, then refuses every write with a clear message', async () => {
    const actor = await actorOf(ctx, 'supervisor');
    // inside the appeal window 定档 is refused with the day it ends, and the board's button says so
    await expect(finalisePeriod(ctx.db, actor, periodId, '2025-10-11')).rejects.toMatchObject({
      code: 'APPEAL_WINDOW_OPEN',
      message: expect.stringContaining('2025年10月11日'),
    });
    expect((await getPeriodView(ctx.db, actor, periodId, '2025-10-11')).finaliseRefusal).toBe(
      '申诉期至2025年10月11日截止，截止后方可定档',
    );
    expect((await getPeriodView(ctx.db, actor, periodId, '2025-10-14')).finaliseRefusal).toBeNull();
    await finalisePeriod(ctx.db, actor, periodId, '2025-10-14');
    const before = await ranking();
    const attempts = [
      {
        method: 'POST' as const,
        url: `/api/assessment/periods/${periodId}/records`,
        payload: { subjectKey: keys.office, item: 'zjg.004.d1-1.1.key-task-late', occurredOn: '2025-07-15' },
      },
      { method: 'POST' as const, url: `/api/assessment/periods/${periodId}/compute` },
      { method: 'POST' as const, url: `/api/assessment/periods/${periodId}/publish` },
      {
        method: 'PUT' as const,
        url: `/api/assessment/periods/${periodId}/group-owners`,
        payload: { groupId: 'zjg.004.d2', orgId: null },
      },
    ];
    for (const attempt of attempts) {
      const response = await ctx.request({ ...attempt, cookie: supervisor });
      expect(response.status, attempt.url).toBe(409);
      expect(response.json.error.message).toContain('已定档');
    }
    const assessor = await ctx.login('assessor');
    const appeal = await ctx.request({
      method: 'POST',
      url: `/api/assessment/periods/${periodId}/subjects/${keys.office}/appeals`,
      cookie: assessor,
      payload: { reasons: '再申诉' },
    });
    expect(appeal.status).toBe(409);
    expect(await ranking()).toEqual(before);
  });
});
