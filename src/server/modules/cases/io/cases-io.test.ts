import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../../../common/format.ts';
import { readSheet, writeSheet } from '../../../lib/xlsx.ts';
import { docxTableRows, docxText } from '../../../testing/docx-text.ts';
import { demoOrgByName } from '../../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { addOfficer, caseBody, ORG_USCC } from '../cases-fixtures.ts';
import { buildCaseRecord } from '../records/case-record.docx.ts';
import { buildCaseTemplate, CASE_COLUMNS } from './cases-import.ts';

let ctx: TestContext;
let legal: string;
let numbers: string[];
let caseId: number;
const today = todayInShanghai(new Date());
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  ctx = await createTestContext();
  legal = await ctx.login('legal');
  const teamId = (await demoOrgByName(ctx.db, '市场监管综合行政执法大队')).id;
  const ids = [
    await addOfficer(ctx.db, teamId, '导入甲', { today }),
    await addOfficer(ctx.db, teamId, '导入乙', { today }),
  ];
  const rows = await ctx.db
    .selectFrom('certificate')
    .select('number')
    .where('officer_id', 'in', ids)
    .execute();
  numbers = rows.map((row) => row.number);
  const created = await ctx.request({
    method: 'POST',
    url: '/api/cases',
    cookie: legal,
    payload: caseBody(teamId, ids, { closedOn: '2025-04-10' }),
  });
  caseId = created.json.id;
});
afterAll(() => ctx.close());

function sheetRow(overrides: Record<string, string> = {}) {
  const template = buildCaseTemplate().rows[0]!.map(String);
  const values = Object.fromEntries(
    CASE_COLUMNS.map((column, index) => [column.header.replace('*', ''), template[index]!]),
  );
  return { ...values, 证件号码: ORG_USCC, 执法证编号: numbers.join('、'), ...overrides };
}

async function upload(rows: Array<Record<string, string>>) {
  const bytes = await writeSheet({
    name: '执法案件',
    columns: CASE_COLUMNS,
    rows: rows.map((row) => CASE_COLUMNS.map((column) => row[column.header.replace('*', '')] ?? '')),
  });
  return ctx.request({
    method: 'POST',
    url: '/api/cases/import',
    cookie: legal,
    payload: bytes,
    headers: { 'content-type': XLSX },
  });
}

describe('case import and export', () => {
  it('imports nothing when any row is wrong, and reports each problem by row', async () => {
    const response = await upload([
      sheetRow({ 案号: '导入〔2025〕1号' }),
      sheetRow({ 案号: '导入〔2025〕1号', 案件类别: '处罚' }),
      sheetRow({ 案号: '导入〔2025〕3号', 执法证编号: numbers[0]! }),
      sheetRow({ 案号: '导入〔2025〕4号', 证件号码: '91652829MA7XXXXX10' }),
    ]);
    expect(response.status).toBe(400);
    const problems = response.json.error.rows.map(
      (row: { row: number; field: string }) => `${row.row}:${row.field}`,
    );
    expect(problems).toEqual(expect.arrayContaining(['3:案件类别', '4:执法证编号', '5:证件号码']));
    const count = await ctx.db
      .selectFrom('enforcement_case')
      .select('id')
      .where('case_no', 'like', '导入%')
      .execute();
    expect(count).toHaveLength(0);
  });

  it('imports a clean file in one go', async () => {
    const response = await upload([
      sheetRow({ 案号: '导入〔2025〕11号' }),
      sheetRow({ 案号: '导入〔2025〕12号', 当事人类型: '个人', 当事人名称: '马某', 证件号码: '' }),
    ]);
    expect(response.status, JSON.stringify(response.json)).toBe(200);
    expect(response.json).toEqual({ cases: 2 });
    const again = await upload([sheetRow({ 案号: '导入〔2025〕11号' })]);
    expect(again.json.error.rows[0].message).toContain('已被登记');
  });

  it('exports the filtered list as XLSX, ID numbers never in it', async () => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: '/api/cases/export.xlsx?kind=penalty',
      headers: { cookie: legal },
    });
    expect(response.statusCode).toBe(200);
    const rows = await readSheet(response.rawPayload);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows[0]!.values.案件类别).toBe('行政处罚');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(JSON.stringify(workbook.worksheets[0]!.getSheetValues())).not.toContain('110105');
  });

  it('prints the case record (seed 000 layout) and the file cover as DOCX', async () => {
    const view = (await ctx.request({ method: 'GET', url: `/api/cases/${caseId}`, cookie: legal })).json;
    const model = buildCaseRecord(view);
    expect(model.title).toBe('行政执法人员行政执法案件记录表');
    expect(model.rows.flat().map((pair) => pair.label)).toEqual(
      expect.arrayContaining([
        '单位名称',
        '法定代表人',
        '当事人姓名',
        '身份证号',
        '案件来源',
        '立案时间',
        '执法人',
        '案情简介',
        '办案经过',
        '办案意见',
        '办案结果',
        '法制部门案件质量分析意见',
      ]),
    );
    expect(JSON.stringify(model)).not.toContain('11010519491231');
    const docx = await ctx.app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/record.docx`,
      headers: { cookie: legal },
    });
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    await ctx.request({
      method: 'PUT',
      url: `/api/cases/${caseId}/file`,
      cookie: legal,
      payload: { archiveNo: 'A-1', traits: [] },
    });
    const cover = await ctx.app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/file/cover.docx`,
      headers: { cookie: legal },
    });
    expect(cover.statusCode).toBe(200);
    expect(cover.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('prints each copy on the file cover as the record holds it: verified or not (第五条 复印件)', async () => {
    const addDocument = (sequence: number, copy: Record<string, unknown>) =>
      ctx.request({
        method: 'POST',
        url: `/api/cases/${caseId}/file/documents`,
        cookie: legal,
        payload: { volume: 'main', sequence, kindCode: 'P01', pageFrom: sequence, pageTo: sequence, ...copy },
      });
    expect((await addDocument(1, { isOriginal: true })).status).toBe(201);
    expect((await addDocument(2, { isOriginal: false })).status).toBe(201);
    const verified = {
      isOriginal: false,
      verifiedBy: '王丽娟',
      verifiedOn: '2025-03-04',
      copySource: '当事人提供',
    };
    expect((await addDocument(3, verified)).status).toBe(201);
    const cover = await ctx.app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/file/cover.docx`,
      headers: { cookie: legal },
    });
    const copyColumn = docxTableRows(cover.rawPayload)
      .filter((row) => ['1', '2', '3'].includes(row[0] ?? ''))
      .map((row) => row.at(-1));
    expect(copyColumn).toEqual(['原件', '复印件（未核对）', '复印件（王丽娟于2025年3月4日核对）']);
    expect(docxText(cover.rawPayload)).not.toContain('复制件');
  });
});
