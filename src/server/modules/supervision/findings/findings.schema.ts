import { z } from 'zod';
import { FINDING_KINDS } from '../../../../common/supervision.ts';
import { zIsoDate, zText } from '../../../../common/validation-zod.ts';
import { idOf, requiredText } from '../supervision.schema.ts';

/** A misconduct finding about one officer of the supervised unit, from a notice or a decision. */
export const FindingBody = z.object({
  officerId: idOf('执法人员'),
  kind: z.enum(FINDING_KINDS, { error: '请选择认定类别' }),
  foundOn: zIsoDate,
  description: requiredText('认定情况', 2000),
});
export type FindingBody = z.infer<typeof FindingBody>;
export const FindingWithdrawBody = z.object({ reason: requiredText('撤销理由', 2000) });

export const FindingView = z.object({
  id: z.number(),
  officer: z.object({ id: z.number(), name: zText(), unitName: zText() }),
  kind: z.enum(FINDING_KINDS),
  kindLabel: zText(),
  foundOn: zText(),
  description: zText(),
  /** the notice's number, or the government's decision number */
  basis: z.object({ kind: z.enum(['notice', 'decision']), id: z.number(), number: zText() }),
  withdrawnReason: zText().nullable(),
  abilities: z.object({ canWithdraw: z.boolean() }),
});
export type FindingView = z.infer<typeof FindingView>;
export const FindingList = z.object({ items: z.array(FindingView) });
