/**
 * What other domains read from cases (the import graph stays one-way): the counts a unit's
 * 依法行政档案 links (issue 20, docs/units.md).
 */
export { countCasesOfUnit } from './records/case-counts.repository.ts';
