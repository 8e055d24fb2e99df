/**
 * 考核情况报告 (seed 002 五; 003 篇2 四(三)3): the office's report of a published unit period to the
 * county party committee and government, as a pure view-model for the shared GB/T 9704 renderer —
 * how the assessment ran, the results by category as the leading group approved them, the grades'
 * counts, the commended units and individuals (五(一)) and the failing units' rectification (五(二)).
 */

import type { z } from 'zod';
import { formatChineseDate } from '../../../../common/format.ts';
import type { DocumentBlock, OfficialDocumentContent } from '../../documents/documents.public.ts';
import type { UnitPeriodView } from '../approvals/approvals.schema.ts';
import type { FollowUpView } from './results.schema.ts';

export interface AssessmentReportInput {
  period: UnitPeriodView;
  followUp: z.infer<typeof FollowUpView>;
  /** 发文机关: the office that reports (县推进依法行政工作领导小组办公室) */
  issuerName: string;
  /** 发文机关代字 of its register (博考办), printed before the blank number */
  numberPrefix: string | null;
  /** the county, e.g. 博湖县: the report goes to 中共博湖县委 and 博湖县人民政府 */
  countyName: string;
  today: string;
}

/** “优秀 2 个、称职 5 个、不称职 1 个” in the order the grades first appear. */
function gradeCounts(grades: ReadonlyArray<string | null>): string {
  const counts = new Map<string, number>();
  for (const grade of grades) counts.set(grade ?? '未定等次', (counts.get(grade ?? '未定等次') ?? 0) + 1);
  return [...counts].map(([grade, count]) => `${grade}${count}个`).join('、');
}

export function buildAssessmentReport(input: AssessmentReportInput): OfficialDocumentContent {
  const { period, followUp } = input;
  const units = period.categories.flatMap((category) => category.results);
  const approved = period.categories.filter((category) => category.status === 'approved');
  const decidedOn = approved
    .map((category) => category.decidedOn)
    .filter((day): day is string => day !== null)
    .sort()
    .at(-1);
  const body: DocumentBlock[] = [
    {
      type: 'paragraph',
      text: `按照《${period.schemeName}》，${input.issuerName}组织开展了${period.label}考核，共考核${units.length}个单位。现将考核情况报告如下。`,
    },
    { type: 'heading', level: 1, text: '考核组织情况' },
    {
      type: 'paragraph',
      text: `考核采取单位自查自评、年终考核和抽查相结合的方式，通过听取汇报、查阅文件和会议记录、查阅执法案卷、网上核查等方法进行。考核结果按${period.categories.map((category) => category.categoryLabel).join('、')}分类报领导小组审定${decidedOn ? `，于${formatChineseDate(decidedOn)}审定通过` : ''}。`,
    },
    { type: 'heading', level: 1, text: '考核结果' },
    { type: 'paragraph', text: `${units.length}个单位中，${gradeCounts(units.map((unit) => unit.grade))}。` },
    ...period.categories.flatMap((category): DocumentBlock[] => [
      { type: 'heading', level: 2, text: `${category.categoryLabel}（${category.results.length}个）` },
      {
        type: 'table',
        header: ['名次', '单位', '得分', '等次'],
        widths: [2, 9, 3, 3],
        rows: [...category.results]
          .sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER))
          .map((unit) => [
            unit.rank === null ? '' : String(unit.rank),
            unit.name,
            unit.total ?? '',
            unit.grade ?? '',
          ]),
      },
    ]),
    { type: 'heading', level: 1, text: '表彰情况' },
    {
      type: 'paragraph',
      text:
        followUp.commendations.length > 0
          ? `${followUp.commendations
              .map((item) =>
                item.kind === 'unit'
                  ? `先进单位：${item.unitName}`
                  : `先进个人：${item.personName}（${item.unitName}）`,
              )
              .join('；')}。`
          : '本次考核未表彰先进单位和个人。',
    },
    { type: 'heading', level: 1, text: '不合格单位整改情况' },
    {
      type: 'paragraph',
      text:
        followUp.rectifications.length > 0
          ? `${followUp.rectifications.map((item) => `${item.unitName}（${item.grade ?? '不合格'}，整改方案${item.statusLabel}）`).join('；')}。以上单位须提交书面整改方案，领导小组办公室跟踪整改至完成。`
          : '本次考核无不合格单位。',
    },
  ];
  return {
    layout: 'official',
    issuerName: input.issuerName,
    isUpward: true,
    numberPrefix: input.numberPrefix,
    title: `关于${period.label}考核情况的报告`,
    recipients: [`中共${input.countyName}委员会`, `${input.countyName}人民政府`],
    body,
    signatureOrg: input.issuerName,
    date: input.today,
  };
}
