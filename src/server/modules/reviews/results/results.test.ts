import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText } from '../../../testing/docx-text.ts';
import { demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import {
  addExpertAs,
  assignAs,
  createCampaignAs,
  drawAs,
  insertClosedCase,
  scoreAs,
  userIdOf,
} from '../reviews.fixtures.ts';

let ctx: TestContext;
const cookies: Record<string, string> = {};
let marketId: number;
let url: string;
let failingFileId: number;
let excellentFileId: number;

const post = (path: string, cookie: string, payload?: object) =>
  ctx.request({ method: 'POST', url: path, cookie, ...(payload && { payload }) });
const get = (path: string, cookie: string) => ctx.request({ method: 'GET', url: path, cookie });

beforeAll(async () => {
  ctx = await createTestContext();
  for (const username of ['supervisor', 'reviewer', 'nongye', 'legal', 'officer', 'jiaotong'])
    cookies[username] = await ctx.login(username);
  marketId = (await demoOrgByName(ctx.db, '博湖县市场监督管理局')).id;
  const team = await demoOrgByName(ctx.db, '市场监管综合行政执法大队');
  const handler = await ctx.db
    .selectFrom('officer')
    .select('id')
    .where('org_id', '=', team.id)
    .where('user_id', 'is', null)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const failingCase = await insertClosedCase(ctx.db, team.id, {
    handlerOfficerIds: [handler.id],
    partyName: '博湖县鑫源商贸有限公司',
  });
  await ctx.db
    .insertInto('case_file')
    .values({ case_id: failingCase, archive_findings: '[]' } as never)
    .execute();
  const excellentCase = await insertClosedCase(ctx.db, team.id, { partyName: '王小明' });
  const campaign = await createCampaignAs(ctx, cookies.supervisor!, [marketId], {
    name: '2019 年度结果测试',
  });
  url = `/api/review-campaigns/${campaign.id}`;
  await drawAs(ctx, cookies.supervisor!, campaign.id, 2);
  const experts = [];
  for (const [username, label] of [
    ['supervisor', '李建国'],
    ['reviewer', '陈静'],
    ['nongye', '农业法制员'],
  ] as const)
    experts.push((await addExpertAs(ctx, cookies.supervisor!, await userIdOf(ctx.db, username), label)).id);
  await assignAs(ctx, cookies.supervisor!, campaign.id, experts);
  const files = await ctx.db
    .selectFrom('review_file')
    .select(['id', 'case_id'])
    .where('campaign_id', '=', campaign.id)
    .execute();
  failingFileId = files.find((file) => file.case_id === failingCase)!.id;
  excellentFileId = files.find((file) => file.case_id === excellentCase)!.id;
  const reviewersOf = async (fileId: number) =>
    (
      await ctx.db
        .selectFrom('review_assignment')
        .innerJoin('review_expert', 'review_expert.id', 'review_assignment.expert_id')
        .innerJoin('user_account', 'user_account.id', 'review_expert.user_id')
        .select('user_account.username')
        .where('review_assignment.file_id', '=', fileId)
        .execute()
    ).map((row) => row.username);
  for (const username of await reviewersOf(excellentFileId))
    await scoreAs(ctx, cookies[username]!, excellentFileId, 0);
  const failingReviewers = await reviewersOf(failingFileId);
  for (const username of failingReviewers)
    await scoreAs(ctx, cookies[username]!, failingFileId, 45, '行政处罚决定无法定依据');
  const spare = ['supervisor', 'reviewer', 'nongye'].find(
    (username) => !failingReviewers.includes(username),
  )!;
  const spareExpert = experts[['supervisor', 'reviewer', 'nongye'].indexOf(spare)];
  const recheck = await post(`${url}/rechecks`, cookies.supervisor!, {
    fileId: failingFileId,
    expertId: spareExpert,
    reason: '评定为不合格',
  });
  expect(recheck.status, JSON.stringify(recheck.json)).toBe(200);
  await scoreAs(ctx, cookies[spare]!, failingFileId, 50, '行政处罚决定无法定依据');
  const published = await post(`${url}/publish`, cookies.supervisor!);
  expect(published.status, JSON.stringify(published.json)).toBe(200);
});
afterAll(() => ctx.close());

describe('after publication (第十二条(八)(九), 第十三、十七–十九条)', () => {
  it('the board shows the unit’s rates; rectification waits for the circular', async () => {
    const board = await get(`${url}/board`, cookies.legal!);
    expect(board.status).toBe(200);
    expect(board.json.units[0]).toMatchObject({
      files: 2,
      results: { excellent: 1, fail: 1, excellentRate: '50', passRate: '50' },
      rectificationStatus: 'awaiting_circular',
    });
    const early = await post(`${url}/units/${marketId}/rectification`, cookies.legal!, { report: '已整改' });
    expect(early.status).toBe(409);
  });

  it('the circular takes a 博司评 number and starts the 10 days (第十七条)', async () => {
    const issued = await post(`${url}/circular`, cookies.supervisor!);
    expect(issued.status, JSON.stringify(issued.json)).toBe(200);
    expect(issued.json.circularNumber).toMatch(/^博司评〔\d{4}〕1号$/);
    const again = await post(`${url}/circular`, cookies.supervisor!);
    expect(again.status).toBe(409);
    const rectification = await get(`${url}/units/${marketId}/rectification`, cookies.legal!);
    expect(rectification.json).toMatchObject({
      failingFiles: 1,
      status: 'missing',
      deadlineState: 'normal',
      abilities: { canSubmit: true, canDecide: false },
    });
    const circular = await get(`${url}/circular.docx`, cookies.legal!);
    expect(circular.status).toBe(200);
    expect(circular.headers['content-type']).toContain('wordprocessingml');
  });

  it('the unit files its report; the organiser returns it with a reason, then accepts the next', async () => {
    const byOther = await post(`${url}/units/${marketId}/rectification`, cookies.jiaotong!, {
      report: '越权',
    });
    expect([403, 404]).toContain(byOther.status);
    const empty = await post(`${url}/units/${marketId}/rectification`, cookies.legal!, { report: '' });
    expect(empty.status).toBe(400);
    const filed = await post(`${url}/units/${marketId}/rectification`, cookies.legal!, {
      report: '已对不合格案卷补正法律依据，并组织全队学习',
      attachmentNames: ['已整改案卷目录'],
    });
    expect(filed.status, JSON.stringify(filed.json)).toBe(200);
    expect(filed.json.status).toBe('submitted');
    const id = filed.json.history[0].id;
    // 第十七条: the report's material goes with it, checked like every upload, audited
    expect(filed.json.abilities.canAttach).toBe(true);
    const attachUrl = `${url}/units/${marketId}/rectification/${id}/attachments`;
    const upload = (cookie: string, bytes: Buffer, fileName: string, type = 'application/pdf') =>
      ctx.request({
        method: 'POST',
        url: attachUrl,
        cookie,
        payload: bytes,
        headers: { 'content-type': type, 'x-file-name': encodeURIComponent(fileName) },
      });
    const pdf = Buffer.from('%PDF-1.4\n整改后的案卷\n%%EOF');
    const attached = await upload(cookies.legal!, pdf, '整改后的案卷.pdf');
    expect(attached.status, JSON.stringify(attached.json)).toBe(201);
    expect(attached.json).toMatchObject({ fileName: '整改后的案卷.pdf', contentType: 'application/pdf' });
    const notPdf = await upload(cookies.legal!, Buffer.from('plain text'), '说明.pdf');
    expect(notPdf.status).toBe(400);
    expect(notPdf.json.error.fields[0]).toMatchObject({
      field: 'file',
      message: expect.stringContaining('整改材料'),
    });
    expect([403, 404]).toContain((await upload(cookies.jiaotong!, pdf, '越权.pdf')).status);
    const listed = await get(`${url}/units/${marketId}/rectification`, cookies.supervisor!);
    expect(listed.json.history[0].attachments).toEqual([expect.objectContaining({ id: attached.json.id })]);
    const download = await ctx.request({
      method: 'GET',
      url: `${attachUrl}/${attached.json.id}`,
      cookie: cookies.supervisor!,
    });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(
      (
        await ctx.request({
          method: 'GET',
          url: `${attachUrl}/${attached.json.id}`,
          cookie: cookies.jiaotong!,
        })
      ).status,
    ).toBe(404);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'review.rectification.attach')
      .execute();
    expect(audit).toHaveLength(1);
    const noReason = await post(
      `${url}/units/${marketId}/rectification/${id}/decision`,
      cookies.supervisor!,
      {
        decision: 'returned',
      },
    );
    expect(noReason.status).toBe(400);
    const returned = await post(
      `${url}/units/${marketId}/rectification/${id}/decision`,
      cookies.supervisor!,
      {
        decision: 'returned',
        note: '未附整改后的案卷',
      },
    );
    expect(returned.json).toMatchObject({ status: 'returned', abilities: { canSubmit: false } });
    expect((await upload(cookies.legal!, pdf, '迟到.pdf')).status).toBe(409);
    const again = await post(`${url}/units/${marketId}/rectification`, cookies.legal!, {
      report: '补报整改后的案卷',
    });
    const accepted = await post(
      `${url}/units/${marketId}/rectification/${again.json.history[1].id}/decision`,
      cookies.supervisor!,
      { decision: 'accepted' },
    );
    expect(accepted.json.status).toBe('accepted');
    expect(accepted.json.history.map((row: { state: string }) => row.state)).toEqual([
      'returned',
      'accepted',
    ]);
  });

  it('an excellent file goes to the showcase, which another agency reads with the parties masked', async () => {
    const failing = await ctx.request({
      method: 'PUT',
      url: `${url}/files/${failingFileId}/exemplary`,
      cookie: cookies.supervisor!,
      payload: { isExemplary: true },
    });
    expect(failing.status).toBe(409);
    const marked = await ctx.request({
      method: 'PUT',
      url: `${url}/files/${excellentFileId}/exemplary`,
      cookie: cookies.supervisor!,
      payload: { isExemplary: true, note: '证据链完整' },
    });
    expect(marked.status).toBe(200);
    const showcase = await get('/api/review-showcase', cookies.officer!);
    expect(showcase.status).toBe(200);
    const item = showcase.json.items.find((row: { fileId: number }) => row.fileId === excellentFileId);
    expect(item.partyNames).toBe('王某');
    expect(JSON.stringify(showcase.json)).not.toContain('王小明');
  });

  it('lists the officer behind failing files (第十八条) and raises a draft notice for 第十九条', async () => {
    const listed = await get(`${url}/failing-officers?threshold=1`, cookies.supervisor!);
    expect(listed.status).toBe(200);
    expect(listed.json.items).toEqual([
      expect.objectContaining({
        role: 'handler',
        failingFiles: [expect.objectContaining({ fileId: failingFileId })],
      }),
    ]);
    expect((await get(`${url}/failing-officers?threshold=2`, cookies.supervisor!)).json.items).toEqual([]);
    // 第十八条: the letter proposing the revocation of the listed officer's enforcement qualification
    const person = listed.json.items[0];
    const letterUrl = `${url}/failing-officers/${person.personKey}/revocation-letter.docx`;
    const letter = await ctx.app.inject({
      method: 'GET',
      url: `${letterUrl}?threshold=1`,
      headers: { cookie: cookies.supervisor! },
    });
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toContain('wordprocessingml');
    const text = docxText(letter.rawPayload);
    expect(text).toContain(`关于提请撤销${person.name}行政执法资格的意见`);
    expect(text).toContain('负责行政执法证件审定的上级司法行政部门');
    expect(text).toContain('第十八条');
    expect(text).toContain(person.failingFiles[0].caseNo);
    // below the threshold the person is not listed, so no letter; nor for the unit
    expect((await get(`${letterUrl}?threshold=2`, cookies.supervisor!)).status).toBe(404);
    expect([403, 404]).toContain((await get(`${letterUrl}?threshold=1`, cookies.legal!)).status);
    const marked = await ctx.request({
      method: 'PUT',
      url: `${url}/files/${failingFileId}/article19`,
      cookie: cookies.supervisor!,
      payload: { grounds: [3], raiseNotice: true },
    });
    expect(marked.status, JSON.stringify(marked.json)).toBe(200);
    expect(marked.json.noticeId).toEqual(expect.any(Number));
    const notice = await ctx.db
      .selectFrom('supervision_notice')
      .select(['state', 'unit_org_id'])
      .where('id', '=', marked.json.noticeId)
      .executeTakeFirstOrThrow();
    expect(notice.unit_org_id).toBe(marketId);
  });

  it('prints the unit report, the overall report and a score sheet; exports every sheet as XLSX', async () => {
    for (const path of [
      `${url}/units/${marketId}/report.docx`,
      `${url}/overall-report.docx`,
      `${url}/files/${failingFileId}/score-sheet.docx`,
    ]) {
      const response = await get(path, cookies.supervisor!);
      expect(response.status, path).toBe(200);
      expect(response.headers['content-type']).toContain('wordprocessingml');
    }
    expect((await get(`${url}/units/${marketId}/report.docx`, cookies.reviewer!)).status).not.toBe(200);
    const xlsx = await ctx.app.inject({
      method: 'GET',
      url: `${url}/scores.xlsx`,
      headers: { cookie: cookies.supervisor! },
    });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    const sheet = workbook.worksheets[0]!;
    // 2 + 2 initial sheets and 1 re-review, plus the header
    expect(sheet.rowCount).toBe(6);
  });
});
