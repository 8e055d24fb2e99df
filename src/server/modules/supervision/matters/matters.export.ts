/** The matters list as a sheet (pure), with the list's filters. */
import type { SheetModel } from '../../../lib/xlsx.ts';
import type { MatterView } from './matters.schema.ts';

export function buildMatterSheet(items: readonly MatterView[]): SheetModel {
  return {
    name: '行政执法监督事项',
    columns: [
      { header: '编号', width: 8 },
      { header: '事项名称', width: 36 },
      { header: '监督方式', width: 14 },
      { header: '监督领域', width: 14 },
      { header: '事项来源', width: 14 },
      { header: '被监督单位', width: 36 },
      { header: '涉及案件', width: 24 },
      { header: '立项日期', width: 12 },
      { header: '计划办结', width: 12 },
      { header: '期限状态', width: 10 },
      { header: '状态', width: 10 },
      { header: '办结日期', width: 12 },
      { header: '检查次数', width: 10 },
    ],
    rows: items.map((item) => [
      item.id,
      item.title,
      item.kindLabel,
      item.fieldLabel,
      item.sourceLabel,
      item.units.map((unit) => unit.name).join('、'),
      item.case?.caseNo ?? null,
      item.openedOn,
      item.due?.dueOn ?? null,
      item.isOverdue ? '逾期' : (item.due?.stateLabel ?? null),
      item.stateLabel,
      item.closedOn,
      item.counts.inspections,
    ]),
  };
}
