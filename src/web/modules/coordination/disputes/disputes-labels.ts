import { DEADLINE_STATE_LABELS, type DeadlineState } from '../../../../common/calendar.ts';
import { DISPUTE_STATUS_LABELS, DISPUTE_STATUSES } from '../../../../common/coordination.ts';

export const STATUS_OPTIONS = DISPUTE_STATUSES.map((status) => ({
  value: status,
  label: DISPUTE_STATUS_LABELS[status],
}));
export const DEADLINE_OPTIONS = (Object.keys(DEADLINE_STATE_LABELS) as DeadlineState[]).map((state) => ({
  value: state,
  label: DEADLINE_STATE_LABELS[state],
}));
export const DEADLINE_COLORS: Record<DeadlineState, string> = {
  normal: 'green',
  due_soon: 'orange',
  overdue: 'red',
};
