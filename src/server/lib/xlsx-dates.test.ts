import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CHINESE_DATE_FORMAT, readSheet, writeSheet } from './xlsx.ts';

/** Issue 19: exports write dates as date cells (sortable, shown 2024年2月3日), not ISO text. */
describe('writeSheet dates', () => {
  const model = {
    name: '测试',
    columns: [
      { header: '案号', width: 20 },
      { header: '立案日期', width: 14 },
      { header: '件数', width: 8 },
    ],
    rows: [
      ['博市监罚〔2026〕3号', '2026-01-31', 2],
      ['2026-02-30', null, 0],
    ] as Array<Array<string | number | null>>,
  };

  it('writes a YYYY-MM-DD value as a real date cell in the Chinese date format', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeSheet(model)) as unknown as ArrayBuffer);
    const cell = workbook.worksheets[0]!.getRow(2).getCell(2);
    expect(cell.value).toBeInstanceOf(Date);
    expect((cell.value as Date).toISOString()).toBe('2026-01-31T00:00:00.000Z');
    expect(cell.numFmt).toBe(CHINESE_DATE_FORMAT);
    expect(workbook.worksheets[0]!.getRow(2).getCell(1).value).toBe('博市监罚〔2026〕3号');
  });

  it('leaves text that only looks like a date, and numbers, alone', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeSheet(model)) as unknown as ArrayBuffer);
    const row = workbook.worksheets[0]!.getRow(3);
    expect(row.getCell(1).value).toBe('2026-02-30');
    expect(row.getCell(3).value).toBe(0);
  });

  it('reads its own date cells back as the same day (an exported sheet re-imports)', async () => {
    const rows = await readSheet(await writeSheet(model));
    expect(rows[0]?.values.立案日期).toBe('2026-01-31');
  });
});
