import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxTableRows, docxText, docxXml } from '../../../testing/docx-text.ts';
import { CHAR_WIDTH, CHARS_PER_LINE, LINE_PITCH, LINES_PER_PAGE, mm, TYPE_AREA_WIDTH } from './gbt9704.ts';
import { renderOfficialDocx } from './official-document.docx.ts';
import { chineseNumeral, headingOrdinals, type OfficialDocumentContent } from './official-document.ts';

const NOTICE: OfficialDocumentContent = {
  layout: 'official',
  issuerName: '博湖县司法局',
  number: '博司监〔2026〕3号',
  signer: '周海涛',
  title: '关于博湖县市场监督管理局行政执法案卷问题的监督通知',
  recipients: ['博湖县市场监督管理局', '博湖县农业农村局'],
  body: [
    { type: 'paragraph', text: '根据《博湖县行政执法协调监督办法》第十五条，现将检查发现的问题通知如下。' },
    { type: 'heading', level: 1, text: '存在的问题' },
    { type: 'heading', level: 2, text: '案卷材料不完整' },
    { type: 'heading', level: 3, text: '送达' },
    { type: 'heading', level: 3, text: '法制审核' },
    { type: 'heading', level: 2, text: '程序不规范' },
    { type: 'heading', level: 1, text: '整改要求' },
    { type: 'heading', level: 2, text: '限期整改' },
    { type: 'table', header: ['序号', '案卷号'], rows: [['1', '博市监罚〔2026〕12号']], widths: [1, 3] },
  ],
  attachments: ['案卷问题清单', '整改情况报告表'],
  signatureOrg: '博湖县司法局',
  date: '2026-01-05',
  cc: ['博湖县人民政府办公室', '县委依法治县办'],
  printedBy: '博湖县司法局办公室',
  printedOn: '2026-01-06',
};

const stylesOf = (bytes: Buffer) => strFromU8(unzipSync(new Uint8Array(bytes))['word/styles.xml']!);
const fontTableOf = (bytes: Buffer) => strFromU8(unzipSync(new Uint8Array(bytes))['word/fontTable.xml']!);
const footersOf = (bytes: Buffer) =>
  Object.entries(unzipSync(new Uint8Array(bytes)))
    .filter(([name]) => /^word\/footer\d+\.xml$/.test(name))
    .map(([, file]) => strFromU8(file))
    .join('');

/** The run properties of the run whose text is `text`. */
function runOf(xml: string, text: string): string {
  const index = xml.indexOf(`>${text}</w:t>`);
  expect(index, `run ${text}`).toBeGreaterThan(0);
  const start = xml.lastIndexOf('<w:r>', index);
  return xml.slice(start, index);
}

describe('GB/T 9704 numbers', () => {
  it('has the standard page: A4, 37/28 mm margins, 156 mm type area, 22 × 28', () => {
    expect(mm(210)).toBe(11906);
    expect(Math.abs(TYPE_AREA_WIDTH - mm(156))).toBeLessThanOrEqual(1);
    expect(LINE_PITCH * LINES_PER_PAGE).toBeLessThanOrEqual(mm(225));
    expect(LINE_PITCH * (LINES_PER_PAGE + 1)).toBeGreaterThan(mm(225));
    expect(CHAR_WIDTH * CHARS_PER_LINE).toBeLessThanOrEqual(TYPE_AREA_WIDTH);
    expect(CHAR_WIDTH * (CHARS_PER_LINE + 1)).toBeGreaterThan(TYPE_AREA_WIDTH);
  });

  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [35, '三十五'],
  ])('%i is %s', (value, text) => expect(chineseNumeral(value)).toBe(text));

  it('numbers headings per level, restarting under each parent', () => {
    const ordinals = headingOrdinals(NOTICE.body);
    expect([...ordinals.values()]).toEqual(['一、', '（一）', '1.', '2.', '（二）', '二、', '（一）']);
  });
});

describe('renderOfficialDocx', () => {
  it('prints the red-header document in reading order', async () => {
    const bytes = await renderOfficialDocx(NOTICE);
    expect(docxText(bytes).split('\n')).toEqual([
      '博湖县司法局文件',
      '博司监〔2026〕3号',
      '关于博湖县市场监督管理局行政执法案卷问题的监督通知',
      '博湖县市场监督管理局、博湖县农业农村局：',
      '根据《博湖县行政执法协调监督办法》第十五条，现将检查发现的问题通知如下。',
      '一、存在的问题',
      '（一）案卷材料不完整',
      '1.送达',
      '2.法制审核',
      '（二）程序不规范',
      '二、整改要求',
      '（一）限期整改',
      '序号',
      '案卷号',
      '1',
      '博市监罚〔2026〕12号',
      '附件：1.案卷问题清单',
      '2.整改情况报告表',
      '博湖县司法局',
      '2026年1月5日',
      '抄送：博湖县人民政府办公室，县委依法治县办。',
      '博湖县司法局办公室\t2026年1月6日印发',
    ]);
    expect(docxTableRows(bytes)[0]).toEqual(['序号', '案卷号']);
  });

  it('sets the page, margins and line grid of GB/T 9704', async () => {
    const xml = docxXml(await renderOfficialDocx(NOTICE));
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="2098"/);
    expect(xml).toMatch(/w:left="1587"/);
    expect(xml).toMatch(/w:right="1474"/);
    expect(xml).toMatch(/w:bottom="1984"/);
    expect(xml).toMatch(new RegExp(`<w:docGrid w:type="lines" w:linePitch="${LINE_PITCH}"`));
  });

  it('sets each part in its font, size and colour', async () => {
    const xml = docxXml(await renderOfficialDocx(NOTICE));
    const header = runOf(xml, '博湖县司法局文件');
    expect(header).toContain('w:eastAsia="方正小标宋简体"');
    expect(header).toContain('<w:color w:val="FF0000"/>');
    const title = runOf(xml, NOTICE.title);
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    const paragraph = runOf(xml, NOTICE.body[0]!.type === 'paragraph' ? NOTICE.body[0]!.text : '');
    expect(paragraph).toContain('w:eastAsia="仿宋_GB2312"');
    expect(paragraph).toContain('<w:sz w:val="32"/>');
    expect(runOf(xml, '一、存在的问题')).toContain('w:eastAsia="黑体"');
    expect(runOf(xml, '（一）案卷材料不完整')).toContain('w:eastAsia="楷体_GB2312"');
    const third = runOf(xml, '1.送达');
    expect(third).toContain('w:eastAsia="仿宋_GB2312"');
    expect(third).toContain('<w:b/>');
    expect(runOf(xml, '抄送：博湖县人民政府办公室，县委依法治县办。')).toContain('<w:sz w:val="28"/>');
    // the red separator line under the number
    expect(xml).toMatch(/<w:bottom w:val="single" w:color="FF0000"/);
    // 成文日期 右空四字
    const dateParagraph = xml.slice(
      xml.lastIndexOf('<w:p>', xml.indexOf('>2026年1月5日<')),
      xml.indexOf('>2026年1月5日<'),
    );
    expect(dateParagraph).toContain(`w:right="${4 * CHAR_WIDTH}"`);
  });

  it('names the fallbacks in the font table and 3号仿宋 as the default', async () => {
    const bytes = await renderOfficialDocx(NOTICE);
    const fonts = fontTableOf(bytes);
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="华文中宋"/>');
    expect(fonts).toContain('<w:font w:name="华文中宋"><w:altName w:val="宋体"/>');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fonts).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
    expect(stylesOf(bytes)).toMatch(/<w:docDefaults>.*w:eastAsia="仿宋_GB2312".*<w:sz w:val="32"\/>/s);
  });

  it('prints "— N —" page numbers, right on odd pages and left on even ones', async () => {
    const footers = footersOf(await renderOfficialDocx(NOTICE));
    expect(footers).toContain('— ');
    expect(footers).toContain('PAGE');
    expect(footers).toContain('<w:jc w:val="right"/>');
    expect(footers).toContain('<w:jc w:val="left"/>');
  });

  it('prints a blank number before issue, and 已撤回 on a withdrawn document', async () => {
    const draft = docxText(await renderOfficialDocx({ ...NOTICE, number: null, numberPrefix: '博司监' }));
    expect(draft).toContain('博司监〔　　〕号');
    const withdrawn = await renderOfficialDocx({ ...NOTICE, isWithdrawn: true });
    expect(docxText(withdrawn).split('\n')[0]).toBe('已撤回');
    const headers = Object.keys(unzipSync(new Uint8Array(withdrawn))).filter((name) =>
      name.startsWith('word/header'),
    );
    expect(headers.length).toBeGreaterThan(0);
  });

  it('prints 签发人 beside the number of an upward document only', async () => {
    expect(docxText(await renderOfficialDocx(NOTICE))).not.toContain('签发人');
    const upward = docxText(await renderOfficialDocx({ ...NOTICE, isUpward: true }));
    expect(upward).toContain('博司监〔2026〕3号\t签发人：周海涛');
  });

  it('lays a plain working document out without the red header', async () => {
    const text = docxText(
      await renderOfficialDocx({
        ...NOTICE,
        layout: 'plain',
        number: null,
        cc: [],
        printedBy: undefined,
        printedOn: undefined,
      }),
    );
    expect(text.split('\n')[0]).toBe(NOTICE.title);
    expect(text).not.toContain('文件');
    expect(text).not.toContain('〔　　〕');
    expect(text).not.toContain('印发');
  });

  it('sets a narrow table in 4号 and a statistical one in 5号 or 小5号 with lines as high as its type', async () => {
    const columns = (count: number) => Array.from({ length: count }, (_, index) => `列${index + 1}`);
    const xml = docxXml(
      await renderOfficialDocx({
        ...NOTICE,
        body: [
          { type: 'table', header: columns(4), rows: [['窄表', '1', '2', '3']] },
          { type: 'table', header: columns(8), rows: [['中表', ...columns(7)]] },
          { type: 'table', header: columns(12), rows: [['宽表', ...columns(11)]] },
        ],
      }),
    );
    expect(runOf(xml, '窄表')).toContain('<w:sz w:val="28"/>');
    expect(runOf(xml, '中表')).toContain('<w:sz w:val="21"/>');
    expect(runOf(xml, '宽表')).toContain('<w:sz w:val="18"/>');
    const paragraphOf = (text: string) => xml.slice(xml.lastIndexOf('<w:p>', xml.indexOf(`>${text}</w:t>`)));
    expect(paragraphOf('宽表')).toMatch(/^<w:p><w:pPr><w:spacing [^>]*w:line="243" w:lineRule="exact"/);
    expect(paragraphOf('窄表')).not.toMatch(/^<w:p><w:pPr><w:spacing [^>]*w:line=/);
  });
});
