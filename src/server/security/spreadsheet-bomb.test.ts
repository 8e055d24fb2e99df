/**
 * Spreadsheet bombs (issue 11 item 7): an import is refused before it is parsed whole — a file
 * that inflates past the cap is refused unread, a sheet with more rows than allowed is refused at
 * the first row over the limit, and a second import meanwhile waits its turn (429).
 */
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AppError } from '../lib/errors.ts';
import { IMPORT_MAX_INFLATED_BYTES, IMPORT_MAX_ROWS, parseImportRows, readSheet } from '../lib/xlsx.ts';
import { inflatedSizeWithin } from '../lib/zip-guard.ts';

async function sheetOf(rows: number, cellText = '张三'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('导入');
  sheet.addRow(['姓名', '编号']);
  for (let index = 0; index < rows; index += 1) sheet.addRow([`${cellText}${index}`, index]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('spreadsheet bombs', () => {
  it('reads a sheet within the limit whole', async () => {
    const rows = await parseImportRows(await sheetOf(3));
    expect(rows.map((row) => row.values.姓名)).toEqual(['张三0', '张三1', '张三2']);
    expect(rows[0]?.row).toBe(2);
  });

  it('refuses one row over the limit, having read no further than that row', async () => {
    const error = await refusal(parseImportRows(await sheetOf(IMPORT_MAX_ROWS + 1)));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(error.details)).toContain(`一次最多导入 ${IMPORT_MAX_ROWS} 行`);
    const head = await readSheet(await sheetOf(50), 10);
    expect(head).toHaveLength(10);
    expect(head.hasMore).toBe(true);
  });

  it('refuses a file that inflates past the cap without parsing it', async () => {
    // 60 MB of sheet XML in a ZIP of a few hundred KB
    const row =
      '<row><c t="inlineStr"><is><t>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</t></is></c></row>';
    const xml = strToU8(
      `<worksheet><sheetData>${row.repeat(Math.ceil(60e6 / row.length))}</sheetData></worksheet>`,
    );
    const bomb = Buffer.from(zipSync({ 'xl/worksheets/sheet1.xml': xml }, { level: 1 }));
    expect(bomb.length).toBeLessThan(IMPORT_MAX_INFLATED_BYTES / 4);
    expect(inflatedSizeWithin(bomb, IMPORT_MAX_INFLATED_BYTES)).toBeNull();
    const error = await refusal(parseImportRows(bomb));
    expect(JSON.stringify(error.details)).toContain('文件过大');
  });

  it('counts what a small file inflates to', async () => {
    const small = await sheetOf(10);
    const size = inflatedSizeWithin(small, IMPORT_MAX_INFLATED_BYTES);
    expect(size).toBeGreaterThan(small.length);
  });

  it('tells a second import meanwhile to wait (429), and takes it once the first is done', async () => {
    const file = await sheetOf(2_000);
    const first = parseImportRows(file);
    const second = await refusal(parseImportRows(file));
    expect(second.code).toBe('RATE_LIMITED');
    expect(second.message).toContain('另一份文件正在导入');
    await expect(first).resolves.toHaveLength(2_000);
    await expect(parseImportRows(file)).resolves.toHaveLength(2_000);
  });

  it('answers an unreadable file with the template hint', async () => {
    const error = await refusal(parseImportRows(Buffer.from('not a zip at all')));
    expect(JSON.stringify(error.details)).toContain('请使用下载的 XLSX 模板');
  });
});
