import { z } from 'zod';
import { zText } from '../../../../common/validation-zod.ts';
import { CaseBrief } from '../campaigns/campaigns.schema.ts';

const Pair = z.object({
  fileId: z.number(),
  caseNo: zText(),
  expertId: z.number(),
  expertName: zText(),
});

export const AssignmentPreview = z.object({
  /** SHA-256 of the proposed pairs: apply only what was previewed */
  proposalDigest: zText(),
  perFile: z.number(),
  cap: z.number(),
  added: z.array(Pair),
  removed: z.array(Pair),
  kept: z.number(),
  shortfalls: z.array(
    z.object({ fileId: z.number(), caseNo: zText(), missing: z.number(), reason: zText() }),
  ),
  loads: z.array(z.object({ expertId: z.number(), expertName: zText(), files: z.number() })),
  expertiseMismatches: z.number(),
  conflictCount: z.number(),
});
export type AssignmentPreview = z.infer<typeof AssignmentPreview>;

export const AssignmentApplyBody = z.object({
  proposalDigest: zText().regex(/^[0-9a-f]{64}$/, '请先预览分配方案'),
});

export const AssignmentList = z.object({
  items: z.array(
    Pair.extend({
      id: z.number(),
      source: z.enum(['auto', 'manual']),
      /** initial = 一卷一评 (第十一条); recheck = 复评 (第十二条(五)), whose result stands */
      kind: z.enum(['initial', 'recheck']),
      reason: zText().nullable(),
      assignedAt: zText(),
    }),
  ),
});

export const MyAssignment = CaseBrief.extend({
  assignmentId: z.number(),
  fileId: z.number(),
  /** recheck = a 复评 (第十二条(五)) */
  assignmentKind: z.enum(['initial', 'recheck']),
  campaignId: z.number(),
  campaignName: zText(),
  scoringDueOn: zText(),
});
export const MyAssignmentList = z.object({ items: z.array(MyAssignment) });
