/**
 * 考核结果通报 (circular) for a period: title with the period, a short body, the ranking (名次,
 * 考核对象, 总分, 等次), the grade distribution, the commended top share and the barred last N where
 * the scheme ranks them (seed 003 篇2 五(三): 前30%通报表彰, 后5名取消评优资格), vetoes, then the
 * issuing office and date. Pure: ranking and scheme facts in, the circular's model out.
 */
import { formatChineseDate } from '../../../../common/format.ts';
import type { DocumentBlock, OfficialDocumentContent } from '../../documents/documents.public.ts';

export interface CircularItem {
  name: string;
  total: string;
  grade: string | null;
  rank: number;
  flags: { isCommended: boolean; isBarred: boolean; isVetoed: boolean };
}

export interface ResultsCircularInput {
  periodLabel: string;
  /** 'computed' prints a draft notice: the results are not yet published */
  status: 'computed' | 'published' | 'finalised';
  publishedOn: string | null;
  schemeName: string;
  isOfficers: boolean;
  /** the scheme's grades, best first; empty when it has none */
  grades: readonly string[];
  items: readonly CircularItem[];
  /** `ranking.commend` resolved: percent as a decimal string, with its clause */
  commend: { share: string; clause?: string | undefined } | null;
  bar: { last: number; clause?: string | undefined } | null;
  issuer: string;
  /** 发文机关代字 of the issuer, when the organisation has one (printed before a blank number) */
  docPrefix: string | null;
  /** the register's 文号 once the circular is signed and issued; null before */
  number: string | null;
  /** 签发人, once signed */
  signer: string | null;
  isWithdrawn: boolean;
  /** the date of issue, or today's for a circular not issued yet */
  issuedOn: string;
}

interface CircularSection {
  /** the heading without its ordinal (the renderer numbers 一、二、…) */
  heading: string;
  paragraphs: string[];
  table?: { headers: string[]; rows: string[][] };
}

const percent = (count: number, total: number) =>
  total === 0 ? '0%' : `${(Math.round((count / total) * 1000) / 10).toFixed(1)}%`;

const clauseOf = (clause: string | undefined) => (clause ? `（${clause}）` : '');

/** The circular as an official document (博考办〔2026〕1号 once issued) for the GB/T 9704 renderer. */
export function buildResultsCircular(input: ResultsCircularInput): OfficialDocumentContent {
  const noun = input.isOfficers ? '名执法人员' : '个单位（科室）';
  const hasGrades = input.grades.length > 0;
  const names = (items: readonly CircularItem[]) => items.map((item) => item.name).join('、');
  const status =
    input.status === 'finalised'
      ? '考核结果经公示、申诉复核，已定档'
      : input.status === 'published'
        ? `考核结果已于${formatChineseDate(input.publishedOn!)}起公示`
        : '本通报为计分结果（未公示稿），以公示、定档结果为准';
  const sections: Array<CircularSection> = [
    {
      heading: '考核排名',
      paragraphs: [],
      table: {
        headers: hasGrades ? ['名次', '考核对象', '总分', '等次'] : ['名次', '考核对象', '总分'],
        rows: input.items.map((item) => [
          String(item.rank),
          item.name,
          item.total,
          ...(hasGrades ? [item.grade ?? '未定等次'] : []),
        ]),
      },
    },
  ];
  if (hasGrades) {
    const ungraded = input.items.filter((item) => item.grade === null).length;
    sections.push({
      heading: '等次分布',
      paragraphs: [],
      table: {
        headers: ['等次', '数量', '占比'],
        rows: [
          ...input.grades.map((grade) => {
            const count = input.items.filter((item) => item.grade === grade).length;
            return [grade, String(count), percent(count, input.items.length)];
          }),
          ...(ungraded > 0 ? [['未定等次', String(ungraded), percent(ungraded, input.items.length)]] : []),
        ],
      },
    });
  }
  if (input.commend) {
    const commended = input.items.filter((item) => item.flags.isCommended);
    sections.push({
      heading: '通报表彰',
      paragraphs: [
        commended.length > 0
          ? `按照考核方案${clauseOf(input.commend.clause)}，考核得分居前${input.commend.share}%的以下${commended.length}${noun}予以通报表彰：${names(commended)}。`
          : `按照考核方案${clauseOf(input.commend.clause)}，考核得分居前${input.commend.share}%的予以通报表彰；本期无符合条件的考核对象。`,
      ],
    });
  }
  if (input.bar) {
    const barred = input.items.filter((item) => item.flags.isBarred);
    sections.push({
      heading: '取消评优资格',
      paragraphs: [
        barred.length > 0
          ? `按照考核方案${clauseOf(input.bar.clause)}，考核得分居后${input.bar.last}名的以下${barred.length}${noun}取消评优资格：${names(barred)}。`
          : `按照考核方案${clauseOf(input.bar.clause)}，考核得分居后${input.bar.last}名的取消评优资格；本期无。`,
      ],
    });
  }
  const vetoed = input.items.filter((item) => item.flags.isVetoed);
  if (vetoed.length > 0) {
    sections.push({
      heading: '一票否决',
      paragraphs: [`以下${vetoed.length}${noun}因一票否决事项，按考核方案确定等次：${names(vetoed)}。`],
    });
  }
  const body: DocumentBlock[] = [
    {
      type: 'paragraph',
      text: `根据《${input.schemeName}》，${input.periodLabel}共对${input.items.length}${noun}进行了考核。${status}。现将考核结果通报如下：`,
    },
    ...sections.flatMap(({ heading, paragraphs, table }): DocumentBlock[] => [
      { type: 'heading', level: 1, text: heading },
      ...paragraphs.map((text): DocumentBlock => ({ type: 'paragraph', text })),
      ...(table ? [{ type: 'table' as const, header: table.headers, rows: table.rows }] : []),
    ]),
    {
      type: 'paragraph',
      text: `${input.commend ? '希望受到表彰的单位和个人珍惜荣誉、再接再厉；其他' : '各'}单位和个人要对照考核细则查找差距、认真整改，切实提高行政执法水平。`,
    },
  ];
  return {
    layout: 'official',
    issuerName: input.issuer,
    // a leading group office's name is long: its name alone heads the page, without 文件
    headerText: input.issuer,
    number: input.number,
    numberPrefix: input.docPrefix,
    signer: input.signer,
    title: circularTitle(input.periodLabel, input.schemeName),
    recipients: ['各有关单位'],
    body,
    signatureOrg: input.issuer,
    date: input.issuedOn,
    isWithdrawn: input.isWithdrawn,
    marking: input.status === 'computed' ? '未公示稿' : null,
  };
}

/** 关于2025年第三季度…结果的通报 (also the register entry's and the sign-off's title). */
export const circularTitle = (periodLabel: string, schemeName: string) =>
  `关于${periodLabel}${schemeName}结果的通报`;
