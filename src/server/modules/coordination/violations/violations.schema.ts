import { z } from 'zod';
import { zId, zText } from '../../../../common/validation-zod.ts';

export const ViolationBody = z.object({
  orgId: z.number({ error: '请选择被通报单位' }).int().positive(),
  kind: z.enum(['shirked_dispute', 'not_executed'], { error: '情形应为第二十三条第（一）项或第（二）项' }),
  disputeId: zId().nullable().optional(),
  facts: zText({ error: '请填写事实' }).trim().min(1, '请填写事实').max(2000, '事实不能超过 2000 个字符'),
});
export type ViolationBody = z.infer<typeof ViolationBody>;

export const ViolationListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const ViolationView = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: zText(),
  kind: z.enum(['shirked_dispute', 'not_executed']),
  kindLabel: zText(),
  clause: zText(),
  disputeId: z.number().nullable(),
  matter: zText().nullable(),
  facts: zText(),
  markedOn: zText(),
});
export type ViolationView = z.infer<typeof ViolationView>;
export const ViolationList = z.object({ items: z.array(ViolationView) });
