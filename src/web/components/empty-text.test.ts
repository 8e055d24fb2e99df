import { describe, expect, it } from 'vitest';
import { complianceEmptyText } from '../modules/officers/training/training-compliance-empty.ts';
import { emptyText } from './empty-text.ts';

describe('emptyText', () => {
  it('says the scope is empty instead of an all-clear', () => {
    expect(emptyText({ noun: '执法人员', inScope: 0, whenNoneLeft: '所有执法人员均已达标。' })).toBe(
      '您的权限范围内没有执法人员。',
    );
    expect(emptyText({ noun: '执法人员', inScope: 0, isFiltered: true, whenNoneLeft: 'x' })).toBe(
      '所选范围内没有执法人员。',
    );
    expect(emptyText({ noun: '执法人员', inScope: 3, whenNoneLeft: '所有执法人员均已达标。' })).toBe(
      '所有执法人员均已达标。',
    );
  });
});

describe('培训达标 empty text', () => {
  const report = (officers: number[]) => ({
    byAgency: officers.map((count, index) => ({ agencyName: `单位${index}`, officers: count })),
  });
  it('never tells an account with no officers in scope that all are compliant', () => {
    expect(complianceEmptyText(report([]), { year: 2026, isShortOnly: true, isFiltered: false })).toBe(
      '您的权限范围内没有执法人员。',
    );
    expect(complianceEmptyText(report([0]), { year: 2026, isShortOnly: true, isFiltered: true })).toBe(
      '所选范围内没有执法人员。',
    );
  });
  it('gives the all-clear when there are officers and none is short', () => {
    expect(complianceEmptyText(report([4, 2]), { year: 2026, isShortOnly: true, isFiltered: false })).toBe(
      '2026年所有执法人员均已达标。',
    );
  });
});
