/**
 * Unit law-based-administration assessment (依法行政考核 of townships and agencies, seed 002
 * 乡镇依法行政考核方案, issue 20): enums, Chinese labels and named constants, shared by the server
 * and the web.
 */

/** 一(二) 考核对象: 各乡镇(街道), 县直单位, 省市垂直管理单位. */
export const UNIT_CATEGORIES = ['township', 'county_department', 'vertical'] as const;
export type UnitCategory = (typeof UNIT_CATEGORIES)[number];
export const UNIT_CATEGORY_LABELS: Readonly<Record<UnitCategory, string>> = {
  township: '乡镇',
  county_department: '县直部门',
  vertical: '垂直管理单位',
};

/** What a dossier entry records (三(二): 动态记录考核对象本年度依法行政工作完成情况). */
export const DOSSIER_ENTRY_KINDS = [
  'document',
  'meeting',
  'normative_filing',
  'training',
  'decision',
  'disclosure',
  'other',
] as const;
export type DossierEntryKind = (typeof DOSSIER_ENTRY_KINDS)[number];
export const DOSSIER_ENTRY_KIND_LABELS: Readonly<Record<DossierEntryKind, string>> = {
  document: '文件',
  meeting: '会议记录',
  normative_filing: '规范性文件备案',
  training: '培训',
  decision: '重大行政决策',
  disclosure: '政务公开',
  other: '其他',
};

export type DossierSide = 'office' | 'unit';
export const DOSSIER_SIDE_LABELS: Readonly<Record<DossierSide, string>> = {
  office: '考核机关记录',
  unit: '单位报送',
};

/** 三(一): 报告和有关资料于12月1日前报送 (month-day of the assessed year). */
export const ANNUAL_REPORT_DUE = '12-01';
/** Days before a deadline shown as 临期 for the report and the 汇总表 (no clause sets one). */
export const UNIT_WARN_DAYS = 7;

/** 三(三) 年终考核和组织抽查. */
export const CHECK_KINDS = ['year_end', 'spot'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];
export const CHECK_KIND_LABELS: Readonly<Record<CheckKind, string>> = {
  year_end: '年终考核',
  spot: '抽查',
};

/** 三(三): 听取汇报，查阅相关文件、会议记录、行政执法案卷和其他资料，网上核查. */
export const CHECK_METHODS = ['briefing', 'documents', 'meeting_records', 'case_files', 'online'] as const;
export type CheckMethod = (typeof CHECK_METHODS)[number];
export const CHECK_METHOD_LABELS: Readonly<Record<CheckMethod, string>> = {
  briefing: '听取汇报',
  documents: '查阅相关文件',
  meeting_records: '查阅会议记录',
  case_files: '查阅行政执法案卷',
  online: '网上核查',
};

/** 三(五) 审定 by the leading group. */
export type UnitApprovalStatus = 'submitted' | 'approved' | 'returned';
export const UNIT_APPROVAL_STATUS_LABELS: Readonly<Record<UnitApprovalStatus | 'not_submitted', string>> = {
  not_submitted: '未报审',
  submitted: '待审定',
  approved: '已审定',
  returned: '已退回',
};

/** 五(二) 书面整改方案, tracked to done. */
export type UnitRectificationStatus = 'filed' | 'returned' | 'accepted' | 'done';
export const UNIT_RECTIFICATION_STATUS_LABELS: Readonly<Record<UnitRectificationStatus | 'missing', string>> =
  {
    missing: '未提交',
    filed: '已提交',
    returned: '已退回',
    accepted: '整改中',
    done: '已整改',
  };

/** The grades that oblige a rectification plan (五(二): 被评为不合格等次的单位; the township preset says 不称职). */
export const FAILING_GRADES: readonly string[] = ['不合格', '不称职'];

/** Seed 000 汇总表: 分别报市依法治市领导小组办公室和市依法行政领导小组办公室各一份. */
export const SUMMARY_RECIPIENTS = ['rule_of_law_office', 'administration_office'] as const;
export type SummaryRecipient = (typeof SUMMARY_RECIPIENTS)[number];
export const SUMMARY_RECIPIENT_LABELS: Readonly<Record<SummaryRecipient, string>> = {
  rule_of_law_office: '依法治市领导小组办公室',
  administration_office: '依法行政领导小组办公室',
};
/** Seed 000: 每年的元月15日之前 (month-day of the year after the assessed one). */
export const SUMMARY_DUE = '01-15';
