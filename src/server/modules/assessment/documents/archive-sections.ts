/**
 * What the assessment adds to the officer's 执法业绩档案 (seed 000): every published result (the
 * quarterly 考评等次 and the 汇总表's year) and the current year's 奖惩记录表 counts, as the archive's
 * slot-in titled tables. Pure.
 */
import { OFFICER_COUNT_LABELS, type OfficerCounts } from '../../cases/records/officer-counts.ts';
import type { ArchiveTable } from '../../officers/archive/officer-archive.docx.ts';

/** One published (or finalised) result of the officer. */
export interface ArchiveResult {
  periodLabel: string;
  schemeName: string;
  total: string;
  grade: string | null;
  rank: number;
  subjectCount: number;
}

export function buildAssessmentArchiveSections(input: {
  results: readonly ArchiveResult[];
  year: number;
  counts: OfficerCounts;
}): ArchiveTable[] {
  return [
    {
      title: '执法业绩考评结果',
      headers: ['考核期间', '考核方案', '得分', '等次', '名次'],
      rows: input.results.map((result) => [
        result.periodLabel,
        result.schemeName,
        result.total,
        result.grade ?? '未定等次',
        `${result.rank}／${result.subjectCount}`,
      ]),
      emptyText: '暂无已公示的考核结果',
    },
    {
      title: `${input.year}年度执法工作情况（奖惩记录表）`,
      headers: ['项目', '数量'],
      rows: OFFICER_COUNT_LABELS.map(([key, label]) => [label, String(input.counts[key])]),
      emptyText: '无',
    },
  ];
}
