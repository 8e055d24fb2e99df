import { z } from 'zod';

const NamedSubject = z.object({ subjectKey: z.string(), name: z.string(), orgName: z.string() });

export const PeriodBoard = z.object({
  periodId: z.number(),
  label: z.string(),
  status: z.enum(['open', 'computed', 'published', 'finalised']),
  /** the day the board was drawn (Asia/Shanghai) */
  today: z.string(),
  groups: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      /** 负责考核科室 named by the scheme */
      assessor: z.string(),
      /** the section owning the group in this period; null = none matched */
      orgId: z.number().nullable(),
      orgName: z.string().nullable(),
      /** deduction: expected every period; bonus: only when earned; rating: from the raters' sheets */
      scoring: z.enum(['deduction', 'bonus', 'rating', 'other']),
      /** the actor's section owns it (always true for the assessment office) */
      isOwn: z.boolean(),
      activeRecords: z.number(),
      proposedRecords: z.number(),
      withdrawnRecords: z.number(),
      lastRecordOn: z.string().nullable(),
      /** a deduction group owned by a section that has recorded nothing while the period takes records */
      isSilent: z.boolean(),
    }),
  ),
  /** records of the period (not ratings) the actor's board counts, by status */
  records: z.object({ active: z.number(), proposed: z.number(), withdrawn: z.number() }),
  selfAssessments: z.object({
    dueOn: z.string().nullable(),
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
      items: z.array(z.object({ id: z.string(), label: z.string(), raters: z.array(z.string()) })),
      raters: z.array(
        z.object({
          userId: z.number(),
          name: z.string(),
          orgName: z.string(),
          /** rater roles this account has rated in (main, deputy …) */
          roles: z.array(z.string()),
          sheets: z.array(
            z.object({ item: z.string(), label: z.string(), done: z.number(), missing: z.number() }),
          ),
        }),
      ),
      /** accounts that rated in each rater role: a role nobody rated in leaves its weight empty */
      byRole: z.array(
        z.object({ item: z.string(), label: z.string(), rater: z.string(), raters: z.number() }),
      ),
    })
    .nullable(),
  /** who is late, with names: only while the period takes records (open or computed) */
  late: z.object({
    /** automatic proposals waiting for the owning section (or the office) to confirm or dismiss */
    proposals: z.number(),
    /** subjects without a self-assessment once the deadline has passed (first BOARD_MISSING_LIMIT) */
    selfAssessments: z.array(NamedSubject),
    selfAssessmentCount: z.number(),
    raters: z.array(
      z.object({ userId: z.number(), name: z.string(), orgName: z.string(), missing: z.number() }),
    ),
    groups: z.array(z.object({ id: z.string(), label: z.string(), orgName: z.string() })),
    unownedGroups: z.array(z.object({ id: z.string(), label: z.string(), assessor: z.string() })),
  }),
});
export type PeriodBoard = z.infer<typeof PeriodBoard>;
