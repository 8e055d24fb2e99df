/**
 * A FormModel (`form.docx.ts`: 案件记录表, 质量监督表, 奖惩记录表…) laid
 * out as a printable worksheet: merged title, the heading line, a four-column label/value grid with
 * borders and wrapped text, list tables, the 填表说明 lines; A4 portrait, one page wide. Units keep
 * the Excel copy to fill in the blank cells on screen before printing.
 */
import ExcelJS from 'exceljs';
import type { FormModel } from './form.docx.ts';
import { neutraliseFormula } from './xlsx.ts';

/** label, value, label, value (Excel width units, about one Latin character each) */
const COLUMN_WIDTHS = [18, 30, 18, 30];
const COLUMN_COUNT = COLUMN_WIDTHS.length;
/** Points per printed line at 11 pt. */
const LINE_HEIGHT = 15;

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
export const BORDERED: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const WRAPPED: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'middle' };

/** Printed lines a text needs in a cell `width` units wide (a Chinese character takes two units). */
export function linesNeeded(text: string, width: number): number {
  return text.split('\n').reduce((total, line) => {
    const units = [...line].reduce((sum, char) => sum + (char.charCodeAt(0) > 0xff ? 2 : 1), 0);
    return total + Math.max(1, Math.ceil(units / Math.max(1, width - 2)));
  }, 0);
}

/** Writes `text` across columns from..to of a row (merged when wider than one column). */
export function mergedCell(
  sheet: ExcelJS.Worksheet,
  row: number,
  from: number,
  to: number,
  text: string,
  style: { bold?: boolean; size?: number; isBordered?: boolean; align?: 'left' | 'center' } = {},
): void {
  if (to > from) sheet.mergeCells(row, from, row, to);
  const cell = sheet.getCell(row, from);
  cell.value = neutraliseFormula(text);
  cell.font = { name: '宋体', bold: style.bold ?? false, size: style.size ?? 11 };
  cell.alignment = { ...WRAPPED, horizontal: style.align ?? 'left' };
  if (style.isBordered) {
    for (let column = from; column <= to; column += 1) sheet.getCell(row, column).border = BORDERED;
  }
}

/** Sets a row's height to fit the tallest of its texts. */
export function fitRow(sheet: ExcelJS.Worksheet, row: number, cells: Array<[text: string, width: number]>) {
  const lines = Math.max(1, ...cells.map(([text, width]) => linesNeeded(text, width)));
  sheet.getRow(row).height = Math.max(20, lines * LINE_HEIGHT + 4);
}

/** A4 portrait, fitted one page wide, narrow margins. */
export function setA4(sheet: ExcelJS.Worksheet): void {
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(title: string): string {
  return title.replace(/[:\\/?*[\]]/g, '').slice(0, 31) || 'Sheet1';
}

const spanWidth = (from: number, to: number) =>
  COLUMN_WIDTHS.slice(from - 1, to).reduce((sum, width) => sum + width, 0);

/** Lays the form out on one worksheet. */
export async function renderFormXlsx(model: FormModel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fazhi 法治';
  const sheet = workbook.addWorksheet(sheetName(model.title));
  sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));
  setA4(sheet);
  let row = 1;
  mergedCell(sheet, row, 1, COLUMN_COUNT, model.title, { bold: true, size: 16, align: 'center' });
  sheet.getRow(row).height = 32;
  row += 1;
  mergedCell(sheet, row, 1, COLUMN_COUNT, model.heading);
  fitRow(sheet, row, [[model.heading, spanWidth(1, COLUMN_COUNT)]]);
  for (const pairs of model.rows) {
    row += 1;
    if (pairs.length === 1) {
      const [pair] = pairs;
      mergedCell(sheet, row, 1, 1, pair!.label, { bold: true, isBordered: true });
      mergedCell(sheet, row, 2, COLUMN_COUNT, pair!.value, { isBordered: true });
      fitRow(sheet, row, [
        [pair!.label, spanWidth(1, 1)],
        [pair!.value, spanWidth(2, COLUMN_COUNT)],
      ]);
      continue;
    }
    pairs.slice(0, 2).forEach((pair, index) => {
      mergedCell(sheet, row, index * 2 + 1, index * 2 + 1, pair.label, { bold: true, isBordered: true });
      mergedCell(sheet, row, index * 2 + 2, index * 2 + 2, pair.value, { isBordered: true });
    });
    fitRow(
      sheet,
      row,
      pairs.slice(0, 2).flatMap(
        (pair, index): Array<[string, number]> => [
          [pair.label, COLUMN_WIDTHS[index * 2]!],
          [pair.value, COLUMN_WIDTHS[index * 2 + 1]!],
        ],
      ),
    );
  }
  for (const table of model.tables) {
    row += 2;
    mergedCell(sheet, row, 1, COLUMN_COUNT, table.title, { bold: true, size: 12 });
    const body = table.rows.length > 0 ? table.rows : [[table.emptyText]];
    for (const [index, values] of [table.headers, ...body].entries()) {
      row += 1;
      values.forEach((value, column) => {
        mergedCell(sheet, row, column + 1, column + 1, value, { bold: index === 0, isBordered: true });
      });
      fitRow(
        sheet,
        row,
        values.map((value, column): [string, number] => [value, COLUMN_WIDTHS[column] ?? 12]),
      );
    }
  }
  for (const line of model.footnotes) {
    row += 1;
    mergedCell(sheet, row, 1, COLUMN_COUNT, line, { size: 10 });
    fitRow(sheet, row, [[line, spanWidth(1, COLUMN_COUNT)]]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
