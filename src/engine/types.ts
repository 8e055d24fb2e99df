/**
 * What the engine takes in and gives back. Everything here is plain JSON (subject results from
 * `evaluate` are views that serialise to it through `toJSON`): the server stores results and
 * explanations as they are, and the web shows explanation lines as they are.
 * Points are decimal strings ('87.5', '-0.5') so no reader can lose precision.
 */

/** One fact about one subject in a period: a deduction, bonus, rating, per-item score or trigger. */
export interface EngineRecord {
  /** Unique record id, quoted back in explanation lines. */
  id: string;
  /** Subject id (officer, section, unit). */
  subject: string;
  /** Item id from the scheme (a deduction/bonus item, a rating component, an averaged item, a veto or ceiling). */
  item: string;
  /** Calendar date YYYY-MM-DD (Asia/Shanghai). */
  date: string;
  /** Occurrences or person-times (default 1). */
  count?: number;
  /** Score for ratings and averaged items, as a number or decimal string. */
  value?: number | string;
  /** Level id for items scored by level (national/provincial …, first/second/third). */
  level?: string;
  /** Fact id: records sharing it in a "same fact once, at the highest" component count once. */
  fact?: string;
  /** Rater role for rating records (e.g. 'main', 'deputy'). */
  rater?: string;
  /** Evidence reference (document number, file id), carried through for display. */
  evidence?: string;
  /** 'self' marks a self-assessment record: scored separately, never in the official total. */
  source?: 'self' | 'assessor';
}

/**
 * The groups a subject belongs to, for quotas and rankings applied per group (`per`): its unit
 * (博湖平时考核制度第十条: each unit assesses its own), its series (seed 003 篇1: caps per 序列), its post.
 */
export interface SubjectGroups {
  unit?: string | undefined;
  series?: string | undefined;
  post?: string | undefined;
}

export type GroupKey = keyof SubjectGroups;

/** A subject being assessed. */
export interface Subject {
  id: string;
  name?: string;
  groups?: SubjectGroups;
}

export type LineKind =
  | 'base'
  | 'deduction'
  | 'bonus'
  | 'cap'
  | 'floor'
  | 'same-fact'
  | 'rating'
  | 'average'
  | 'scale'
  | 'weight'
  | 'round'
  | 'veto'
  | 'ceiling'
  | 'quota'
  | 'part'
  | 'roll-up';

/**
 * One line of an explanation. The `points` of all lines of a subject add up exactly to its
 * total; lines with '0' points record what happened without changing the score (veto, ceiling,
 * quota, a fact charged elsewhere).
 */
export interface ExplanationLine {
  /** Rule id from the scheme (item, group, component, veto …), e.g. 'zjg.004.d4.complaint'. */
  rule: string;
  /** Seed clause, e.g. '第二章第一条四、4'. */
  clause?: string;
  /** Chinese label of the rule. */
  label: string;
  kind: LineKind;
  /** Signed decimal: '+2', '-0.5', '0'. */
  points: string;
  /** Dotted component path the line belongs to, e.g. 'daily'. */
  component?: string;
  /** Responsible assessor of the rule (负责考核科室). */
  assessor?: string;
  /** Records behind the line, sorted. */
  records: string[];
  /** Occurrences counted, for per-occurrence items. */
  count?: number;
  /** A short Chinese note: the arithmetic in words. */
  note?: string;
}

export interface ComponentScore {
  id: string;
  /** Dotted path from the top component. */
  path: string;
  label: string;
  /** The component's own score. */
  score: string;
  /** What it adds to its parent (after weight); equals score when unweighted. */
  counted: string;
}

export interface Trigger {
  rule: string;
  kind: 'veto' | 'ceiling';
  label: string;
  clause?: string;
  records: string[];
}

export interface SubjectFlags {
  /** A veto applied. */
  isVetoed: boolean;
  /** A cap, floor or 扣完为止 limited some score. */
  isCapped: boolean;
  /** Demoted from a grade by its quota. */
  isQuotaDemoted: boolean;
  /** A ceiling lowered the grade. */
  isCeilinged: boolean;
  /** Not eligible for honours this period (取消评优资格). */
  isHonoursBarred: boolean;
  /** Among the commended top share. */
  isCommended: boolean;
  /** Among the last N, barred from honours. */
  isBarred: boolean;
}

/**
 * One subject's result. `evaluate` returns views whose `components` and `explanation` are
 * getters: each read makes fresh plain objects from the evaluation's compact columns, and
 * `JSON.stringify` (through `toJSON`) writes exactly this documented shape.
 */
export interface SubjectResult {
  subject: string;
  name?: string;
  total: string;
  /** Grade after ceilings, quotas and vetoes; null when the scheme has no grades. */
  grade: string | null;
  /** Grade from the bands alone. */
  bandGrade: string | null;
  /** Competition rank by total, 1 = best; ties share a rank. */
  rank: number;
  /** Made on each read of a result from `evaluate` (see above). */
  components: ComponentScore[];
  flags: SubjectFlags;
  triggers: Trigger[];
  /** Made on each read of a result from `evaluate`: a fresh array of fresh line objects. */
  explanation: ExplanationLine[];
  /** Total of the subject's own self-assessment records, when it sent any. */
  selfTotal?: string;
  /** The subject's groups, as given (quotas and rankings `per` a group use them). */
  groups?: SubjectGroups;
}

export type RejectReason =
  | 'unknown-subject'
  | 'unknown-item'
  | 'bad-date'
  | 'out-of-period'
  | 'bad-count'
  | 'count-too-large'
  | 'bad-value'
  | 'out-of-scale'
  | 'unknown-level'
  | 'unknown-rater'
  | 'bad-record';

export interface RejectedRecord {
  record: string;
  reason: RejectReason;
  messageZh: string;
  messageEn: string;
}

export interface QuotaSummary {
  grade: string;
  /** The group this line counts (quota `per` unit/series/post); absent when the quota pools everyone. */
  group?: string;
  allowed: number;
  held: number;
  demoted: string[];
}

export interface EvaluationResult {
  scheme: string;
  period: string;
  /** Parameters in force, as decimals. */
  params: Record<string, string>;
  /** Subjects in the order given. */
  subjects: SubjectResult[];
  quotas: QuotaSummary[];
  /** Records not used, each with its reason; evaluation never silently drops one. */
  rejected: RejectedRecord[];
}

export interface EvaluateInput {
  /** Period text: '2024Q1', '2024H1', '2024', '2024-03'; must match the scheme's period kind. */
  period: string;
  subjects: Subject[];
  records: EngineRecord[];
  /** Parameter overrides by name. */
  params?: Record<string, string | number>;
}
