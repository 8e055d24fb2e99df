import { z } from 'zod';
import { SUMMARY_RECIPIENTS } from '../../../../common/units.ts';
import { zIsoDate, zText } from '../../../../common/validation-zod.ts';
import { zYear } from '../units.schema.ts';

export const SummaryRecipientEnum = z.enum(SUMMARY_RECIPIENTS, {
  error: '请选择报送机关（依法治市领导小组办公室或依法行政领导小组办公室）',
});

export const SummaryCopyBody = z.object({
  year: zYear,
  recipient: SummaryRecipientEnum,
  submittedOn: zIsoDate,
  note: zText().trim().max(500, '备注不能超过 500 个字符').optional(),
});
export type SummaryCopyBody = z.infer<typeof SummaryCopyBody>;

export const SummaryCopyView = z.object({
  recipient: SummaryRecipientEnum,
  recipientLabel: zText(),
  /** null = this copy is still out */
  submittedOn: zText().nullable(),
  submittedByName: zText().nullable(),
  note: zText().nullable(),
  isLate: z.boolean(),
});

export const SummaryUnitView = z.object({
  orgId: z.number(),
  name: zText(),
  /** one entry per recipient office, in the seed's order */
  copies: z.array(SummaryCopyView),
  state: z.enum(['done', 'normal', 'due_soon', 'overdue']),
  /** 已报送 / 已报送（逾期） once both copies are in, else 正常 / 临期 / 逾期 */
  stateLabel: zText(),
  canRecord: z.boolean(),
});
export type SummaryUnitView = z.infer<typeof SummaryUnitView>;

export const SummaryList = z.object({
  year: z.number(),
  dueOn: zText(),
  items: z.array(SummaryUnitView),
  /** units with both copies in / units owing the table */
  doneCount: z.number(),
});
export type SummaryList = z.infer<typeof SummaryList>;
