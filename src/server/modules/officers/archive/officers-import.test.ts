import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheet } from '../../../lib/xlsx.ts';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';
import { buildOfficerArchive } from './officer-archive.docx.ts';
import type { OfficerView } from './officers.schema.ts';
import { OFFICER_COLUMNS, TRAINING_COLUMNS } from './officers-import.ts';

let ctx: TestContext;
let legal: string;
beforeAll(async () => {
  ctx = await createTestContext();
  legal = await ctx.login('legal');
});
afterAll(() => ctx.close());

async function workbook(columns: Array<{ header: string }>, rows: Array<Array<string | number | Date>>) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('导入');
  sheet.addRow(columns.map((column) => column.header));
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const officerRow = (name: string, number: string, overrides: Record<number, string | Date> = {}) => {
  const row: Array<string | Date> = [
    name,
    '女',
    '蒙古族',
    '大学本科',
    '1990-05-06',
    '科员',
    '县市场监管局',
    '市场监管综合行政执法大队',
    '检查岗',
    '日常检查',
    '2016-01-01',
    '2013-07-01',
    '13612345678',
    '在岗',
    number,
    '博湖县人民政府',
    '博湖县',
    '市场监管、价格',
    '2023-01-01',
    '2028-12-31',
  ];
  for (const [index, value] of Object.entries(overrides)) row[Number(index)] = value;
  return row;
};

const post = (url: string, payload: Buffer) =>
  ctx.request({
    method: 'POST',
    url,
    cookie: legal,
    payload,
    headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });

const countOfficers = async (names: string[]) =>
  (await ctx.db.selectFrom('officer').select('id').where('name', 'in', names).execute()).length;

describe('officer import', () => {
  it('the template downloads with the form’s columns', async () => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: '/api/officers/import-template.xlsx',
      headers: { cookie: legal },
    });
    expect(response.statusCode).toBe(200);
    const rows = await readSheet(response.rawPayload);
    expect(Object.keys(rows[0]!.values)).toContain('执法证编号');
  });

  it('reports every bad row with its number and reason, and writes nothing', async () => {
    await post('/api/officers/import', await workbook(OFFICER_COLUMNS, [officerRow('导入好人', 'IMP-100')]));
    const file = await workbook(OFFICER_COLUMNS, [
      officerRow('导入甲', 'IMP-001'),
      officerRow('导入乙', 'imp-001'),
      officerRow('', 'IMP-003', { 1: '未知' }),
      officerRow('导入丁', 'IMP-004', { 6: '不存在的局' }),
      officerRow('导入戊', 'IMP-100'),
      officerRow('导入己', 'IMP-006', { 4: '1990-02-30', 12: '123' }),
      officerRow('导入庚', 'IMP-007', { 6: '县自然资源局', 7: '' }),
    ]);
    const response = await post('/api/officers/import', file);
    expect(response.status).toBe(400);
    expect(response.json.error.message).toMatch(/导入文件有 \d+ 处错误，未导入任何数据/);
    const problems = response.json.error.rows.map(
      (problem: { row: number; field: string }) => `${problem.row}:${problem.field}`,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        '3:执法证编号',
        '4:姓名',
        '4:性别',
        '5:所在单位',
        '6:执法证编号',
        '7:出生日期',
        '7:手机号码',
        '8:所在单位',
      ]),
    );
    expect(problems).not.toContain('2:执法证编号');
    for (const problem of response.json.error.rows) expect(problem.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await countOfficers(['导入甲', '导入乙', '导入丁', '导入己'])).toBe(0);
  });

  it('writes all rows in one go when every row is good, audited once with counts', async () => {
    const file = await workbook(OFFICER_COLUMNS, [
      officerRow('批量一', 'BATCH-1'),
      officerRow('批量二', '', { 15: '', 16: '', 17: '', 18: '', 19: '' }),
      officerRow('批量三', 'BATCH-3', { 4: new Date(Date.UTC(1987, 10, 2)) as unknown as string }),
    ]);
    const response = await post('/api/officers/import', file);
    expect(response.status, JSON.stringify(response.json)).toBe(200);
    expect(response.json).toEqual({ officers: 3, certificates: 2 });
    const three = await ctx.db
      .selectFrom('officer')
      .selectAll()
      .where('name', '=', '批量三')
      .executeTakeFirstOrThrow();
    expect(three.birth_date).toBe('1987-11-02');
    const audit = await ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'officer.import')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.after).toEqual({ officers: 3, certificates: 2 });
  });

  it('refuses a file that is not XLSX', async () => {
    const response = await post('/api/officers/import', Buffer.from('not a workbook'));
    expect(response.status).toBe(400);
    expect(response.json.error.rows[0].message).toContain('XLSX');
  });
});

describe('training import', () => {
  it('matches officers by certificate number and name; all or nothing', async () => {
    const bad = await workbook(TRAINING_COLUMNS, [
      ['批量一', 'BATCH-1', '2024-03-01', 8, '专题培训', '专题培训', '博湖县司法局', '是', '合格'],
      ['别人', 'BATCH-1', '2024-03-01', 8, '专题培训', '专题培训', '博湖县司法局', '', ''],
      ['批量三', 'BATCH-3', '2024-03-01', '8.25', '', '其他', '', '也许', ''],
    ]);
    const refused = await post('/api/trainings/import', bad);
    expect(refused.status).toBe(400);
    expect(
      refused.json.error.rows
        .map((problem: { row: number; field: string }) => `${problem.row}:${problem.field}`)
        .sort(),
    ).toEqual(
      ['3:执法证编号', '4:举办单位', '4:培训内容', '4:培训类别', '4:学时', '4:是否县司法局举办'].sort(),
    );
    expect(
      (await ctx.db.selectFrom('training').select('id').where('content', '=', '专题培训').execute()).length,
    ).toBe(0);
    const good = await workbook(TRAINING_COLUMNS, [
      ['批量一', 'batch-1', '2024-03-01', 8, '专题培训', '专题培训', '博湖县司法局', '', '合格'],
      ['批量三', 'BATCH-3', '2024-04-01', '12.5', '岗位练兵', '岗位培训', '县市场监管局', '否', ''],
    ]);
    const accepted = await post('/api/trainings/import', good);
    expect(accepted.json).toEqual({ trainings: 2 });
    const rows = await ctx.db
      .selectFrom('training')
      .select(['hours', 'is_bureau_organised'])
      .where('content', 'in', ['专题培训', '岗位练兵'])
      .orderBy('held_on')
      .execute();
    expect(rows).toEqual([
      { hours: '8.0', is_bureau_organised: true },
      { hours: '12.5', is_bureau_organised: false },
    ]);
  });
});

describe('exports', () => {
  it('exports the filtered officer list as XLSX', async () => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/api/officers/export.xlsx?keyword=${encodeURIComponent('批量')}`,
      headers: { cookie: legal },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('执法人员.xlsx'));
    const rows = await readSheet(response.rawPayload);
    expect(rows.map((row) => row.values.姓名).sort()).toEqual(['批量一', '批量三', '批量二']);
    expect(rows.find((row) => row.values.姓名 === '批量二')!.values.执法证状态).toBe('无证');
  });

  it('exports training records as XLSX', async () => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: '/api/trainings/export.xlsx?year=2024',
      headers: { cookie: legal },
    });
    const rows = await readSheet(response.rawPayload);
    expect(rows.map((row) => row.values.培训内容)).toEqual(expect.arrayContaining(['专题培训', '岗位练兵']));
  });

  it('exports the certificate warnings and the training shortfalls the pages show', async () => {
    const warnings = await ctx.request({ method: 'GET', url: '/api/certificates/warnings', cookie: legal });
    const warningSheet = await ctx.app.inject({
      method: 'GET',
      url: '/api/certificates/warnings.xlsx',
      headers: { cookie: legal },
    });
    expect(warningSheet.statusCode).toBe(200);
    const warningRows = await readSheet(warningSheet.rawPayload);
    expect(warningRows.length).toBeGreaterThan(0);
    expect(warningRows.map((row) => row.values.预警内容)).toEqual(
      warnings.json.items.map((item: { message: string }) => item.message),
    );

    const report = await ctx.request({
      method: 'GET',
      url: '/api/trainings/compliance?year=2024&shortOnly=true',
      cookie: legal,
    });
    const complianceSheet = await ctx.app.inject({
      method: 'GET',
      url: '/api/trainings/compliance.xlsx?year=2024&shortOnly=true',
      headers: { cookie: legal },
    });
    expect(complianceSheet.headers['content-disposition']).toContain(
      encodeURIComponent('2024年培训达标情况.xlsx'),
    );
    const complianceRows = await readSheet(complianceSheet.rawPayload);
    expect(complianceRows.length).toBeGreaterThan(0);
    expect(complianceRows).toHaveLength(report.json.officers.length);
    expect(
      complianceRows.every((row) => row.values.是否达标 === '未达标' && row.values.未达标原因 !== ''),
    ).toBe(true);
  });

  it('the performance archive downloads as a Word document', async () => {
    const officer = await ctx.db
      .selectFrom('officer')
      .select('id')
      .where('name', '=', '批量一')
      .executeTakeFirstOrThrow();
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/api/officers/${officer.id}/archive.docx`,
      headers: { cookie: legal },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('buildOfficerArchive', () => {
  const officer = {
    name: '张伟',
    genderLabel: '男',
    agencyName: '博湖县市场监督管理局',
    orgName: '市场监管综合行政执法大队',
    position: '队长',
    ethnicity: '汉族',
    education: '大学本科',
    birthDate: '1985-03-12',
    post: '办案岗',
    duties: '案件查处',
    qualifiedOn: '2012-06-01',
    startedWorkOn: '2008-07-01',
    certificates: [
      {
        number: 'A-1',
        issuedOn: '2022-06-01',
        validUntil: '2027-05-31',
        stateLabel: '有效',
        reviews: [{ reviewedOn: '2023-06-01', resultLabel: '合格', note: null }],
      },
    ],
    postChanges: [
      {
        changedOn: '2020-01-02',
        fromPost: '巡查岗',
        fromDuties: null,
        toPost: '办案岗',
        toDuties: '案件查处',
        reason: '轮岗',
      },
    ],
  } as unknown as OfficerView;

  it('lays out seed 000’s basic-information form, reviews, training and post changes', () => {
    const model = buildOfficerArchive(officer, [], { issuer: '考核办制', archiveNo: 'ZFDA-000001' });
    expect(model.cover).toMatchObject({ unit: '博湖县市场监督管理局', name: '张伟', position: '队长' });
    expect(Object.fromEntries(model.basicInfo)).toMatchObject({
      出生年月: '1985年3月',
      所在科室: '市场监管综合行政执法大队',
      行政执法证编号: 'A-1',
      有效期限: '2022年6月1日至2027年5月31日（有效）',
      何时取得行政执法资格: '2012年6月1日',
    });
    expect(model.sections.map((section) => section.title)).toEqual([
      '行政执法证年审情况',
      '行政执法培训情况',
      '执法岗位变更情况',
    ]);
    expect(model.sections[0]!.rows).toEqual([['A-1', '2023年6月1日', '合格', '']]);
    expect(model.sections[1]!.rows).toEqual([]);
    expect(model.sections[2]!.rows).toEqual([['2020年1月2日', '巡查岗', '办案岗：案件查处', '轮岗']]);
  });
});
