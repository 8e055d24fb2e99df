/**
 * Share limits: a grade held by at most a share of subjects (博湖平时考核制度第六条: 好 一般控制在
 * 30%以内; seed 002 十: 优秀 20%以内), and the commended top share of a ranking (seed 003 篇2
 * 五(三)). The limit is never exceeded: ties at the boundary are broken by the stated keys
 * and, when still tied, either all spared from the grade ('spare') or kept by subject id.
 */
import { divideRounded, SCALE, type Scaled } from './decimal.ts';

export type ShareRounding = 'floor' | 'round' | 'ceil';

/** How many of `population` subjects a `share` percent (scaled) allows. */
export function allowedCount(population: number, share: Scaled, rounding: ShareRounding): number {
  const hundredPercent = 100 * SCALE;
  const mode = rounding === 'floor' ? 'down' : rounding === 'ceil' ? 'up' : 'half-up';
  return divideRounded(population * share, hundredPercent, mode);
}

export interface Candidate {
  /** Subject index. */
  index: number;
  subject: string;
  /** Keys compared in order, higher first: total, then tie-break component scores. */
  keys: readonly Scaled[];
}

function compareKeys(left: readonly Scaled[], right: readonly Scaled[]): number {
  for (let position = 0; position < left.length; position++) {
    const difference = right[position]! - left[position]!;
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * Chooses which candidates keep a limited place. Returns the kept subject indices; everyone
 * else among the candidates loses the place. The result never holds more than `allowed`.
 */
export function selectWithinLimit(
  candidates: readonly Candidate[],
  allowed: number,
  final: 'spare' | 'subject-id',
): Set<number> {
  const ordered = [...candidates].sort(
    (left, right) =>
      compareKeys(left.keys, right.keys) ||
      (left.subject < right.subject ? -1 : left.subject > right.subject ? 1 : 0),
  );
  if (ordered.length <= allowed) return new Set(ordered.map((candidate) => candidate.index));
  let kept = ordered.slice(0, Math.max(allowed, 0));
  if (final === 'spare' && allowed > 0) {
    const firstOut = ordered[allowed]!;
    kept = kept.filter((candidate) => compareKeys(candidate.keys, firstOut.keys) !== 0);
  }
  return new Set(kept.map((candidate) => candidate.index));
}

/**
 * The candidates tied, on every key, with the first one left out at the boundary (empty when
 * everyone fits): under 'spare' they all lose the place, so their explanation says it was the tie.
 */
export function tiedAtBoundary(candidates: readonly Candidate[], allowed: number): Set<number> {
  if (candidates.length <= allowed) return new Set();
  const ordered = [...candidates].sort((left, right) => compareKeys(left.keys, right.keys));
  const firstOut = ordered[Math.max(allowed, 0)]!;
  return new Set(
    candidates
      .filter((candidate) => compareKeys(candidate.keys, firstOut.keys) === 0)
      .map((candidate) => candidate.index),
  );
}
