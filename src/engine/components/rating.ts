/**
 * Ratings by several raters with weights (张家港细则第二章第二条: 局主要领导和分管领导按5:5的比例
 * 折算). Ratings of one role are averaged, roles are weighted, and the result is converted from
 * the raters' scale (`outOf`) to the component's points. A role nobody rated drops out and the
 * other weights are renormalised, so a missing deputy does not halve the score.
 */
import type { CompiledComponent, CompiledRating } from '../compile.ts';
import { divideRounded, formatDecimal, type Scaled } from '../decimal.ts';
import { KIND, type LineStore, TEXT_NOTE } from '../lines.ts';
import { addRowValues, averageText, type ItemTally } from './tally.ts';

/**
 * Ratings gathered for one subject, one slot per rating component and rater role (the slots of
 * a component start at `first[component index]`); reset between subjects. Columns rather than
 * objects: a province has a rating per subject and role.
 */
export interface RatingTally {
  /** First slot of each rating component, by component index (−1 for other components). */
  first: Int32Array;
  /** Sum of the role's ratings (scaled). */
  sum: Float64Array;
  /** Number of ratings; 0 when the role has not rated. */
  count: Float64Array;
  /** First record row of the role's list (through `tally.next`), −1 when none. */
  head: Int32Array;
}

/** Slots for every rating component of a scheme. */
export function ratingTally(components: readonly CompiledComponent[]): RatingTally {
  const first = new Int32Array(components.length).fill(-1);
  let slots = 0;
  for (const component of components) {
    if (component.kind !== 'rating') continue;
    first[component.index] = slots;
    slots += component.raters.length;
  }
  return {
    first,
    sum: new Float64Array(slots),
    count: new Float64Array(slots),
    head: new Int32Array(slots).fill(-1),
  };
}

/**
 * A rating component laid out for one line store: the rule number and note format of each
 * rater role, made once per evaluation rather than looked up per subject.
 */
export interface RatingPlan {
  component: CompiledRating;
  /** Line template when nobody rated. */
  noneLine: number;
  /**
   * Line template of each role, whose note format is
   * `<label> n 人平均 a/outOf，权重 w/present，折合 p 分制`, and with more than one rating the
   * ratings behind the average: `<label> 3 人平均 (90 + 85 + 88) ÷ 3 ≈ 87.666667/outOf…`.
   */
  roleLines: number[];
  /** weight × points ÷ (presentWeight × outOf) by presentWeight × roles + role, reduced. */
  factors: Map<number, [number, number]>;
}

/** Lays out a rating component for `store`. */
export function ratingPlan(component: CompiledRating, store: LineStore): RatingPlan {
  const outOf = formatDecimal(component.outOf);
  const points = formatDecimal(component.points);
  return {
    component,
    noneLine: store.template(
      KIND.rating,
      store.rule(component, component.path),
      TEXT_NOTE,
      store.text('无测评记录'),
    ),
    roleLines: component.raters.map((rater, role) => {
      const weight = formatDecimal(rater.weight);
      const format = store.format((sum, presentWeight, count, ratings) => {
        const raters = count ?? 1;
        const average = divideRounded(sum, raters);
        const shown =
          ratings.length > 1
            ? averageText(ratings, average, sum % raters === 0, String(raters))
            : formatDecimal(average);
        return `${rater.label} ${raters} 人平均 ${shown}/${outOf}，权重 ${weight}/${formatDecimal(presentWeight)}，折合 ${points} 分制`;
      }, 1);
      return store.template(KIND.rating, store.rule(component.raterRules[role]!, component.path), format, 0);
    }),
    factors: new Map(),
  };
}

/** Scores a rating component from the ratings gathered per rater role (slots as in `ratings.first`). */
export function scoreRating(
  plan: RatingPlan,
  ratings: RatingTally,
  store: LineStore,
  tally: ItemTally,
): Scaled {
  const { component } = plan;
  const first = ratings.first[component.index]!;
  const roles = component.raters.length;
  let presentWeight = 0;
  for (let role = 0; role < roles; role++) {
    if (ratings.count[first + role]! > 0) presentWeight += component.raters[role]!.weight;
  }
  if (presentWeight === 0) {
    const score = component.isFullWhenMissing ? component.points : 0;
    store.addLine(plan.noneLine, score, Number.NaN);
    return score;
  }
  let score = 0;
  for (let role = 0; role < roles; role++) {
    const count = ratings.count[first + role]!;
    if (count === 0) continue;
    const sum = ratings.sum[first + role]!;
    // contribution = (sum / count) × (weight / presentWeight) × (points / outOf), rounded once
    // at the sixth place. The constant factor is reduced once per set of roles present, so the
    // usual case stays in safe integers; BigInt keeps the rare large product exact.
    const [factorNumerator, factorDenominator] = ratingFactor(plan, role, presentWeight);
    const numerator = sum * factorNumerator;
    const denominator = count * factorDenominator;
    const contribution =
      Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator)
        ? divideRounded(numerator, denominator)
        : roundQuotient(BigInt(sum) * BigInt(factorNumerator), BigInt(count) * BigInt(factorDenominator));
    score += contribution;
    store.addFormatted(plan.roleLines[role]!, contribution, count, sum, presentWeight);
    addRowValues(store, ratings.head[first + role]!, tally);
    store.addRowList(ratings.head[first + role]!, tally);
  }
  return score;
}

/** weight × points ÷ (presentWeight × outOf) for one role, as a reduced fraction; cached. */
function ratingFactor(plan: RatingPlan, role: number, presentWeight: Scaled): [number, number] {
  const { component, factors: byKey } = plan;
  const key = presentWeight * component.raters.length + role;
  let factor = byKey.get(key);
  if (!factor) {
    const numerator = BigInt(component.raters[role]!.weight) * BigInt(component.points);
    const denominator = BigInt(presentWeight) * BigInt(component.outOf);
    const divisor = greatestCommonDivisor(numerator, denominator);
    factor = [Number(numerator / divisor), Number(denominator / divisor)];
    byKey.set(key, factor);
  }
  return factor;
}

function greatestCommonDivisor(left: bigint, right: bigint): bigint {
  let a = left < 0n ? -left : left;
  let b = right < 0n ? -right : right;
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

/** numerator / denominator rounded half-up (both positive or numerator zero). */
function roundQuotient(numerator: bigint, denominator: bigint): Scaled {
  const quotient = numerator / denominator;
  const remainder = numerator - quotient * denominator;
  return Number(quotient + (remainder * 2n >= denominator ? 1n : 0n));
}
