/**
 * Case-file reviews (案卷评查, seed 001 《行政执法案卷评查办法》): enums, Chinese labels and named
 * constants shared by server and web (docs/reviews.md).
 */

/** 第八条: 全面评查、重点评查、专项评查、随机抽查. */
export const REVIEW_METHODS = ['full', 'key', 'special', 'random'] as const;
export type ReviewMethodCode = (typeof REVIEW_METHODS)[number];
export const REVIEW_METHOD_LABELS: Readonly<Record<ReviewMethodCode, string>> = {
  full: '全面评查',
  key: '重点评查',
  special: '专项评查',
  random: '随机抽查',
};

/** 第八条: 定期和不定期评查. */
export const REVIEW_REGULARITIES = ['regular', 'irregular'] as const;
export type ReviewRegularityCode = (typeof REVIEW_REGULARITIES)[number];
export const REVIEW_REGULARITY_LABELS: Readonly<Record<ReviewRegularityCode, string>> = {
  regular: '定期',
  irregular: '不定期',
};

/** 第六条: a county campaign (县司法局) or an agency's internal one (部门法制机构). */
export const REVIEW_LEVEL_LABELS = { county: '全县评查', agency: '部门内部评查' } as const;

export const REVIEW_CAMPAIGN_STATES = ['planning', 'drawn', 'scoring', 'published', 'closed'] as const;
export type ReviewCampaignStateCode = (typeof REVIEW_CAMPAIGN_STATES)[number];
export const REVIEW_CAMPAIGN_STATE_LABELS: Readonly<Record<ReviewCampaignStateCode, string>> = {
  planning: '方案下发、报送目录',
  drawn: '已抽取案卷',
  scoring: '评分中',
  published: '结果已反馈',
  closed: '已结束',
};

/** 第四条: the 复议/诉讼 mark on a case. */
export const LITIGATION_KINDS = ['reconsideration', 'litigation'] as const;
export const LITIGATION_KIND_LABELS = { reconsideration: '行政复议', litigation: '行政诉讼' } as const;
export const LITIGATION_OUTCOMES = [
  'pending',
  'upheld',
  'revoked',
  'changed',
  'confirmed_illegal',
  'dismissed',
  'withdrawn',
  'other',
] as const;
export const LITIGATION_OUTCOME_LABELS: Readonly<Record<(typeof LITIGATION_OUTCOMES)[number], string>> = {
  pending: '尚未审结',
  upheld: '维持',
  revoked: '撤销',
  changed: '变更',
  confirmed_illegal: '确认违法',
  dismissed: '驳回',
  withdrawn: '撤回',
  other: '其他',
};

/** 第十一条: 每件行政执法案卷的评查工作人员不得少于2名. */
export const MIN_REVIEWERS_PER_FILE = 2;
/** 第八条: 全县行政执法案卷评查活动每年至少开展2次. */
export const MIN_COUNTY_CAMPAIGNS_PER_YEAR = 2;
/** 临期 from 3 days before a step's deadline (our choice: a campaign's steps are short). */
export const REVIEW_WARN_DAYS = 3;

/** How a draw sizes the sample: N in all, N per unit, or a share (percent) of the eligible set. */
export const DRAW_MODES = ['count', 'per_unit', 'share'] as const;
export type DrawMode = (typeof DRAW_MODES)[number];
export const DRAW_MODE_LABELS: Readonly<Record<DrawMode, string>> = {
  count: '按总数',
  per_unit: '每个单位固定件数',
  share: '按比例',
};

export const REVIEW_FILE_SOURCE_LABELS = { draw: '随机抽取', manual: '人工增补' } as const;

/** 第九条: 专家库成员从人大代表、政协委员、专家学者、律师等人员或者行政执法监督人员、行政执法人员、法治督察工作人员中选聘. */
export const EXPERT_CATEGORIES = [
  'deputy',
  'cppcc',
  'scholar',
  'lawyer',
  'supervisor',
  'officer',
  'inspector',
] as const;
export const EXPERT_CATEGORY_LABELS: Readonly<Record<(typeof EXPERT_CATEGORIES)[number], string>> = {
  deputy: '人大代表',
  cppcc: '政协委员',
  scholar: '专家学者',
  lawyer: '律师',
  supervisor: '行政执法监督人员',
  officer: '行政执法人员',
  inspector: '法治督察工作人员',
};
export const DECLARATION_KINDS = ['party', 'org', 'case', 'former_unit'] as const;
export const DECLARATION_KIND_LABELS: Readonly<Record<(typeof DECLARATION_KINDS)[number], string>> = {
  party: '与当事人有利害关系',
  org: '与单位有利害关系',
  case: '回避特定案件',
  former_unit: '曾在该单位工作',
};

/**
 * 第十七条: 整改报告及已整改案卷，应当在评查通报发出后10日内报送. Calendar days: the seed says 日, not
 * 工作日 (where it means working days, seed 004 says 工作日).
 */
export const RECTIFICATION_DAYS = 10;
/** 第十八条: officers with at least this many failing files are listed for 通报批评 (a parameter). */
export const DEFAULT_FAILING_OFFICER_THRESHOLD = 2;
/** 第十九条(一)–(五): failing files that call for a 行政执法监督通知书. */
export const ARTICLE19_GROUNDS = [1, 2, 3, 4, 5] as const;
export const ARTICLE19_GROUND_LABELS: Readonly<Record<(typeof ARTICLE19_GROUNDS)[number], string>> = {
  1: '行政执法主体不合法',
  2: '行政执法行为程序不符合法定要求，影响实体判断',
  3: '作出的行政执法行为无法定依据、适用法律错误',
  4: '作出的行政执法决定所依据的事实没有证据证明',
  5: '拒绝接受行政执法案卷评查，干扰、阻扰案卷评查活动',
};
export const OBJECTION_STATE_LABELS = { pending: '待复核', upheld: '已采纳', refused: '不予采纳' } as const;
export const RECTIFICATION_STATE_LABELS = {
  submitted: '已报送待审核',
  accepted: '已通过',
  returned: '已退回',
} as const;
