import type { CaseKind, ComplaintFinding, ComplaintKind, QualityGrade, RecordState } from './cases.types.ts';

/** 案件类别 as the filter and form offer them (short labels; the server sends the full 行政处罚). */
export const CASE_KIND_OPTIONS: { value: CaseKind; label: string }[] = [
  { value: 'penalty', label: '行政处罚' },
  { value: 'licensing', label: '行政许可' },
  { value: 'coercion', label: '行政强制' },
  { value: 'inspection', label: '行政检查' },
  { value: 'levy', label: '行政征收' },
  { value: 'requisition', label: '行政征用' },
  { value: 'confirmation', label: '行政确认' },
  { value: 'benefit', label: '行政给付' },
  { value: 'adjudication', label: '行政裁决' },
];

export const RECORD_STATE_OPTIONS: { value: RecordState; label: string }[] = [
  { value: 'open', label: '在办' },
  { value: 'normal', label: '正常' },
  { value: 'due_soon', label: '临期' },
  { value: 'overdue', label: '逾期' },
  { value: 'submitted', label: '已报送' },
];

export const RECORD_STATE_COLORS: Record<RecordState, string> = {
  open: 'processing',
  normal: 'success',
  due_soon: 'warning',
  overdue: 'error',
  submitted: 'default',
};

export const QUALITY_GRADE_OPTIONS: { value: QualityGrade; label: string }[] = [
  { value: 'excellent', label: '优秀' },
  { value: 'pass', label: '合格' },
  { value: 'fail', label: '不合格' },
];
export const QUALITY_GRADE_LABELS: Record<QualityGrade, string> = {
  excellent: '优秀',
  pass: '合格',
  fail: '不合格',
};
export const QUALITY_GRADE_COLORS: Record<QualityGrade, string> = {
  excellent: 'green',
  pass: 'blue',
  fail: 'red',
};

export const COMPLAINT_KIND_OPTIONS: { value: ComplaintKind; label: string }[] = [
  { value: 'complaint', label: '投诉举报' },
  { value: 'petition', label: '信访' },
];
export const FINDING_OPTIONS: { value: ComplaintFinding; label: string }[] = [
  { value: 'substantiated', label: '查实' },
  { value: 'unfounded', label: '不属实' },
];

/** '共 123 件案件', or '共 10,000+ 件案件' when the server stopped counting at its cap. */
export function caseTotalText(page: { total: number; isTotalCapped: boolean }, noun = '件案件'): string {
  return `共 ${page.total.toLocaleString('zh-CN')}${page.isTotalCapped ? '+' : ''} ${noun}`;
}
