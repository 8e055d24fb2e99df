import { emptyText } from '../../../components/empty-text.ts';

/** 培训达标's empty officer list: an empty scope says so; only officers who all pass get the all-clear. */
export function complianceEmptyText(
  report: { byAgency: ReadonlyArray<{ officers: number }> },
  view: { year: number; isShortOnly: boolean; isFiltered: boolean },
): string {
  const inScope = report.byAgency.reduce((sum, agency) => sum + agency.officers, 0);
  return emptyText({
    noun: '执法人员',
    inScope,
    isFiltered: view.isFiltered,
    whenNoneLeft: view.isShortOnly
      ? `${view.year}年所有执法人员均已达标。`
      : `${view.year}年没有执法人员培训数据。`,
  });
}
