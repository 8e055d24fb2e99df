/**
 * XLSX helpers shared by every module's imports and exports (moved here from modules/officers so
 * cases use the same ones): a sheet as plain data, writing it, reading rows by header, and the
 * all-or-nothing import report (row-by-row problems, nothing written).
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { AppError } from './errors.ts';
import { inflatedSizeWithin } from './zip-guard.ts';

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
  for (const values of model.rows) {
    const row = sheet.addRow(values.map((value) => dateCell(value) ?? neutraliseFormula(value)));
    values.forEach((value, index) => {
      if (dateCell(value)) row.getCell(index + 1).numFmt = CHINESE_DATE_FORMAT;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** How a date cell shows (2024年2月3日, as everywhere else), while it stays a date to sort and filter. */
export const CHINESE_DATE_FORMAT = 'yyyy"年"m"月"d"日"';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date given as 'YYYY-MM-DD' becomes a real date cell (UTC midnight, which Excel and
 * WPS read as that day), not text: every export writes its dates this way without asking.
 */
function dateCell(value: string | number | null): Date | null {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : date;
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

/**
 * The first sheet's rows after the header, keyed by header text, with their sheet row numbers.
 * Streamed (ExcelJS's WorkbookReader), so a huge sheet is never held whole: reading stops after
 * `maxRows` data rows, and the caller learns there were more from `hasMore`.
 */
export async function readSheet(
  bytes: Buffer,
  maxRows = Number.POSITIVE_INFINITY,
): Promise<Array<{ row: number; values: Record<string, string> }> & { hasMore?: boolean }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  // exceljs 4.4.0 reads a worksheet at once when the shared strings and the workbook's rels came
  // before it, and then looks up `this.model.sheets`, which only xl/workbook.xml sets: a file whose
  // zip has the sheet before workbook.xml (exceljs itself writes one now and then: 45 of 3,000 of
  // our own templates) threw "Cannot read properties of undefined (reading 'sheets')". Only the
  // sheet's name comes from there, which the import does not use; workbook.xml replaces it later.
  (reader as unknown as { model?: object }).model ??= { sheets: [] };
  const rows: Array<{ row: number; values: Record<string, string> }> & { hasMore?: boolean } = [];
  for await (const sheet of reader) {
    const headers: string[] = [];
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      if (row.number === 1) {
        row.eachCell((cell, column) => {
          headers[column] = cellText(cell.value).replace(/[*＊]$/, '');
        });
        continue;
      }
      const values: Record<string, string> = {};
      let isEmpty = true;
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        const header = headers[column];
        if (!header) return;
        values[header] = cellText(cell.value);
        if (values[header] !== '') isEmpty = false;
      });
      if (isEmpty) continue;
      if (rows.length >= maxRows) {
        rows.hasMore = true;
        break;
      }
      rows.push({ row: row.number, values });
    }
    break; // the first sheet only
  }
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
/**
 * An optional import cell: '' is null, anything else must pass `schema` and gets its own message
 * ("手机号码应为以1开头的11位数字"); a union would answer zod's bare "无效输入" instead.
 */
export function optionalCell<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? null : value), schema.nullable());
}

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

/** An import's sheet may inflate to this much XML at most (a 5,000-row sheet is a few MB). */
export const IMPORT_MAX_INFLATED_BYTES = 40 * 1024 * 1024;

/** One import is parsed at a time per server: a second one meanwhile is told to wait (429). */
let isImportRunning = false;

/**
 * The data rows of an uploaded sheet, or the import report for an empty, oversized or unreadable
 * file. A file that inflates past IMPORT_MAX_INFLATED_BYTES is refused before it is parsed, and the
 * rows are streamed and counted, so a spreadsheet bomb costs neither the memory nor the minutes.
 */
export async function parseImportRows(bytes: Buffer) {
  if (isImportRunning) throw new AppError('RATE_LIMITED', '另一份文件正在导入，请稍后再试');
  isImportRunning = true;
  try {
    if (inflatedSizeWithin(bytes, IMPORT_MAX_INFLATED_BYTES) === null)
      failImport([{ row: 1, field: '', message: `文件过大，一次最多导入 ${IMPORT_MAX_ROWS} 行` }]);
    const rows = await readSheet(bytes, IMPORT_MAX_ROWS);
    if (rows.length === 0) failImport([{ row: 1, field: '', message: '文件中没有数据行' }]);
    if (rows.hasMore) failImport([{ row: 1, field: '', message: `一次最多导入 ${IMPORT_MAX_ROWS} 行` }]);
    return rows;
  } catch (error) {
    if (error instanceof AppError) throw error;
    failImport([{ row: 1, field: '', message: '无法读取文件，请使用下载的 XLSX 模板' }]);
  } finally {
    isImportRunning = false;
  }
}
