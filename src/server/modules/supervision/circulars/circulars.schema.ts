import { z } from 'zod';
import { CIRCULAR_KINDS, CIRCULAR_SITUATIONS, CIRCULAR_STATES } from '../../../../common/supervision.ts';
import { zIdParam, zText } from '../../../../common/validation-zod.ts';
import { PagingQuery, pageOf } from '../../../lib/paging.ts';
import { idOf, OrgRef, optionalText, requiredText } from '../supervision.schema.ts';

/** A circular's draft: the situation decides 通报批评 or 通报表扬; links name what caused it. */
export const CircularDraftBody = z.object({
  situation: z.enum(CIRCULAR_SITUATIONS, { error: '请选择通报情形' }),
  subjectOrgId: idOf('被通报单位'),
  persons: optionalText('被通报人员', 500),
  title: requiredText('标题', 100),
  facts: requiredText('通报事实'),
  requirement: optionalText('要求'),
  noticeId: idOf('监督通知书').nullable().optional(),
  decisionId: idOf('监督决定').nullable().optional(),
  /** a coordination 第二十三条 mark (its dispute comes with it) */
  violationId: idOf('协调违规记录').nullable().optional(),
});
export type CircularDraftBody = z.infer<typeof CircularDraftBody>;
export const CircularDraftPatch = CircularDraftBody.partial();
export type CircularDraftPatch = z.infer<typeof CircularDraftPatch>;

export const CircularListQuery = PagingQuery.extend({
  kind: z.enum(CIRCULAR_KINDS, { error: '种类无效' }).optional(),
  situation: z.enum(CIRCULAR_SITUATIONS, { error: '情形无效' }).optional(),
  state: z.enum(CIRCULAR_STATES, { error: '状态无效' }).optional(),
  unitId: zIdParam().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type CircularListQuery = z.infer<typeof CircularListQuery>;

export const CircularView = z.object({
  id: z.number(),
  issuer: OrgRef,
  subject: OrgRef,
  kind: z.enum(CIRCULAR_KINDS),
  kindLabel: zText(),
  situation: z.enum(CIRCULAR_SITUATIONS),
  situationLabel: zText(),
  clause: zText(),
  persons: zText().nullable(),
  title: zText(),
  facts: zText(),
  requirement: zText().nullable(),
  noticeId: z.number().nullable(),
  decisionId: z.number().nullable(),
  violationId: z.number().nullable(),
  disputeId: z.number().nullable(),
  state: z.enum(CIRCULAR_STATES),
  stateLabel: zText(),
  signComment: zText().nullable(),
  number: zText().nullable(),
  signedBy: zText().nullable(),
  issuedOn: zText().nullable(),
  withdrawnReason: zText().nullable(),
  abilities: z.object({
    canEdit: z.boolean(),
    canSubmit: z.boolean(),
    canWithdraw: z.boolean(),
  }),
});
export type CircularView = z.infer<typeof CircularView>;
export const CircularPage = pageOf(CircularView);
