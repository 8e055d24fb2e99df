/** The major-matters log (第九条) as a sheet (pure), with the same filters as the list. */
import type { SheetModel } from '../../../lib/xlsx.ts';
import type { MatterView } from './matters.schema.ts';

export function buildMatterSheet(items: readonly MatterView[]): SheetModel {
  return {
    name: '重大疑难事项',
    columns: [
      { header: '提出日期', width: 12 },
      { header: '事项名称', width: 36 },
      { header: '涉及单位', width: 24 },
      { header: '事项情况', width: 50 },
      { header: '研究会议', width: 10 },
      { header: '状态', width: 12 },
      { header: '协调处理结果', width: 40 },
      { header: '处理日期', width: 12 },
    ],
    rows: items.map((item) => [
      item.raisedOn,
      item.title,
      item.orgName,
      item.description,
      item.meetings.length,
      item.statusLabel,
      item.resolution,
      item.resolvedOn,
    ]),
  };
}
