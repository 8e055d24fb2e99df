/**
 * When the bureau may ask the county government for a supervision decision (协调监督工作办法
 * 第十五条: 逾期不改正或者拒不改正的，报请本级人民政府作出行政执法监督决定), as pure rules.
 */
import type { DecisionGround, NoticeStateCode } from '../../../../common/supervision.ts';

/** Notice states in which the unit still owes the correction (issued and not closed or withdrawn). */
export const NOTICE_OPEN_STATES: readonly NoticeStateCode[] = ['issued', 'served', 'reported', 'returned'];

export type DecisionRefusal =
  /** the notice is a draft, closed or withdrawn */
  | 'notice_not_open'
  /** 逾期不改正 before the correction deadline has passed */
  | 'not_overdue'
  | null;

/**
 * 第十五条 rule 15.decision-request: a request needs an issued, open notice; on the ground
 * 逾期不改正 its correction deadline must have passed (the day after correctionDueOn); on the
 * ground 拒不改正 (the unit refused in writing or in fact) it may come at any time while open.
 */
export function decisionRequestRefusal(
  notice: { state: NoticeStateCode; correctionDueOn: string },
  ground: DecisionGround,
  today: string,
): DecisionRefusal {
  if (!NOTICE_OPEN_STATES.includes(notice.state)) return 'notice_not_open';
  if (ground === 'overdue' && today <= notice.correctionDueOn) return 'not_overdue';
  return null;
}
