import { z } from 'zod';
import { MATTER_FIELDS, MATTER_KINDS, REFERRAL_STATES } from '../../../../common/supervision.ts';
import { zIsoDate, zMobile, zText } from '../../../../common/validation-zod.ts';
import { PagingQuery, pageOf } from '../../../lib/paging.ts';
import {
  AttachmentView,
  idOf,
  OrgRef,
  optionalDate,
  optionalText,
  requiredText,
} from '../supervision.schema.ts';

export const ReferralBody = z.object({
  unitId: idOf('被检查单位'),
  inspectedOn: zIsoDate,
  place: requiredText('检查地点', 200),
  facts: requiredText('检查情况'),
  findings: requiredText('发现的违法或不当行政执法行为'),
  suggestion: optionalText('处理建议', 2000),
  contactPhone: z
    .preprocess((value) => (value === '' ? null : value), zMobile.nullable())
    .optional()
    .transform((value) => value ?? null),
});
export type ReferralBody = z.infer<typeof ReferralBody>;

export const ReferralAcceptBody = z.object({
  kind: z.enum(MATTER_KINDS, { error: '监督方式无效' }),
  field: z.enum(MATTER_FIELDS, { error: '监督领域无效' }),
  title: requiredText('事项名称', 200),
  dueOn: optionalDate,
});
export type ReferralAcceptBody = z.infer<typeof ReferralAcceptBody>;

export const ReferralReturnBody = z.object({ reason: requiredText('退回理由', 2000) });

export const ReferralListQuery = PagingQuery.extend({
  state: z.enum(REFERRAL_STATES, { error: '状态无效' }).optional(),
});
export type ReferralListQuery = z.infer<typeof ReferralListQuery>;

export const ReferralView = z.object({
  id: z.number(),
  office: OrgRef,
  unit: OrgRef,
  inspectedOn: zText(),
  place: zText(),
  facts: zText(),
  findings: zText(),
  suggestion: zText().nullable(),
  contactPhone: zText().nullable(),
  state: z.enum(REFERRAL_STATES),
  stateLabel: zText(),
  submittedAt: zText(),
  decidedOn: zText().nullable(),
  returnReason: zText().nullable(),
  matterId: z.number().nullable(),
  attachments: z.array(AttachmentView),
  abilities: z.object({ canDecide: z.boolean(), canAttach: z.boolean() }),
});
export type ReferralView = z.infer<typeof ReferralView>;
export const ReferralPage = pageOf(ReferralView);
