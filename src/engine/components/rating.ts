/**
 * Ratings by several raters with weights (张家港细则第二章第二条: 局主要领导和分管领导按5:5的比例
 * 折算). Ratings of one role are averaged, roles are weighted, and the result is converted from
 * the raters' scale (`outOf`) to the component's points. A role nobody rated drops out and the
 * other weights are renormalised, so a missing deputy does not halve the score.
 */
import type { CompiledRating } from '../compile.ts';
import { formatDecimal, type Scaled } from '../decimal.ts';
import { line } from '../explain.ts';
import type { ExplanationLine } from '../types.ts';

/** One role's ratings for one subject. */
export interface RoleRatings {
  sum: Scaled;
  count: number;
  records: string[];
}

/** Scores a rating component from ratings gathered per rater role (indexed like `component.raters`). */
export function scoreRating(
  component: CompiledRating,
  byRole: readonly (RoleRatings | undefined)[],
  lines: ExplanationLine[],
): Scaled {
  let presentWeight = 0;
  for (let role = 0; role < component.raters.length; role++) {
    if (byRole[role]) presentWeight += component.raters[role]!.weight;
  }
  if (presentWeight === 0) {
    const score = component.isFullWhenMissing ? component.points : 0;
    lines.push(line('rating', component, score, component.path, { note: '无测评记录' }));
    return score;
  }
  let score = 0;
  for (let role = 0; role < component.raters.length; role++) {
    const ratings = byRole[role];
    if (!ratings) continue;
    const rater = component.raters[role]!;
    // contribution = (sum / count) × (weight / presentWeight) × (points / outOf), rounded once
    // at the sixth place: BigInt keeps the product exact.
    const numerator = BigInt(ratings.sum) * BigInt(rater.weight) * BigInt(component.points);
    const denominator = BigInt(ratings.count) * BigInt(presentWeight) * BigInt(component.outOf);
    const contribution = roundQuotient(numerator, denominator);
    score += contribution;
    const average = formatDecimal(roundQuotient(BigInt(ratings.sum), BigInt(ratings.count)));
    lines.push(
      line(
        'rating',
        { ...component, id: `${component.id}.${rater.role}`, label: `${component.label}(${rater.label})` },
        contribution,
        component.path,
        {
          records: ratings.records,
          count: ratings.count,
          note: `${rater.label} ${ratings.count} 人平均 ${average}/${formatDecimal(component.outOf)}，权重 ${formatDecimal(rater.weight)}/${formatDecimal(presentWeight)}，折合 ${formatDecimal(component.points)} 分制`,
        },
      ),
    );
  }
  return score;
}

/** numerator / denominator rounded half-up (both positive or numerator zero). */
function roundQuotient(numerator: bigint, denominator: bigint): Scaled {
  const quotient = numerator / denominator;
  const remainder = numerator - quotient * denominator;
  return Number(quotient + (remainder * 2n >= denominator ? 1n : 0n));
}
