import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../engine/index.ts';
import { loadPreset, SCHEMES_DIRECTORY } from './presets.ts';
import { RECORD_COLUMNS, RECORD_SHEET, readRecordsFile, SUBJECT_SHEET } from './records-file.ts';
import { writeRecordsTemplate } from './template.ts';

const directory = mkdtempSync(join(tmpdir(), 'fazhi-records-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('records files', () => {
  const scheme = loadPreset('zjg-section-quarterly');
  const jsonPath = join(SCHEMES_DIRECTORY, 'examples', 'zjg-2024Q1.records.json');

  it('reads the template once filled in, with the same result as the JSON file', async () => {
    const json = await readRecordsFile(jsonPath);
    expect(json.ok).toBe(true);
    if (!json.ok) return;

    const templatePath = join(directory, 'template.xlsx');
    await writeRecordsTemplate(templatePath, scheme);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(templatePath);
    expect(workbook.getWorksheet('考核项目')?.rowCount).toBeGreaterThan(50);
    const records = workbook.getWorksheet(RECORD_SHEET)!;
    records.spliceRows(2, 1);
    for (const record of json.file.records) {
      // dates typed as real Excel dates must read back as the same calendar day
      const row: Record<string, unknown> = { ...record };
      if (record.id === 'R001') row.date = new Date(`${record.date}T00:00:00Z`);
      records.addRow(RECORD_COLUMNS.map((column) => row[column.field] ?? null));
    }
    const subjects = workbook.getWorksheet(SUBJECT_SHEET)!;
    subjects.spliceRows(2, 1);
    for (const subject of json.file.subjects) subjects.addRow([subject.id, subject.name]);
    const filledPath = join(directory, 'filled.xlsx');
    await workbook.xlsx.writeFile(filledPath);

    const xlsx = await readRecordsFile(filledPath);
    if (!xlsx.ok) expect(xlsx.problems).toEqual([]);
    if (!xlsx.ok) return;
    expect(xlsx.file.records).toHaveLength(json.file.records.length);
    const fromJson = evaluate(scheme, {
      period: '2024Q1',
      subjects: json.file.subjects,
      records: json.file.records,
    });
    const fromXlsx = evaluate(scheme, {
      period: '2024Q1',
      subjects: xlsx.file.subjects,
      records: xlsx.file.records,
    });
    expect(fromXlsx).toEqual(fromJson);
  });

  it('points problems at sheet rows and columns', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(RECORD_SHEET);
    sheet.addRow(['记录编号', '考核对象', '考核项目', '日期', '次数']);
    sheet.addRow(['R1', 'S1', 'x', '2024/3/1', 1]);
    sheet.addRow(['R1', 'S1', 'x', '2024-03-01', 0]);
    const path = join(directory, 'broken.xlsx');
    await workbook.xlsx.writeFile(path);
    const outcome = await readRecordsFile(path);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((entry) => entry.path)).toEqual(['记录 第2行 日期', '记录 第3行 次数']);
  });
});
