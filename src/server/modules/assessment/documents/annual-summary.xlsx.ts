/** The 汇总表 as a worksheet: title, heading, the two-level header (季度考评 over four quarters), rows. */
import ExcelJS from 'exceljs';
import { fitRow, mergedCell, setA4, sheetName } from '../../../lib/form.xlsx.ts';
import { type AnnualSummaryModel, QUARTER_HEADERS } from './annual-summary.ts';

/** 序号, 姓名, 所在单位, 一季度 … 四季度, 年终考评 */
const COLUMN_WIDTHS = [6, 12, 30, 10, 10, 10, 10, 12];
const LAST = COLUMN_WIDTHS.length;
const FULL_WIDTH = COLUMN_WIDTHS.reduce((sum, width) => sum + width, 0);

export async function renderAnnualSummaryXlsx(model: AnnualSummaryModel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fazhi 法治';
  const sheet = workbook.addWorksheet(sheetName(model.title), { views: [{ state: 'frozen', ySplit: 4 }] });
  sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));
  setA4(sheet);
  mergedCell(sheet, 1, 1, LAST, model.title, { bold: true, size: 16, align: 'center' });
  sheet.getRow(1).height = 32;
  mergedCell(sheet, 2, 1, LAST, model.heading);
  const header = { bold: true, isBordered: true, align: 'center' as const };
  for (const [column, text] of [
    [1, '序号'],
    [2, model.nameHeader],
    [3, '所在单位'],
    [8, '年终考评'],
  ] as const) {
    sheet.mergeCells(3, column, 4, column);
    mergedCell(sheet, 3, column, column, text, header);
    sheet.getCell(4, column).border = sheet.getCell(3, column).border;
  }
  mergedCell(sheet, 3, 4, 7, '季度考评', header);
  QUARTER_HEADERS.forEach((text, index) => {
    mergedCell(sheet, 4, 4 + index, 4 + index, text, header);
  });
  let row = 4;
  for (const item of model.rows) {
    row += 1;
    [String(item.index), item.name, item.unit, ...item.quarters, item.annual].forEach((text, index) => {
      mergedCell(sheet, row, index + 1, index + 1, text, {
        isBordered: true,
        align: index === 2 ? 'left' : 'center',
      });
    });
    fitRow(sheet, row, [[item.unit, COLUMN_WIDTHS[2]!]]);
  }
  for (const line of model.footnotes) {
    row += 1;
    mergedCell(sheet, row, 1, LAST, line, { size: 10 });
    fitRow(sheet, row, [[line, FULL_WIDTH]]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
