/**
 * Ranking by total (seed 003 篇2 五(三): 按照得分多少进行排序): competition ranks (1, 2, 2, 4),
 * and the last N barred from honours (对考核得分位居后5名的单位，取消目标管理工作评优资格).
 */
import type { Scaled } from './decimal.ts';

/** Competition rank of each total, 1 = highest; equal totals share a rank. */
export function competitionRanks(totals: ArrayLike<Scaled>): Int32Array {
  // 1 + how many totals are higher: one native numeric sort and a binary search per subject
  const sorted = Float64Array.from(totals).sort();
  const count = totals.length;
  const ranks = new Int32Array(count);
  for (let index = 0; index < count; index++) ranks[index] = count - upperBound(sorted, totals[index]!) + 1;
  return ranks;
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
