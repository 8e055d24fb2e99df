/**
 * The one GB/T 9704-2012 renderer: an OfficialDocumentContent in, a Word document out. 版头 (red
 * 发文机关标志, 发文字号 with 〔〕, the red separator), 主体 (title, 主送机关, numbered headings,
 * paragraphs and tables, 附件说明, 署名 centred over the 成文日期 with room for the seal), 版记
 * (抄送, 印发 between rules, at the foot of the last page) and "— 1 —" page numbers. See
 * docs/documents.md for what each number means.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import { formatChineseDate } from '../../../../common/format.ts';
import { fullWidthTable, textRow } from '../../../lib/docx.ts';
import {
  CHAR_WIDTH,
  CHARACTER_SPACING,
  FONT,
  FONT_TABLE_XML,
  LINE_PITCH,
  MARGINS,
  mm,
  PAGE,
  RED,
  SIZE,
  TYPE_AREA_WIDTH,
  textWidthInChars,
} from './gbt9704.ts';
import { type DocumentBlock, headingOrdinals, type OfficialDocumentContent } from './official-document.ts';

interface RunStyle {
  font?: string;
  size?: number;
  bold?: boolean;
  color?: string;
}

const run = (text: string, style: RunStyle = {}) =>
  new TextRun({
    text,
    font: style.font ?? FONT.body,
    size: style.size ?? SIZE.sanHao,
    bold: style.bold ?? false,
    characterSpacing: CHARACTER_SPACING,
    ...(style.color && { color: style.color }),
  });

interface LineOptions {
  align?: 'left' | 'centre' | 'right' | 'justified';
  /** blank body lines before this one */
  linesBefore?: number;
  firstLineChars?: number;
  leftChars?: number;
  rightChars?: number;
  /** exact line height in twips; the body pitch when absent */
  lineHeight?: number;
  /** keep on the page of the next paragraph (headings) */
  keepNext?: boolean;
}

const ALIGN = {
  left: AlignmentType.LEFT,
  centre: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justified: AlignmentType.JUSTIFIED,
};

/** One paragraph on the 28.95 pt line grid. */
function line(runs: TextRun[], options: LineOptions = {}): Paragraph {
  return new Paragraph({
    alignment: ALIGN[options.align ?? 'justified'],
    ...(options.keepNext && { keepNext: true }),
    spacing: {
      before: (options.linesBefore ?? 0) * LINE_PITCH,
      after: 0,
      line: options.lineHeight ?? LINE_PITCH,
      lineRule: LineRuleType.EXACT,
    },
    indent: {
      ...(options.firstLineChars && { firstLine: Math.round(options.firstLineChars * CHAR_WIDTH) }),
      ...(options.leftChars && { left: Math.round(options.leftChars * CHAR_WIDTH) }),
      ...(options.rightChars && { right: Math.round(options.rightChars * CHAR_WIDTH) }),
    },
    children: runs,
  });
}

/**
 * 发文机关标志: red 小标宋 on one line, at most 52 pt (a county office's usual size); a long name
 * (a leading group's office) is narrowed down to 60 % width before it is made smaller, as offices do.
 */
function redHeader(text: string, linesAbove: number): Paragraph {
  const widthPt = (TYPE_AREA_WIDTH / 20) * 0.92;
  const chars = Math.max(1, textWidthInChars(text));
  const sizePt = Math.min(52, Math.floor(widthPt / (chars * 0.6)));
  const scale = Math.min(100, Math.floor((widthPt / (chars * sizePt)) * 100));
  const lineHeight = Math.round(sizePt * 20 * 1.25);
  // 7.2.3: the mark's top edge 35 mm below the top of the type area (下行文)
  const before = Math.max(0, mm(35) - linesAbove * LINE_PITCH - Math.round((lineHeight - sizePt * 20) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before, after: 0, line: lineHeight, lineRule: LineRuleType.EXACT },
    children: [
      new TextRun({ text, font: FONT.title, size: sizePt * 2, color: RED, ...(scale < 100 && { scale }) }),
    ],
  });
}

/** 发文字号 line: centred (下行文) or left with 签发人 on the right (上行文); the red rule under it. */
function numberLine(content: OfficialDocumentContent, hasRule: boolean): Paragraph {
  const number = content.number ?? `${content.numberPrefix ?? '　　'}〔　　〕号`;
  const rule = hasRule
    ? { border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 6 } } }
    : {};
  const spacing = { before: 2 * LINE_PITCH, after: 0, line: LINE_PITCH, lineRule: LineRuleType.EXACT };
  if (content.isUpward) {
    return new Paragraph({
      spacing,
      ...rule,
      indent: { left: CHAR_WIDTH },
      tabStops: [{ type: TabStopType.RIGHT, position: TYPE_AREA_WIDTH - 2 * CHAR_WIDTH }],
      children: [run(number), run('\t签发人：'), run(content.signer ?? '　　　', { font: FONT.heading2 })],
    });
  }
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing, ...rule, children: [run(number)] });
}

/**
 * A table's type size: 4号 up to six columns; the statistical tables (a column per case kind or
 * penalty type) step down to 5号 and 小5号, so a count or a sum stays on one line in the 156 mm width.
 */
function cellSize(columns: number): number {
  if (columns <= 6) return SIZE.siHao;
  return columns <= 9 ? SIZE.wuHao : SIZE.xiaoWu;
}

/** A body table: 黑体 header row, 仿宋 cells, columns in the given shares, sized by column count. */
function bodyTable(block: Extract<DocumentBlock, { type: 'table' }>): Table {
  const size = cellSize(block.header.length);
  const isSingleSpaced = size < SIZE.siHao;
  const shares = block.widths?.length === block.header.length ? block.widths : block.header.map(() => 1);
  const total = shares.reduce((sum, share) => sum + share, 0);
  const columnWidths = shares.map((share) => Math.floor((TYPE_AREA_WIDTH * share) / total));
  return fullWidthTable(
    [
      textRow(block.header, {
        bold: false,
        isCentred: true,
        isHeader: true,
        font: FONT.heading1,
        size,
        isSingleSpaced,
      }),
      ...block.rows.map((row) => textRow(row, { isCentred: true, font: FONT.body, size, isSingleSpaced })),
    ],
    columnWidths,
  );
}

/** 正文: headings numbered and set in 黑体 / 楷体 / bold 仿宋, paragraphs indented two characters. */
function bodyBlocks(blocks: readonly DocumentBlock[]): Array<Paragraph | Table> {
  const ordinals = headingOrdinals(blocks);
  return blocks.map((block, index) => {
    switch (block.type) {
      case 'heading': {
        const text = `${ordinals.get(index)}${block.text}`;
        const style =
          block.level === 1
            ? { font: FONT.heading1 }
            : block.level === 2
              ? { font: FONT.heading2 }
              : { font: FONT.body, bold: true };
        return line([run(text, style)], { firstLineChars: 2, keepNext: true });
      }
      case 'paragraph':
        return line([run(block.text)], { firstLineChars: 2 });
      default:
        return bodyTable(block);
    }
  });
}

/** 附件说明 (7.3.4): 附件：1.×× with later names aligned under the first. */
function attachmentLines(attachments: readonly string[]): Paragraph[] {
  if (attachments.length === 0) return [];
  if (attachments.length === 1)
    return [line([run(`附件：${attachments[0]}`)], { firstLineChars: 2, linesBefore: 1 })];
  return attachments.map((name, index) =>
    index === 0
      ? line([run(`附件：1.${name}`)], { firstLineChars: 2, linesBefore: 1 })
      : line([run(`${index + 1}.${name}`)], { leftChars: 5 }),
  );
}

/**
 * 署名 and 成文日期 (7.3.5.1, a sealed document): the date 右空四字, the authority centred over it,
 * three blank lines above for the seal, which presses on both.
 */
function signatureLines(content: OfficialDocumentContent): Paragraph[] {
  const date = formatChineseDate(content.date);
  const dateWidth = textWidthInChars(date);
  const orgWidth = textWidthInChars(content.signatureOrg);
  const orgRight = Math.max(0, 4 + (dateWidth - orgWidth) / 2);
  return [
    line([run(content.signatureOrg)], { align: 'right', rightChars: orgRight, linesBefore: 3 }),
    line([run(date)], { align: 'right', rightChars: 4 }),
  ];
}

const THICK = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
const THIN = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
type Rule = typeof THICK;

/** One 版记 line: 4号仿宋 one character in from each side, between two rules, never split. */
function noteRow(children: TextRun[], rules: { top: Rule; bottom: Rule }): TableRow {
  return new TableRow({
    cantSplit: true,
    children: [
      new TableCell({
        width: { size: TYPE_AREA_WIDTH, type: WidthType.DXA },
        borders: { ...rules, left: NONE, right: NONE },
        children: [
          new Paragraph({
            keepNext: true,
            spacing: { before: 0, after: 0, line: LINE_PITCH, lineRule: LineRuleType.EXACT },
            indent: { left: CHAR_WIDTH, right: CHAR_WIDTH },
            tabStops: [{ type: TabStopType.RIGHT, position: TYPE_AREA_WIDTH - 3 * CHAR_WIDTH }],
            children,
          }),
        ],
      }),
    ],
  });
}

/**
 * 版记 (7.4): 抄送 and 印发机关/印发日期 between a thick first and last rule and a thin middle
 * one, after the date. (Word would float it to the foot of the page with framePr or tblpPr, but
 * LibreOffice and older WPS ignore both and misplace it, so it follows the text.)
 */
function imprint(content: OfficialDocumentContent): Array<Paragraph | Table> {
  const cc = content.cc ?? [];
  const hasPrinted = Boolean(content.printedBy || content.printedOn);
  if (cc.length === 0 && !hasPrinted) return [];
  const small = { size: SIZE.siHao };
  const rows: TableRow[] = [];
  if (cc.length > 0) {
    rows.push(
      noteRow([run(`抄送：${cc.join('，')}。`, small)], { top: THICK, bottom: hasPrinted ? THIN : THICK }),
    );
  }
  if (hasPrinted) {
    rows.push(
      noteRow(
        [
          run(content.printedBy ?? '', small),
          run(`\t${content.printedOn ? `${formatChineseDate(content.printedOn)}印发` : ''}`, small),
        ],
        { top: cc.length > 0 ? THIN : THICK, bottom: THICK },
      ),
    );
  }
  return [
    line([], { linesBefore: 1 }),
    new Table({
      width: { size: TYPE_AREA_WIDTH, type: WidthType.DXA },
      columnWidths: [TYPE_AREA_WIDTH],
      borders: TableBorders.NONE,
      rows,
    }),
  ];
}

/** "— 1 —" in 4号宋体: odd pages 右空一字, even pages 左空一字 (7.5). */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: CHAR_WIDTH } : { left: CHAR_WIDTH },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: FONT.pageNumber,
            size: SIZE.siHao,
          }),
        ],
      }),
    ],
  });
}

const withdrawnHeader = () =>
  new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({ text: '已撤回', font: FONT.heading1, size: SIZE.sanHao, bold: true, color: RED }),
        ],
      }),
    ],
  });

/** The page's content, top to bottom. */
function documentChildren(content: OfficialDocumentContent): Array<Paragraph | Table> {
  const isOfficial = content.layout === 'official';
  const children: Array<Paragraph | Table> = [];
  const marking = content.isWithdrawn ? '已撤回' : (content.marking ?? null);
  if (marking) {
    children.push(
      line([run(marking, { font: FONT.heading1, color: content.isWithdrawn ? RED : undefined })], {
        align: 'left',
      }),
    );
  }
  if (isOfficial) {
    children.push(redHeader(content.headerText ?? `${content.issuerName}文件`, marking ? 1 : 0));
    children.push(numberLine(content, true));
  }
  // 7.3.1: the title two lines under the red rule; a plain document starts with it
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: {
        before: isOfficial ? 2 * LINE_PITCH : 0,
        after: 0,
        line: mm(12),
        lineRule: LineRuleType.EXACT,
      },
      children: [run(content.title, { font: FONT.title, size: SIZE.erHao })],
    }),
  );
  if (!isOfficial && content.number) children.push(line([run(content.number)], { align: 'centre' }));
  if (content.recipients.length > 0) {
    // 7.3.2: one line under the title, flush left, ending with a full-width colon
    children.push(line([run(`${content.recipients.join('、')}：`)], { align: 'left', linesBefore: 1 }));
  } else {
    children.push(line([]));
  }
  children.push(...bodyBlocks(content.body));
  children.push(...attachmentLines(content.attachments ?? []));
  children.push(...signatureLines(content));
  children.push(...imprint(content));
  return children;
}

/** Lays an official document out per GB/T 9704-2012 as a Word file. */
export function renderOfficialDocx(content: OfficialDocumentContent): Promise<Buffer> {
  const document = new Document({
    creator: 'Fazhi 法治',
    title: content.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: FONT.body, size: SIZE.sanHao },
          paragraph: { spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...MARGINS, gutter: 0 },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        ...(content.isWithdrawn && { headers: { default: withdrawnHeader(), even: withdrawnHeader() } }),
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: documentChildren(content),
      },
    ],
  });
  return Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE_XML }]);
}
