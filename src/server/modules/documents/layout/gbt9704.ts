/**
 * GB/T 9704-2012 (党政机关公文格式) as numbers: the A4 page, the type area, the line grid, the point
 * sizes and the fonts. Lengths are docx twips (1/20 pt; 1 mm = 56.7 twips), sizes docx half-points.
 */

/** millimetres → twips */
export const mm = (value: number) => Math.round((value * 1440) / 25.4);

/** A4 (GB/T 9704 5.2.1) */
export const PAGE = { width: mm(210), height: mm(297) } as const;

/**
 * 5.2.2: 天头 (top) 37 mm, 订口 (left) 28 mm, 版心 156 × 225 mm, hence right 26 mm and bottom 35 mm.
 * The footer sits so that the page number's top edge is 7 mm below the type area (7.5).
 */
export const MARGINS = {
  top: mm(37),
  left: mm(28),
  right: mm(210 - 28 - 156),
  bottom: mm(297 - 37 - 225),
  header: mm(15),
  footer: mm(21),
} as const;

/** width of the type area in twips (156 mm) */
export const TYPE_AREA_WIDTH = PAGE.width - MARGINS.left - MARGINS.right;

/** 5.2.3: 22 lines of 28 characters per page */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** 225 mm / 22 lines = 28.95 pt: every body line is this high (exact spacing). */
export const LINE_PITCH = Math.floor(mm(225) / LINES_PER_PAGE);

/** Point sizes by 字号 (GB/T 9704 6, 7): 2号 22 pt, 3号 16 pt, 4号 14 pt, as docx half-points. */
export const SIZE = { erHao: 44, sanHao: 32, siHao: 28, wuHao: 21, xiaoWu: 18 } as const;

/**
 * Tightening per character (twentieths of a point) that fits 28 3号 characters in the 156 mm line:
 * 28 × 16 pt is 448 pt, the line 442 pt, so each character gives up 0.25 pt. Set on every run rather
 * than through Word's character grid (docGrid linesAndChars), which LibreOffice and WPS widen.
 */
export const CHARACTER_SPACING = -Math.ceil(
  (((CHARS_PER_LINE * SIZE.sanHao) / 2 - TYPE_AREA_WIDTH / 20) / CHARS_PER_LINE) * 20,
);

/** one tightened 3号 character's width in twips (for 左空二字, 右空四字) */
export const CHAR_WIDTH = SIZE.sanHao * 10 + CHARACTER_SPACING;

/** 发文机关标志 and the red separator line (7.2.3, 7.2.5) */
export const RED = 'FF0000';

/**
 * The fonts a run names. docx carries one font name per run, so each role names the font the
 * standard wants and the document's font table names what Word and WPS fall back to when a county
 * PC lacks it (`w:altName`, see FONT_TABLE_XML): 方正小标宋简体 → 华文中宋 → 宋体,
 * 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体; 黑体 and 宋体 ship with every Chinese Windows.
 */
export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  /** page numbers: 4号半角宋体阿拉伯数字 (7.5) */
  pageNumber: '宋体',
} as const;

const FALLBACKS: Array<{ name: string; altName: string; family: string; pitch: string }> = [
  { name: '方正小标宋简体', altName: '华文中宋', family: 'script', pitch: 'variable' },
  { name: '华文中宋', altName: '宋体', family: 'auto', pitch: 'variable' },
  { name: '仿宋_GB2312', altName: '仿宋', family: 'modern', pitch: 'fixed' },
  { name: '仿宋', altName: 'FangSong', family: 'modern', pitch: 'fixed' },
  { name: '楷体_GB2312', altName: '楷体', family: 'modern', pitch: 'fixed' },
  { name: '楷体', altName: 'KaiTi', family: 'modern', pitch: 'fixed' },
  { name: '黑体', altName: 'SimHei', family: 'modern', pitch: 'fixed' },
  { name: '宋体', altName: 'SimSun', family: 'auto', pitch: 'variable' },
];

/** word/fontTable.xml: every font with its fallback and the GB2312 character set (86). */
export const FONT_TABLE_XML = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
  '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">',
  ...FALLBACKS.map(
    (font) =>
      `<w:font w:name="${font.name}"><w:altName w:val="${font.altName}"/><w:charset w:val="86"/>` +
      `<w:family w:val="${font.family}"/><w:pitch w:val="${font.pitch}"/></w:font>`,
  ),
  '</w:fonts>',
].join('');

/** Width of a text in 3号 characters: CJK and full-width count 1, ASCII (digits) ½. */
export function textWidthInChars(text: string): number {
  let width = 0;
  for (const character of text) width += character.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return width;
}
