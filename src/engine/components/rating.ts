/**
 * Ratings by several raters with weights (张家港细则第二章第二条: 局主要领导和分管领导按5:5的比例
 * 折算). Ratings of one role are averaged, roles are weighted, and the result is converted from
 * the raters' scale (`outOf`) to the component's points. A role nobody rated drops out and the
 * other weights are renormalised, so a missing deputy does not halve the score.
 */
import type { CompiledRating } from '../compile.ts';
import { divideRounded, formatDecimal, type Scaled } from '../decimal.ts';
import { KIND, type LineStore } from '../lines.ts';
import type { ItemTally } from './tally.ts';

/** One role's ratings for one subject; records are a row list through `tally.next`. */
export interface RoleRatings {
  sum: Scaled;
  count: number;
  head: number;
}

const ratingFormats = new WeakMap<LineStore, WeakMap<CompiledRating, number[]>>();

/** The note format of each rater role: `<label> n 人平均 a/outOf，权重 w/present，折合 p 分制`. */
function formatsOf(store: LineStore, component: CompiledRating): number[] {
  let byComponent = ratingFormats.get(store);
  if (!byComponent) {
    byComponent = new WeakMap();
    ratingFormats.set(store, byComponent);
  }
  let formats = byComponent.get(component);
  if (!formats) {
    formats = component.raters.map((rater) => {
      const outOf = formatDecimal(component.outOf);
      const weight = formatDecimal(rater.weight);
      const points = formatDecimal(component.points);
      return store.format(
        (sum, presentWeight, count) =>
          `${rater.label} ${count} 人平均 ${formatDecimal(divideRounded(sum, count ?? 1))}/${outOf}，权重 ${weight}/${formatDecimal(presentWeight)}，折合 ${points} 分制`,
      );
    });
    byComponent.set(component, formats);
  }
  return formats;
}

/** Scores a rating component from ratings gathered per rater role (indexed like `component.raters`). */
export function scoreRating(
  component: CompiledRating,
  byRole: readonly (RoleRatings | undefined)[],
  store: LineStore,
  tally: ItemTally,
): Scaled {
  let presentWeight = 0;
  for (let role = 0; role < component.raters.length; role++) {
    if (byRole[role]) presentWeight += component.raters[role]!.weight;
  }
  if (presentWeight === 0) {
    const score = component.isFullWhenMissing ? component.points : 0;
    store.addText(KIND.rating, store.rule(component, component.path), score, Number.NaN, '无测评记录');
    return score;
  }
  const formats = formatsOf(store, component);
  let score = 0;
  for (let role = 0; role < component.raters.length; role++) {
    const ratings = byRole[role];
    if (!ratings) continue;
    // contribution = (sum / count) × (weight / presentWeight) × (points / outOf), rounded once
    // at the sixth place. The constant factor is reduced once per set of roles present, so the
    // usual case stays in safe integers; BigInt keeps the rare large product exact.
    const [factorNumerator, factorDenominator] = ratingFactor(component, role, presentWeight);
    const numerator = ratings.sum * factorNumerator;
    const denominator = ratings.count * factorDenominator;
    const contribution =
      Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator)
        ? divideRounded(numerator, denominator)
        : roundQuotient(
            BigInt(ratings.sum) * BigInt(factorNumerator),
            BigInt(ratings.count) * BigInt(factorDenominator),
          );
    score += contribution;
    store.add(
      KIND.rating,
      store.rule(component.raterRules[role]!, component.path),
      contribution,
      ratings.count,
      formats[role]!,
      ratings.sum,
      presentWeight,
    );
    store.addRowList(ratings.head, tally);
  }
  return score;
}

const factorCache = new WeakMap<CompiledRating, Map<number, [number, number]>>();

/** weight × points ÷ (presentWeight × outOf) for one role, as a reduced fraction; cached. */
function ratingFactor(component: CompiledRating, role: number, presentWeight: Scaled): [number, number] {
  let byKey = factorCache.get(component);
  if (!byKey) {
    byKey = new Map();
    factorCache.set(component, byKey);
  }
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
