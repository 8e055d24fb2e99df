import { z } from 'zod';
import { DOSSIER_ENTRY_KINDS, UNIT_CATEGORIES } from '../../../common/units.ts';
import { zIdParam, zIsoDate, zText } from '../../../common/validation-zod.ts';
import { Keyword, PagingQuery, pageOf } from '../../lib/paging.ts';

/** The assessed year (seed 002: 年度考核). */
export const zYear = z.coerce
  .number({ error: '请选择考核年度' })
  .int('考核年度应为整数')
  .min(2000, '考核年度应在 2000 至 2100 之间')
  .max(2100, '考核年度应在 2000 至 2100 之间');

export const UnitParams = z.object({ orgId: zIdParam('单位编号无效') });
export const YearQuery = z.object({ year: zYear });

export const UnitListQuery = PagingQuery.extend({
  year: zYear,
  keyword: Keyword,
  category: z.enum(UNIT_CATEGORIES, { error: '单位类别应为乡镇、县直部门或垂直管理单位' }).optional(),
});
export type UnitListQuery = z.infer<typeof UnitListQuery>;

export const UnitCategoryEnum = z.enum(UNIT_CATEGORIES, {
  error: '单位类别应为乡镇、县直部门或垂直管理单位',
});

export const UnitListItem = z.object({
  orgId: z.number(),
  name: zText(),
  category: UnitCategoryEnum,
  categoryLabel: zText(),
  entryCount: z.number(),
  checkCount: z.number(),
  reportSubmittedOn: zText().nullable(),
  /** 正常 / 临期 / 逾期 of the annual report while it is not in; null once submitted */
  reportState: z.enum(['normal', 'due_soon', 'overdue']).nullable(),
  /** 已报送 / 已报送（逾期） once in, else 正常 / 临期 / 逾期 */
  reportStateLabel: zText(),
  reportDueOn: zText(),
});
export const UnitList = pageOf(UnitListItem);

export const LinkedFacts = z.object({
  casesFiled: z.number(),
  casesClosed: z.number(),
  disputes: z.number(),
  noticesIssued: z.number(),
  noticesAccepted: z.number(),
  reviewFiles: z.number(),
  reviewFilesScored: z.number(),
  violations: z.array(z.object({ id: z.number(), label: zText(), markedOn: zText(), facts: zText() })),
});

export const UnitView = z.object({
  orgId: z.number(),
  name: zText(),
  category: UnitCategoryEnum,
  categoryLabel: zText(),
  year: z.number(),
  linked: LinkedFacts,
  abilities: z.object({
    canAddEntry: z.boolean(),
    canSubmitReport: z.boolean(),
    canRecordCheck: z.boolean(),
    canSetCategory: z.boolean(),
  }),
});
export type UnitView = z.infer<typeof UnitView>;

export const CategoryBody = z.object({
  category: UnitCategoryEnum,
});

export const DossierEntryBody = z.object({
  year: z
    .number({ error: '请选择考核年度' })
    .int('考核年度应为整数')
    .min(2000, '考核年度应在 2000 至 2100 之间')
    .max(2100, '考核年度应在 2000 至 2100 之间'),
  kind: z.enum(DOSSIER_ENTRY_KINDS, { error: '请选择档案类别' }),
  title: zText({ error: '请填写标题' }).trim().min(1, '请填写标题').max(200, '标题不能超过 200 个字符'),
  occurredOn: zIsoDate,
  content: zText().trim().max(4000, '内容不能超过 4000 个字符').optional(),
});
export type DossierEntryBody = z.infer<typeof DossierEntryBody>;

export const DossierListQuery = PagingQuery.extend({ year: zYear });

export const DossierEntryView = z.object({
  id: z.number(),
  kind: z.enum(DOSSIER_ENTRY_KINDS),
  kindLabel: zText(),
  title: zText(),
  occurredOn: zText(),
  content: zText().nullable(),
  side: z.enum(['office', 'unit']),
  sideLabel: zText(),
  createdByName: zText(),
});
export type DossierEntryView = z.infer<typeof DossierEntryView>;
export const DossierPage = pageOf(DossierEntryView);
