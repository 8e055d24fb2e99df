/**
 * The scheme language: the zod schema of an assessment scheme file (JSON or YAML) and its
 * inferred types. docs/scheme-language.md teaches it; this file is the reference. Numbers are
 * written as decimals (0.5) or as references to the scheme's named parameters ('$base').
 */
import { z } from 'zod';
import { parseDecimal } from './decimal.ts';

const PARAM_REFERENCE = /^\$[A-Za-z][\w-]*$/;

/** A decimal with at most 6 places, or '$name' naming one of the scheme's parameters. */
export const NumberOrParam = z
  .union([z.number(), z.string()])
  .refine(
    (value) => (typeof value === 'string' && PARAM_REFERENCE.test(value)) || parseDecimal(value) !== null,
    {
      message: 'decimal',
    },
  );
export type NumberOrParam = z.infer<typeof NumberOrParam>;

export const RuleId = z.string().regex(/^[A-Za-z0-9][\w.-]*$/, { message: 'id' });

export const Rounding = z.strictObject({
  places: z.int().min(0).max(6),
  mode: z.enum(['half-up', 'half-even', 'down', 'up']).default('half-up'),
});
export type Rounding = z.infer<typeof Rounding>;

const ruleFields = {
  id: RuleId,
  /** Chinese label shown to users. */
  label: z.string().min(1),
  /** The seed clause the rule comes from, e.g. '第二章第一条一(一)1'. */
  clause: z.string().optional(),
};

export const ItemLevel = z.strictObject({ id: RuleId, label: z.string().min(1), points: NumberOrParam });

/** One scored item: points per occurrence (or per `per` occurrences), optional cap, or points by level. */
export const Item = z.strictObject({
  ...ruleFields,
  points: NumberOrParam.optional(),
  /** Charge once per this many occurrences (每迟到2次扣1分 → per: 2). */
  per: z.int().min(1).optional(),
  /** Most this item may take or give in a period; absent = only the group's cap. */
  cap: NumberOrParam.optional(),
  /** Points by level (award level, rank): the record names the level. */
  levels: z.array(ItemLevel).min(1).optional(),
  /** Unit of a count, for display: 次, 人次, 项, 篇. */
  unit: z.string().optional(),
});
export type Item = z.infer<typeof Item>;

export interface Group {
  id: string;
  label: string;
  clause?: string | undefined;
  /** The responsible assessing section (负责考核科室). */
  assessor?: string | undefined;
  /** Most this group may take or give; null or absent = uncapped. */
  cap?: NumberOrParam | null | undefined;
  items?: Item[] | undefined;
  groups?: Group[] | undefined;
}
export const Group: z.ZodType<Group> = z.lazy(() =>
  z.strictObject({
    ...ruleFields,
    assessor: z.string().optional(),
    cap: NumberOrParam.nullable().optional(),
    items: z.array(Item).optional(),
    groups: z.array(Group).optional(),
  }),
);

const componentFields = {
  ...ruleFields,
  assessor: z.string().optional(),
  /** Weight in percent when this component is a child of a `weighted` component. */
  weight: NumberOrParam.optional(),
  /** Rounds this component's score (only where the seed says). */
  round: Rounding.optional(),
};

const SameFact = z.enum(['each', 'highest']);

export const DeductionComponent = z.strictObject({
  ...componentFields,
  kind: z.literal('deduction'),
  /** Points the component starts from and deductions are taken from (扣完为止 at `floor`). */
  points: NumberOrParam,
  floor: NumberOrParam.optional(),
  sameFact: SameFact.optional(),
  groups: z.array(Group).optional(),
  items: z.array(Item).optional(),
});

export const BonusComponent = z.strictObject({
  ...componentFields,
  kind: z.literal('bonus'),
  /** Most bonus in a period; null or absent = uncapped (本项加分不设上限). */
  cap: NumberOrParam.nullable().optional(),
  sameFact: SameFact.optional(),
  groups: z.array(Group).optional(),
  items: z.array(Item).optional(),
});

export const Rater = z.strictObject({ role: RuleId, label: z.string().min(1), weight: NumberOrParam });

export const RatingComponent = z.strictObject({
  ...componentFields,
  kind: z.literal('rating'),
  /** Points the rating is worth in the total. */
  points: NumberOrParam,
  /** The scale raters score on (10, 100); the average is converted to `points`. */
  outOf: NumberOrParam,
  /** Item id that rating records use; defaults to the component id. */
  item: RuleId.optional(),
  raters: z.array(Rater).min(1),
  /** When no rater has rated: 'zero' (default) or 'full' points. */
  whenMissing: z.enum(['zero', 'full']).optional(),
});

export const AveragedItem = z.strictObject({ ...ruleFields, weight: NumberOrParam.optional() });

export const ScaledAverageComponent = z.strictObject({
  ...componentFields,
  kind: z.literal('scaled-average'),
  /**
   * The scale each per-item score is on (10, 100). Required: with a silent default of 100, a
   * 10-point score of 9 would be read as 9/100 (issue 18 point 12).
   */
  outOf: NumberOrParam,
  /** Percent the weighted average is converted by (按25%的比例换算). */
  scale: NumberOrParam,
  items: z.array(AveragedItem).min(1),
  /** When there is nothing to average: 'full' marks (default) or 'zero'. */
  whenEmpty: z.enum(['full', 'zero']).optional(),
});

export type Component =
  | z.infer<typeof DeductionComponent>
  | z.infer<typeof BonusComponent>
  | z.infer<typeof RatingComponent>
  | z.infer<typeof ScaledAverageComponent>
  | WeightedComponent
  | SumComponent;

export interface WeightedComponent {
  kind: 'weighted';
  id: string;
  label: string;
  clause?: string | undefined;
  assessor?: string | undefined;
  weight?: NumberOrParam | undefined;
  round?: Rounding | undefined;
  /** Children scored on their own scale and counted at `weight` percent each (a nested indicator tree). */
  children: Component[];
}

export interface SumComponent {
  kind: 'sum';
  id: string;
  label: string;
  clause?: string | undefined;
  assessor?: string | undefined;
  weight?: NumberOrParam | undefined;
  round?: Rounding | undefined;
  /** Most the children may add up to; absent = uncapped. */
  cap?: NumberOrParam | undefined;
  children: Component[];
}

export const Component: z.ZodType<Component> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    DeductionComponent,
    BonusComponent,
    RatingComponent,
    ScaledAverageComponent,
    z.strictObject({ ...componentFields, kind: z.literal('weighted'), children: z.array(Component).min(1) }),
    z.strictObject({
      ...componentFields,
      kind: z.literal('sum'),
      cap: NumberOrParam.optional(),
      children: z.array(Component).min(1),
    }),
  ]),
) as z.ZodType<Component>;

export const Band = z.strictObject({
  grade: z.string().min(1),
  /** Inclusive lower bound; null = everything below the previous band. */
  min: NumberOrParam.nullable(),
});
export type Band = z.infer<typeof Band>;

const TieRule = z.enum(['spare', 'subject-id']);

/**
 * The group a quota or ranking applies within (each group counted on its own): the subject's
 * unit (博湖平时考核制度第十条: 由各行政执法单位组织实施), series (seed 003 篇1: 按序列) or post.
 */
export const GroupKey = z.enum(['unit', 'series', 'post']);

export const Quota = z.strictObject({
  grade: z.string().min(1),
  /** At most this percent of subjects may hold the grade. */
  maxShare: NumberOrParam,
  /** Apply within each group of subjects (unit, series, post) rather than over all of them. */
  per: GroupKey.optional(),
  clause: z.string().optional(),
  /** How a share of subjects becomes a count (default floor: 30 % of 7 is 2). */
  rounding: z.enum(['floor', 'round', 'ceil']).optional(),
  tieBreak: z
    .strictObject({
      /** Component ids compared in order, higher first, when totals tie. */
      by: z.array(RuleId).optional(),
      /** Still tied at the boundary: 'spare' demotes all of them (default), 'subject-id' keeps by id order. */
      final: TieRule.optional(),
    })
    .optional(),
});
export type Quota = z.infer<typeof Quota>;

export const Veto = z.strictObject({
  ...ruleFields,
  /** Grade the subject receives regardless of score; absent = grade unchanged. */
  grade: z.string().min(1).optional(),
  /** Removes eligibility for honours (取消评优资格): no quota grade, not commended. Default true. */
  barHonours: z.boolean().optional(),
});
export type Veto = z.infer<typeof Veto>;

export const Ceiling = z.strictObject({ ...ruleFields, maxGrade: z.string().min(1) });
export type Ceiling = z.infer<typeof Ceiling>;

export const Ranking = z.strictObject({
  /** Rank, commend and bar within each group of subjects (unit, series, post). */
  per: GroupKey.optional(),
  commend: z
    .strictObject({
      share: NumberOrParam,
      clause: z.string().optional(),
      rounding: z.enum(['floor', 'round', 'ceil']).optional(),
      ties: TieRule.optional(),
    })
    .optional(),
  bar: z
    .strictObject({
      last: z.int().min(1),
      clause: z.string().optional(),
      /** Tied at the boundary: 'spare' (default) never bars more than `last`; 'include' bars all tied. */
      ties: z.enum(['spare', 'include']).optional(),
    })
    .optional(),
});
export type Ranking = z.infer<typeof Ranking>;

export const RollUpRule = z.strictObject({
  ...ruleFields,
  /** Fires when the subject was vetoed in any part, or had at least `atLeast` of `triggers` over the parts. */
  when: z.union([
    z.strictObject({ vetoed: z.literal(true) }),
    z.strictObject({ triggers: z.array(RuleId).min(1), atLeast: z.int().min(1) }),
  ]),
  maxGrade: z.string().min(1),
});

export const RollUp = z.strictObject({
  ...ruleFields,
  period: z.enum(['half', 'year']),
  /** How part totals combine: mean of the parts present (default) or their sum. */
  method: z.enum(['mean', 'sum']).optional(),
  round: Rounding.optional(),
  grades: z.array(Band).min(1).optional(),
  rules: z.array(RollUpRule).optional(),
  quotas: z.array(Quota).optional(),
  /** Ranking of the rolled-up totals: commended top share, last N barred (as for a period). */
  ranking: Ranking.optional(),
  /**
   * Whether a part's veto that bars honours (barHonours) bars them in this roll-up too: no
   * limited grade, no commendation, a 0-point veto line naming the part. Default false: a veto
   * that cancels a quarter's eligibility (seed 004 第二章第四条 取消季度评优资格) leaves the year alone.
   */
  partVetoBarsHonours: z.boolean().optional(),
});
export type RollUp = z.infer<typeof RollUp>;

export const Param = z.strictObject({
  default: NumberOrParam,
  label: z.string().min(1),
  description: z.string().optional(),
});

export const SubjectKind = z.enum(['officer', 'section', 'agency', 'township', 'unit']);
export const PeriodKind = z.enum(['month', 'quarter', 'half', 'year']);

export const SchemeFile = z.strictObject({
  id: RuleId,
  name: z.string().min(1),
  version: z.string().optional(),
  description: z.string().optional(),
  subjectKind: SubjectKind,
  period: PeriodKind,
  source: z
    .strictObject({
      seed: z.string().optional(),
      title: z.string().optional(),
      docNo: z.string().optional(),
      clause: z.string().optional(),
    })
    .optional(),
  params: z.record(z.string().regex(/^[A-Za-z][\w-]*$/, { message: 'id' }), Param).optional(),
  components: z.array(Component).min(1),
  round: Rounding.optional(),
  grades: z.array(Band).min(1).optional(),
  quotas: z.array(Quota).optional(),
  vetoes: z.array(Veto).optional(),
  ceilings: z.array(Ceiling).optional(),
  ranking: Ranking.optional(),
  rollUps: z.array(RollUp).optional(),
  selfAssessment: z
    .strictObject({ label: z.string().optional(), clause: z.string().optional(), due: z.string().optional() })
    .optional(),
});
export type SchemeFile = z.infer<typeof SchemeFile>;
