/**
 * Enforcement supervision (行政执法监督, 协调监督工作办法 第十一–十八条、第二十二、二十三条): the
 * enums, their Chinese labels and the named limits, shared by server and web.
 */
import { DEADLINE_STATE_LABELS, type DeadlineState, deadlineState } from './calendar.ts';

/** 第十一条: the methods of supervision a matter is run by (评查 and 考核 are Fazhi's own domains). */
export const MATTER_KINDS = ['routine', 'special', 'case', 'review', 'assessment'] as const;
export type MatterKind = (typeof MATTER_KINDS)[number];
export const MATTER_KIND_LABELS: Readonly<Record<MatterKind, string>> = {
  routine: '日常监督检查', // 第十一条(一)
  review: '案卷评查', // 第十一条(二)
  assessment: '评议考核', // 第十一条(三)
  special: '专项监督', // 第十一条(四)
  case: '个案监督', // 第十一条(五)
};

/** 第十二条第一款: the key fields of supervision. */
export const MATTER_FIELDS = [
  'food_drug',
  'ecology',
  'work_safety',
  'urban_rural',
  'labour',
  'education',
  'other',
] as const;
export type MatterField = (typeof MATTER_FIELDS)[number];
export const MATTER_FIELD_LABELS: Readonly<Record<MatterField, string>> = {
  food_drug: '食品药品安全',
  ecology: '生态环境保护',
  work_safety: '安全生产',
  urban_rural: '城乡建设',
  labour: '劳动保障',
  education: '教育培训',
  other: '其他',
};

/** 第十二条第二款 (and 上级交办, 案卷评查, 司法所提请 第十七条): where a matter came from. */
export const MATTER_SOURCES = [
  'daily',
  'npc_suggestion',
  'cppcc_proposal',
  'complaint',
  'hotspot',
  'assigned',
  'case_review',
  'referral',
] as const;
export type MatterSource = (typeof MATTER_SOURCES)[number];
export const MATTER_SOURCE_LABELS: Readonly<Record<MatterSource, string>> = {
  daily: '日常发现',
  npc_suggestion: '人大代表建议',
  cppcc_proposal: '政协委员提案',
  complaint: '投诉举报',
  hotspot: '社会热点',
  assigned: '上级交办',
  case_review: '案卷评查',
  referral: '司法所提请',
};

export const MATTER_STATES = ['open', 'closed'] as const;
export type MatterState = (typeof MATTER_STATES)[number];
export const MATTER_STATE_LABELS: Readonly<Record<MatterState, string>> = {
  open: '办理中',
  closed: '已办结',
};

/** 第十三条: the means by which evidence is gathered. */
export const EVIDENCE_MEANS = [
  'report',
  'inquiry',
  'file_review',
  'site',
  'appraisal',
  'hearing',
  'other',
] as const;
export type EvidenceMeans = (typeof EVIDENCE_MEANS)[number];
export const EVIDENCE_MEANS_LABELS: Readonly<Record<EvidenceMeans, string>> = {
  report: '要求报告执法情况', // (一)
  inquiry: '询问笔录', // (二)
  file_review: '查阅调取案卷', // (三)
  site: '实地调查、录音录像拍照抽样', // (四)
  appraisal: '委托鉴定评估检测', // (五)
  hearing: '听证会、专家论证会', // (六)
  other: '其他监督措施', // (七)
};

/** 第十四条: an on-site supervision needs at least two supervisors. */
export const MIN_ON_SITE_SUPERVISORS = 2;

export const INSPECTION_STATES = ['planned', 'done'] as const;
export type InspectionState = (typeof INSPECTION_STATES)[number];
export const INSPECTION_STATE_LABELS: Readonly<Record<InspectionState, string>> = {
  planned: '计划中',
  done: '已检查',
};

/** 要求报告执法情况 (第十三条(一)): waiting for the unit's reply, or answered. */
export const REPORT_REQUEST_STATES = ['waiting', 'replied'] as const;
export type ReportRequestState = (typeof REPORT_REQUEST_STATES)[number];
export const REPORT_REQUEST_STATE_LABELS: Readonly<Record<ReportRequestState, string>> = {
  waiting: '待报告',
  replied: '已报告',
};

/** 第十七条: a justice office's referral upward, until the county accepts or returns it. */
export const REFERRAL_STATES = ['submitted', 'accepted', 'returned'] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];
export const REFERRAL_STATE_LABELS: Readonly<Record<ReferralState, string>> = {
  submitted: '待受理',
  accepted: '已受理',
  returned: '已退回',
};

/** 临期 from this many calendar days before a supervision deadline (our choice, docs/supervision.md). */
export const SUPERVISION_WARN_DAYS = 5;
/** Longest text of facts, findings and replies. */
export const SUPERVISION_TEXT_MAX = 5000;
/** Supervised units one matter may name. */
export const MATTER_UNITS_MAX = 50;

/** A supervision due date with its 正常/临期/逾期 on `today` (calendar days, warned SUPERVISION_WARN_DAYS ahead). */
export function supervisionDue(
  dueOn: string,
  today: string,
): { dueOn: string; state: DeadlineState; stateLabel: string } {
  const state = deadlineState(dueOn, today, SUPERVISION_WARN_DAYS);
  return { dueOn, state, stateLabel: DEADLINE_STATE_LABELS[state] };
}

/** A notice's life (第十五条): drafted, signed off, issued (numbered), served, reported, closed. */
export const NOTICE_STATES = [
  'draft',
  'awaiting_sign_off',
  'issued',
  'served',
  'reported',
  'returned',
  'accepted',
  'withdrawn',
] as const;
export type NoticeStateCode = (typeof NOTICE_STATES)[number];
export const NOTICE_STATE_LABELS: Readonly<Record<NoticeStateCode, string>> = {
  draft: '草稿',
  awaiting_sign_off: '待签发',
  issued: '已签发待送达',
  served: '已送达待报告',
  reported: '已报告待审核',
  returned: '报告退回待重报',
  accepted: '已办结',
  withdrawn: '已撤回',
};

/**
 * The one definition of an open notice (在办): issued and not yet closed — waiting for service,
 * for the unit's report (第十五条), for the report's review, or for a report sent back. The
 * cockpit's figure and the notices list's filter both read it.
 */
export const NOTICE_OPEN_STATES = [
  'issued',
  'served',
  'reported',
  'returned',
] as const satisfies readonly NoticeStateCode[];
/** Open notices still waiting for the unit's report; overdue (逾期) once report_due_on has passed. */
export const NOTICE_AWAITING_REPORT_STATES = [
  'issued',
  'served',
  'returned',
] as const satisfies readonly NoticeStateCode[];
/** The notices list's 办理情况 filter: open ones, or open ones whose report is overdue. */
export const NOTICE_SITUATIONS = ['open', 'overdue'] as const;
export type NoticeSituation = (typeof NOTICE_SITUATIONS)[number];
export const NOTICE_SITUATION_LABELS: Readonly<Record<NoticeSituation, string>> = {
  open: '在办',
  overdue: '逾期未报告',
};

/** 第十五条: 自收到通知书或者决定书之日起30日内书面报告 — calendar days from receipt (service). */
export const NOTICE_REPORT_DAYS = 30;
/** Ways of service (送达方式) offered in the form. */
export const SERVICE_MANNERS = ['直接送达', '邮寄送达', '电子送达', '留置送达'] as const;

/** 第十五条: what the county government's 行政执法监督决定书 decides about the unlawful act. */
export const DECISION_KINDS = ['void', 'illegal', 'change', 'revoke', 'other'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
export const DECISION_KIND_LABELS: Readonly<Record<DecisionKind, string>> = {
  void: '确认无效',
  illegal: '确认违法',
  change: '变更',
  revoke: '撤销',
  other: '其他',
};

/** 第十五条: why the bureau asks the government for a decision (逾期不改正 / 拒不改正). */
export const DECISION_GROUNDS = ['overdue', 'refused'] as const;
export type DecisionGround = (typeof DECISION_GROUNDS)[number];
export const DECISION_GROUND_LABELS: Readonly<Record<DecisionGround, string>> = {
  overdue: '逾期不改正',
  refused: '拒不改正',
};

/**
 * A decision's life (第十五条): the bureau's request (报请本级人民政府) drafted, signed off and
 * numbered from 博司监, sent; the government's decision recorded with its own number and date;
 * the unit's report within 30 days of receipt, accepted or returned.
 */
export const DECISION_STATES = [
  'draft',
  'awaiting_sign_off',
  'requested',
  'decided',
  'reported',
  'returned',
  'accepted',
  'withdrawn',
] as const;
export type DecisionState = (typeof DECISION_STATES)[number];
export const DECISION_STATE_LABELS: Readonly<Record<DecisionState, string>> = {
  draft: '报请草稿',
  awaiting_sign_off: '报请待签发',
  requested: '已报请待决定',
  decided: '已决定待报告',
  reported: '已报告待审核',
  returned: '报告退回待重报',
  accepted: '已办结',
  withdrawn: '已撤回报请',
};
/** 第十五条: 自收到通知书或者决定书之日起30日内书面报告 — the same 30 calendar days for a decision. */
export const DECISION_REPORT_DAYS = NOTICE_REPORT_DAYS;

/** 第二十二、二十三条: a circular criticises (通报批评) or commends (通报表扬). */
export const CIRCULAR_KINDS = ['criticism', 'commendation'] as const;
export type CircularKind = (typeof CIRCULAR_KINDS)[number];
export const CIRCULAR_KIND_LABELS: Readonly<Record<CircularKind, string>> = {
  criticism: '通报批评',
  commendation: '通报表扬',
};
/** The situation circulated: 第二十三条(一)–(四) for a criticism, 第二十二条 for a commendation. */
export const CIRCULAR_SITUATIONS = [
  'shirked_dispute',
  'not_executed',
  'not_corrected',
  'other_violation',
  'outstanding',
] as const;
export type CircularSituation = (typeof CIRCULAR_SITUATIONS)[number];
export const CIRCULAR_SITUATION_LABELS: Readonly<Record<CircularSituation, string>> = {
  shirked_dispute: '存在行政执法争议但不按照规定申请协调，相互推诿',
  not_executed: '不执行行政执法争议协调处理决定',
  not_corrected: '逾期不改正违法或者不当行政行为',
  other_violation: '法律、法规规定的其他情形',
  outstanding: '表现突出',
};
export const CIRCULAR_SITUATION_CLAUSES: Readonly<Record<CircularSituation, string>> = {
  shirked_dispute: '第二十三条第（一）项',
  not_executed: '第二十三条第（二）项',
  not_corrected: '第二十三条第（三）项',
  other_violation: '第二十三条第（四）项',
  outstanding: '第二十二条',
};
export const circularKindOf = (situation: CircularSituation): CircularKind =>
  situation === 'outstanding' ? 'commendation' : 'criticism';

export const CIRCULAR_STATES = ['draft', 'awaiting_sign_off', 'issued', 'withdrawn'] as const;
export type CircularState = (typeof CIRCULAR_STATES)[number];
export const CIRCULAR_STATE_LABELS: Readonly<Record<CircularState, string>> = {
  draft: '草稿',
  awaiting_sign_off: '待签发',
  issued: '已印发',
  withdrawn: '已撤回',
};

/**
 * Misconduct findings about officers (执法过错认定, 责任追究, 违法违纪, 国家赔偿追偿) recorded from an
 * issued notice or a recorded decision (第十五条; 第二十三条's 处分 of the persons responsible). Each
 * kind is one of seed 000 奖惩记录表's columns that Fazhi otherwise leaves blank.
 */
export const FINDING_KINDS = [
  'fault_finding',
  'fault_accountability',
  'discipline',
  'compensation_recovery',
  'sanction',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
export const FINDING_KIND_LABELS: Readonly<Record<FindingKind, string>> = {
  fault_finding: '执法过错认定',
  fault_accountability: '执法过错责任追究',
  discipline: '违法违纪被查处',
  compensation_recovery: '国家赔偿追偿',
  sanction: '执法工作惩处',
};
/** The 奖惩记录表 column (seed 000) each kind is entered under. */
export const FINDING_KIND_COLUMNS: Readonly<Record<FindingKind, string>> = {
  fault_finding: '执法过错认定情况',
  fault_accountability: '执法过错责任追究情况',
  discipline: '违法违纪被查处情况',
  compensation_recovery: '国家赔偿追偿情况',
  sanction: '执法工作惩处情况',
};
