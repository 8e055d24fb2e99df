/**
 * Ranking by total (seed 003 篇2 五(三): 按照得分多少进行排序): competition ranks (1, 2, 2, 4),
 * and the last N barred from honours (对考核得分位居后5名的单位，取消目标管理工作评优资格).
 */
import type { Scaled } from './decimal.ts';

/** Competition rank of each total, 1 = highest; equal totals share a rank. */
export function competitionRanks(totals: ArrayLike<Scaled>): Int32Array {
  const count = totals.length;
  const ranks = new Int32Array(count);
  const order = ascendingOrder(totals);
  if (order !== null) {
    // from the highest total down: a subject's rank is 1 + how many are higher
    for (let position = count - 1; position >= 0; position--) {
      const index = order[position]!;
      const above = order[position + 1];
      ranks[index] =
        above !== undefined && totals[above] === totals[index] ? ranks[above]! : count - position;
    }
    return ranks;
  }
  // 1 + how many totals are higher: one native numeric sort and a binary search per subject
  const sorted = Float64Array.from(totals).sort();
  for (let index = 0; index < count; index++) ranks[index] = count - upperBound(sorted, totals[index]!) + 1;
  return ranks;
}

/**
 * Subject indexes in ascending order of total, from one native sort of numbers that pack
 * (total − lowest) above the index; null when totals are not integers or too far apart for
 * that to be exact (above 2^53).
 */
function ascendingOrder(totals: ArrayLike<Scaled>): Int32Array | null {
  const count = totals.length;
  if (count === 0) return new Int32Array(0);
  let lowest = totals[0]!;
  let highest = lowest;
  for (let index = 0; index < count; index++) {
    const total = totals[index]!;
    if (!Number.isInteger(total)) return null;
    if (total < lowest) lowest = total;
    else if (total > highest) highest = total;
  }
  const span = 2 ** Math.ceil(Math.log2(count + 1));
  if ((highest - lowest + 1) * span > Number.MAX_SAFE_INTEGER) return null;
  const packed = new Float64Array(count);
  for (let index = 0; index < count; index++) packed[index] = (totals[index]! - lowest) * span + index;
  packed.sort();
  const order = new Int32Array(count);
  for (let position = 0; position < count; position++) order[position] = packed[position]! % span;
  return order;
}

/**
 * Which subjects are among the last `last`. 'spare' bars a subject only if at most `last`
 * subjects score at or below it (never more than `last` barred); 'include' bars everyone tied
 * with the boundary.
 */
export function lastBarred(totals: ArrayLike<Scaled>, last: number, ties: 'spare' | 'include'): boolean[] {
  const sorted = Float64Array.from(totals).sort();
  return Array.from(totals, (total) => {
    const atOrBelow = upperBound(sorted, total);
    const below = lowerBound(sorted, total);
    return ties === 'spare' ? atOrBelow <= last : below < last;
  });
}

function lowerBound(sorted: ArrayLike<Scaled>, value: Scaled): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function upperBound(sorted: ArrayLike<Scaled>, value: Scaled): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}
