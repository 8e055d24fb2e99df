/**
 * Pure rules of the rectification plan (seed 002 五(二): 被评为不合格等次的单位要…提交书面整改方案并认真
 * 整改): who owes one and which step comes next. States: filed → accepted (or returned → filed
 * again) → the unit reports what it did → the office confirms done.
 */
import { FAILING_GRADES, type UnitRectificationStatus } from '../../../../common/units.ts';

/** Whether a grade obliges a written plan. */
export const isFailingGrade = (grade: string | null): boolean =>
  grade !== null && FAILING_GRADES.includes(grade);

export type RectificationStep = 'file' | 'review' | 'progress' | 'done';

/** Whether `step` may be taken from `status` (undefined = no plan yet). */
export function canTakeStep(
  status: UnitRectificationStatus | undefined,
  step: RectificationStep,
  hasProgress: boolean,
): boolean {
  switch (step) {
    case 'file':
      return status === undefined || status === 'returned';
    case 'review':
      return status === 'filed';
    case 'progress':
      return status === 'accepted';
    case 'done':
      return status === 'accepted' && hasProgress;
  }
}
