import { z } from 'zod';
import { zIdParam, zText } from '../../../../common/validation-zod.ts';
import { CaseFileView } from '../../case-files/case-files.schema.ts';
import { optionalText } from '../../cases/records/cases.schema.ts';

export const AssignmentParams = z.object({
  id: zIdParam('编号无效'),
});

/** Points in the sheet are decimals with at most one place (the rules keep tenths). */
const Points = z
  .number({ error: '扣分应为数字' })
  .min(0, '扣分不能为负数')
  .max(100, '扣分不能超过 100 分')
  .refine(
    (value) =>
      Number.isInteger(Math.round(value * 10)) && Math.abs(value * 10 - Math.round(value * 10)) < 1e-9,
    {
      message: '扣分最多一位小数',
    },
  );

export const SheetBody = z.object({
  items: z
    .array(
      z.object({
        no: z.number().int().min(1).max(50),
        deducted: Points,
        reason: optionalText('扣分理由', 1000),
      }),
    )
    .max(50),
  note: optionalText('评查意见', 5000),
  /** true = 提交并签名 (final: the sheet no longer changes) */
  submit: z.boolean().default(false),
});
export type SheetBody = z.infer<typeof SheetBody>;

const CriterionView = z.object({ no: z.number(), title: zText(), points: z.number(), notes: zText() });
const SheetItemView = z.object({ no: z.number(), deducted: z.number(), reason: zText().nullable() });
const OwnSheet = z.object({
  items: z.array(SheetItemView),
  total: zText(),
  note: zText().nullable(),
  submittedAt: zText().nullable(),
  signerName: zText().nullable(),
});

export const SheetView = z.object({
  assignmentId: z.number(),
  campaignId: z.number(),
  caseId: z.number(),
  caseNo: zText(),
  caseName: zText(),
  criteriaName: zText(),
  criteria: z.array(CriterionView),
  bands: z.object({ excellentFrom: z.number(), passFrom: z.number() }),
  /** the completeness checker's suggestions for criteria 8 and 12, which the reviewer accepts or changes */
  suggestions: z.array(SheetItemView),
  own: OwnSheet.nullable(),
  /** the other reviewers' submitted sheets: null until one's own is submitted (独立评分) */
  others: z.array(OwnSheet.extend({ expertName: zText() })).nullable(),
});
export type SheetView = z.infer<typeof SheetView>;

export const FileScoreList = z.object({
  items: z.array(
    z.object({
      fileId: z.number(),
      caseId: z.number(),
      caseNo: zText(),
      unitName: zText(),
      assigned: z.number(),
      submitted: z.number(),
      mean: zText().nullable(),
      band: z.enum(['excellent', 'pass', 'fail']).nullable(),
      bandLabel: zText().nullable(),
      spread: zText().nullable(),
      flags: z.array(z.enum(['fail', 'divergent', 'bands_differ'])),
      flagLabels: z.array(zText()),
      /** 复评 (第十二条(五)): further reviewers assigned and submitted, their exact mean */
      recheckAssigned: z.number(),
      recheckSubmitted: z.number(),
      recheckMean: zText().nullable(),
      /** the result that stands: initial mean, re-review, or an upheld objection (第十二条(七)) */
      resultState: z.enum(['unscored', 'needs_recheck', 'rechecking', 'final']),
      resultStateLabel: zText(),
      score: zText().nullable(),
      finalBand: z.enum(['excellent', 'pass', 'fail']).nullable(),
      finalBandLabel: zText().nullable(),
      source: z.enum(['initial', 'recheck', 'objection']).nullable(),
      sourceLabel: zText().nullable(),
      pendingObjections: z.number(),
      /** 第十八条 优秀案卷 */
      isExemplary: z.boolean(),
      /** 第十九条(一)–(五) grounds marked on a failing file */
      article19Grounds: z.array(z.number()),
    }),
  ),
});

/** The assigned file's cover (封面) and contents (卷内目录), read-only for its reviewer (第十条 查阅案卷). */
export const AssignedFileView = z.object({
  caseNo: z.string(),
  caseName: z.string(),
  file: CaseFileView.pick({
    status: true,
    statusLabel: true,
    mainCatalogue: true,
    cover: true,
    coverLabels: true,
  })
    .extend({
      documents: z.array(CaseFileView.shape.documents.element.omit({ attachments: true })),
    })
    .nullable(),
});
export type AssignedFileView = z.infer<typeof AssignedFileView>;
