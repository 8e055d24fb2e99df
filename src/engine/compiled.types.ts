/**
 * The compiled form of a scheme: what the evaluator walks. Numbers are scaled integers,
 * parameters are resolved, and every record-addressable item has an index.
 */
import type { Scaled } from './decimal.ts';
import type { Problem } from './problems.ts';
import type { Rounding, SchemeFile } from './scheme.schema.ts';
import type { GroupKey } from './types.ts';

export type ItemRole = 'score' | 'rating' | 'average' | 'veto' | 'ceiling';

export interface CompiledLevel {
  id: string;
  label: string;
  points: Scaled;
  /** Position among the item's levels (scheme order): what a record's row stores (rows.ts POINTS). */
  position: number;
}

export interface CompiledItem {
  index: number;
  id: string;
  label: string;
  clause: string | undefined;
  role: ItemRole;
  /** The component whose score the item feeds (none for veto and ceiling triggers). */
  component: CompiledComponent | null;
  /** Points per charge (positive; deductions subtract it). */
  points: Scaled | null;
  per: number;
  cap: Scaled | null;
  levels: Map<string, CompiledLevel> | null;
  /** Weight of an averaged item's scores. */
  weight: Scaled;
  /** Assessor of the nearest enclosing group or component. */
  assessor: string | undefined;
  /** Fixed explanation notes, made once here rather than per subject. */
  capNote: string | undefined;
  perNote: string | undefined;
  /** The largest count a record may carry so that count × points sums exactly (exactCountLimit). */
  maxCount: number;
}

export interface CompiledGroup {
  id: string;
  label: string;
  clause: string | undefined;
  assessor: string | undefined;
  cap: Scaled | null;
  items: CompiledItem[];
  groups: CompiledGroup[];
  capNote: string | undefined;
}

interface ComponentBase {
  /** Position in `CompiledScheme.components` (depth-first order). */
  index: number;
  id: string;
  label: string;
  clause: string | undefined;
  assessor: string | undefined;
  weight: Scaled | null;
  round: Rounding | null;
  /** Dotted path of component ids from the top, e.g. 'total.year-end'. */
  path: string;
}

export interface CompiledTally extends ComponentBase {
  kind: 'deduction' | 'bonus';
  /** Deduction: starting points. Bonus: 0. */
  base: Scaled;
  floor: Scaled;
  cap: Scaled | null;
  isHighestOnly: boolean;
  root: CompiledGroup;
  notes: { base: string; limit: string };
}

export interface CompiledRating extends ComponentBase {
  kind: 'rating';
  points: Scaled;
  outOf: Scaled;
  raters: { role: string; label: string; weight: Scaled }[];
  raterIndex: Map<string, number>;
  /** The rule each rater role's explanation line names, e.g. 'zjg.004.leadership.main'. */
  raterRules: { id: string; label: string; clause: string | undefined; assessor: string | undefined }[];
  isFullWhenMissing: boolean;
  item: CompiledItem;
}

export interface CompiledAverage extends ComponentBase {
  kind: 'scaled-average';
  outOf: Scaled;
  scale: Scaled;
  items: CompiledItem[];
  isFullWhenEmpty: boolean;
}

export interface CompiledComposite extends ComponentBase {
  kind: 'weighted' | 'sum';
  cap: Scaled | null;
  children: CompiledComponent[];
}

export type CompiledComponent = CompiledTally | CompiledRating | CompiledAverage | CompiledComposite;

export interface CompiledBand {
  grade: string;
  min: Scaled | null;
}

export interface CompiledQuota {
  grade: string;
  /** Applied within each group of this key; null = over all subjects. */
  per: GroupKey | null;
  maxShare: Scaled;
  clause: string | undefined;
  rounding: 'floor' | 'round' | 'ceil';
  tieBreakBy: number[];
  final: 'spare' | 'subject-id';
}

export interface CompiledRollUpRule {
  id: string;
  label: string;
  clause: string | undefined;
  vetoed: boolean;
  triggers: string[];
  atLeast: number;
  maxGrade: string;
}

export interface CompiledRollUp {
  id: string;
  label: string;
  clause: string | undefined;
  period: 'half' | 'year';
  method: 'mean' | 'sum';
  round: Rounding | null;
  bands: CompiledBand[];
  rules: CompiledRollUpRule[];
  quotas: CompiledQuota[];
  commend: CompiledScheme['commend'];
  bar: CompiledScheme['bar'];
  rankPer: GroupKey | null;
  /** A part's honours-barring veto bars honours in the roll-up too. */
  partVetoBarsHonours: boolean;
}

export interface CompiledScheme {
  file: SchemeFile;
  params: Record<string, Scaled>;
  items: CompiledItem[];
  itemIndex: Map<string, number>;
  top: CompiledComponent[];
  components: CompiledComponent[];
  round: Rounding | null;
  /** The rule named by a rounding line on the total. */
  totalRule: { id: string; label: string };
  bands: CompiledBand[];
  quotas: CompiledQuota[];
  vetoes: CompiledItem[];
  vetoEffects: Map<number, { grade: string | undefined; barHonours: boolean }>;
  ceilings: Map<number, string>;
  commend: {
    share: Scaled;
    clause: string | undefined;
    rounding: 'floor' | 'round' | 'ceil';
    ties: 'spare' | 'subject-id';
  } | null;
  bar: { last: number; clause: string | undefined; ties: 'spare' | 'include' } | null;
  /** Ranks, commendation and bar within each group of this key; null = over all subjects. */
  rankPer: GroupKey | null;
  rollUps: CompiledRollUp[];
}

export type CompileOutcome = { ok: true; compiled: CompiledScheme } | { ok: false; problems: Problem[] };

/** Parameter overrides: decimals by parameter name. */
export type ParamOverrides = Record<string, string | number>;
