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

/** 第八条's five situations in which the bureau may propose a joint enforcement action. */
export const JOINT_SITUATIONS = [
  'plan_disagreement',
  'hot_event',
  'assigned_case',
  'cross_region',
  'other',
] as const;
export type JointSituation = (typeof JOINT_SITUATIONS)[number];
export const JOINT_SITUATION_LABELS: Readonly<Record<JointSituation, string>> = {
  plan_disagreement: '（一）行政执法机关之间就联合执法行动方案未能达成一致意见',
  hot_event: '（二）需要对社会关注的热点事件、重大突发事件开展联合执法',
  assigned_case: '（三）需要对上级交办的案件开展联合执法',
  cross_region: '（四）需要跨区域、跨层级开展联合执法',
  other: '（五）其他有必要进行协调的情形',
};

/**
 * A joint action's states: agencies' own plan under negotiation, or referred to the bureau when
 * they cannot agree (第八条(一)); the bureau's draft, its issued 建议书 waiting for each agency's
 * confirmation; confirmed, running, closed with its summary.
 */
export const JOINT_STATUSES = [
  'negotiating',
  'coordination_requested',
  'draft',
  'proposed',
  'confirmed',
  'running',
  'closed',
] as const;
export type JointStatus = (typeof JOINT_STATUSES)[number];
export const JOINT_STATUS_LABELS: Readonly<Record<JointStatus, string>> = {
  negotiating: '部门协商中',
  coordination_requested: '申请司法局协调',
  draft: '建议书草稿',
  proposed: '待各部门确认',
  confirmed: '已确认待实施',
  running: '实施中',
  closed: '已总结',
};
export type JointOrigin = 'bureau' | 'agency';
export type JointRole = 'initiator' | 'participant';
export type JointResponse = 'pending' | 'confirmed' | 'objected';
export const JOINT_RESPONSE_LABELS: Readonly<Record<JointResponse, string>> = {
  pending: '待确认',
  confirmed: '已确认',
  objected: '有异议',
};

/** 第九条: a major or difficult enforcement matter's states. */
export const MATTER_STATUSES = ['open', 'discussed', 'resolved'] as const;
export type MatterStatus = (typeof MATTER_STATUSES)[number];
export const MATTER_STATUS_LABELS: Readonly<Record<MatterStatus, string>> = {
  open: '待研究',
  discussed: '已研究',
  resolved: '已协调处理',
};
export const CIRCULAR_STATUSES = ['draft', 'pending_sign', 'issued'] as const;
export type CircularStatus = (typeof CIRCULAR_STATUSES)[number];
export const CIRCULAR_STATUS_LABELS: Readonly<Record<CircularStatus, string>> = {
  draft: '草稿',
  pending_sign: '待签发',
  issued: '已印发',
};

/** 第十条: what a liaison entry is, and with whom. */
export const LIAISON_KINDS = ['case_transfer', 'issue_report', 'information_exchange'] as const;
export type LiaisonKind = (typeof LIAISON_KINDS)[number];
export const LIAISON_KIND_LABELS: Readonly<Record<LiaisonKind, string>> = {
  case_transfer: '案件移送',
  issue_report: '问题反映',
  information_exchange: '信息交流',
};
export const LIAISON_COUNTERPARTS = ['congress', 'supervisory', 'judicial', 'other'] as const;
export type LiaisonCounterpart = (typeof LIAISON_COUNTERPARTS)[number];
export const LIAISON_COUNTERPART_LABELS: Readonly<Record<LiaisonCounterpart, string>> = {
  congress: '人大',
  supervisory: '监察机关',
  judicial: '司法机关',
  other: '其他',
};
export const LIAISON_STATUSES = ['sent', 'received', 'done'] as const;
export type LiaisonStatus = (typeof LIAISON_STATUSES)[number];
export const LIAISON_STATUS_LABELS: Readonly<Record<LiaisonStatus, string>> = {
  sent: '已移送/发出',
  received: '已接收',
  done: '已办结',
};
/**
 * Default days (calendar) until a liaison entry is due to be received and answered when the writer
 * names none: the seed is silent; 15 days is this module's choice (docs/coordination.md).
 */
export const DEFAULT_LIAISON_DUE_DAYS = 15;
