/**
 * A printed form as data (案件记录表, 案卷封面, 质量监督表, 奖惩记录表…): a title, the heading line, a
 * label/value grid, list tables and 填表说明 lines. Pure builders return one; renderFormDocx (here)
 * and renderFormXlsx (`form.xlsx.ts`) print it.
 */
import { type Paragraph, TableRow } from 'docx';
import { bodyParagraph, fullWidthTable, packDocument, textCell, titleParagraph } from './docx.ts';

/** One printed row: label/value cells; a value may span the rest of the row. */
export type FormRow = Array<{ label: string; value: string }>;

export interface FormModel {
  title: string;
  /** the line under the title (单位 / 日期) */
  heading: string;
  rows: FormRow[];
  tables: Array<{ title: string; headers: string[]; rows: string[][]; emptyText: string }>;
  footnotes: string[];
}

/** 宋体 五号 (10.5 pt) inside the form's cells, so a record fits one or two pages. */
const CELL_SIZE = 21;

/** Lays a FormModel out as an A4 Word document. */
export function renderFormDocx(model: FormModel): Promise<Buffer> {
  const cell = (text: string, options: { bold?: boolean; span?: number } = {}) =>
    textCell(text, { ...options, size: CELL_SIZE });
  const grid = fullWidthTable(
    model.rows.map(
      (row) =>
        new TableRow({
          children: row.flatMap((pair, index) => [
            cell(pair.label, { bold: true }),
            cell(pair.value, { span: row.length === 1 && index === 0 ? 3 : 1 }),
          ]),
        }),
    ),
  );
  const tables = model.tables.flatMap((table) => [
    bodyParagraph(table.title, { isHeading: true, bold: true, size: 28, before: 240 }),
    fullWidthTable([
      new TableRow({ children: table.headers.map((header) => cell(header, { bold: true })) }),
      ...(table.rows.length > 0
        ? table.rows.map((row) => new TableRow({ children: row.map((value) => cell(value)) }))
        : [new TableRow({ children: [cell(table.emptyText, { span: table.headers.length })] })]),
    ]),
  ]);
  return packDocument(model.title, [
    titleParagraph(model.title),
    bodyParagraph(model.heading),
    grid,
    ...tables,
    ...model.footnotes.map((line): Paragraph => bodyParagraph(line, { size: 20, before: 80, after: 0 })),
  ]);
}
