import { z } from 'zod';
import { SELF_STUDY_PLATFORMS } from '../../../../common/training.ts';
import { zIsoDate, zText } from '../../../../common/validation-zod.ts';
import { Hours } from '../../officers/training/training.schema.ts';

/** 自学记录 (培训制度第七条(一)(三)): 法治讲堂·逢九必讲, 法宣在线, or books. */
export const SelfStudyBody = z.object({
  studiedOn: zIsoDate,
  hours: Hours,
  platform: z.enum(SELF_STUDY_PLATFORMS, {
    error: '请选择学习平台（法治讲堂·逢九必讲、法宣在线或相关书籍）',
  }),
  content: zText({ error: '请填写学习内容' })
    .trim()
    .min(1, '请填写学习内容')
    .max(500, '学习内容不能超过 500 个字符'),
});
export type SelfStudyBody = z.infer<typeof SelfStudyBody>;
