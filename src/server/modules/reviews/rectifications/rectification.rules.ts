/**
 * Rectification (评查办法第十七条: 整改报告及已整改案卷，应当在评查通报发出后10日内报送). Pure. A unit
 * with a failing file (不合格) owes a report once the circular is out; it is due 10 calendar days
 * after the circular (rectificationDueOn) and shows 正常 / 临期 / 逾期 until the organiser accepts one.
 */
import { type DeadlineState, deadlineState } from '../../../../common/calendar.ts';
import { REVIEW_WARN_DAYS } from '../../../../common/reviews.ts';
import { rectificationDueOn } from '../rechecks/result.rules.ts';

export type RectificationStatus =
  | 'not_required'
  | 'awaiting_circular'
  | 'missing'
  | 'submitted'
  | 'returned'
  | 'accepted';
export const RECTIFICATION_STATUS_LABELS: Readonly<Record<RectificationStatus, string>> = {
  not_required: '无需整改',
  awaiting_circular: '待通报',
  missing: '待报送',
  submitted: '已报送待审核',
  returned: '已退回待重报',
  accepted: '已通过',
};

export interface RectificationFacts {
  failingFiles: number;
  circularIssuedOn: string | null;
  /** the state of the unit's latest report, if any */
  latest: 'submitted' | 'accepted' | 'returned' | null;
}

export function rectificationStatus(facts: RectificationFacts, today: string) {
  if (facts.failingFiles === 0) return { status: 'not_required' as const, dueOn: null, deadlineState: null };
  if (!facts.circularIssuedOn)
    return { status: 'awaiting_circular' as const, dueOn: null, deadlineState: null };
  const dueOn = rectificationDueOn(facts.circularIssuedOn);
  const status: RectificationStatus = facts.latest ?? 'missing';
  const owing = status === 'missing' || status === 'returned';
  return {
    status,
    dueOn,
    deadlineState: owing ? deadlineState(dueOn, today, REVIEW_WARN_DAYS) : (null as DeadlineState | null),
  };
}
