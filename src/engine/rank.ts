/**
 * Ranking by total (seed 003 篇2 五(三): 按照得分多少进行排序): competition ranks (1, 2, 2, 4),
 * and the last N barred from honours (对考核得分位居后5名的单位，取消目标管理工作评优资格).
 */
import type { Scaled } from './decimal.ts';

/** Competition rank of each total, 1 = highest; equal totals share a rank. */
export function competitionRanks(totals: readonly Scaled[]): number[] {
  const order = totals.map((_, index) => index).sort((left, right) => totals[right]! - totals[left]!);
  const ranks = new Array<number>(totals.length);
  order.forEach((index, position) => {
    const previous = order[position - 1];
    ranks[index] =
      previous !== undefined && totals[previous] === totals[index] ? ranks[previous]! : position + 1;
  });
  return ranks;
}

/**
 * Which subjects are among the last `last`. 'spare' bars a subject only if at most `last`
 * subjects score at or below it (never more than `last` barred); 'include' bars everyone tied
 * with the boundary.
 */
export function lastBarred(totals: readonly Scaled[], last: number, ties: 'spare' | 'include'): boolean[] {
  const sorted = [...totals].sort((left, right) => left - right);
  return totals.map((total) => {
    const atOrBelow = upperBound(sorted, total);
    const below = lowerBound(sorted, total);
    return ties === 'spare' ? atOrBelow <= last : below < last;
  });
}

function lowerBound(sorted: readonly Scaled[], value: Scaled): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function upperBound(sorted: readonly Scaled[], value: Scaled): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}
