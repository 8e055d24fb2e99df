/**
 * Writes the XLSX records template: a records sheet with the documented columns, a subjects
 * sheet, and — when a scheme is given — a sheet listing the scheme's items so whoever fills
 * the workbook can copy item and level ids.
 */
import ExcelJS from 'exceljs';
import { compileScheme, formatDecimal, type SchemeFile } from '../../engine/index.ts';
import { ITEM_SHEET, RECORD_COLUMNS, RECORD_SHEET, SUBJECT_COLUMNS, SUBJECT_SHEET } from './records-file.ts';

const roleLabels = {
  score: '扣分/加分',
  rating: '测评',
  average: '单件评分',
  veto: '一票否决',
  ceiling: '等次限制',
} as const;

/** Writes the template to `path`; items of `scheme` are listed when given. */
export async function writeRecordsTemplate(path: string, scheme?: SchemeFile): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'fazhi';

  const records = workbook.addWorksheet(RECORD_SHEET);
  records.columns = RECORD_COLUMNS.map((column) => ({ header: column.header, key: column.field, width: 16 }));
  records.getRow(1).font = { bold: true };
  RECORD_COLUMNS.forEach((column, index) => {
    records.getRow(1).getCell(index + 1).note = column.note;
  });
  records.getColumn('date').numFmt = '@';
  records.addRow({ id: 'R0001', subject: 'S01', item: '(考核项目编号)', date: '2024-03-15', count: 1 });

  const subjects = workbook.addWorksheet(SUBJECT_SHEET);
  subjects.columns = SUBJECT_COLUMNS.map((column) => ({
    header: column.header,
    key: column.field,
    width: 20,
  }));
  subjects.getRow(1).font = { bold: true };
  subjects.addRow({ id: 'S01', name: '(名称)' });

  if (scheme) {
    const compiled = compileScheme(scheme);
    if (compiled.ok) {
      const items = workbook.addWorksheet(ITEM_SHEET);
      items.columns = [
        { header: '项目编号', key: 'id', width: 36 },
        { header: '名称', key: 'label', width: 48 },
        { header: '类型', key: 'role', width: 12 },
        { header: '每次分值', key: 'points', width: 10 },
        { header: '等级(编号=分值)', key: 'levels', width: 36 },
        { header: '评价人角色', key: 'raters', width: 24 },
        { header: '条款', key: 'clause', width: 24 },
        { header: '负责考核科室', key: 'assessor', width: 16 },
      ];
      items.getRow(1).font = { bold: true };
      for (const item of compiled.compiled.items) {
        const component = item.component;
        items.addRow({
          id: item.id,
          label: item.label,
          role: roleLabels[item.role],
          points: item.points === null ? '' : formatDecimal(item.points),
          levels: item.levels
            ? [...item.levels.values()].map((level) => `${level.id}=${formatDecimal(level.points)}`).join(' ')
            : '',
          raters:
            component?.kind === 'rating'
              ? component.raters.map((rater) => `${rater.role}(${rater.label})`).join(' ')
              : '',
          clause: item.clause ?? '',
          assessor: item.assessor ?? '',
        });
      }
    }
  }
  await workbook.xlsx.writeFile(path);
}
