import { z } from 'zod';
import { zId, zText } from '../../../../common/validation-zod.ts';

/** The period's named raters, replacing the previous list (seed 004 第二章第二条). */
export const PeriodRatersBody = z.object({
  raters: z
    .array(
      z.object({
        item: zText().trim().min(1, '请选择测评项目').max(200, '测评项目编号过长'),
        role: zText().trim().min(1, '请选择评价人身份').max(100, '评价人身份过长'),
        userId: zId('请选择测评人'),
      }),
      { error: '测评人应为列表' },
    )
    .max(200, '测评人最多 200 名'),
});
export type PeriodRatersBody = z.infer<typeof PeriodRatersBody>;
