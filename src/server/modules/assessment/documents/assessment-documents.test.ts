import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMES_DIRECTORY } from '../../../../cli/score/presets.ts';
import { docxTableRows, docxText } from '../../../testing/docx-text.ts';
import { createForeignCounty, demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { openSectionPeriod, presetVersionId } from '../assessment-fixtures.ts';

/**
 * 2023 is outside the demo county's data (its cases are the year before the seed runs), so every
 * count below is exactly the facts this file adds for 张伟 (the demo `officer` account).
 */
const YEAR = 2023;
const SCHEME_ID = 'xx-officer-performance';
/** seed 000's scheme with a ranking: top 30 % commended, last 2 barred (to test the circular's lists). */
const RANKED_SCHEME = `${readFileSync(`${SCHEMES_DIRECTORY}/${SCHEME_ID}.yaml`, 'utf8').replace(
  `id: ${SCHEME_ID}`,
  'id: xx-ranked-test',
)}
ranking:
  commend: { share: 30, clause: 测试条款 }
  bar: { last: 2 }
`;

let ctx: TestContext;
let supervisor: string;
let officer: string;
let zhang: { id: number; key: string };
let colleague: { id: number; key: string; name: string };
const periodIds: Record<string, number> = {};
let rankedPeriodId: number;
let teamId: number;

type Json = Record<string, unknown>;
const api = async (method: 'GET' | 'POST', url: string, cookie: string, payload?: Json) => {
  const response = await ctx.request({ method, url, cookie, ...(payload && { payload }) });
  if (response.status >= 400) throw new Error(`${method} ${url}: ${JSON.stringify(response.json)}`);
  return response.json;
};
const download = (url: string, cookie: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie } });

async function sheetTexts(bytes: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const texts: string[] = [];
  workbook.worksheets[0]!.eachRow((row) =>
    row.eachCell((cell) => {
      if (!cell.isMerged || cell.master === cell) texts.push(String(cell.value ?? ''));
    }),
  );
  return texts;
}

/** The value printed beside a label of a downloaded form (XLSX: the cell right of the label). */
async function formValues(bytes: Buffer): Promise<Record<string, string>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const values: Record<string, string> = {};
  workbook.worksheets[0]!.eachRow((row) => {
    for (const column of [1, 3]) {
      const label = row.getCell(column);
      if (label.isMerged && label.master !== label) continue;
      values[String(label.value ?? '')] = String(row.getCell(column + 1).value ?? '');
    }
  });
  return values;
}

async function addCase(name: string, closedOn: string, grade: 'excellent' | 'pass' | 'fail' | null) {
  const row = await ctx.db
    .insertInto('enforcement_case')
    .values({
      org_id: teamId,
      kind: 'penalty',
      case_no: `博市监罚〔${YEAR}〕${name.length}${closedOn.slice(5, 7)}号`,
      name,
      source: '日常检查',
      filed_on: `${YEAR}-01-02`,
      closed_on: closedOn,
      quality_grade: grade,
      quality_opinion: grade === 'fail' ? '未告知陈述申辩权利' : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('case_handler')
    .values({ case_id: row.id, officer_id: zhang.id, certificate_number: 'TEST-0001' })
    .execute();
}

async function addComplaint(
  kind: 'complaint' | 'petition',
  receivedOn: string,
  finding: 'substantiated' | 'unfounded' | null,
) {
  await ctx.db
    .insertInto('complaint')
    .values({
      org_id: teamId,
      kind,
      officer_id: zhang.id,
      case_id: null,
      source: '12345热线',
      received_on: receivedOn,
      summary: '测试',
      finding,
      handling: null,
      handled_on: null,
    })
    .execute();
}

async function openPeriod(versionId: number, periodKey: string) {
  return (await api('POST', '/api/assessment/periods', supervisor, {
    schemeVersionId: versionId,
    periodKey,
    underOrgId: teamId,
  })) as { id: number; subjectCount: number };
}

async function record(
  periodId: number,
  subjectKey: string,
  item: string,
  occurredOn: string,
  extra: Json = {},
) {
  await api('POST', `/api/assessment/periods/${periodId}/records`, supervisor, {
    subjectKey,
    item,
    occurredOn,
    ...extra,
  });
}

beforeAll(async () => {
  ctx = await createTestContext();
  supervisor = await ctx.login('supervisor');
  officer = await ctx.login('officer');
  teamId = (await demoOrgByName(ctx.db, '市场监管综合行政执法大队')).id;
  const own = await ctx.db
    .selectFrom('officer')
    .innerJoin('user_account', 'user_account.id', 'officer.user_id')
    .select('officer.id')
    .where('user_account.username', '=', 'officer')
    .executeTakeFirstOrThrow();
  zhang = { id: own.id, key: `officer:${own.id}` };
  const other = await ctx.db
    .selectFrom('officer')
    .select(['id', 'name'])
    .where('org_id', '=', teamId)
    .where('id', '!=', own.id)
    .where('status', '=', 'active')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  colleague = { id: other.id, key: `officer:${other.id}`, name: other.name };

  await addCase('销售过期食品案', `${YEAR}-02-10`, 'pass');
  await addCase('无证经营案', `${YEAR}-08-01`, 'excellent');
  await addCase('虚假宣传案', `${YEAR}-09-12`, 'fail');
  await addComplaint('complaint', `${YEAR}-07-05`, 'substantiated');
  await addComplaint('complaint', `${YEAR}-08-20`, 'unfounded');
  await addComplaint('petition', `${YEAR}-11-03`, null);
  await ctx.db
    .insertInto('campaign_participation')
    .values({ officer_id: zhang.id, name: '食品安全专项整治', joined_on: `${YEAR}-05-10` })
    .execute();

  const versionId = await presetVersionId(ctx, supervisor, SCHEME_ID);
  for (const quarter of [1, 2, 3, 4]) {
    const period = await openPeriod(versionId, `${YEAR}-Q${quarter}`);
    periodIds[`Q${quarter}`] = period.id;
    const month = String(quarter * 3 - 1).padStart(2, '0');
    // 张伟: 合格 in Q2 (two 7-point deductions), a city commendation in Q3; the colleague loses 3 each quarter
    if (quarter === 2) {
      await record(period.id, zhang.key, 'xx.000.t1.1.2.attitude', `${YEAR}-${month}-10`, { count: 2 });
    }
    if (quarter === 3) {
      await record(period.id, zhang.key, 'xx.000.t3.1.1.achievement', `${YEAR}-${month}-10`, {
        level: 'city',
      });
    }
    await record(period.id, colleague.key, 'xx.000.t1.1.1.unskilled', `${YEAR}-${month}-11`);
    await api('POST', `/api/assessment/periods/${period.id}/compute`, supervisor);
    await api('POST', `/api/assessment/periods/${period.id}/publish`, supervisor);
  }

  const upload = await api('POST', '/api/assessment/schemes', supervisor, { content: RANKED_SCHEME });
  const ranked = await openPeriod(upload.id as number, `${YEAR}-Q3`);
  rankedPeriodId = ranked.id;
  await record(ranked.id, zhang.key, 'xx.000.t3.1.1.achievement', `${YEAR}-08-10`, { level: 'city' });
  await record(ranked.id, colleague.key, 'xx.000.t1.1.2.attitude', `${YEAR}-08-11`, { count: 3 });
  await api('POST', `/api/assessment/periods/${ranked.id}/compute`, supervisor);
}, 120_000);
afterAll(() => ctx.close());

const formUrl = (period: string, subjectKey: string, form: string, format: string) =>
  `/api/assessment/periods/${periodIds[period]}/subjects/${subjectKey}/${form}.${format}`;

describe('质量监督表', () => {
  it('the officer downloads their own quarter form with the quarter’s cases, complaints and grade', async () => {
    const scorecard = await api(
      'GET',
      `/api/assessment/periods/${periodIds.Q3}/subjects/${zhang.key}/scorecard`,
      officer,
    );
    const response = await download(formUrl('Q3', zhang.key, 'quality-supervision', 'xlsx'), officer);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain(
      encodeURIComponent(`质量监督表-张伟-${YEAR}年第三季度.xlsx`),
    );
    const values = await formValues(response.rawPayload);
    expect(values.姓名).toBe('张伟');
    expect(values.办案数量).toBe('（2）件');
    expect(values.办案质量情况).toContain('无证经营案');
    expect(values.办案质量情况).toContain('虚假宣传案');
    expect(values.办案质量情况).toContain('不合格。未告知陈述申辩权利');
    expect(values.办案质量情况).not.toContain('销售过期食品案');
    expect(values.被投诉控告情况).toBe('被投诉控告（2）件');
    expect(values.调查属实情况).toBe('经调查属实（1）件　经调查不属实（1）件');
    const { result } = scorecard as { result: { grade: string; total: string; rank: number } };
    expect(values.本季度执法考评等次).toContain(
      `${result.grade}（得分 ${result.total}，第 ${result.rank} 名`,
    );
    expect(values.执法工作创新情况!.trim()).toBe('');
  });

  it('prints the same form as DOCX, and the download is audited', async () => {
    const response = await download(formUrl('Q3', zhang.key, 'quality-supervision', 'docx'), supervisor);
    expect(response.statusCode).toBe(200);
    const rows = docxTableRows(response.rawPayload);
    expect(rows.find((row) => row[0] === '办案数量')).toEqual(['办案数量', '（2）件']);
    expect(docxText(response.rawPayload)).toContain('行政执法人员行政执法质量监督表');
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'after'])
      .where('action', '=', 'assessment.document_export')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.entity_id).toBe(String(periodIds.Q3));
    expect(audit.after).toMatchObject({
      document: 'quality_supervision',
      format: 'docx',
      subjectKey: zhang.key,
    });
  });

  it('an officer cannot download a colleague’s form; another county does not see the period', async () => {
    const colleagueForm = await download(
      formUrl('Q3', colleague.key, 'quality-supervision', 'xlsx'),
      officer,
    );
    expect(colleagueForm.statusCode).toBe(403);
    const foreign = await createForeignCounty(ctx.db);
    const outsider = await ctx.login(foreign.usernames.supervisor);
    for (const url of [
      formUrl('Q3', zhang.key, 'quality-supervision', 'xlsx'),
      formUrl('Q3', zhang.key, 'rewards-punishments', 'docx'),
      `/api/assessment/periods/${periodIds.Q3}/annual-summary.xlsx`,
      `/api/assessment/periods/${periodIds.Q3}/circular.docx`,
    ]) {
      expect((await download(url, outsider)).statusCode).toBe(404);
    }
  });

  it('before publication only managers get the forms; the officer is told the results are not published', async () => {
    const url = `/api/assessment/periods/${rankedPeriodId}/subjects/${zhang.key}/quality-supervision.xlsx`;
    const early = await download(url, officer);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('尚未公示');
    expect((await download(url, supervisor)).statusCode).toBe(200);
  });
});

describe('奖惩记录表', () => {
  it('a third-quarter period gives the whole year, counts from every quarter and the rolled-up grade', async () => {
    const rollUp = await api(
      'GET',
      `/api/assessment/roll-up?schemeId=${SCHEME_ID}&target=${YEAR}`,
      supervisor,
    );
    const annual = (rollUp.result as { subjects: Array<{ subject: string; grade: string }> }).subjects.find(
      (subject) => subject.subject === zhang.key,
    )!;
    const response = await download(formUrl('Q3', zhang.key, 'rewards-punishments', 'xlsx'), officer);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain(
      encodeURIComponent(`奖惩记录表-张伟-${YEAR}年度.xlsx`),
    );
    const texts = await sheetTexts(response.rawPayload);
    expect(texts[0]).toBe('行政执法人员执法工作考核（年度）奖惩记录表');
    const values = await formValues(response.rawPayload);
    expect(values.执法工作情况).toBe(
      '办案数量（3）件　被投诉（2）件　经调查属实（1）件　经调查不属实（1）件\n办案质量：优秀（1）件　合格（1）件　不合格（1）件',
    );
    expect(values.专项执法情况).toContain('参加专项整治（1）次');
    expect(values.专项执法情况).toContain('处理信访案件（1）件');
    expect(values.执法工作奖励情况).toContain(`${YEAR}年第三季度：业绩突出受到表彰`);
    expect(values.执法工作奖励情况).toContain('+2分');
    expect(values.考评等次!.split('\n')[0]).toContain(`${annual.grade}☑`);
    expect(values.考评等次!.match(/☑/g)).toHaveLength(1);
  });

  it('a first-quarter period gives the first half, graded by the half-year roll-up (奖惩记录表 填表说明: 6月底 上半年)', async () => {
    const response = await download(formUrl('Q1', zhang.key, 'rewards-punishments', 'docx'), officer);
    expect(response.statusCode).toBe(200);
    const text = docxText(response.rawPayload);
    expect(text).toContain('行政执法人员执法工作考核（半年度）奖惩记录表');
    expect(text).toContain(`考核期间：${YEAR}年上半年`);
    expect(text).toContain('办案数量（1）件　被投诉（0）件');
    expect(text).toContain('参加专项整治（1）次');
    // 张伟: Q1 100, Q2 86 → (100 + 86) / 2 = 93 → 优秀 (issue 18 point 5: the boxes were left empty)
    expect(text).toContain('优秀☑　合格□　不合格□');
  });

  it('is refused for an officer’s colleague and for organisation subjects', async () => {
    expect(
      (await download(formUrl('Q1', colleague.key, 'rewards-punishments', 'docx'), officer)).statusCode,
    ).toBe(403);
    const team = await demoOrgByName(ctx.db, '市场监管综合行政执法大队');
    const response = await download(
      formUrl('Q1', `org:${team.id}`, 'rewards-punishments', 'docx'),
      supervisor,
    );
    expect(response.statusCode).toBe(404);
    const { period, keys } = await openSectionPeriod(ctx, supervisor, `${YEAR}-Q3`);
    await api('POST', `/api/assessment/periods/${period.id}/compute`, supervisor);
    const section = await download(
      `/api/assessment/periods/${period.id}/subjects/${keys.office}/quality-supervision.xlsx`,
      supervisor,
    );
    expect(section.statusCode).toBe(400);
    expect(section.json().error.fields).toEqual([
      { field: 'subjectKey', message: '质量监督表、奖惩记录表只适用于执法人员考核对象' },
    ]);
  });
});

describe('汇总表', () => {
  it('lists every officer with the four quarterly grades and the year-end grade', async () => {
    const rollUp = await api(
      'GET',
      `/api/assessment/roll-up?schemeId=${SCHEME_ID}&target=${YEAR}`,
      supervisor,
    );
    const grades: string[] = [];
    for (const quarter of [1, 2, 3, 4]) {
      const ranking = await api(
        'GET',
        `/api/assessment/periods/${periodIds[`Q${quarter}`]}/results`,
        supervisor,
      );
      grades.push(
        (ranking.items as Array<{ subjectKey: string; grade: string }>).find(
          (item) => item.subjectKey === zhang.key,
        )!.grade,
      );
    }
    expect(grades[1]).toBe('合格');
    const annual = (rollUp.result as { subjects: Array<{ subject: string; grade: string }> }).subjects.find(
      (subject) => subject.subject === zhang.key,
    )!.grade;
    const response = await download(
      `/api/assessment/periods/${periodIds.Q2}/annual-summary.xlsx`,
      supervisor,
    );
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('博湖县人民政府行政执法人员执法业绩考评汇总表');
    expect(String(sheet.getCell('A2').value)).toContain(`${YEAR}年度`);
    const subjects = (await api('GET', `/api/assessment/periods/${periodIds.Q1}`, supervisor)).subjectCount;
    let zhangRow: ExcelJS.Row | undefined;
    let dataRows = 0;
    sheet.eachRow((row, number) => {
      if (
        number < 5 ||
        typeof row.getCell(1).value !== 'string' ||
        !/^\d+$/.test(row.getCell(1).value as string)
      )
        return;
      dataRows += 1;
      if (row.getCell(2).value === '张伟') zhangRow = row;
    });
    expect(dataRows).toBe(subjects);
    expect([4, 5, 6, 7, 8].map((column) => zhangRow!.getCell(column).value)).toEqual([...grades, annual]);
  });

  it('narrows to a unit, prints as DOCX, and is only for managers', async () => {
    const agency = await demoOrgByName(ctx.db, '博湖县市场监督管理局');
    const response = await download(
      `/api/assessment/periods/${periodIds.Q4}/annual-summary.docx?orgId=${agency.id}`,
      supervisor,
    );
    expect(response.statusCode).toBe(200);
    const rows = docxTableRows(response.rawPayload);
    expect(rows[0]).toEqual(['序号', '姓名', '所在单位', '季度考评', '年终考评']);
    expect(rows.some((row) => row[1] === '张伟' && row[2] === '博湖县市场监督管理局')).toBe(true);
    expect(docxText(response.rawPayload)).toContain('博湖县市场监督管理局行政执法人员执法业绩考评汇总表');
    expect(
      (await download(`/api/assessment/periods/${periodIds.Q4}/annual-summary.xlsx`, officer)).statusCode,
    ).toBe(403);
  });
});

describe('考核结果通报', () => {
  it('names the commended and the barred as the ranking flags them; a draft for managers before publication', async () => {
    const ranking = await api('GET', `/api/assessment/periods/${rankedPeriodId}/results`, supervisor);
    const items = ranking.items as Array<{
      name: string;
      rank: number;
      total: string;
      grade: string;
      flags: { isCommended: boolean; isBarred: boolean };
    }>;
    const commended = items.filter((item) => item.flags.isCommended).map((item) => item.name);
    const barred = items.filter((item) => item.flags.isBarred).map((item) => item.name);
    expect(commended).toContain('张伟');
    expect(barred).toContain(colleague.name);
    expect(
      (await download(`/api/assessment/periods/${rankedPeriodId}/circular.docx`, officer)).statusCode,
    ).toBe(409);
    const response = await download(`/api/assessment/periods/${rankedPeriodId}/circular.docx`, supervisor);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain(
      encodeURIComponent(`考核结果通报-${YEAR}年第三季度.docx`),
    );
    const text = docxText(response.rawPayload);
    expect(text).toContain(`关于${YEAR}年第三季度XX市行政执法人员执法业绩考评结果的通报`);
    expect(text).toContain('（未公示稿）');
    expect(text).toContain(
      `考核得分居前30%的以下${commended.length}名执法人员予以通报表彰：${commended.join('、')}。`,
    );
    expect(text).toContain(`取消评优资格：${barred.join('、')}。`);
    const rows = docxTableRows(response.rawPayload);
    expect(rows[0]).toEqual(['名次', '考核对象', '总分', '等次']);
    expect(rows.slice(1, items.length + 1)).toEqual(
      items.map((item) => [String(item.rank), item.name, item.total, item.grade]),
    );
  });

  it('once published, every reader in the county gets it', async () => {
    await api('POST', `/api/assessment/periods/${rankedPeriodId}/publish`, supervisor);
    const response = await download(`/api/assessment/periods/${rankedPeriodId}/circular.docx`, officer);
    expect(response.statusCode).toBe(200);
    expect(docxText(response.rawPayload)).not.toContain('未公示稿');
  });

  it('takes its number from the 考核办 register when the leader signs it, and prints it from then on', async () => {
    const before = docxText(
      (await download(`/api/assessment/periods/${rankedPeriodId}/circular.docx`, officer)).rawPayload,
    );
    expect(before).toContain('博考办〔　　〕号');
    const asked = await ctx.request({
      method: 'POST',
      url: `/api/assessment/periods/${rankedPeriodId}/circular/sign-off`,
      cookie: supervisor,
      payload: {},
    });
    expect(asked.status).toBe(200);
    expect(asked.json.issued).toBeNull();
    expect(asked.json.signOffs[0]).toMatchObject({ status: 'pending', record: { label: '考核结果通报' } });
    const juzhang = await ctx.login('juzhang');
    const waiting = await ctx.request({ method: 'GET', url: '/api/documents/sign-offs', cookie: juzhang });
    const request = waiting.json.items.find((item: { recordId: number }) => item.recordId === rankedPeriodId);
    const signed = await ctx.request({
      method: 'POST',
      url: `/api/documents/sign-offs/${request.id}/sign`,
      cookie: juzhang,
      payload: {},
    });
    expect(signed.status).toBe(200);
    const issue = await ctx.request({
      method: 'GET',
      url: `/api/assessment/periods/${rankedPeriodId}/circular/issue`,
      cookie: supervisor,
    });
    expect(issue.json.issued).toMatchObject({
      signedBy: '周海涛',
      recipient: '各有关单位',
      status: 'issued',
    });
    const number = issue.json.issued.number as string;
    expect(number).toMatch(/^博考办〔\d{4}〕1号$/);
    const after = docxText(
      (await download(`/api/assessment/periods/${rankedPeriodId}/circular.docx`, officer)).rawPayload,
    );
    expect(after.split('\n').slice(0, 2)).toEqual(['博湖县行政执法绩效考核领导小组办公室', number]);
    const again = await ctx.request({
      method: 'POST',
      url: `/api/assessment/periods/${rankedPeriodId}/circular/sign-off`,
      cookie: supervisor,
      payload: {},
    });
    expect(again.status).toBe(409);
  });
});

describe('officer archive', () => {
  it('carries the published assessment results and this year’s counts', async () => {
    const response = await download(`/api/officers/${zhang.id}/archive.docx`, officer);
    expect(response.statusCode).toBe(200);
    const text = docxText(response.rawPayload);
    expect(text).toContain('执法业绩考评结果');
    expect(text).toContain(`${new Date().getUTCFullYear()}年度执法工作情况（奖惩记录表）`);
    const rows = docxTableRows(response.rawPayload);
    const results = rows.filter((row) => row[0]?.startsWith(`${YEAR}年第`));
    expect(results.map((row) => row[0])).toEqual(
      expect.arrayContaining([
        `${YEAR}年第一季度`,
        `${YEAR}年第二季度`,
        `${YEAR}年第三季度`,
        `${YEAR}年第四季度`,
      ]),
    );
    const q2 = results.find((row) => row[0] === `${YEAR}年第二季度`)!;
    expect(q2[3]).toBe('合格');
  });
});
