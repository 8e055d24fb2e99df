import { describe, expect, it } from 'vitest';
import { diffAuditSnapshots, isSameJson } from './audit-diff.ts';

describe('diffAuditSnapshots', () => {
  it('puts changed fields first and marks them', () => {
    const rows = diffAuditSnapshots(
      { name: '司法局', roles: ['officer'], phone: null },
      { name: '司法局', roles: ['officer', 'reviewer'], phone: '13800138000' },
    );
    expect(rows.map((row) => [row.key, row.isChanged])).toEqual([
      ['phone', true],
      ['roles', true],
      ['name', false],
    ]);
  });

  it('treats a created record as all fields changed', () => {
    const rows = diffAuditSnapshots(null, { name: '科室' });
    expect(rows).toEqual([{ key: 'name', before: undefined, after: '科室', isChanged: true }]);
  });

  it('returns nothing when both sides are empty', () => {
    expect(diffAuditSnapshots(null, null)).toEqual([]);
  });

  it('shows a non-object snapshot as one value row', () => {
    expect(diffAuditSnapshots(null, 3)).toEqual([{ key: '(值)', before: null, after: 3, isChanged: true }]);
  });
});

describe('isSameJson', () => {
  it.each([
    [{ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, true],
    [[1, 2], [2, 1], false],
    [null, undefined, false],
  ])('%j vs %j → %s', (left, right, expected) => {
    expect(isSameJson(left, right)).toBe(expected);
  });
});
