/**
 * Labels, limits and the case-record deadline as pure data and functions. "Today" is passed in
 * (todayInShanghai(new Date()) at the service boundary).
 */
import { addCalendarDays, type DeadlineState, deadlineState } from '../../../common/calendar.ts';
import type { CaseKind, OrgKind, QualityGrade } from '../../db/schema.ts';
import { type Actor, can } from '../../lib/access.ts';

export const CASE_KINDS = [
  'penalty',
  'licensing',
  'coercion',
  'inspection',
  'levy',
  'requisition',
  'confirmation',
  'benefit',
  'adjudication',
] as const satisfies readonly CaseKind[];

export const CASE_KIND_LABELS: Readonly<Record<CaseKind, string>> = {
  penalty: '行政处罚',
  licensing: '行政许可',
  coercion: '行政强制',
  inspection: '行政检查',
  levy: '行政征收',
  requisition: '行政征用',
  confirmation: '行政确认',
  benefit: '行政给付',
  adjudication: '行政裁决',
};

export const QUALITY_GRADES = ['excellent', 'pass', 'fail'] as const satisfies readonly QualityGrade[];
export const QUALITY_GRADE_LABELS: Readonly<Record<QualityGrade, string>> = {
  excellent: '优秀',
  pass: '合格',
  fail: '不合格',
};

export const PARTY_KIND_LABELS = { person: '个人', organization: '单位' } as const;

/** seed 000 案件记录表 填表说明1: the record is completed within 30 days of closing. */
export const RECORD_DUE_DAYS = 30;
/** 临期 from 7 calendar days before the due date (a week's notice, our choice; docs/cases.md). */
export const RECORD_WARN_DAYS = 7;
/**
 * The unit a case belongs to (its agency, township or the justice bureau): the nearest of these on
 * the case org's path. Handlers must be of it; the due lists count per unit.
 */
export const CASE_UNIT_KINDS: readonly OrgKind[] = ['agency', 'township', 'justice_bureau'];

/** The case unit on an org path ('/1/8/9/'), nearest first; undefined when none. */
export function caseUnitOn<T extends { id: number; kind: OrgKind }>(
  path: string,
  orgsById: ReadonlyMap<number, T>,
): T | undefined {
  const ids = path.split('/').filter(Boolean).map(Number).reverse();
  return ids
    .map((id) => orgsById.get(id))
    .find((org) => org !== undefined && CASE_UNIT_KINDS.includes(org.kind));
}

/** 执法人: at least two officers per case (行政处罚法第四十二条: 不得少于两人). */
export { MIN_CASE_HANDLERS as MIN_HANDLERS } from '../../../common/case-rules.ts';

/** open = 在办 (not closed), submitted = 已报送, else the deadline state of an unsubmitted record. */
export type RecordState = 'open' | 'submitted' | DeadlineState;
export const RECORD_STATES = ['open', 'submitted', 'normal', 'due_soon', 'overdue'] as const;
export const RECORD_STATE_LABELS: Readonly<Record<RecordState, string>> = {
  open: '在办',
  submitted: '已报送',
  normal: '正常',
  due_soon: '临期',
  overdue: '逾期',
};

/** 按时报送 / 逾期报送 of a handed-in record (the record's due date against its hand-in date). */
export const RECORD_TIMINGS = ['on_time', 'late'] as const;
export type RecordTiming = (typeof RECORD_TIMINGS)[number];

export function recordDueOn(closedOn: string): string {
  return addCalendarDays(closedOn, RECORD_DUE_DAYS);
}

/** The record's state on `today`: deadlineState(closedOn + 30, today, 7) until it is handed in. */
export function recordStateOf(
  closedOn: string | null,
  submittedOn: string | null,
  today: string,
): RecordState {
  if (submittedOn) return 'submitted';
  if (!closedOn) return 'open';
  return deadlineState(recordDueOn(closedOn), today, RECORD_WARN_DAYS);
}

/**
 * The closed_on bounds that make a record normal / due soon / overdue on `today` (for SQL): due =
 * closed + 30; overdue when closed < overdueBefore; due soon when overdueBefore ≤ closed ≤
 * lastDueSoon; normal after lastDueSoon.
 */
export function closedOnBounds(today: string) {
  return {
    overdueBefore: addCalendarDays(today, -RECORD_DUE_DAYS),
    lastDueSoon: addCalendarDays(today, RECORD_WARN_DAYS - RECORD_DUE_DAYS),
  };
}

/** Whether the actor sees a party's full ID number and phone (one at a time, audited). */
export function canSeeFullParty(actor: Pick<Actor, 'roles'>): boolean {
  return can(actor, 'case.read_personal');
}
