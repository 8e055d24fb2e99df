/** The dispute list as a sheet (pure), with the same filters as the list. */
import type { SheetModel } from '../../../lib/xlsx.ts';
import type { DisputeSummary } from './disputes.schema.ts';

export function buildDisputeSheet(items: readonly DisputeSummary[]): SheetModel {
  return {
    name: '职责争议协调',
    columns: [
      { header: '申请日期', width: 12 },
      { header: '申请单位', width: 24 },
      { header: '争议相对单位', width: 30 },
      { header: '争议事项', width: 40 },
      { header: '状态', width: 16 },
      { header: '协调意见书文号', width: 20 },
      { header: '当前期限事项', width: 14 },
      { header: '期限', width: 12 },
      { header: '期限状态', width: 10 },
    ],
    rows: items.map((item) => [
      item.filedOn,
      item.applicantName,
      item.respondentNames.join('、'),
      item.matter,
      item.statusLabel,
      item.opinionNumber,
      item.deadline?.label ?? null,
      item.deadline?.dueOn ?? null,
      item.deadline?.stateLabel ?? null,
    ]),
  };
}
