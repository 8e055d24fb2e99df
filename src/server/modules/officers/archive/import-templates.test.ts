import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';

/**
 * Every import template's own sample rows import cleanly (issue 19): downloaded as a user does and
 * uploaded unchanged, in the order a new county fills them (officers, their training, their cases).
 */
let ctx: TestContext;
let legal: string;
beforeAll(async () => {
  ctx = await createTestContext();
  legal = await ctx.login('legal');
});
afterAll(() => ctx.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function importTemplate(base: string) {
  const template = await ctx.app.inject({
    method: 'GET',
    url: `${base}/import-template.xlsx`,
    headers: { cookie: legal },
  });
  expect(template.statusCode).toBe(200);
  return ctx.request({
    method: 'POST',
    url: `${base}/import`,
    cookie: legal,
    payload: template.rawPayload,
    headers: { 'content-type': XLSX },
  });
}

describe('import templates', () => {
  it.each([
    ['officers', '/api/officers'],
    ['trainings', '/api/trainings'],
    ['cases', '/api/cases'],
  ])('the %s template’s sample rows import without a problem', async (_name, base) => {
    const response = await importTemplate(base);
    expect(response.status, JSON.stringify(response.json.error?.rows ?? response.json)).toBeLessThan(300);
  });
});

describe('an import cell’s message names the field and the rule', () => {
  it('a bad mobile number says what a mobile number is, not 无效输入', async () => {
    const template = await ctx.app.inject({
      method: 'GET',
      url: '/api/officers/import-template.xlsx',
      headers: { cookie: legal },
    });
    const { readSheet, writeSheet } = await import('../../../lib/xlsx.ts');
    const { OFFICER_COLUMNS } = await import('./officers-import.ts');
    const rows = await readSheet(template.rawPayload);
    const first = rows[0]!.values as Record<string, string>;
    const row = OFFICER_COLUMNS.map((column) => {
      const key = column.header.replace('*', '');
      if (key === '姓名') return '电话错人';
      if (key === '手机号码') return '123';
      if (key === '执法证编号') return 'PHONE-1';
      return first[key] ?? '';
    });
    const bytes = await writeSheet({ name: '执法人员', columns: OFFICER_COLUMNS, rows: [row] });
    const response = await ctx.request({
      method: 'POST',
      url: '/api/officers/import',
      cookie: legal,
      payload: bytes,
      headers: { 'content-type': XLSX },
    });
    expect(response.status).toBe(400);
    expect(response.json.error.rows).toEqual([
      { row: 2, field: '手机号码', message: '手机号码应为以1开头的11位数字' },
    ]);
  });
});
