import { z } from 'zod';
import { zText } from '../../../../common/validation-zod.ts';

const NamedSubject = z.object({ subjectKey: zText(), name: zText(), orgName: zText() });

export const PeriodBoard = z.object({
  periodId: z.number(),
  label: zText(),
  status: z.enum(['open', 'computed', 'published', 'finalised']),
  /** the day the board was drawn (Asia/Shanghai) */
  today: zText(),
  groups: z.array(
    z.object({
      id: zText(),
      label: zText(),
      /** 负责考核科室 named by the scheme */
      assessor: zText(),
      /** the section owning the group in this period; null = none matched */
      orgId: z.number().nullable(),
      orgName: zText().nullable(),
      /** deduction: expected every period; bonus: only when earned; rating: from the raters' sheets */
      scoring: z.enum(['deduction', 'bonus', 'rating', 'other']),
      /** the actor's section owns it (always true for the assessment office) */
      isOwn: z.boolean(),
      activeRecords: z.number(),
      proposedRecords: z.number(),
      withdrawnRecords: z.number(),
      lastRecordOn: zText().nullable(),
      /** a deduction group owned by a section that has recorded nothing while the period takes records */
      isSilent: z.boolean(),
    }),
  ),
  /** records of the period (not ratings) the actor's board counts, by status */
  records: z.object({ active: z.number(), proposed: z.number(), withdrawn: z.number() }),
  selfAssessments: z.object({
    dueOn: zText().nullable(),
    isOverdue: z.boolean(),
    subjects: z.number(),
    submitted: z.number(),
    missing: z.number(),
    /** the first BOARD_MISSING_LIMIT subjects without one; the subject list pages them all */
    missingSubjects: z.array(NamedSubject),
  }),
  /** null: the scheme has no rating, or the actor is not the assessment office */
  ratings: z
    .object({
      items: z.array(z.object({ id: zText(), label: zText(), raters: z.array(zText()) })),
      raters: z.array(
        z.object({
          userId: z.number(),
          name: zText(),
          orgName: zText(),
          /** rater roles this account has rated in (main, deputy …) */
          roles: z.array(zText()),
          sheets: z.array(z.object({ item: zText(), label: zText(), done: z.number(), missing: z.number() })),
        }),
      ),
      /** accounts that rated in each rater role: a role nobody rated in leaves its weight empty */
      byRole: z.array(z.object({ item: zText(), label: zText(), rater: zText(), raters: z.number() })),
    })
    .nullable(),
  /**
   * Facts Fazhi holds that no item of the scheme describes (issue 18 point 9): nothing was
   * proposed; the assessor judges each and records it by hand where an item applies.
   */
  unmappedFacts: z.array(
    z.object({
      source: zText(),
      sourceLabel: zText(),
      subjectKey: zText(),
      name: zText(),
      occurredOn: zText(),
      note: zText(),
      evidence: z.object({ kind: zText(), id: zText() }),
    }),
  ),
  /** who is late, with names: only while the period takes records (open or computed) */
  late: z.object({
    /** automatic proposals waiting for the owning section (or the office) to confirm or dismiss */
    proposals: z.number(),
    /** subjects without a self-assessment once the deadline has passed (first BOARD_MISSING_LIMIT) */
    selfAssessments: z.array(NamedSubject),
    selfAssessmentCount: z.number(),
    raters: z.array(z.object({ userId: z.number(), name: zText(), orgName: zText(), missing: z.number() })),
    groups: z.array(z.object({ id: zText(), label: zText(), orgName: zText() })),
    unownedGroups: z.array(z.object({ id: zText(), label: zText(), assessor: zText() })),
  }),
});
export type PeriodBoard = z.infer<typeof PeriodBoard>;
