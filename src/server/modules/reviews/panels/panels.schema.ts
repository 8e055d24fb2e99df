import { z } from 'zod';
import { DECLARATION_KINDS, EXPERT_CATEGORIES } from '../../../../common/reviews.ts';
import { zIsoDate, zText } from '../../../../common/validation-zod.ts';
import { CASE_KINDS } from '../../cases/cases.policy.ts';
import { IdParams, optionalText, requiredText } from '../../cases/records/cases.schema.ts';
import { CONFLICT_CODES } from './recusal.rules.ts';

export { IdParams };

export const ExpertCreateBody = z
  .object({
    name: requiredText('姓名', 50),
    category: z.enum(EXPERT_CATEGORIES, { error: '请选择专家类别' }),
    expertise: z
      .array(z.enum(CASE_KINDS, { error: '擅长的案件类别无效' }))
      .max(8)
      .default([]),
    note: optionalText('备注', 500),
    /** an existing account in the pool's subtree (an officer, a supervisor …) */
    userId: z.number().int().positive('账号无效').optional(),
    /** or a new reviewer account for a member from outside (seen: only their assignments) */
    username: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名应为 3–32 位字母、数字、下划线、点或连字符')
      .optional(),
  })
  .superRefine((body, context) => {
    if ((body.userId === undefined) === (body.username === undefined))
      context.addIssue({
        code: 'custom',
        path: ['userId'],
        message: '请选择已有账号，或填写新评查账号的用户名（二选一）',
      });
  });
export type ExpertCreateBody = z.infer<typeof ExpertCreateBody>;

export const ExpertUpdateBody = z
  .object({
    category: z.enum(EXPERT_CATEGORIES, { error: '请选择专家类别' }),
    expertise: z.array(z.enum(CASE_KINDS, { error: '擅长的案件类别无效' })).max(8),
    isActive: z.boolean(),
    note: optionalText('备注', 500),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: '没有需要修改的内容' });

export const DeclarationBody = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('party'),
      partyName: requiredText('当事人名称', 100),
      reason: requiredText('理由', 500),
    }),
    z.object({
      kind: z.literal('org'),
      orgId: z.number().int().positive('请选择单位'),
      reason: requiredText('理由', 500),
    }),
    z.object({
      kind: z.literal('case'),
      caseId: z.number().int().positive('请选择案件'),
      reason: requiredText('理由', 500),
    }),
    z.object({
      kind: z.literal('former_unit'),
      orgId: z.number().int().positive('请选择单位'),
      leftOn: zIsoDate,
      reason: requiredText('理由', 500),
    }),
  ],
  { error: `申报类型应为：${DECLARATION_KINDS.join('、')}` },
);
export type DeclarationBody = z.infer<typeof DeclarationBody>;

export const DeclarationView = z.object({
  id: z.number(),
  kind: z.enum(DECLARATION_KINDS),
  kindLabel: zText(),
  subject: zText(),
  leftOn: zText().nullable(),
  reason: zText(),
  declaredBy: zText(),
  declaredAt: zText(),
});

export const ExpertView = z.object({
  id: z.number(),
  name: zText(),
  category: z.enum(EXPERT_CATEGORIES),
  categoryLabel: zText(),
  expertise: z.array(z.enum(CASE_KINDS)),
  expertiseLabels: z.array(zText()),
  isActive: z.boolean(),
  note: zText().nullable(),
  userId: z.number(),
  username: zText(),
  orgName: zText(),
  declarations: z.array(DeclarationView),
  /** only in the answer to the creation of a new reviewer account: shown once */
  initialPassword: zText().optional(),
});
export type ExpertView = z.infer<typeof ExpertView>;
export const ExpertList = z.object({ items: z.array(ExpertView) });

export const PanelBody = z.object({
  expertIds: z.array(z.number().int().positive('评查人员无效')).max(500, '评查小组最多 500 人'),
});
export const PanelView = z.object({ items: z.array(ExpertView) });

export const ConflictView = z.object({
  fileId: z.number(),
  caseNo: zText(),
  expertId: z.number(),
  expertName: zText(),
  code: z.enum(CONFLICT_CODES),
  label: zText(),
  reason: zText(),
  waiver: z.object({ reason: zText(), by: zText(), at: zText() }).nullable(),
});
export const ConflictList = z.object({ items: z.array(ConflictView) });

export const WaiverBody = z.object({
  fileId: z.number().int().positive('请选择案卷'),
  expertId: z.number().int().positive('请选择评查人员'),
  code: z.enum(CONFLICT_CODES, { error: '回避情形无效' }),
  reason: requiredText('不予回避的理由', 500),
});
