/**
 * What an official document says, as plain data: every domain's pure `build…()` returns one and
 * `renderOfficialDocx` lays it out per GB/T 9704-2012. The renderer numbers the headings itself
 * (一、 （一） 1.), so a block's text is the heading alone.
 */

export type DocumentBlock =
  /** 一、(黑体)  （一）(楷体)  1.(仿宋, bold); numbered by the renderer, restarting under each parent */
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  /** 3号仿宋, first line indented two characters */
  | { type: 'paragraph'; text: string }
  /** `widths`: relative column widths (e.g. [1, 4, 2]); equal when absent */
  | { type: 'table'; header: string[]; rows: string[][]; widths?: number[] };

export interface OfficialDocumentContent {
  /** 'official': the red-header 公文; 'plain': an internal working document (report, list) */
  layout: 'official' | 'plain';
  /** 发文机关, e.g. 博湖县司法局 */
  issuerName: string;
  /** the red 发文机关标志; `${issuerName}文件` when absent (give the name alone for a 信函-style header) */
  headerText?: string;
  /** 发文字号, e.g. 博司监〔2026〕3号; null before issue prints `${numberPrefix}〔　　〕号` */
  number?: string | null;
  /** 发文机关代字 printed in front of the blank number before issue */
  numberPrefix?: string | null;
  /** 签发人: printed beside the number in an upward document (上行文, GB/T 9704 7.2.6) */
  signer?: string | null;
  /** 上行文 (a report to a higher authority): the number moves left and 签发人 prints on its right */
  isUpward?: boolean;
  title: string;
  /** 主送机关 */
  recipients: string[];
  body: DocumentBlock[];
  /** 附件说明: attachment names, in order */
  attachments?: string[];
  /** 落款: the issuing authority over the date */
  signatureOrg: string;
  /** 成文日期, YYYY-MM-DD, printed in Arabic numerals (2026年1月5日) as GB/T 9704-2012 7.3.5.1 allows */
  date: string;
  /** prints 已撤回 at the head of every page */
  isWithdrawn?: boolean;
  /** a marking in the 密级 position, top left of page one (e.g. 未公示稿, 征求意见稿) */
  marking?: string | null;
  /** 抄送机关 */
  cc?: string[];
  /** 印发机关 and 印发日期 (YYYY-MM-DD) of the 版记 */
  printedBy?: string;
  printedOn?: string;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (headings rarely pass 99). */
export function chineseNumeral(value: number): string {
  if (value < 10) return DIGITS[value]!;
  if (value >= 100) return String(value);
  const tens = Math.floor(value / 10);
  const units = value % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${units === 0 ? '' : DIGITS[units]}`;
}

/** The headings' ordinals (GB/T 9704 7.3.3): 一、 then （一） then 1., each restarting under its parent. */
export function headingOrdinals(blocks: readonly DocumentBlock[]): Map<number, string> {
  const counters = [0, 0, 0];
  const ordinals = new Map<number, string>();
  blocks.forEach((block, index) => {
    if (block.type !== 'heading') return;
    const level = block.level - 1;
    counters[level]! += 1;
    for (let deeper = level + 1; deeper < counters.length; deeper += 1) counters[deeper] = 0;
    const count = counters[level]!;
    ordinals.set(
      index,
      block.level === 1
        ? `${chineseNumeral(count)}、`
        : block.level === 2
          ? `（${chineseNumeral(count)}）`
          : `${count}.`,
    );
  });
  return ordinals;
}
