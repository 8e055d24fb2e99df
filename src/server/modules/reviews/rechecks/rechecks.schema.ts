import { z } from 'zod';
import { zIdParam, zText } from '../../../../common/validation-zod.ts';
import { optionalText, requiredText } from '../../cases/records/cases.schema.ts';
import { IdParams } from '../campaigns/campaigns.schema.ts';

export const AssignmentParams = IdParams.extend({ assignmentId: zIdParam('编号无效') });
export const ObjectionParams = IdParams.extend({ objectionId: zIdParam('编号无效') });
export const FileHistoryParams = IdParams.extend({ fileId: zIdParam('编号无效') });

const Id = (label: string) =>
  z
    .number({ error: `请选择${label}` })
    .int()
    .positive(`请选择${label}`);

export const AssignmentAddBody = z.object({
  fileId: Id('案卷'),
  expertId: Id('评查人员'),
  reason: requiredText('调整理由', 500),
  /** true = apply although it breaks a rule of 第十一条 (cap, reviewers per file); never a conflict */
  acceptBrokenRules: z.boolean().optional(),
});
export type AssignmentAddBody = z.infer<typeof AssignmentAddBody>;

export const AssignmentRemoveBody = z.object({
  reason: requiredText('撤回理由', 500),
  acceptBrokenRules: z.boolean().optional(),
});
export type AssignmentRemoveBody = z.infer<typeof AssignmentRemoveBody>;

export const RecheckBody = z.object({
  fileId: Id('案卷'),
  expertId: Id('复评人员'),
  reason: requiredText('复评理由', 500),
  acceptBrokenRules: z.boolean().optional(),
});
export type RecheckBody = z.infer<typeof RecheckBody>;

export const AssignmentChangeList = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      fileId: z.number(),
      caseNo: zText(),
      expertId: z.number(),
      expertName: zText(),
      action: z.enum(['add', 'remove', 'recheck']),
      actionLabel: zText(),
      reason: zText(),
      /** the rules the organiser accepted breaking (empty = none) */
      brokenRules: z.array(zText()),
      changedBy: zText(),
      changedAt: zText(),
    }),
  ),
});
export type AssignmentChangeList = z.infer<typeof AssignmentChangeList>;

const BandEnum = z.enum(['excellent', 'pass', 'fail']);

export const FileHistory = z.object({
  fileId: z.number(),
  caseId: z.number(),
  caseNo: zText(),
  unitName: zText(),
  flags: z.array(z.enum(['fail', 'divergent', 'bands_differ'])),
  flagLabels: z.array(zText()),
  initialMean: zText().nullable(),
  recheckMean: zText().nullable(),
  resultState: z.enum(['unscored', 'needs_recheck', 'rechecking', 'final']),
  resultStateLabel: zText(),
  score: zText().nullable(),
  band: BandEnum.nullable(),
  bandLabel: zText().nullable(),
  source: z.enum(['initial', 'recheck', 'objection']).nullable(),
  sourceLabel: zText().nullable(),
  reviewers: z.array(
    z.object({
      assignmentId: z.number(),
      expertId: z.number(),
      expertName: zText(),
      kind: z.enum(['initial', 'recheck']),
      reason: zText().nullable(),
      assignedBy: zText(),
      assignedAt: zText(),
      total: zText().nullable(),
      submittedAt: zText().nullable(),
      signerName: zText().nullable(),
      note: zText().nullable(),
      items: z.array(z.object({ no: z.number(), deducted: z.number(), reason: zText().nullable() })),
    }),
  ),
  changes: AssignmentChangeList.shape.items,
  objections: z.array(
    z.object({
      id: z.number(),
      state: z.enum(['pending', 'upheld', 'refused']),
      reasons: zText(),
      filedBy: zText(),
      filedAt: zText(),
      scoreBefore: zText().nullable(),
      changedScore: zText().nullable(),
      decisionReason: zText().nullable(),
    }),
  ),
});

// ---- objections (重点复核, 第十二条(七))
export const ObjectionBody = z.object({
  fileId: Id('案卷'),
  reasons: requiredText('异议理由', 5000),
  proof: optionalText('证明材料说明', 5000),
});
export type ObjectionBody = z.infer<typeof ObjectionBody>;

export const ObjectionDecisionBody = z
  .object({
    decision: z.enum(['upheld', 'refused'], { error: '请选择采纳或不予采纳' }),
    /** upheld: the score the 重点复核 decided (0–100, at most one decimal) */
    changedScore: z
      .number({ error: '复核后的分数应为数字' })
      .min(0, '分数不能为负数')
      .max(100, '分数不能超过 100 分')
      .refine((value) => Math.abs(value * 10 - Math.round(value * 10)) < 1e-9, '分数最多一位小数')
      .optional(),
    reason: requiredText('复核意见', 5000),
  })
  .superRefine((body, context) => {
    if (body.decision === 'upheld' && body.changedScore === undefined)
      context.addIssue({ code: 'custom', path: ['changedScore'], message: '采纳异议时请填写复核后的分数' });
  });
export type ObjectionDecisionBody = z.infer<typeof ObjectionDecisionBody>;

export const ObjectionView = z.object({
  id: z.number(),
  fileId: z.number(),
  caseNo: zText(),
  unitOrgId: z.number(),
  unitName: zText(),
  reasons: zText(),
  proof: zText().nullable(),
  filedBy: zText(),
  filedAt: zText(),
  state: z.enum(['pending', 'upheld', 'refused']),
  stateLabel: zText(),
  scoreBefore: zText().nullable(),
  changedScore: zText().nullable(),
  decisionReason: zText().nullable(),
  decidedBy: zText().nullable(),
  decidedAt: zText().nullable(),
  abilities: z.object({ canDecide: z.boolean() }),
});
export const ObjectionList = z.object({
  items: z.array(ObjectionView),
  /** the objection window (第十二条(七)): from publication for the campaign's objection days */
  window: z.object({ opensOn: zText().nullable(), closesOn: zText().nullable(), isOpen: z.boolean() }),
});
export type ObjectionList = z.infer<typeof ObjectionList>;
