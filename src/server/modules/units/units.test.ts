import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../../common/format.ts';
import type { Actor } from '../../lib/access.ts';
import { docxText } from '../../testing/docx-text.ts';
import { demoOrgByName } from '../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { actorOfAccount } from '../assessment/account-actor.ts';
import { FAILING_DEDUCTIONS, openTownshipPeriod } from './units.fixtures.ts';

let ctx: TestContext;
let cookies: Record<
  'sifasuo' | 'supervisor' | 'juzhang' | 'leader' | 'legal' | 'officer' | 'assessor',
  string
>;
let supervisor: Actor;
let bohu: number;
let benbutu: number;
let market: number;
let periodId: number;
const today = todayInShanghai(new Date());
const year = Number(today.slice(0, 4));
const inYear = `${year}-06-15`;

beforeAll(async () => {
  ctx = await createTestContext();
  const names = ['sifasuo', 'supervisor', 'juzhang', 'leader', 'legal', 'officer', 'assessor'] as const;
  cookies = Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await ctx.login(name)] as const)),
  ) as typeof cookies;
  supervisor = await actorOfAccount(ctx.db, 'supervisor');
  bohu = (await demoOrgByName(ctx.db, '博湖镇人民政府')).id;
  benbutu = (await demoOrgByName(ctx.db, '本布图镇人民政府')).id;
  market = (await demoOrgByName(ctx.db, '博湖县市场监督管理局')).id;
  periodId = (await openTownshipPeriod(ctx.db, supervisor, year)).id;
});
afterAll(() => ctx.close());

const send = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  ctx.request({ method, url, cookie, ...(payload && { payload }) });
const entry = {
  year,
  kind: 'meeting',
  title: '依法行政专题会议',
  occurredOn: inYear,
  content: '研究法治政府建设',
};
const countEntries = async () =>
  Number(
    (
      await ctx.db
        .selectFrom('unit_dossier_entry')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('依法行政档案 (三(二))', () => {
  it('a township adds to its own dossier, as the unit', async () => {
    const response = await send(cookies.sifasuo, 'POST', `/api/units/${bohu}/dossier`, entry);
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({ side: 'unit', sideLabel: '单位报送', kindLabel: '会议记录' });
  });

  it('the office adds to any unit, as the office', async () => {
    const response = await send(cookies.supervisor, 'POST', `/api/units/${benbutu}/dossier`, {
      ...entry,
      kind: 'normative_filing',
      title: '规范性文件备案审查',
    });
    expect(response.status).toBe(201);
    expect(response.json.side).toBe('office');
  });

  it.each([
    ['another township', 'sifasuo', () => benbutu, 404],
    ['an agency’s legal officer on a township', 'legal', () => bohu, 404],
    ['an officer (no units role)', 'officer', () => bohu, 403],
    ['a leader reads but does not add', 'leader', () => market, 403],
  ] as const)('refuses %s and stores nothing', async (_name, account, orgId, status) => {
    const before = await countEntries();
    const response = await send(cookies[account], 'POST', `/api/units/${orgId()}/dossier`, entry);
    expect(response.status).toBe(status);
    expect(await countEntries()).toBe(before);
  });

  it('bad input gets field-level Chinese errors and stores nothing', async () => {
    const before = await countEntries();
    const response = await send(cookies.sifasuo, 'POST', `/api/units/${bohu}/dossier`, {
      ...entry,
      title: ' ',
      occurredOn: `${year - 1}-12-31`,
    });
    expect(response.status).toBe(400);
    expect(response.json.error.fields).toEqual([{ field: 'title', message: '请填写标题' }]);
    const outside = await send(cookies.sifasuo, 'POST', `/api/units/${bohu}/dossier`, {
      ...entry,
      occurredOn: `${year - 1}-12-31`,
    });
    expect(outside.json.error.fields).toEqual([{ field: 'occurredOn', message: `日期须在${year}年内` }]);
    expect(await countEntries()).toBe(before);
  });

  it('the unit list: the office sees every unit with dossier counts, a township only itself', async () => {
    const office = await send(cookies.supervisor, 'GET', `/api/units?year=${year}&pageSize=50`);
    expect(office.status).toBe(200);
    expect(office.json.total).toBe(12);
    const row = office.json.items.find((item: { orgId: number }) => item.orgId === bohu);
    // the demo seed has entries of its own: the count is what the table holds for the year
    const stored = await ctx.db
      .selectFrom('unit_dossier_entry')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('unit_org_id', '=', bohu)
      .where('year', '=', year)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      categoryLabel: '乡镇',
      entryCount: Number(stored.n),
      reportSubmittedOn: null,
    });
    expect(office.json.items.find((item: { orgId: number }) => item.orgId === market).categoryLabel).toBe(
      '县直部门',
    );
    const paged = await send(cookies.supervisor, 'GET', `/api/units?year=${year}&pageSize=5&page=3`);
    expect(paged.json.items).toHaveLength(2);
    const own = await send(cookies.sifasuo, 'GET', `/api/units?year=${year}`);
    expect(own.json.items.map((item: { orgId: number }) => item.orgId)).toEqual([bohu]);
    const assessor = await send(cookies.assessor, 'GET', `/api/units?year=${year}`);
    expect(assessor.json.total).toBe(12);
    // a typed % or _ is a literal character, not a wildcard
    const wildcard = await send(
      cookies.supervisor,
      'GET',
      `/api/units?year=${year}&keyword=${encodeURIComponent('%')}`,
    );
    expect(wildcard.json.total).toBe(0);
    const township = await send(
      cookies.supervisor,
      'GET',
      `/api/units?year=${year}&keyword=${encodeURIComponent('博湖镇')}`,
    );
    expect(township.json.items.map((item: { orgId: number }) => item.orgId)).toEqual([bohu]);
  });

  it('a unit page links what Fazhi holds and says what the reader may do', async () => {
    const response = await send(cookies.sifasuo, 'GET', `/api/units/${bohu}?year=${year}`);
    expect(response.status).toBe(200);
    expect(response.json.linked).toEqual(
      expect.objectContaining({ casesFiled: expect.any(Number), disputes: expect.any(Number) }),
    );
    expect(response.json.abilities).toEqual({
      canAddEntry: true,
      canSubmitReport: true,
      canRecordCheck: false,
      canSetCategory: false,
    });
  });
});

describe('自查自评 and the annual report (三(一))', () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

  it('only the unit itself submits; the report, then its files', async () => {
    expect(
      (await send(cookies.supervisor, 'PUT', `/api/units/${bohu}/reports/${year}`, { body: '报告' })).status,
    ).toBe(403);
    const empty = await send(cookies.sifasuo, 'PUT', `/api/units/${bohu}/reports/${year}`, { body: '  ' });
    expect(empty.json.error.fields).toEqual([{ field: 'body', message: '请填写依法行政年度报告' }]);
    const early = await ctx.request({
      method: 'POST',
      url: `/api/units/${bohu}/reports/${year}/attachments`,
      cookie: cookies.sifasuo,
      headers: { 'content-type': 'image/png', 'x-file-name': encodeURIComponent('签到表.png') },
      payload: png,
    });
    expect(early.status).toBe(409);
    const submitted = await send(cookies.sifasuo, 'PUT', `/api/units/${bohu}/reports/${year}`, {
      body: `${year}年度依法行政工作报告：……`,
      selfScore: 92.5,
    });
    expect(submitted.status).toBe(200);
    expect(submitted.json.report).toMatchObject({ selfScore: '92.50', isLate: today > `${year}-12-01` });
    const file = await ctx.request({
      method: 'POST',
      url: `/api/units/${bohu}/reports/${year}/attachments`,
      cookie: cookies.sifasuo,
      headers: { 'content-type': 'image/png', 'x-file-name': encodeURIComponent('签到表.png') },
      payload: png,
    });
    expect(file.status).toBe(201);
    const lying = await ctx.request({
      method: 'POST',
      url: `/api/units/${bohu}/reports/${year}/attachments`,
      cookie: cookies.sifasuo,
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('报告.pdf') },
      payload: png,
    });
    expect(lying.status).toBe(400);
    expect(lying.json.error.fields[0].message).toContain('扩展名是 .pdf');
    const office = await send(cookies.supervisor, 'GET', `/api/units/${bohu}/reports/${year}`);
    expect(office.json.report.attachments).toHaveLength(1);
    expect(office.json.canSubmit).toBe(false);
    const download = await ctx.request({
      method: 'GET',
      url: `/api/units/${bohu}/reports/${year}/attachments/${file.json.id}`,
      cookie: cookies.supervisor,
    });
    expect(download.status).toBe(200);
  });

  it('an unsubmitted report shows its deadline state on the calendar', async () => {
    const response = await send(cookies.supervisor, 'GET', `/api/units/${benbutu}/reports/${year + 1}`);
    expect(response.json).toMatchObject({
      dueOn: `${year + 1}-12-01`,
      report: null,
      deadlineState: 'normal',
    });
    const past = await send(cookies.supervisor, 'GET', `/api/units/${benbutu}/reports/${year - 2}`);
    expect(past.json.deadlineState).toBe('overdue');
  });
});

describe('checks, 审定 and rectification (三(三)、三(五)、五)', () => {
  it('the office records a spot check whose deductions become the unit’s records in the period', async () => {
    const bad = await send(cookies.supervisor, 'POST', `/api/units/${bohu}/checks`, {
      year,
      kind: 'spot',
      checkedOn: inYear,
      checkers: '李建国、赵敏',
      methods: [],
      findings: '',
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields.map((field: { field: string }) => field.field).sort()).toEqual([
      'findings',
      'methods',
    ]);
    const unknown = await send(cookies.supervisor, 'POST', `/api/units/${bohu}/checks`, {
      year,
      kind: 'spot',
      checkedOn: inYear,
      checkers: '李建国',
      methods: ['briefing'],
      findings: '抽查',
      periodId,
      deductions: [{ item: 'no.such.item' }],
    });
    expect(unknown.json.error.fields).toEqual([
      { field: 'deductions.0.item', message: '方案中没有可记录的考核项目 no.such.item' },
    ]);
    expect(
      (await send(cookies.sifasuo, 'POST', `/api/units/${bohu}/checks`, { year, kind: 'spot' })).status,
    ).toBe(400);
    const check = await send(cookies.supervisor, 'POST', `/api/units/${bohu}/checks`, {
      year,
      kind: 'spot',
      checkedOn: inYear,
      checkers: '李建国、赵敏',
      methods: ['briefing', 'case_files', 'online'],
      findings: '便民服务中心未按期建成；重大决策未听证；规范性文件未备案。',
      periodId,
      deductions: FAILING_DEDUCTIONS,
    });
    expect(check.status).toBe(201);
    expect(check.json.recordIds).toHaveLength(FAILING_DEDUCTIONS.length);
    expect(check.json.methodLabels).toEqual(['听取汇报', '查阅行政执法案卷', '网上核查']);
    const records = await ctx.db
      .selectFrom('assessment_record')
      .select(['subject_key', 'item'])
      .where('id', 'in', check.json.recordIds)
      .execute();
    expect(new Set(records.map((record) => record.subject_key))).toEqual(new Set([`org:${bohu}`]));
    const asTownship = await send(cookies.sifasuo, 'POST', `/api/units/${bohu}/checks`, {
      year,
      kind: 'spot',
      checkedOn: inYear,
      checkers: '自己',
      methods: ['briefing'],
      findings: '自查',
    });
    expect(asTownship.status).toBe(403);
  });

  it('publishing waits for the leading group’s approval, category by category', async () => {
    const compute = await send(cookies.supervisor, 'POST', `/api/assessment/periods/${periodId}/compute`);
    expect(compute.status).toBe(200);
    const refused = await send(cookies.supervisor, 'POST', `/api/assessment/periods/${periodId}/publish`);
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatchObject({
      code: 'UNIT_APPROVAL_REQUIRED',
      message: '乡镇的考核结果尚未经领导小组审定，不能公示',
    });
    const view = await send(cookies.juzhang, 'GET', `/api/unit-periods/${periodId}`);
    expect(view.status).toBe(200);
    expect(view.json.categories.map((category: { category: string }) => category.category)).toEqual([
      'township',
    ]);
    expect(view.json.categories[0].abilities).toEqual({ canSubmit: false, canDecide: false });
    const early = await send(
      cookies.juzhang,
      'POST',
      `/api/unit-periods/${periodId}/approvals/township/decision`,
      {
        decision: 'approve',
      },
    );
    expect(early.status).toBe(409);
    const submitted = await send(
      cookies.supervisor,
      'POST',
      `/api/unit-periods/${periodId}/approvals/township/submit`,
      {
        note: '请审定',
      },
    );
    expect(submitted.json.categories[0].status).toBe('submitted');
    expect(
      (
        await send(cookies.leader, 'POST', `/api/unit-periods/${periodId}/approvals/township/decision`, {
          decision: 'approve',
        })
      ).status,
    ).toBe(403);
    const noReason = await send(
      cookies.juzhang,
      'POST',
      `/api/unit-periods/${periodId}/approvals/township/decision`,
      {
        decision: 'return',
      },
    );
    expect(noReason.json.error.fields).toEqual([{ field: 'note', message: '退回须写明理由' }]);
    const returned = await send(
      cookies.juzhang,
      'POST',
      `/api/unit-periods/${periodId}/approvals/township/decision`,
      {
        decision: 'return',
        note: '请核实博湖镇的抽查扣分',
      },
    );
    expect(returned.json.categories[0]).toMatchObject({
      status: 'returned',
      decisionNote: '请核实博湖镇的抽查扣分',
    });
    // recompute after the return, resubmit, approve; a recompute after approval makes it stale
    await send(cookies.supervisor, 'POST', `/api/assessment/periods/${periodId}/compute`);
    await send(cookies.supervisor, 'POST', `/api/unit-periods/${periodId}/approvals/township/submit`, {});
    const approved = await send(
      cookies.juzhang,
      'POST',
      `/api/unit-periods/${periodId}/approvals/township/decision`,
      {
        decision: 'approve',
      },
    );
    expect(approved.json.categories[0].status).toBe('approved');
    expect(approved.json.publishRefusal).toBeNull();
    await send(cookies.supervisor, 'POST', `/api/assessment/periods/${periodId}/compute`);
    const stale = await send(cookies.supervisor, 'POST', `/api/assessment/periods/${periodId}/publish`);
    expect(stale.json.error.code).toBe('UNIT_APPROVAL_STALE');
    await send(cookies.supervisor, 'POST', `/api/unit-periods/${periodId}/approvals/township/submit`, {});
    await send(cookies.juzhang, 'POST', `/api/unit-periods/${periodId}/approvals/township/decision`, {
      decision: 'approve',
    });
    const published = await send(cookies.supervisor, 'POST', `/api/assessment/periods/${periodId}/publish`);
    expect(published.status).toBe(200);
  });

  it('the failing township files its written plan, tracked to done; the others owe none', async () => {
    const followUp = await send(cookies.supervisor, 'GET', `/api/unit-periods/${periodId}/follow-up`);
    expect(followUp.json.rectifications.map((row: { orgId: number }) => row.orgId)).toEqual([bohu]);
    expect(followUp.json.rectifications[0]).toMatchObject({ grade: '不合格', status: 'missing' });
    const notFailing = await send(cookies.supervisor, 'POST', `/api/unit-periods/${periodId}/commendations`, {
      kind: 'unit',
      orgId: bohu,
      reason: '先进',
    });
    expect(notFailing.json.error.fields[0].field).toBe('orgId');
    const commended = await send(cookies.supervisor, 'POST', `/api/unit-periods/${periodId}/commendations`, {
      kind: 'individual',
      orgId: benbutu,
      personName: '阿依古丽',
      reason: '依法行政工作成绩突出',
    });
    expect(commended.json.commendations).toHaveLength(1);
    const byOffice = await send(
      cookies.supervisor,
      'POST',
      `/api/unit-periods/${periodId}/rectifications/${bohu}`,
      {
        plan: '方案',
      },
    );
    expect(byOffice.status).toBe(403);
    const plan = '一、按期建成便民服务中心；二、重大决策一律听证；三、规范性文件30日内报备。';
    const filed = await send(
      cookies.sifasuo,
      'POST',
      `/api/unit-periods/${periodId}/rectifications/${bohu}`,
      { plan },
    );
    expect(filed.json).toMatchObject({ status: 'filed', plan });
    expect(
      (await send(cookies.sifasuo, 'POST', `/api/unit-periods/${periodId}/rectifications/${bohu}`, { plan }))
        .status,
    ).toBe(409);
    const accepted = await send(
      cookies.supervisor,
      'POST',
      `/api/unit-periods/${periodId}/rectifications/${bohu}/review`,
      {
        decision: 'accept',
      },
    );
    expect(accepted.json.status).toBe('accepted');
    expect(
      (await send(cookies.supervisor, 'POST', `/api/unit-periods/${periodId}/rectifications/${bohu}/done`))
        .status,
    ).toBe(409);
    await send(cookies.sifasuo, 'POST', `/api/unit-periods/${periodId}/rectifications/${bohu}/progress`, {
      progress: '便民服务中心已建成并投入使用。',
    });
    const done = await send(
      cookies.supervisor,
      'POST',
      `/api/unit-periods/${periodId}/rectifications/${bohu}/done`,
    );
    expect(done.json).toMatchObject({ status: 'done', statusLabel: '已整改' });
    const own = await send(cookies.sifasuo, 'GET', `/api/units/${bohu}/rectifications`);
    expect(own.json.items[0].status).toBe('done');
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'units.%')
      .execute();
    expect(new Set(audit.map((row) => row.action))).toEqual(
      new Set([
        'units.dossier_add',
        'units.report_submit',
        'units.report_attachment_upload',
        'units.check_record',
        'units.approval_submit',
        'units.approval_return',
        'units.approval_approve',
        'units.commendation_add',
        'units.rectification_file',
        'units.rectification_review',
        'units.rectification_progress',
        'units.rectification_done',
        // the demo seed's 汇总表 copies of last year (summary/summary.test.ts checks the action)
        'units.summary_submit',
      ]),
    );
  });
});

describe('考核情况报告 (002 五; 003 篇2 四(三)3)', () => {
  it('the office reports the published period to the county committee and government; a unit may not', async () => {
    const url = `/api/unit-periods/${periodId}/assessment-report.docx`;
    const byUnit = await ctx.app.inject({ method: 'GET', url, headers: { cookie: cookies.sifasuo } });
    expect(byUnit.statusCode).toBe(403);
    const report = await ctx.app.inject({ method: 'GET', url, headers: { cookie: cookies.supervisor } });
    expect(report.statusCode, report.body).toBe(200);
    const text = docxText(report.rawPayload);
    expect(text).toContain('考核情况的报告');
    expect(text).toContain('中共博湖县委员会');
    // issued by the leading group's office, its 博考办 number blank until it is filed
    expect(text).toContain('博湖县行政执法绩效考核领导小组办公室');
    expect(text).toContain('博考办〔');
    expect(text).toContain('博湖县人民政府');
    // the results table, the commended individual and the failing township's plan, done
    expect(text).toMatch(/博湖镇人民政府[\s\S]*不合格/);
    expect(text).toContain('先进个人：阿依古丽（本布图镇人民政府）');
    expect(text).toContain('博湖镇人民政府（不合格，整改方案已整改）');
  });
});
