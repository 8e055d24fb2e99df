/**
 * The pieces every printed document (forms, the officer archive, circulars) is made of: bordered table
 * cells in 宋体, full-width tables, 黑体 titles, 公文 body paragraphs, one A4 document. Sizes are
 * docx half-points (24 = 小四 12 pt, 32 = 三号 16 pt, 44 = 二号 22 pt).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const CELL_BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };
/** 宋体 小四 */
const BODY_SIZE = 24;

export interface CellOptions {
  bold?: boolean;
  /** columns the cell covers */
  span?: number;
  /** rows the cell covers (a two-level header) */
  rowSpan?: number;
  isCentred?: boolean;
  size?: number;
  /** 宋体 unless given (official documents set their tables in 仿宋 / 黑体) */
  font?: string;
  /** lines as high as the type, whatever the document's default (a 公文's 3号 line grid makes small type's rows tall) */
  isSingleSpaced?: boolean;
}

/** A bordered table cell; each '\n' starts a new paragraph inside it. */
export function textCell(text: string, options: CellOptions = {}): TableCell {
  return new TableCell({
    borders: CELL_BORDERS,
    ...(options.span && options.span > 1 && { columnSpan: options.span }),
    ...(options.rowSpan && options.rowSpan > 1 && { rowSpan: options.rowSpan }),
    verticalAlign: VerticalAlign.CENTER,
    children: text.split('\n').map(
      (line) =>
        new Paragraph({
          ...(options.isCentred && { alignment: AlignmentType.CENTER }),
          // an exact line overrides a document grid's line pitch (ECMA-376 §17.6.5); 1.35 × the type size
          ...(options.isSingleSpaced && {
            spacing: {
              line: Math.round((options.size ?? BODY_SIZE) * 10 * 1.35),
              lineRule: LineRuleType.EXACT,
              before: 0,
              after: 0,
            },
          }),
          children: [
            new TextRun({
              text: line,
              bold: options.bold ?? false,
              font: options.font ?? '宋体',
              size: options.size ?? BODY_SIZE,
            }),
          ],
        }),
    ),
  });
}

/** A row of plain cells. */
export function textRow(
  texts: readonly string[],
  options: CellOptions & { isHeader?: boolean } = {},
): TableRow {
  return new TableRow({
    ...(options.isHeader && { tableHeader: true }),
    children: texts.map((text) => textCell(text, options)),
  });
}

/** A table across the page width; `columnWidths` (twips) fixes the columns' shares. */
export function fullWidthTable(rows: TableRow[], columnWidths?: number[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    ...(columnWidths && { columnWidths }),
    rows,
  });
}

/** A centred 黑体 title line. */
export function titleParagraph(text: string, options: { size?: number; after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: options.after ?? 240 },
    children: [new TextRun({ text, bold: true, font: '黑体', size: options.size ?? 36 })],
  });
}

export interface BodyOptions {
  /** first line indented by two characters, as 公文 paragraphs are */
  isIndented?: boolean;
  align?: 'left' | 'centre' | 'right';
  bold?: boolean;
  /** 黑体 for section headings (一、二、…) */
  isHeading?: boolean;
  size?: number;
  before?: number;
  after?: number;
}

const ALIGNMENTS = { left: AlignmentType.LEFT, centre: AlignmentType.CENTER, right: AlignmentType.RIGHT };

/** A body paragraph in 宋体 (or a 黑体 heading). */
export function bodyParagraph(text: string, options: BodyOptions = {}): Paragraph {
  const size = options.size ?? BODY_SIZE;
  return new Paragraph({
    alignment: ALIGNMENTS[options.align ?? 'left'],
    spacing: { before: options.before ?? 0, after: options.after ?? 120, line: 360 },
    ...(options.isIndented && { indent: { firstLine: size * 20 } }),
    children: [
      new TextRun({
        text,
        bold: options.bold ?? false,
        font: options.isHeading ? '黑体' : '宋体',
        size,
      }),
    ],
  });
}

/** One A4 Word document of the given blocks. */
export function packDocument(title: string, children: Array<Paragraph | Table>): Promise<Buffer> {
  return Packer.toBuffer(new Document({ creator: 'Fazhi 法治', title, sections: [{ children }] }));
}
