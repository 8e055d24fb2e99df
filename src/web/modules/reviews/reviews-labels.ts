import {
  DRAW_MODE_LABELS,
  DRAW_MODES,
  EXPERT_CATEGORIES,
  EXPERT_CATEGORY_LABELS,
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
