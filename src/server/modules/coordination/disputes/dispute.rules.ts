/**
 * Pure rules of a jurisdiction dispute (协调监督办法第七条): which deadline each state carries and
 * whether it is 正常/临期/逾期, and the checks on an application that the bureau must refuse.
 */
import { type DeadlineState, deadlineState } from '../../../../common/calendar.ts';
import type { DisputeStatus } from '../../../../common/coordination.ts';

/** The facts of a dispute the current deadline depends on. */
export interface DisputeDeadlineFacts {
  status: DisputeStatus;
  reviewDueOn: string;
  concludeDueOn: string | null;
  executionDueOn: string | null;
  /** each respondent's view deadline, null once it has answered */
  openViewDueOns: ReadonlyArray<string>;
}

/** What the current state waits for, and by when. */
export interface DisputeDeadline {
  /** Chinese: what is due (审核 / 书面意见 / 协调办结 / 执行确认) */
  label: string;
  dueOn: string;
}

/**
 * The deadline of the state the dispute is in: 审核 while submitted, the earliest open written view
 * and then the conclusion while consulting, the conclusion while the opinion is being signed, the
 * execution confirmations once an opinion or decision is served. Null when nothing is due from the
 * bureau or the parties (returned, referred to the government, executed).
 */
export function currentDeadline(facts: DisputeDeadlineFacts): DisputeDeadline | null {
  switch (facts.status) {
    case 'submitted':
      return { label: '申请审核', dueOn: facts.reviewDueOn };
    case 'consulting': {
      const earliestView = [...facts.openViewDueOns].sort()[0];
      if (earliestView) return { label: '书面意见答复', dueOn: earliestView };
      return facts.concludeDueOn ? { label: '协调办结', dueOn: facts.concludeDueOn } : null;
    }
    case 'signing':
      return facts.concludeDueOn ? { label: '协调办结', dueOn: facts.concludeDueOn } : null;
    case 'served':
    case 'decided':
      return facts.executionDueOn ? { label: '执行确认', dueOn: facts.executionDueOn } : null;
    case 'returned':
    case 'escalated':
    case 'executed':
      return null;
  }
}

/** The deadline and its 正常/临期/逾期 on `today`. */
export function deadlineOf(
  facts: DisputeDeadlineFacts,
  today: string,
  warnDays: number,
): (DisputeDeadline & { state: DeadlineState }) | null {
  const deadline = currentDeadline(facts);
  return deadline ? { ...deadline, state: deadlineState(deadline.dueOn, today, warnDays) } : null;
}

/** 第七条: agencies must negotiate first; the reason an application without that record is refused. */
export const NEGOTIATION_REQUIRED_MESSAGE =
  '根据协调监督办法第七条，职责争议应当先行协商；未附协商情况记录的申请不予受理';

/** The states in which a coordination meeting may be recorded. */
export const MEETING_STATES: readonly DisputeStatus[] = ['consulting', 'signing', 'escalated'];
/** The states from which the bureau may refer the dispute to the county government (协调不成). */
export const ESCALATION_STATES: readonly DisputeStatus[] = ['consulting', 'signing'];
/** The states whose served document the parties confirm executing. */
export const EXECUTION_STATES: readonly DisputeStatus[] = ['served', 'decided'];
