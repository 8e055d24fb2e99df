/** Request and response shapes of major matters (第九条) and the periodic circular; the web imports these. */
import { z } from 'zod';
import { CIRCULAR_STATUSES, MATTER_STATUSES } from '../../../../common/coordination.ts';
import { zIdParam, zIsoDate, zText } from '../../../../common/validation-zod.ts';
import { Keyword, PagingQuery, pageOf } from '../../../lib/paging.ts';
import { orgIdField, requiredText } from '../coordination.schema.ts';

export const MatterBody = z.object({
  title: requiredText('事项名称', 200),
  description: requiredText('事项情况', 4000),
  orgId: orgIdField('涉及单位').nullable().optional(),
  raisedOn: zIsoDate,
});
export const MatterMeetingBody = z.object({
  heldOn: zIsoDate,
  attendees: requiredText('参会人员', 1000),
  minutes: requiredText('会议记录', 8000),
});
export const MatterResolveBody = z.object({ resolution: requiredText('协调处理结果', 4000) });
export const MatterListQuery = PagingQuery.extend({
  status: z.enum(MATTER_STATUSES, { error: '状态无效' }).optional(),
  orgId: zIdParam().optional(),
  raisedFrom: zIsoDate.optional(),
  raisedTo: zIsoDate.optional(),
  keyword: Keyword,
});
export type MatterListQuery = z.infer<typeof MatterListQuery>;
/** The export takes the list's filters without its paging. */
export const MatterExportQuery = MatterListQuery.omit({ page: true, pageSize: true });
export type MatterExportQuery = z.infer<typeof MatterExportQuery>;

export const MatterView = z.object({
  id: z.number(),
  title: zText(),
  description: zText(),
  orgId: z.number().nullable(),
  orgName: zText().nullable(),
  raisedOn: zText(),
  status: z.enum(MATTER_STATUSES),
  statusLabel: zText(),
  resolution: zText().nullable(),
  resolvedOn: zText().nullable(),
  meetings: z.array(z.object({ id: z.number(), heldOn: zText(), attendees: zText(), minutes: zText() })),
  canManage: z.boolean(),
});
export type MatterView = z.infer<typeof MatterView>;
export const MatterList = pageOf(MatterView);

export const CircularGenerateBody = z.object({ periodFrom: zIsoDate, periodTo: zIsoDate });
export const CircularEditBody = z.object({
  title: requiredText('标题', 200),
  body: requiredText('正文', 20000),
});
export const CircularView = z.object({
  id: z.number(),
  periodFrom: zText(),
  periodTo: zText(),
  title: zText(),
  body: zText(),
  status: z.enum(CIRCULAR_STATUSES),
  statusLabel: zText(),
  number: zText().nullable(),
  issuedOn: zText().nullable(),
  signedByName: zText().nullable(),
  signComment: zText().nullable(),
  isEditable: z.boolean(),
  canManage: z.boolean(),
});
export type CircularView = z.infer<typeof CircularView>;
export const CircularList = pageOf(CircularView);
export const CircularListQuery = PagingQuery.extend({
  status: z.enum(CIRCULAR_STATUSES, { error: '状态无效' }).optional(),
  year: z.coerce
    .number({ error: '年度必须是数字' })
    .int()
    .min(2000, '年度无效')
    .max(2100, '年度无效')
    .optional(),
  keyword: Keyword,
});
export type CircularListQuery = z.infer<typeof CircularListQuery>;
