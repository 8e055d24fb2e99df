import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderFormXlsx } from '../lib/form.xlsx.ts';
import { neutraliseFormula, writeSheet } from '../lib/xlsx.ts';

const HOSTILE = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example","点我")',
  '+1+2',
  '-2+3',
  '@SUM(A1:A2)',
  '\t=1+1',
];

async function cellsOf(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: ExcelJS.CellValue[] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    row.eachCell((cell) => {
      cells.push(cell.value);
    });
  });
  return cells;
}

describe('formula cells in exports', () => {
  it('writeSheet keeps hostile text as text with a leading apostrophe', async () => {
    const bytes = await writeSheet({
      name: '导出',
      columns: [
        { header: '=标题', width: 10 },
        { header: '备注', width: 10 },
      ],
      rows: HOSTILE.map((text) => [text, -5]),
    });
    const cells = await cellsOf(bytes);
    expect(cells.some((value) => typeof value === 'object' && value !== null && 'formula' in value)).toBe(
      false,
    );
    const texts = cells.filter((value): value is string => typeof value === 'string');
    for (const text of HOSTILE) expect(texts).toContain(`'${text}`);
    expect(texts).toContain("'=标题");
    // numbers stay numbers
    expect(cells.filter((value) => value === -5)).toHaveLength(HOSTILE.length);
  });

  it('the printable form writer does the same', async () => {
    const bytes = await renderFormXlsx({
      title: '案件记录表',
      heading: '=1+1',
      rows: [[{ label: '当事人', value: HOSTILE[1]! }]],
      tables: [{ title: '附件', headers: ['名称'], rows: [[HOSTILE[2]!]], emptyText: '无' }],
      footnotes: [],
    });
    const texts = (await cellsOf(bytes)).filter((value): value is string => typeof value === 'string');
    expect(texts).toEqual(expect.arrayContaining(["'=1+1", `'${HOSTILE[1]}`, `'${HOSTILE[2]}`]));
  });

  it('leaves ordinary text alone', () => {
    expect(HOSTILE.map(neutraliseFormula)).toEqual(HOSTILE.map((text) => `'${text}`));
    expect(['-', '正常', '2024-02-03', '', '+'].map(neutraliseFormula)).toEqual([
      '-',
      '正常',
      '2024-02-03',
      '',
      '+',
    ]);
  });
});
