/**
 * seed 000 行政执法人员行政执法质量监督表: one per officer and quarter. Fazhi fills what it holds —
 * 办案数量 and the per-case quality from the case records' 案件质量分析意见 (填表说明1), complaints and
 * their findings (填表说明2), the quarter's 考评等次 (填表说明3) — and leaves the rest (执法工作创新,
 * 执法检查, 明查暗访) blank for the officer and the legal-affairs unit. Pure: data in, FormModel out;
 * renderFormDocx / renderFormXlsx print it.
 */
import { formatChineseDate } from '../../../../common/format.ts';
import type { CaseKind, QualityGrade } from '../../../db/schema.ts';
import type { FormModel } from '../../../lib/form.docx.ts';
import { CASE_KIND_LABELS, QUALITY_GRADE_LABELS } from '../../cases/cases.policy.ts';
import type { OfficerCounts } from '../../cases/records/officer-counts.ts';
import {
  HAND_FILLED,
  type OfficerFormFields,
  officerHeaderRows,
  SIGNATURE_DATE,
} from './officer-form-fields.ts';

/** A case the officer handled that closed in the quarter. */
export interface HandledCase {
  caseNo: string;
  name: string;
  kind: CaseKind;
  closedOn: string;
  qualityGrade: QualityGrade | null;
  qualityOpinion: string | null;
}

/** The quarter's stored result of the officer. */
export interface QuarterResult {
  total: string;
  grade: string | null;
  rank: number;
  subjectCount: number;
}

export interface QualitySupervisionInput {
  officer: OfficerFormFields;
  /** '2025年第三季度' */
  periodLabel: string;
  /** the day the form is produced, YYYY-MM-DD */
  filledOn: string;
  cases: readonly HandledCase[];
  counts: Pick<OfficerCounts, 'casesHandled' | 'complaints' | 'substantiated' | 'unfounded'>;
  result: QuarterResult;
}

export const QUALITY_SUPERVISION_TITLE = '行政执法人员行政执法质量监督表';

/** 行政执法情况: how many cases of each kind closed, in the order the kinds are listed. */
function casesByKind(cases: readonly HandledCase[]): string {
  if (cases.length === 0) return '本季度无办结案件。';
  const kinds = (Object.keys(CASE_KIND_LABELS) as CaseKind[])
    .map((kind) => [kind, cases.filter((item) => item.kind === kind).length] as const)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${CASE_KIND_LABELS[kind]} ${count} 件`);
  return `本季度办结案件 ${cases.length} 件：${kinds.join('、')}。`;
}

/** 办案质量情况: the grade counts, then each case with its quality analysis (填表说明1: 逐件填写). */
function qualityLines(cases: readonly HandledCase[]): string {
  if (cases.length === 0) return '';
  const count = (grade: QualityGrade | null) => cases.filter((item) => item.qualityGrade === grade).length;
  const ungraded = count(null);
  const summary = `优秀（${count('excellent')}）件　合格（${count('pass')}）件　不合格（${count('fail')}）件${
    ungraded > 0 ? `　尚未作质量分析（${ungraded}）件` : ''
  }`;
  const lines = cases.map((item, index) => {
    const grade = item.qualityGrade ? QUALITY_GRADE_LABELS[item.qualityGrade] : '尚未作质量分析';
    const opinion = item.qualityOpinion ? `。${item.qualityOpinion}` : '';
    return `${index + 1}. ${item.name}（${item.caseNo}），${formatChineseDate(item.closedOn)}结案：${grade}${opinion}`;
  });
  return [summary, ...lines].join('\n');
}

/** The quarterly form for one officer. */
export function buildQualitySupervisionForm(input: QualitySupervisionInput): FormModel {
  const { counts, result } = input;
  return {
    title: QUALITY_SUPERVISION_TITLE,
    heading: `单位：${input.officer.agencyName}　　考核期间：${input.periodLabel}　　填表日期：${formatChineseDate(input.filledOn)}`,
    rows: [
      ...officerHeaderRows(input.officer),
      [{ label: '办案数量', value: `（${counts.casesHandled}）件` }],
      [{ label: '行政执法情况', value: `${casesByKind(input.cases)}${HAND_FILLED}` }],
      [{ label: '办案质量情况', value: qualityLines(input.cases) || HAND_FILLED }],
      [{ label: '执法工作创新情况', value: HAND_FILLED }],
      [{ label: '执法检查情况', value: HAND_FILLED }],
      [{ label: '明查暗访情况', value: HAND_FILLED }],
      [{ label: '被投诉控告情况', value: `被投诉控告（${counts.complaints}）件` }],
      [
        {
          label: '调查属实情况',
          value: `经调查属实（${counts.substantiated}）件　经调查不属实（${counts.unfounded}）件`,
        },
      ],
      [
        {
          label: '本季度执法考评等次',
          value: `${result.grade ?? '未评定等次'}（得分 ${result.total}，第 ${result.rank} 名，共 ${result.subjectCount} 人）\n盖章：\n${SIGNATURE_DATE}`,
        },
      ],
    ],
    tables: [],
    footnotes: [
      '填表说明：1、本表格一季度填报一次。由各行政执法人员本人对个人行政执法情况、办案质量情况（根据行政执法案件记录表中案件质量分析意见逐件填写）、执法工作总结情况、执法工作创新情况进行填写；',
      '2、由单位法制部门根据本单位行政执法检查、人大、政协及上级单位等执法情况监督反馈意见对执法检查情况、明查暗访情况、被投诉控告情况、调查属实情况等栏进行如实填写。',
      '3、单位根据相关资料评出本季度执法考评等次，如实记入。',
      '注：办案数量、办案质量、被投诉控告、调查属实情况和考评等次由系统根据案件记录表、投诉举报登记和本季度考核结果生成；空白栏目由本人或单位法制部门填写。',
    ],
  };
}
