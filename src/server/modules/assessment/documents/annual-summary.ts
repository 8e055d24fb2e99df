/**
 * seed 000 行政执法人员执法业绩考评汇总表: a year report, due by 15 January of the next year (填表说明:
 * 每年的元月15日之前), one row per subject with the four quarterly grades and the year-end grade.
 * Pure: the stored quarter results and the roll-up in, the table model out.
 */
import { formatChineseDate } from '../../../../common/format.ts';

/** A subject's standing in one part: the grade, or the total when the scheme has no grades. */
export interface PartStanding {
  grade: string | null;
  total: string;
}

export interface AnnualSummaryInput {
  /** the unit the table is for (the county or the organisation chosen) */
  unit: string;
  year: number;
  filledOn: string;
  isOfficers: boolean;
  /** rows in print order */
  subjects: ReadonlyArray<{ key: string; name: string; unit: string }>;
  /** one map per quarter (index 0 = 一季度); null = no visible result for that quarter */
  quarters: ReadonlyArray<ReadonlyMap<string, PartStanding> | null>;
  /** the year-end standings (a year period or the roll-up); null = not available */
  annual: ReadonlyMap<string, PartStanding> | null;
}

export interface AnnualSummaryRow {
  index: number;
  name: string;
  unit: string;
  quarters: [string, string, string, string];
  annual: string;
}

export interface AnnualSummaryModel {
  title: string;
  heading: string;
  nameHeader: string;
  rows: AnnualSummaryRow[];
  footnotes: string[];
}

export const QUARTER_HEADERS = ['一季度', '二季度', '三季度', '四季度'] as const;

const standingText = (standing: PartStanding | undefined) =>
  standing ? (standing.grade ?? standing.total) : '';

export function buildAnnualSummary(input: AnnualSummaryInput): AnnualSummaryModel {
  return {
    title: `${input.unit}${input.isOfficers ? '行政执法人员执法业绩考评汇总表' : '考核结果汇总表'}`,
    heading: `${input.year}年度　　填报日期：${formatChineseDate(input.filledOn)}　　报送期限：${input.year + 1}年1月15日前`,
    nameHeader: input.isOfficers ? '姓名' : '考核对象',
    rows: input.subjects.map((subject, index) => ({
      index: index + 1,
      name: subject.name,
      unit: subject.unit,
      quarters: [0, 1, 2, 3].map((quarter) => standingText(input.quarters[quarter]?.get(subject.key))) as [
        string,
        string,
        string,
        string,
      ],
      annual: standingText(input.annual?.get(subject.key)),
    })),
    footnotes: [
      '填表说明：此表为年报表，每年的元月15日之前，将上年度的执法业绩考评情况汇总，一式三份，本单位留存一份，分别报市依法治市领导小组办公室和市依法行政领导小组办公室各一份。',
      '注：季度考评为各季度考核结果的等次（方案不评等次的填得分）；年终考评按考核方案的汇总规则由各季度汇总得出。空白表示该期未考核、结果尚未公示或方案无年度汇总规则。',
    ],
  };
}
