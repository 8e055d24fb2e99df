/**
 * The reproducible draw (随机抽查, 评查办法第八条; 双随机 auditability). Pure: the same eligible set,
 * seed and parameters give the same files, on any machine, in any language.
 *
 * The algorithm (docs/reviews.md, "How the draw works"):
 * 1. Canonical ordering: the eligible files sorted by case id, ascending. The eligible digest is
 *    SHA-256 of their ids joined by ',' (e.g. "3,7,12"), hex; it proves which set was drawn from.
 * 2. Strata: with byUnit, one stratum per unit under review; with byKind, per case kind (both: per
 *    unit and kind). Strata are ordered by unit id, then kind code.
 * 3. Sizes: `count` N → min(N, eligible) files; `share` p% → ceil(eligible × p / 100) files; both
 *    are split over the strata in proportion to their size by the largest-remainder method (ties to
 *    the earlier stratum). `per_unit` N → min(N, unit size) per unit, split over its kinds the same
 *    way when byKind.
 * 4. Within a stratum each file's rank is SHA-256 of "<seed>:<case id>" (hex); the files with the
 *    lowest ranks are drawn. The drawn digest is SHA-256 of the drawn ids (ascending) joined by ','.
 */
import { createHash } from 'node:crypto';
import type { DrawMode } from '../../../../common/reviews.ts';

export interface EligibleFile {
  caseId: number;
  unitOrgId: number;
  kind: string;
}

export interface DrawParams {
  mode: DrawMode;
  /** mode count: files in all */
  count?: number | undefined;
  /** mode per_unit: files per unit */
  perUnit?: number | undefined;
  /** mode share: percent of the eligible set, 0 < p ≤ 100 */
  sharePercent?: number | undefined;
  byUnit: boolean;
  byKind: boolean;
}

export interface Stratum {
  key: string;
  unitOrgId: number | null;
  kind: string | null;
  eligible: number;
  drawn: number;
}

export interface DrawResult {
  eligibleDigest: string;
  drawnDigest: string;
  /** ascending */
  drawnCaseIds: number[];
  strata: Stratum[];
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The eligible set in canonical order (case id ascending), duplicates dropped. */
export function canonicalOrder(files: readonly EligibleFile[]): EligibleFile[] {
  const byId = new Map(files.map((file) => [file.caseId, file]));
  return [...byId.values()].sort((left, right) => left.caseId - right.caseId);
}

/** SHA-256 (hex) of the ids, ascending, joined by ','. */
export function digestOfIds(caseIds: readonly number[]): string {
  return sha256([...caseIds].sort((left, right) => left - right).join(','));
}

/** A file's rank within its stratum: SHA-256 (hex) of "<seed>:<case id>". */
export function rankOf(seed: string, caseId: number): string {
  return sha256(`${seed}:${caseId}`);
}

/**
 * Splits `total` over groups in proportion to their sizes (largest remainder, ties to the earlier
 * group); no group gets more than its size. Exact: integer arithmetic only.
 */
export function allocate(total: number, sizes: readonly number[]): number[] {
  const all = sizes.reduce((sum, size) => sum + size, 0);
  const target = Math.min(total, all);
  if (all === 0 || target <= 0) return sizes.map(() => 0);
  const shares = sizes.map((size, index) => ({
    index,
    base: Math.floor((target * size) / all),
    remainder: (target * size) % all,
  }));
  let left = target - shares.reduce((sum, share) => sum + share.base, 0);
  const order = [...shares].sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const share of order) {
    if (left === 0) break;
    if (share.base < sizes[share.index]!) {
      share.base += 1;
      left -= 1;
    }
  }
  return shares.map((share) => share.base);
}

function stratumKey(file: EligibleFile, params: Pick<DrawParams, 'byUnit' | 'byKind'>): string {
  const unit = params.byUnit ? String(file.unitOrgId).padStart(10, '0') : '*';
  return `${unit}|${params.byKind ? file.kind : '*'}`;
}

/** The number of files the parameters ask for out of `eligible`. */
export function sampleSize(params: DrawParams, eligible: number): number {
  if (params.mode === 'count') return Math.min(params.count ?? 0, eligible);
  if (params.mode === 'share') {
    // percent with up to two decimals, in integer hundredths so the ceiling is exact
    const hundredths = Math.round((params.sharePercent ?? 0) * 100);
    return Math.min(eligible, Math.ceil((eligible * hundredths) / 10_000));
  }
  return eligible;
}

/** Draws the sample. Pure and deterministic (see the module comment for the algorithm). */
export function drawSample(files: readonly EligibleFile[], seed: string, params: DrawParams): DrawResult {
  const ordered = canonicalOrder(files);
  // per_unit is always stratified by unit
  const grouping = { byUnit: params.byUnit || params.mode === 'per_unit', byKind: params.byKind };
  const groups = new Map<string, EligibleFile[]>();
  for (const file of ordered) {
    const key = stratumKey(file, grouping);
    groups.set(key, [...(groups.get(key) ?? []), file]);
  }
  const keys = [...groups.keys()].sort();
  const sizes = keys.map((key) => groups.get(key)!.length);
  let quotas: number[];
  if (params.mode === 'per_unit') {
    quotas = new Array(keys.length).fill(0);
    const byUnit = new Map<string, number[]>();
    keys.forEach((key, index) => {
      const unit = key.split('|')[0]!;
      byUnit.set(unit, [...(byUnit.get(unit) ?? []), index]);
    });
    for (const indexes of byUnit.values()) {
      const split = allocate(
        params.perUnit ?? 0,
        indexes.map((index) => sizes[index]!),
      );
      indexes.forEach((index, position) => {
        quotas[index] = split[position]!;
      });
    }
  } else {
    quotas = allocate(sampleSize(params, ordered.length), sizes);
  }
  const drawn: number[] = [];
  const strata: Stratum[] = keys.map((key, index) => {
    const members = groups.get(key)!;
    const ranked = members
      .map((file) => ({ caseId: file.caseId, rank: rankOf(seed, file.caseId) }))
      .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.caseId - b.caseId));
    drawn.push(...ranked.slice(0, quotas[index]).map((entry) => entry.caseId));
    const sample = members[0]!;
    return {
      key,
      unitOrgId: grouping.byUnit ? sample.unitOrgId : null,
      kind: grouping.byKind ? sample.kind : null,
      eligible: members.length,
      drawn: quotas[index]!,
    };
  });
  drawn.sort((left, right) => left - right);
  return {
    eligibleDigest: digestOfIds(ordered.map((file) => file.caseId)),
    drawnDigest: digestOfIds(drawn),
    drawnCaseIds: drawn,
    strata,
  };
}
