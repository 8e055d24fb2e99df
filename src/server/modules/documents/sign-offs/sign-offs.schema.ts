import { z } from 'zod';
import { zIdParam, zText } from '../../../../common/validation-zod.ts';
import { PagingQuery, pageOf } from '../../../lib/paging.ts';

export const SIGN_OFF_STATUS_LABELS = {
  pending: '待签发',
  signed: '已签发',
  returned: '已退回',
  cancelled: '已撤销',
} as const;

export const SignOffListQuery = PagingQuery.extend({
  /** mine: what waits for me (a leader); all: every request in my scope */
  view: z.enum(['mine', 'all'], { error: '视图只能是 mine 或 all' }).default('mine'),
  status: z.enum(['pending', 'signed', 'returned', 'cancelled'], { error: '状态无效' }).optional(),
});
export type SignOffListQuery = z.infer<typeof SignOffListQuery>;

export const SignOffView = z.object({
  id: z.number(),
  domain: zText(),
  recordType: zText(),
  recordId: z.number(),
  record: z.object({ label: zText(), link: zText().nullable() }),
  orgId: z.number(),
  orgName: zText(),
  title: zText(),
  signerAccountId: z.number().nullable(),
  signerName: zText().nullable(),
  requestedByName: zText().nullable(),
  requestedAt: zText(),
  status: z.enum(['pending', 'signed', 'returned', 'cancelled']),
  statusLabel: zText(),
  decidedByName: zText().nullable(),
  decidedAt: zText().nullable(),
  comment: zText().nullable(),
  abilities: z.object({ canDecide: z.boolean() }),
});
export type SignOffView = z.infer<typeof SignOffView>;

export const SignOffPage = pageOf(SignOffView);

export const SignBody = z.object({
  comment: zText().trim().max(500, '签发意见不能超过 500 个字').optional(),
});

export const ReturnBody = z.object({
  comment: z
    .string({ error: '请填写退回意见' })
    .trim()
    .min(1, '请填写退回意见')
    .max(500, '退回意见不能超过 500 个字'),
});

export const SignersQuery = z.object({
  orgId: zIdParam('单位编号无效'),
});

export const SignerView = z.object({ id: z.number(), name: zText(), orgName: zText() });
