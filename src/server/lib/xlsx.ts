/**
 * XLSX helpers shared by every module's imports and exports (moved here from modules/officers so
 * cases use the same ones): a sheet as plain data, writing it, reading rows by header, and the
 * all-or-nothing import report (row-by-row problems, nothing written).
 */
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { AppError } from './errors.ts';

/** A sheet as plain data: what a pure build function returns and writeSheet turns into XLSX. */
export interface SheetModel {
  name: string;
  columns: Array<{ header: string; width: number }>;
  rows: Array<Array<string | number | null>>;
}

/** What spreadsheet programs read as the start of a formula (OWASP CSV/formula injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as data, never a formula: text such as '=HYPERLINK(…)', '+1+2', '-2+3', '@SUM(…)'
 * gets a leading apostrophe, which Excel and WPS show as text. Every sheet writer calls this.
 */
export function neutraliseFormula<T>(value: T): T | string {
  return typeof value === 'string' && value.length > 1 && FORMULA_START.test(value) ? `'${value}` : value;
}

/** One-sheet XLSX with a bold, frozen header row. */
export async function writeSheet(model: SheetModel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(model.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = model.columns.map((column) => ({
    header: neutraliseFormula(column.header),
    width: column.width,
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of model.rows) sheet.addRow(row.map(neutraliseFormula));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A cell as trimmed text: dates become 'YYYY-MM-DD', numbers their decimal form, empty ''. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value).trim();
}

/** The first sheet's rows after the header, keyed by header text, with their sheet row numbers. */
export async function readSheet(
  bytes: Buffer,
): Promise<Array<{ row: number; values: Record<string, string> }>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const headers: string[] = [];
  sheet.getRow(1).eachCell((cell, column) => {
    headers[column] = cellText(cell.value).replace(/[*＊]$/, '');
  });
  const rows: Array<{ row: number; values: Record<string, string> }> = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const values: Record<string, string> = {};
    let isEmpty = true;
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const header = headers[column];
      if (!header) return;
      values[header] = cellText(cell.value);
      if (values[header] !== '') isEmpty = false;
    });
    if (!isEmpty) rows.push({ row: rowNumber, values });
  });
  return rows;
}

/** One problem in an import file: sheet row number (header = 1), column header, Chinese message. */
export interface RowProblem {
  row: number;
  field: string;
  message: string;
}

/** Rows per import; bigger files are split by the user. */
export const IMPORT_MAX_ROWS = 5_000;

/** Every key of the schema present (missing cells are ''), so each column is checked. */
export function withAllKeys(
  shape: Record<string, unknown>,
  values: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(Object.keys(shape).map((key) => [key, values[key] ?? '']));
}

/** zod issues of one row as import problems (the column is the schema key). */
export function problemsOf(row: number, error: z.ZodError): RowProblem[] {
  return error.issues.map((issue) => ({ row, field: String(issue.path[0] ?? ''), message: issue.message }));
}

/** Throws the import report: VALIDATION_FAILED with `rows`, sorted by row. */
export function failImport(problems: RowProblem[]): never {
  const sorted = [...problems].sort((left, right) => left.row - right.row);
  throw new AppError('VALIDATION_FAILED', `导入文件有 ${sorted.length} 处错误，未导入任何数据`, {
    rows: sorted,
  });
}

/** The data rows of an uploaded sheet, or the import report for an empty, oversized or unreadable file. */
export async function parseImportRows(bytes: Buffer) {
  try {
    const rows = await readSheet(bytes);
    if (rows.length === 0) failImport([{ row: 1, field: '', message: '文件中没有数据行' }]);
    if (rows.length > IMPORT_MAX_ROWS)
      failImport([{ row: 1, field: '', message: `一次最多导入 ${IMPORT_MAX_ROWS} 行` }]);
    return rows;
  } catch (error) {
    if (error instanceof AppError) throw error;
    failImport([{ row: 1, field: '', message: '无法读取文件，请使用下载的 XLSX 模板' }]);
  }
}
