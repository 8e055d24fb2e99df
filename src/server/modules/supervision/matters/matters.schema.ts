import { z } from 'zod';
import {
  MATTER_FIELDS,
  MATTER_KINDS,
  MATTER_SOURCES,
  MATTER_STATES,
  MATTER_UNITS_MAX,
} from '../../../../common/supervision.ts';
import { zIdParam, zIsoDate, zText } from '../../../../common/validation-zod.ts';
import { Keyword, PagingQuery, pageOf } from '../../../lib/paging.ts';
import {
  DueView,
  idOf,
  OrgRef,
  optionalDate,
  optionalText,
  queryFlag,
  requiredText,
} from '../supervision.schema.ts';

const MatterFields = {
  kind: z.enum(MATTER_KINDS, { error: '监督方式无效' }),
  field: z.enum(MATTER_FIELDS, { error: '监督领域无效' }),
  source: z.enum(MATTER_SOURCES, { error: '事项来源无效' }),
  complaintId: idOf('投诉举报').nullable().optional(),
  caseId: idOf('案件').nullable().optional(),
  focusId: idOf('年度监督重点').nullable().optional(),
  unitIds: z
    .array(idOf('被监督单位'), { error: '请选择被监督单位' })
    .max(MATTER_UNITS_MAX, `被监督单位最多 ${MATTER_UNITS_MAX} 个`)
    .optional(),
  title: requiredText('事项名称', 200),
  description: optionalText('事项说明'),
  openedOn: zIsoDate,
  dueOn: optionalDate,
};

export const MatterCreateBody = z.object(MatterFields);
export type MatterCreateBody = z.infer<typeof MatterCreateBody>;

export const MatterUpdateBody = z
  .object(MatterFields)
  .omit({ kind: true })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: '没有需要修改的内容' });
export type MatterUpdateBody = z.infer<typeof MatterUpdateBody>;

export const MatterCloseBody = z.object({
  closedOn: zIsoDate,
  summary: requiredText('办结情况'),
});
export type MatterCloseBody = z.infer<typeof MatterCloseBody>;

const MatterFilterFields = {
  kind: z.enum(MATTER_KINDS, { error: '监督方式无效' }).optional(),
  field: z.enum(MATTER_FIELDS, { error: '监督领域无效' }).optional(),
  source: z.enum(MATTER_SOURCES, { error: '事项来源无效' }).optional(),
  state: z.enum(MATTER_STATES, { error: '事项状态无效' }).optional(),
  unitId: zIdParam('被监督单位无效').optional(),
  /** true: open matters past their due date or with a reply past its due date */
  overdue: queryFlag('逾期筛选'),
  year: z.coerce.number({ error: '年度无效' }).int().min(2000).max(2100).optional(),
  keyword: Keyword,
};
export const MatterListQuery = PagingQuery.extend(MatterFilterFields);
export type MatterListQuery = z.infer<typeof MatterListQuery>;
export const MatterExportQuery = z.object(MatterFilterFields);
export type MatterExportQuery = z.infer<typeof MatterExportQuery>;

export const MatterView = z.object({
  id: z.number(),
  org: OrgRef,
  kind: z.enum(MATTER_KINDS),
  kindLabel: zText(),
  field: z.enum(MATTER_FIELDS),
  fieldLabel: zText(),
  source: z.enum(MATTER_SOURCES),
  sourceLabel: zText(),
  complaint: z.object({ id: z.number(), summary: zText(), receivedOn: zText() }).nullable(),
  case: z.object({ id: z.number(), caseNo: zText(), name: zText() }).nullable(),
  focus: z.object({ id: z.number(), title: zText() }).nullable(),
  units: z.array(OrgRef),
  title: zText(),
  description: zText().nullable(),
  openedOn: zText(),
  due: DueView.nullable(),
  state: z.enum(MATTER_STATES),
  stateLabel: zText(),
  closedOn: zText().nullable(),
  closingSummary: zText().nullable(),
  isOverdue: z.boolean(),
  counts: z.object({ inspections: z.number(), waitingReports: z.number() }),
  abilities: z.object({ canManage: z.boolean() }),
});
export type MatterView = z.infer<typeof MatterView>;
export const MatterPage = pageOf(MatterView);

export const FocusBody = z.object({
  year: z.number({ error: '请填写年度' }).int('年度无效').min(2000, '年度无效').max(2100, '年度无效'),
  field: z.enum(MATTER_FIELDS, { error: '监督领域无效' }),
  title: requiredText('重点事项', 200),
  description: optionalText('说明', 2000),
  sortOrder: z.number().int().min(0).max(999).optional(),
  isActive: z.boolean().optional(),
});
export type FocusBody = z.infer<typeof FocusBody>;
export const FocusUpdateBody = FocusBody.partial().refine((body) => Object.keys(body).length > 0, {
  message: '没有需要修改的内容',
});
export type FocusUpdateBody = z.infer<typeof FocusUpdateBody>;
export const FocusQuery = z.object({
  year: z.coerce.number({ error: '年度无效' }).int().min(2000).max(2100).optional(),
});
export const FocusView = z.object({
  id: z.number(),
  year: z.number(),
  field: z.enum(MATTER_FIELDS),
  fieldLabel: zText(),
  title: zText(),
  description: zText().nullable(),
  sortOrder: z.number(),
  isActive: z.boolean(),
  matterCount: z.number(),
});
export type FocusView = z.infer<typeof FocusView>;
