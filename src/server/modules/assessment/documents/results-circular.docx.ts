/** The circular as a 公文-style DOCX: 文号, title, salutation, numbered sections, issuer and date at the right. */
import { bodyParagraph, fullWidthTable, packDocument, textRow, titleParagraph } from '../../../lib/docx.ts';
import type { ResultsCircularModel } from './results-circular.ts';

export function renderResultsCircularDocx(model: ResultsCircularModel): Promise<Buffer> {
  const sections = model.sections.flatMap((section) => [
    bodyParagraph(section.heading, { isHeading: true, isIndented: true, before: 120, size: 28 }),
    ...section.paragraphs.map((text) => bodyParagraph(text, { isIndented: true, size: 28 })),
    ...(section.table
      ? [
          fullWidthTable([
            textRow(section.table.headers, { bold: true, isCentred: true, isHeader: true }),
            ...section.table.rows.map((row) => textRow(row, { isCentred: true })),
          ]),
        ]
      : []),
  ]);
  return packDocument(model.title, [
    ...(model.isDraft ? [bodyParagraph('（未公示稿）', { align: 'right', bold: true })] : []),
    bodyParagraph(model.docNo, { align: 'centre', size: 32, after: 360 }),
    titleParagraph(model.title, { size: 40, after: 360 }),
    bodyParagraph(model.salutation, { size: 28 }),
    bodyParagraph(model.intro, { isIndented: true, size: 28 }),
    ...sections,
    bodyParagraph(model.closing, { isIndented: true, size: 28, before: 240 }),
    bodyParagraph(model.issuer, { align: 'right', size: 28, before: 600 }),
    bodyParagraph(model.issuedOn, { align: 'right', size: 28 }),
  ]);
}
