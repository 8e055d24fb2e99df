/**
 * Pure rules of the 执法业绩考评汇总表's submission (seed 000 填表说明: 此表为年报表，每年的元月15日之前，
 * 将上年度的执法业绩考评情况汇总，一式三份，本单位留存一份，分别报市依法治市领导小组办公室和市依法行政
 * 领导小组办公室各一份): when the year's table is due, and where a unit stands with its two copies.
 */
import { type DeadlineState, deadlineState } from '../../../../common/calendar.ts';
import {
  SUMMARY_DUE,
  SUMMARY_RECIPIENTS,
  type SummaryRecipient,
  UNIT_WARN_DAYS,
} from '../../../../common/units.ts';

/** The table of `year` is due on 元月15日 of the next year. */
export function summaryDueOn(year: number): string {
  return `${year + 1}-${SUMMARY_DUE}`;
}

/**
 * The earliest day a copy may be recorded as handed in: the table sums up the whole year (四个季度
 * and 年终考评), so 1 December of the assessed year (a unit finishing its fourth quarter early).
 */
export function summaryEarliestOn(year: number): string {
  return `${year}-12-01`;
}

/** The year whose table is being asked for on `today`: from 1 January, last year's. */
export function summaryYearAsked(today: string): number {
  return Number(today.slice(0, 4)) - 1;
}

export type SummaryState = 'done' | DeadlineState;

/** 已报送 once both copies are in; otherwise 正常 / 临期 / 逾期 against 1月15日. */
export function summaryState(
  year: number,
  submitted: ReadonlySet<SummaryRecipient>,
  today: string,
): SummaryState {
  if (SUMMARY_RECIPIENTS.every((recipient) => submitted.has(recipient))) return 'done';
  return deadlineState(summaryDueOn(year), today, UNIT_WARN_DAYS);
}

/** The copies still out, in the seed's order. */
export function missingRecipients(submitted: ReadonlySet<SummaryRecipient>): SummaryRecipient[] {
  return SUMMARY_RECIPIENTS.filter((recipient) => !submitted.has(recipient));
}

/** A copy handed in after the due day is late (kept as recorded, not refused). */
export function isLateCopy(year: number, submittedOn: string): boolean {
  return submittedOn > summaryDueOn(year);
}
