/** Field builders every coordination schema uses (field-level Chinese messages). */
import { z } from 'zod';
import { DEADLINE_STATE_LABELS } from '../../../common/calendar.ts';
import { zIdParam, zText } from '../../../common/validation-zod.ts';

/** A required text field: trimmed, not empty, at most `max` characters. */
export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字符`);

/** An optional text field (null or absent). */
export const optionalText = (label: string, max: number) =>
  zText().trim().max(max, `${label}不能超过 ${max} 个字符`).nullable().optional();

/** An organisation picked from a list. */
export const orgIdField = (label: string) =>
  z
    .number({ error: `请选择${label}` })
    .int()
    .positive();

export const IdParams = z.object({ id: zIdParam() });

/** The deadline a record carries now, with its 正常/临期/逾期. */
export const DeadlineView = z
  .object({
    label: zText(),
    dueOn: zText(),
    state: z.enum(['normal', 'due_soon', 'overdue']),
    stateLabel: z.enum(Object.values(DEADLINE_STATE_LABELS) as [string, ...string[]]),
  })
  .nullable();
