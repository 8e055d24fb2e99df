/**
 * seed 000 行政执法人员执法工作考核（半年度/年度）奖惩记录表: filled at the end of June for the first
 * half and at the end of December for the whole year (填表说明). Fazhi fills the counts it holds
 * (办案, 投诉, 质量, 专项整治, 督办, 信访, 交办, 重大事项), the commendations recorded as assessment
 * bonuses, and ticks the 考评等次 when the scheme rolls the quarters up into it; 执法工作创新, 惩处,
 * 执法过错, 违法违纪, 国家赔偿追偿 are not held by Fazhi and stay blank. Pure: data in, FormModel out.
 */
import { formatChineseDate, parsePeriodKey } from '../../../../common/format.ts';
import type { FormModel } from '../../../lib/form.docx.ts';
import type { OfficerCounts } from '../../cases/records/officer-counts.ts';
import {
  gradeBoxes,
  HAND_FILLED,
  type OfficerFormFields,
  officerHeaderRows,
  SIGNATURE_DATE,
} from './officer-form-fields.ts';

export interface RewardsPunishmentsInput {
  officer: OfficerFormFields;
  /** '2025年上半年' or '2025年度' */
  spanLabel: string;
  isHalfYear: boolean;
  /** the day the record is produced, YYYY-MM-DD */
  filledOn: string;
  counts: OfficerCounts;
  /** commendations in the span, one line each (from the assessment's bonus lines) */
  rewards: readonly string[];
  /** the span's grade, null when no roll-up or result gives one (the boxes stay unticked) */
  grade: string | null;
  /** the grade vocabulary printed as boxes (seed 000: 优秀 合格 不合格) */
  gradeChoices: readonly string[];
}

/**
 * The span a period's record covers (填表说明: 6月底 上半年, 12月底 全年): periods in the first half
 * (Q1, Q2, H1, January–June) → '2025-H1'; the rest → the year '2025'.
 */
export function rewardSpanOf(periodKey: string): { key: string; isHalfYear: boolean } {
  const period = parsePeriodKey(periodKey);
  if (!period) throw new RangeError(`Invalid period key: ${JSON.stringify(periodKey)}`);
  const isFirstHalf =
    (period.kind === 'quarter' && period.quarter <= 2) ||
    (period.kind === 'half' && period.half === 1) ||
    (period.kind === 'month' && period.month <= 6);
  return isFirstHalf
    ? { key: `${period.year}-H1`, isHalfYear: true }
    : { key: String(period.year), isHalfYear: false };
}

/** seed 000's record title for the half-year or the year. */
export function rewardsPunishmentsTitle(isHalfYear: boolean): string {
  return `行政执法人员执法工作考核（${isHalfYear ? '半年度' : '年度'}）奖惩记录表`;
}

export function buildRewardsPunishmentsRecord(input: RewardsPunishmentsInput): FormModel {
  const { counts } = input;
  return {
    title: rewardsPunishmentsTitle(input.isHalfYear),
    heading: `单位：${input.officer.agencyName}　　考核期间：${input.spanLabel}　　日期：${formatChineseDate(input.filledOn)}`,
    rows: [
      ...officerHeaderRows(input.officer),
      [
        {
          label: '执法工作情况',
          value: [
            `办案数量（${counts.casesHandled}）件　被投诉（${counts.complaints}）件　经调查属实（${counts.substantiated}）件　经调查不属实（${counts.unfounded}）件`,
            `办案质量：优秀（${counts.qualityExcellent}）件　合格（${counts.qualityPass}）件　不合格（${counts.qualityFail}）件`,
          ].join('\n'),
        },
      ],
      [{ label: '执法工作创新', value: '优□　良□　差□' }],
      [
        {
          label: '专项执法情况',
          value: [
            `参加专项整治（${counts.campaignsJoined}）次　督办案件（${counts.supervisedCases}）件　处理信访案件（${counts.petitionsHandled}）件　交办案件（${counts.assignedCases}）件`,
            `查处影响本地区社会稳定的重大事项（${counts.majorStabilityMatters}）件`,
          ].join('\n'),
        },
      ],
      [
        {
          label: '执法工作奖励情况',
          value: input.rewards.length > 0 ? input.rewards.join('\n') : HAND_FILLED,
        },
      ],
      [{ label: '执法工作惩处情况', value: HAND_FILLED }],
      [{ label: '执法过错认定情况', value: HAND_FILLED }],
      [{ label: '执法过错责任追究情况', value: HAND_FILLED }],
      [{ label: '违法违纪被查处情况', value: HAND_FILLED }],
      [{ label: '国家赔偿追偿情况', value: HAND_FILLED }],
      [{ label: '其他情况', value: HAND_FILLED }],
      [
        {
          label: '考评等次',
          value: `${gradeBoxes(input.gradeChoices, input.grade)}\n签字：\n${SIGNATURE_DATE}`,
        },
      ],
    ],
    tables: [],
    footnotes: [
      '填表说明：本表每半年填写一次。单位6月底和12月底分别对行政执法人员上半年和全年的具体执法情况进行汇总，如实记入，并作出半年度考评、年度考评意见。',
      '注：执法工作情况、专项执法情况由系统根据案件、投诉举报、信访和专项整治登记生成；执法工作奖励情况取自考核加分记录；考评等次按考核方案的汇总规则勾选，无汇总规则时由单位填写。',
    ],
  };
}
