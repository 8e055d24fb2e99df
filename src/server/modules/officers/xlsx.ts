import ExcelJS from 'exceljs';

/** A sheet as plain data: what a pure build function returns and writeSheet turns into XLSX. */
export interface SheetModel {
  name: string;
  columns: Array<{ header: string; width: number }>;
  rows: Array<Array<string | number | null>>;
}

/** One-sheet XLSX with a bold, frozen header row. */
export async function writeSheet(model: SheetModel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(model.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = model.columns.map((column) => ({ header: column.header, width: column.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of model.rows) sheet.addRow(row);
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
