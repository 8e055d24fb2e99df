import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readSheet } from './xlsx.ts';

/** An XLSX whose zip lists entries in `first` order, then the rest as written. */
async function reordered(first: string[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('导入');
  sheet.addRow(['姓名', '性别']);
  sheet.addRow(['张伟', '男']);
  sheet.addRow(['李娜', '女']);
  const entries = unzipSync(new Uint8Array(await book.xlsx.writeBuffer()));
  const ordered: Record<string, Uint8Array> = {};
  for (const name of first) ordered[name] = entries[name]!;
  for (const [name, data] of Object.entries(entries)) if (!(name in ordered)) ordered[name] = data;
  return Buffer.from(zipSync(ordered));
}

const SHEET_BEFORE_WORKBOOK = [
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/_rels/workbook.xml.rels',
  'xl/sharedStrings.xml',
  'xl/worksheets/sheet1.xml',
];

describe('readSheet', () => {
  it('the file below trips exceljs 4.4.0 read as it comes (drop the workaround once this fails)', async () => {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(
      Readable.from([await reordered(SHEET_BEFORE_WORKBOOK)]),
      { sharedStrings: 'cache', worksheets: 'emit' },
    );
    const readAll = async () => {
      for await (const sheet of reader) for await (const _row of sheet as AsyncIterable<unknown>) void _row;
    };
    await expect(readAll()).rejects.toThrow(/reading 'sheets'/);
  });

  it('reads a file whose worksheet comes before xl/workbook.xml in the zip (exceljs writes some so)', async () => {
    const bytes = await reordered(SHEET_BEFORE_WORKBOOK);
    const rows = await readSheet(bytes);
    expect(rows.map((row) => [row.row, row.values['姓名'], row.values['性别']])).toEqual([
      [2, '张伟', '男'],
      [3, '李娜', '女'],
    ]);
  });
});
