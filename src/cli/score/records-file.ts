/**
 * Reads a records file for `fazhi score`: JSON as documented in docs/scheme-language.md, or an
 * XLSX workbook laid out like the template (`fazhi score --template`). Either way the result
 * passes the engine's records schema, so both formats obey the same rules and problems.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import { type CompiledScheme, type Problem, parseRecords } from '../../engine/index.ts';

/** Workbook sheet and column names, Chinese as users see them, with the record field each holds. */
export const RECORD_SHEET = '记录';
export const SUBJECT_SHEET = '考核对象';
export const ITEM_SHEET = '考核项目';

export const RECORD_COLUMNS = [
  { field: 'id', header: '记录编号', note: '必填，唯一' },
  { field: 'subject', header: '考核对象', note: '必填，考核对象编号' },
  { field: 'item', header: '考核项目', note: '必填，方案中的项目编号' },
  { field: 'date', header: '日期', note: '必填,YYYY-MM-DD' },
  { field: 'count', header: '次数', note: '默认1;人次、件数' },
  { field: 'value', header: '分值', note: '测评分、单件评分' },
  { field: 'level', header: '等级', note: '按等级计分的项目填写等级编号' },
  { field: 'fact', header: '事实编号', note: '同一事实在多项中出现时填写相同编号，就高计分' },
  { field: 'rater', header: '评价人', note: '测评记录填写评价人角色，如 main、deputy' },
  { field: 'evidence', header: '依据', note: '文号、案卷号等' },
  { field: 'source', header: '来源', note: 'self = 自评记录；空 = 考核科室记录' },
] as const;

export const SUBJECT_COLUMNS = [
  { field: 'id', header: '编号' },
  { field: 'name', header: '名称' },
] as const;

type ReadOutcome = ReturnType<typeof parseRecords>;

/**
 * Reads and validates a records file by extension (.json or .xlsx); given the scheme, values
 * outside a sheet's scale and counts too large to sum exactly are problems too (parseRecords).
 */
export async function readRecordsFile(path: string, scheme?: CompiledScheme): Promise<ReadOutcome> {
  const extension = extname(path).toLowerCase();
  if (extension === '.xlsx') return readWorkbook(path, scheme);
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [
        { path: '', messageZh: `不是有效的 JSON:${message}`, messageEn: `not valid JSON: ${message}` },
      ],
    };
  }
  return parseRecords(data, scheme);
}

function cellText(value: ExcelJS.CellValue): string | number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' || typeof value === 'string')
    return typeof value === 'string' ? value.trim() : value;
  if (typeof value === 'boolean') return String(value);
  if ('result' in value && value.result !== undefined) return cellText(value.result as ExcelJS.CellValue);
  if ('richText' in value)
    return value.richText
      .map((part) => part.text)
      .join('')
      .trim();
  if ('text' in value) return String(value.text).trim();
  return undefined;
}

/** Maps a header row to field names, accepting the Chinese header or the English field name. */
function columnFields(
  sheet: ExcelJS.Worksheet,
  columns: readonly { field: string; header: string }[],
): Map<number, string> {
  const fields = new Map<number, string>();
  sheet.getRow(1).eachCell((cell, column) => {
    const header = String(cellText(cell.value) ?? '');
    const match = columns.find((candidate) => candidate.header === header || candidate.field === header);
    if (match) fields.set(column, match.field);
  });
  return fields;
}

function readRows(sheet: ExcelJS.Worksheet, columns: readonly { field: string; header: string }[]) {
  const fields = columnFields(sheet, columns);
  const rows: { row: number; data: Record<string, string | number> }[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const data: Record<string, string | number> = {};
    for (const [column, field] of fields) {
      const value = cellText(row.getCell(column).value);
      if (value !== undefined) data[field] = value;
    }
    if (Object.keys(data).length > 0) rows.push({ row: rowNumber, data });
  });
  return rows;
}

async function readWorkbook(path: string, scheme: CompiledScheme | undefined): Promise<ReadOutcome> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [
        {
          path: '',
          messageZh: `无法读取 XLSX 文件：${message}`,
          messageEn: `cannot read the XLSX file: ${message}`,
        },
      ],
    };
  }
  const recordSheet = workbook.getWorksheet(RECORD_SHEET);
  if (!recordSheet) {
    return {
      ok: false,
      problems: [
        {
          path: RECORD_SHEET,
          messageZh: `缺少工作表「${RECORD_SHEET}」`,
          messageEn: `the workbook has no sheet named ${RECORD_SHEET}`,
        },
      ],
    };
  }
  const recordRows = readRows(recordSheet, RECORD_COLUMNS);
  const records = recordRows.map(({ data }) => {
    const record: Record<string, string | number> = { ...data };
    // A date cell formatted as a number holds Excel's serial day (days since 1899-12-30).
    if (typeof record.date === 'number')
      record.date = new Date(Date.UTC(1899, 11, 30) + record.date * 86_400_000).toISOString().slice(0, 10);
    for (const field of [
      'id',
      'subject',
      'item',
      'level',
      'fact',
      'rater',
      'evidence',
      'date',
      'source',
    ] as const) {
      if (record[field] !== undefined) record[field] = String(record[field]);
    }
    if (typeof record.count === 'string' && /^\d+$/.test(record.count)) record.count = Number(record.count);
    return record;
  });
  const subjectSheet = workbook.getWorksheet(SUBJECT_SHEET);
  const subjectRows = subjectSheet ? readRows(subjectSheet, SUBJECT_COLUMNS) : [];
  const subjects = subjectRows.map(({ data }) => ({
    id: String(data.id ?? ''),
    ...(data.name !== undefined ? { name: String(data.name) } : {}),
  }));
  const outcome = parseRecords({ records, ...(subjectRows.length > 0 ? { subjects } : {}) }, scheme);
  if (outcome.ok) return outcome;
  // Point problems at sheet rows ('记录 第5行 日期') rather than array indices.
  const problems: Problem[] = outcome.problems.map((entry) => {
    const match = /^(records|subjects)\[(\d+)\](?:\.(\w+))?/.exec(entry.path);
    if (!match) return entry;
    const isRecord = match[1] === 'records';
    const row = (isRecord ? recordRows : subjectRows)[Number(match[2])]?.row;
    const columns: readonly { field: string; header: string }[] = isRecord ? RECORD_COLUMNS : SUBJECT_COLUMNS;
    const header = columns.find((column) => column.field === match[3])?.header ?? match[3] ?? '';
    return {
      ...entry,
      path: `${isRecord ? RECORD_SHEET : SUBJECT_SHEET} 第${row}行${header ? ` ${header}` : ''}`,
    };
  });
  return { ok: false, problems };
}
