import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  digestOfIds,
  drawSample,
  type EligibleFile,
  rankOf,
  sampleSize,
} from './sampling.rules.ts';

/** 30 files: unit 10 has 20 (penalty 15, licensing 5), unit 20 has 10 penalty. */
function world(): EligibleFile[] {
  const files: EligibleFile[] = [];
  for (let id = 1; id <= 30; id += 1)
    files.push({
      caseId: id,
      unitOrgId: id <= 20 ? 10 : 20,
      kind: id <= 15 || id > 20 ? 'penalty' : 'licensing',
    });
  return files;
}

describe('allocate (largest remainder)', () => {
  it.each([
    [10, [20, 10], [7, 3]],
    [5, [1, 1, 1], [1, 1, 1]],
    [2, [1, 1, 1], [1, 1, 0]],
    [7, [3, 3, 3], [3, 2, 2]],
    [0, [4, 4], [0, 0]],
    [100, [2, 3], [2, 3]],
    [3, [0, 5], [0, 3]],
  ])('splits %i over %j as %j', (total, sizes, expected) => {
    expect(allocate(total, sizes)).toEqual(expected);
    expect(allocate(total, sizes).reduce((a, b) => a + b, 0)).toBe(
      Math.min(
        total,
        sizes.reduce((a, b) => a + b, 0),
      ),
    );
  });
});

describe('sampleSize', () => {
  it.each([
    [{ mode: 'count', count: 12 }, 30, 12],
    [{ mode: 'count', count: 99 }, 30, 30],
    [{ mode: 'share', sharePercent: 10 }, 30, 3],
    [{ mode: 'share', sharePercent: 11 }, 30, 4],
    [{ mode: 'share', sharePercent: 100 }, 30, 30],
  ] as const)('%j of %i is %i', (params, eligible, expected) => {
    expect(sampleSize({ byUnit: false, byKind: false, ...params }, eligible)).toBe(expected);
  });
});

describe('drawSample', () => {
  const params = { mode: 'count', count: 10, byUnit: true, byKind: false } as const;

  it('is reproducible: the same seed and set give the same files, whatever the input order', () => {
    const first = drawSample(world(), 'seed-1', params);
    const second = drawSample([...world()].reverse(), 'seed-1', params);
    expect(second).toEqual(first);
    expect(first.drawnCaseIds).toHaveLength(10);
  });

  it('a different seed draws different files', () => {
    expect(drawSample(world(), 'seed-2', params).drawnCaseIds).not.toEqual(
      drawSample(world(), 'seed-1', params).drawnCaseIds,
    );
  });

  it('stratifies by unit in proportion (20:10 → 7:3)', () => {
    const result = drawSample(world(), 'seed-1', params);
    expect(result.strata.map((stratum) => [stratum.unitOrgId, stratum.eligible, stratum.drawn])).toEqual([
      [10, 20, 7],
      [20, 10, 3],
    ]);
    expect(result.drawnCaseIds.filter((id) => id <= 20)).toHaveLength(7);
  });

  it('takes the lowest SHA-256 ranks of "<seed>:<id>" within a stratum (the documented rule)', () => {
    const result = drawSample(world(), 'abc', { mode: 'count', count: 3, byUnit: false, byKind: false });
    const expected = world()
      .map((file) => ({
        id: file.caseId,
        rank: createHash('sha256').update(`abc:${file.caseId}`).digest('hex'),
      }))
      .sort((a, b) => a.rank.localeCompare(b.rank))
      .slice(0, 3)
      .map((entry) => entry.id)
      .sort((a, b) => a - b);
    expect(result.drawnCaseIds).toEqual(expected);
    expect(rankOf('abc', 1)).toBe(createHash('sha256').update('abc:1').digest('hex'));
  });

  it('per unit draws N from each unit, split over kinds when byKind', () => {
    const result = drawSample(world(), 's', { mode: 'per_unit', perUnit: 4, byUnit: false, byKind: true });
    expect(result.strata.map((stratum) => [stratum.unitOrgId, stratum.kind, stratum.drawn])).toEqual([
      [10, 'licensing', 1],
      [10, 'penalty', 3],
      [20, 'penalty', 4],
    ]);
    expect(result.drawnCaseIds).toHaveLength(8);
  });

  it('digests the canonical id list', () => {
    const result = drawSample(world(), 's', params);
    expect(result.eligibleDigest).toBe(
      createHash('sha256')
        .update(Array.from({ length: 30 }, (_, index) => index + 1).join(','))
        .digest('hex'),
    );
    expect(result.drawnDigest).toBe(digestOfIds(result.drawnCaseIds));
  });

  it('draws nothing from an empty set', () => {
    expect(drawSample([], 's', params).drawnCaseIds).toEqual([]);
  });
});
