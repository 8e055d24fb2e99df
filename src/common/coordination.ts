/**
 * Enforcement coordination (行政执法协调, 协调监督工作办法第六–十条、第二十三条): the states, their
 * Chinese labels and the named default time limits. The seed sets no time limits; each default
 * below says where it comes from (docs/coordination.md), and a county may change them
 * (coordination settings), the values in force being copied onto each dispute when it starts.
 */

/**
 * A jurisdiction dispute's states (第七条): filed → accepted and the other parties asked for their
 * views → opinion signed and served (agreement) or referred to the county government and its
 * decision served → every party confirms execution. `returned` ends an application the bureau
 * sends back with reasons.
 */
export const DISPUTE_STATUSES = [
  'submitted',
  'returned',
  'consulting',
  'signing',
  'served',
  'escalated',
  'decided',
  'executed',
] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export const DISPUTE_STATUS_LABELS: Readonly<Record<DisputeStatus, string>> = {
  submitted: '待审核',
  returned: '已退回',
  consulting: '协调中',
  signing: '协调意见待签发',
  served: '协调意见已送达',
  escalated: '已报县政府决定',
  decided: '政府决定已送达',
  executed: '已执行完毕',
};

/** A party's role in a dispute: the agency that applied, or one named as the other side. */
export type DisputePartyRole = 'applicant' | 'respondent';
export const DISPUTE_PARTY_ROLE_LABELS: Readonly<Record<DisputePartyRole, string>> = {
  applicant: '申请单位',
  respondent: '争议相对单位',
};

/** The documents a dispute produces. */
export type DisputeDocumentKind = 'opinion' | 'government_decision';
export const DISPUTE_DOCUMENT_KIND_LABELS: Readonly<Record<DisputeDocumentKind, string>> = {
  opinion: '协调意见书',
  government_decision: '县人民政府决定',
};

/**
 * A document's states: a draft is edited freely; a coordination opinion is sent for sign-off and
 * signed (numbered); served documents are never edited again, only superseded by a new one.
 */
export type DisputeDocumentStatus = 'draft' | 'pending_sign' | 'signed' | 'served' | 'superseded';
export const DISPUTE_DOCUMENT_STATUS_LABELS: Readonly<Record<DisputeDocumentStatus, string>> = {
  draft: '草稿',
  pending_sign: '待签发',
  signed: '已签发',
  served: '已送达',
  superseded: '已被替代',
};

/** 第二十三条's two coordination grounds for a 通报批评 and a unit-assessment deduction. */
export type ViolationKind = 'shirked_dispute' | 'not_executed';
export const VIOLATION_KIND_LABELS: Readonly<Record<ViolationKind, string>> = {
  shirked_dispute: '存在行政执法争议但不按照规定申请协调，相互推诿',
  not_executed: '不执行行政执法争议协调处理决定',
};
export const VIOLATION_KIND_CLAUSES: Readonly<Record<ViolationKind, string>> = {
  shirked_dispute: '协调监督办法第二十三条第（一）项',
  not_executed: '协调监督办法第二十三条第（二）项',
};

/** The editable time limits of the procedure, in working days unless named otherwise. */
export interface CoordinationParameters {
  /** 审核: accept or return an application within this many working days of filing. */
  reviewDays: number;
  /** 书面意见: the other parties answer within this many working days of the request. */
  viewDays: number;
  /** From acceptance to the opinion served or the referral to the government. */
  concludeDays: number;
  /** Parties confirm execution within this many working days of service. */
  executionDays: number;
  /** 临期 when this many calendar days or fewer are left. */
  warnDays: number;
}

/**
 * The defaults (docs/coordination.md "Time limits"): review 3 and views 5 working days as issue 16
 * sets them; conclude 30 working days and execution 10 working days are this module's choices
 * (the seed is silent); 临期 at 2 days, as the other domains warn.
 */
export const DEFAULT_COORDINATION_PARAMETERS: Readonly<CoordinationParameters> = {
  reviewDays: 3,
  viewDays: 5,
  concludeDays: 30,
  executionDays: 10,
  warnDays: 2,
};

/** Bounds an edited parameter must keep (a limit of 0 days or of a year is a typing error). */
export const COORDINATION_PARAMETER_RANGE: Readonly<Record<keyof CoordinationParameters, [number, number]>> =
  {
    reviewDays: [1, 30],
    viewDays: [1, 30],
    concludeDays: [5, 120],
    executionDays: [1, 60],
    warnDays: [0, 10],
  };

export const COORDINATION_PARAMETER_LABELS: Readonly<Record<keyof CoordinationParameters, string>> = {
  reviewDays: '申请审核时限（工作日）',
  viewDays: '书面意见答复时限（工作日）',
  concludeDays: '协调办结时限（工作日）',
  executionDays: '执行确认时限（工作日）',
  warnDays: '临期提醒（天）',
};
