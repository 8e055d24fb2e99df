/** The case list as a sheet (pure), with the same filters as the list. */
import type { SheetModel } from '../../../lib/xlsx.ts';
import { QUALITY_GRADE_LABELS } from '../cases.policy.ts';
import type { CaseListItem } from '../records/cases.schema.ts';

export function buildCaseSheet(items: readonly CaseListItem[]): SheetModel {
  return {
    name: '执法案件',
    columns: [
      { header: '案号', width: 24 },
      { header: '案件名称', width: 30 },
      { header: '案件类别', width: 10 },
      { header: '执法部门', width: 24 },
      { header: '当事人', width: 24 },
      { header: '案件来源', width: 12 },
      { header: '立案日期', width: 12 },
      { header: '结案日期', width: 12 },
      { header: '记录表报送期限', width: 14 },
      { header: '记录表状态', width: 10 },
      { header: '质量等次', width: 10 },
    ],
    rows: items.map((item) => [
      item.caseNo,
      item.name,
      item.kindLabel,
      item.orgName,
      item.partyNames,
      item.source,
      item.filedOn,
      item.closedOn,
      item.recordDueOn,
      item.recordStateLabel,
      item.qualityGrade ? QUALITY_GRADE_LABELS[item.qualityGrade] : '',
    ]),
  };
}
