import { z } from 'zod';
import { zIsoDate, zText } from '../../../common/validation-zod.ts';

export const OverrideListQuery = z.object({
  year: z.coerce
    .number({ error: '年份必须是数字' })
    .int()
    .min(2000, '年份不早于 2000')
    .max(2100, '年份不晚于 2100')
    .optional(),
});
export const DayParams = z.object({ day: zIsoDate });
export const OverrideBody = z.object({
  isWorkingDay: z.boolean({ error: '请选择是否为工作日' }),
  note: zText().trim().max(100, '说明不能超过 100 个字符').nullable().optional(),
});
export const OverrideView = z.object({
  day: zText(),
  isWorkingDay: z.boolean(),
  note: zText().nullable(),
});

export const WorkingDayQuery = z.object({
  date: zIsoDate,
  add: z.coerce.number({ error: '天数必须是数字' }).int().min(0).max(366).default(0),
});
export const WorkingDayView = z.object({
  date: zText(),
  isWorkingDay: z.boolean(),
  /** `add` working days after `date` */
  dueOn: zText(),
  isYearKnown: z.boolean(),
});
