/** Request and response shapes of the liaison log (第十条); the web imports these. */
import { z } from 'zod';
import { LIAISON_COUNTERPARTS, LIAISON_KINDS, LIAISON_STATUSES } from '../../../../common/coordination.ts';
import { zId, zIdParam, zIsoDate, zText } from '../../../../common/validation-zod.ts';
import { Keyword, PagingQuery, pageOf } from '../../../lib/paging.ts';
import { DeadlineView, orgIdField, requiredText } from '../coordination.schema.ts';

export const LiaisonBody = z.object({
  kind: z.enum(LIAISON_KINDS, { error: '请选择衔接事项类型' }),
  counterpart: z.enum(LIAISON_COUNTERPARTS, { error: '请选择衔接机关' }),
  counterpartName: requiredText('接收机关名称', 200),
  /** the agency concerned; a legal officer's own agency when absent */
  orgId: orgIdField('涉及单位').optional(),
  caseId: zId('请选择案件').nullable().optional(),
  subject: requiredText('事项', 500),
  reason: requiredText('移送或反映理由', 4000),
  sentOn: zIsoDate,
  /** null: DEFAULT_LIAISON_DUE_DAYS after sending */
  dueOn: zIsoDate.nullable().optional(),
});
export type LiaisonBody = z.infer<typeof LiaisonBody>;
export const LiaisonReceiptBody = z.object({ receiptOn: zIsoDate, receiptBy: requiredText('接收人', 100) });
export const LiaisonOutcomeBody = z.object({ outcome: requiredText('办理结果', 4000), outcomeOn: zIsoDate });
export const LiaisonListQuery = PagingQuery.extend({
  kind: z.enum(LIAISON_KINDS, { error: '类型无效' }).optional(),
  status: z.enum(LIAISON_STATUSES, { error: '状态无效' }).optional(),
  deadlineState: z.enum(['normal', 'due_soon', 'overdue'], { error: '期限状态无效' }).optional(),
  orgId: zIdParam().optional(),
  sentFrom: zIsoDate.optional(),
  sentTo: zIsoDate.optional(),
  keyword: Keyword,
});
export type LiaisonListQuery = z.infer<typeof LiaisonListQuery>;
/** The export takes the list's filters without its paging. */
export const LiaisonExportQuery = LiaisonListQuery.omit({ page: true, pageSize: true });
export type LiaisonExportQuery = z.infer<typeof LiaisonExportQuery>;

export const LiaisonView = z.object({
  id: z.number(),
  kind: z.enum(LIAISON_KINDS),
  kindLabel: zText(),
  counterpart: z.enum(LIAISON_COUNTERPARTS),
  counterpartLabel: zText(),
  counterpartName: zText(),
  orgId: z.number(),
  orgName: zText(),
  caseId: z.number().nullable(),
  caseNo: zText().nullable(),
  subject: zText(),
  reason: zText(),
  sentOn: zText(),
  dueOn: zText(),
  receiptOn: zText().nullable(),
  receiptBy: zText().nullable(),
  outcome: zText().nullable(),
  outcomeOn: zText().nullable(),
  status: z.enum(LIAISON_STATUSES),
  statusLabel: zText(),
  deadline: DeadlineView,
  abilities: z.object({ canRecordReceipt: z.boolean(), canRecordOutcome: z.boolean() }),
});
export type LiaisonView = z.infer<typeof LiaisonView>;
export const LiaisonList = pageOf(LiaisonView);
