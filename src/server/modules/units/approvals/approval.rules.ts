/**
 * Pure rules of the leading group's approval (审定, seed 002 三(五): 根据考核结果分类确定考核分值和考核
 * 等次，报县推进依法行政工作领导小组审定): which categories a period needs approved, and whether its
 * results may be published.
 */
import type { UnitApprovalStatus, UnitCategory } from '../../../../common/units.ts';

/** Scheme subject kinds assessed as units (乡镇, 县直部门, 垂直管理单位): their periods need 审定. */
export const UNIT_SUBJECT_KINDS: readonly string[] = ['township', 'agency', 'unit'];

export interface ApprovalFact {
  category: UnitCategory;
  status: UnitApprovalStatus;
  /** the computation the results were submitted on (ms since epoch) */
  computedAt: number;
}

/** Why publishing is refused (null = every category with subjects approved on the current computation). */
export function publishRefusal(
  categories: readonly UnitCategory[],
  approvals: readonly ApprovalFact[],
  computedAt: number | null,
  labels: Readonly<Record<UnitCategory, string>>,
): { code: 'UNIT_APPROVAL_REQUIRED' | 'UNIT_APPROVAL_STALE'; message: string } | null {
  const missing: string[] = [];
  const stale: string[] = [];
  for (const category of categories) {
    const approval = approvals.find((candidate) => candidate.category === category);
    if (approval?.status !== 'approved') missing.push(labels[category]);
    else if (computedAt !== null && approval.computedAt !== computedAt) stale.push(labels[category]);
  }
  if (missing.length > 0)
    return {
      code: 'UNIT_APPROVAL_REQUIRED',
      message: `${missing.join('、')}的考核结果尚未经领导小组审定，不能公示`,
    };
  if (stale.length > 0)
    return {
      code: 'UNIT_APPROVAL_STALE',
      message: `${stale.join('、')}的考核结果审定后又重新计分，请重新报送审定`,
    };
  return null;
}
