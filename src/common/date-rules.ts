/**
 * THE date rules of the forms, decided once: which dates may not lie in the future and which may
 * not precede another date of the same record. The API schemas (`zRuleDate`, `dateOrderRefinement`
 * in validation-zod.ts) and the web date pickers (`disabledDateOf`, `dateRuleValidator` in
 * src/web/components/date-rules.ts) both read this table, so a form never offers a day the API
 * refuses (issue 19, issue 11 point 4).
 *
 * Pure and dependency-free: the web bundle imports it without the holiday table.
 */

export interface DateRule {
  /** the field's Chinese name as messages print it, e.g. 收到日期 */
  readonly label: string;
  /** no day after today (Asia/Shanghai): what is recorded has happened */
  readonly notAfterToday?: boolean;
  /** the date of the same record this one may not precede (a closing before its filing) */
  readonly notBefore?: { readonly field: string; readonly label: string };
}

export const DATE_RULES = {
  // 投诉举报、信访: received and handled days are facts, the handling after the receipt
  complaintReceivedOn: { label: '收到日期', notAfterToday: true },
  complaintHandledOn: {
    label: '处理日期',
    notAfterToday: true,
    notBefore: { field: 'receivedOn', label: '收到日期' },
  },
  // 工作记实: no entry for a day that has not come; the period ends after it starts
  workLogPeriodStart: { label: '开始日期', notAfterToday: true },
  workLogPeriodEnd: { label: '结束日期', notBefore: { field: 'periodStart', label: '开始日期' } },
  // 执法案件: filed and closed on days that have passed, closed not before filed
  caseFiledOn: { label: '立案时间', notAfterToday: true },
  caseClosedOn: {
    label: '结案时间',
    notAfterToday: true,
    notBefore: { field: 'filedOn', label: '立案时间' },
  },
  // 案卷文书 (the case's acts): formed and verified on days that have passed
  caseDocumentFormedOn: { label: '形成日期', notAfterToday: true },
  caseDocumentVerifiedOn: { label: '核对日期', notAfterToday: true },
  // 执法人员
  trainingHeldOn: { label: '培训时间', notAfterToday: true },
  certificateReviewedOn: { label: '年审日期', notAfterToday: true },
  postChangedOn: { label: '变更时间', notAfterToday: true },
} as const satisfies Record<string, DateRule>;

export type DateRuleName = keyof typeof DATE_RULES;

/** China Standard Time is UTC+8 with no daylight saving, so a fixed offset is exact. */
const SHANGHAI_OFFSET_MILLISECONDS = 8 * 60 * 60 * 1000;

/** Today's Asia/Shanghai date 'YYYY-MM-DD' (format.ts has the same; this file stays import-free). */
export function shanghaiToday(now: Date = new Date()): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MILLISECONDS).toISOString().slice(0, 10);
}

/**
 * What is wrong with `value` (an ISO day) under `rule`, in Chinese, or null. `earlier` is the value
 * of the rule's `notBefore` field when the record has one.
 */
export function dateRuleProblem(
  rule: DateRule,
  value: string,
  context: { today: string; earlier?: string | null | undefined },
): string | null {
  if (rule.notAfterToday && value > context.today) return `${rule.label}不能晚于今天`;
  if (rule.notBefore && context.earlier && value < context.earlier)
    return `${rule.label}不能早于${rule.notBefore.label}`;
  return null;
}
