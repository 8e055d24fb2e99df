import { describe, expect, it } from 'vitest';
import type { UnitRectificationStatus } from '../../../../common/units.ts';
import { canTakeStep, isFailingGrade, type RectificationStep } from './rectification.rules.ts';

describe('isFailingGrade (五(二) 不合格等次)', () => {
  it.each([
    ['不合格', true],
    ['不称职', true],
    ['称职', false],
    ['优秀', false],
    [null, false],
  ])('%s → %s', (grade, expected) => expect(isFailingGrade(grade)).toBe(expected));
});

describe('canTakeStep', () => {
  it.each<[UnitRectificationStatus | undefined, RectificationStep, boolean, boolean]>([
    [undefined, 'file', false, true],
    ['returned', 'file', false, true],
    ['filed', 'file', false, false],
    ['filed', 'review', false, true],
    ['accepted', 'review', false, false],
    ['accepted', 'progress', false, true],
    ['accepted', 'done', false, false],
    ['accepted', 'done', true, true],
    ['done', 'progress', true, false],
    ['done', 'done', true, false],
  ])('%s + %s (progress %s) → %s', (status, step, hasProgress, expected) =>
    expect(canTakeStep(status, step, hasProgress)).toBe(expected),
  );
});
