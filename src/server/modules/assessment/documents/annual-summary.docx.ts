/** The 汇总表 as DOCX: title, heading, the table with 季度考评 spanning the four quarters. */
import { TableRow } from 'docx';
import {
  bodyParagraph,
  fullWidthTable,
  packDocument,
  textCell,
  textRow,
  titleParagraph,
} from '../../../lib/docx.ts';
import { type AnnualSummaryModel, QUARTER_HEADERS } from './annual-summary.ts';

export function renderAnnualSummaryDocx(model: AnnualSummaryModel): Promise<Buffer> {
  const header = { bold: true, isCentred: true };
  const table = fullWidthTable([
    new TableRow({
      tableHeader: true,
      children: [
        textCell('序号', { ...header, rowSpan: 2 }),
        textCell(model.nameHeader, { ...header, rowSpan: 2 }),
        textCell('所在单位', { ...header, rowSpan: 2 }),
        textCell('季度考评', { ...header, span: 4 }),
        textCell('年终考评', { ...header, rowSpan: 2 }),
      ],
    }),
    textRow(QUARTER_HEADERS, { ...header, isHeader: true }),
    ...(model.rows.length > 0
      ? model.rows.map((row) =>
          textRow([String(row.index), row.name, row.unit, ...row.quarters, row.annual], { isCentred: true }),
        )
      : [new TableRow({ children: [textCell('本年度没有可汇总的考核结果', { span: 8 })] })]),
  ]);
  return packDocument(model.title, [
    titleParagraph(model.title),
    bodyParagraph(model.heading, { align: 'centre' }),
    table,
    ...model.footnotes.map((line) => bodyParagraph(line, { size: 20, before: 80 })),
  ]);
}
