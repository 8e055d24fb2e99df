import {
  DRAW_MODE_LABELS,
  DRAW_MODES,
  EXPERT_CATEGORIES,
  EXPERT_CATEGORY_LABELS,
  OBJECTION_STATE_LABELS,
  REVIEW_CAMPAIGN_STATE_LABELS,
  REVIEW_CAMPAIGN_STATES,
  REVIEW_METHOD_LABELS,
  REVIEW_METHODS,
  REVIEW_REGULARITIES,
  REVIEW_REGULARITY_LABELS,
  type ReviewCampaignStateCode,
} from '../../../common/reviews.ts';

const optionsOf = <T extends string>(values: readonly T[], labels: Readonly<Record<T, string>>) =>
  values.map((value) => ({ value, label: labels[value] }));

export const METHOD_OPTIONS = optionsOf(REVIEW_METHODS, REVIEW_METHOD_LABELS);
export const REGULARITY_OPTIONS = optionsOf(REVIEW_REGULARITIES, REVIEW_REGULARITY_LABELS);
export const STATE_OPTIONS = optionsOf(REVIEW_CAMPAIGN_STATES, REVIEW_CAMPAIGN_STATE_LABELS);
export const DRAW_MODE_OPTIONS = optionsOf(DRAW_MODES, DRAW_MODE_LABELS);
export const EXPERT_CATEGORY_OPTIONS = optionsOf(EXPERT_CATEGORIES, EXPERT_CATEGORY_LABELS);

export const STATE_COLORS: Record<ReviewCampaignStateCode, string> = {
  planning: 'blue',
  drawn: 'cyan',
  scoring: 'orange',
  published: 'green',
  closed: 'default',
};

/** 优秀 / 合格 / 不合格 (第十六条). */
export const BAND_COLORS = { excellent: 'green', pass: 'blue', fail: 'red' } as const;

/** The unit's rectification (第十七条), as the board reports it. */
export const RECTIFICATION_STATUS_OPTIONS = [
  { value: 'not_required', label: '无需整改' },
  { value: 'awaiting_circular', label: '待通报' },
  { value: 'missing', label: '待报送' },
  { value: 'submitted', label: '已报送待审核' },
  { value: 'returned', label: '已退回' },
  { value: 'accepted', label: '已通过' },
] as const;
export const RECTIFICATION_STATUS_COLORS = {
  not_required: 'default',
  awaiting_circular: 'default',
  missing: 'orange',
  submitted: 'blue',
  returned: 'red',
  accepted: 'green',
} as const;

export const OBJECTION_STATE_OPTIONS = optionsOf(
  ['pending', 'upheld', 'refused'] as const,
  OBJECTION_STATE_LABELS,
);
export const OBJECTION_STATE_COLORS = { pending: 'orange', upheld: 'green', refused: 'default' } as const;

/** A flagged file's way to its final score (第十二条(五)). */
export const RESULT_STATE_OPTIONS = [
  { value: 'needs_recheck', label: '待安排复评' },
  { value: 'rechecking', label: '复评中' },
  { value: 'final', label: '已定分' },
  { value: 'unscored', label: '未评完' },
] as const;
export const RESULT_STATE_COLORS = {
  unscored: 'default',
  needs_recheck: 'red',
  rechecking: 'orange',
  final: 'green',
} as const;
