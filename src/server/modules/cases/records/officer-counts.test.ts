import { describe, expect, it } from 'vitest';
import { countOfficerPeriod, periodRange } from './officer-counts.ts';

describe('periodRange', () => {
  it.each([
    ['2025', { from: '2025-01-01', to: '2025-12-31' }],
    ['2025-H1', { from: '2025-01-01', to: '2025-06-30' }],
    ['2025-H2', { from: '2025-07-01', to: '2025-12-31' }],
    ['2024-Q1', { from: '2024-01-01', to: '2024-03-31' }],
    ['2024-02', { from: '2024-02-01', to: '2024-02-29' }],
    ['2025-Q5', null],
  ])('%s', (key, expected) => {
    expect(periodRange(key)).toEqual(expected);
  });
});

describe('countOfficerPeriod', () => {
  const officers = [
    { id: 1, name: '张伟' },
    { id: 2, name: '李娜' },
  ];
  const handled = (officerId: number, caseId: number, extra: object = {}) => ({
    officerId,
    caseId,
    qualityGrade: null,
    isSupervised: false,
    isAssigned: false,
    isMajorStability: false,
    ...extra,
  });

  it('counts what seed 000’s 奖惩记录表 prints, per officer', () => {
    const [zhang, li] = countOfficerPeriod(officers, {
      handled: [
        handled(1, 10, { qualityGrade: 'excellent', isSupervised: true }),
        handled(2, 10, { qualityGrade: 'excellent', isSupervised: true }),
        handled(1, 11, { qualityGrade: 'fail', isAssigned: true }),
        handled(1, 12, { qualityGrade: 'pass', isMajorStability: true }),
        handled(1, 12, { qualityGrade: 'pass', isMajorStability: true }),
      ],
      complaints: [
        { officerId: 1, kind: 'complaint', finding: 'substantiated' },
        { officerId: 1, kind: 'complaint', finding: 'unfounded' },
        { officerId: 1, kind: 'complaint', finding: null },
        { officerId: 2, kind: 'petition', finding: null },
      ],
      campaigns: [{ officerId: 2 }, { officerId: 2 }, { officerId: 9 }],
    });
    expect(zhang).toMatchObject({
      casesHandled: 3,
      qualityExcellent: 1,
      qualityPass: 1,
      qualityFail: 1,
      supervisedCases: 1,
      assignedCases: 1,
      majorStabilityMatters: 1,
      complaints: 3,
      substantiated: 1,
      unfounded: 1,
      petitionsHandled: 0,
    });
    expect(li).toMatchObject({
      casesHandled: 1,
      qualityExcellent: 1,
      petitionsHandled: 1,
      campaignsJoined: 2,
      complaints: 0,
    });
  });

  it('an officer with nothing in the period gets zeros, not a missing row', () => {
    const rows = countOfficerPeriod(officers, { handled: [], complaints: [], campaigns: [] });
    expect(rows.map((row) => [row.name, row.casesHandled])).toEqual([
      ['张伟', 0],
      ['李娜', 0],
    ]);
  });
});
