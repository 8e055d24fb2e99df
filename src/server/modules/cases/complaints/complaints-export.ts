/** The complaint list as a sheet (pure), with the same filters as the list. */
import type { SheetModel } from '../../../lib/xlsx.ts';
import type { ComplaintView } from './complaints.schema.ts';

export function buildComplaintSheet(items: readonly ComplaintView[]): SheetModel {
  return {
    name: '投诉举报与信访',
    columns: [
      { header: '类型', width: 10 },
      { header: '收到日期', width: 12 },
      { header: '来源', width: 16 },
      { header: '所属单位', width: 24 },
      { header: '执法人员', width: 12 },
      { header: '涉及案件', width: 24 },
      { header: '内容摘要', width: 40 },
      { header: '调查结论', width: 10 },
      { header: '处理情况', width: 30 },
      { header: '处理日期', width: 12 },
    ],
    rows: items.map((item) => [
      item.kindLabel,
      item.receivedOn,
      item.source,
      item.orgName,
      item.officerName,
      item.caseNo,
      item.summary,
      item.findingLabel ?? '调查中',
      item.handling,
      item.handledOn,
    ]),
  };
}
