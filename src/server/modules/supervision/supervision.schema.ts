/** Schema pieces every supervision sub-domain uses: texts with Chinese messages, ids, dates, files. */
import { z } from 'zod';
import { DEADLINE_STATE_LABELS } from '../../../common/calendar.ts';
import { SUPERVISION_TEXT_MAX } from '../../../common/supervision.ts';
import { zIsoDate, zText } from '../../../common/validation-zod.ts';

export { IdParams } from '../cases/records/cases.schema.ts';

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文本` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字符`);
/** A text the user must fill in. */
export const requiredText = (label: string, max = SUPERVISION_TEXT_MAX) =>
  text(label, max).min(1, `请填写${label}`);
/** Optional text: '' and null both clear it. */
export const optionalText = (label: string, max = SUPERVISION_TEXT_MAX) =>
  text(label, max)
    .nullable()
    .optional()
    .transform((value) => (value === '' ? null : (value ?? null)));
/** An optional date: '' and null both clear it. */
export const optionalDate = z
  .preprocess((value) => (value === '' ? null : value), zIsoDate.nullable())
  .optional()
  .transform((value) => value ?? null);
/** A positive id chosen in a form, with the Chinese message `label`. */
export const idOf = (label: string) =>
  z
    .number({ error: `请选择${label}` })
    .int(`${label}无效`)
    .positive(`${label}无效`);
/** 'true' / 'false' in a query string. */
export const queryFlag = (label: string) =>
  z
    .enum(['true', 'false'], { error: `${label}应为 true 或 false` })
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true'));

export const DeadlineStateEnum = z.enum(
  Object.keys(DEADLINE_STATE_LABELS) as ['normal', 'due_soon', 'overdue'],
);
/** A due date with its 正常/临期/逾期 on the day it was read; null when nothing is due. */
export const DueView = z.object({
  dueOn: zText(),
  state: DeadlineStateEnum,
  stateLabel: zText(),
});
export type DueView = z.infer<typeof DueView>;

export const OrgRef = z.object({ id: z.number(), name: zText() });
export const AttachmentView = z.object({
  id: z.number(),
  fileName: zText(),
  contentType: zText(),
  sizeBytes: z.number(),
  sha256: zText(),
  createdAt: zText(),
});
export type AttachmentView = z.infer<typeof AttachmentView>;
