/** Select options from the shared training labels (培训制度第五–七条). */
import {
  SELF_STUDY_PLATFORM_LABELS,
  SELF_STUDY_PLATFORMS,
  TRAINING_CONTENT_CATEGORIES,
  TRAINING_CONTENT_CATEGORY_LABELS,
  TRAINING_DELIVERIES,
  TRAINING_DELIVERY_LABELS,
  TRAINING_KIND_NAMES,
  TRAINING_KINDS,
  TRAINING_SESSION_STATUS_LABELS,
  TRAINING_SESSION_STATUSES,
} from '../../../common/training.ts';

export const KIND_OPTIONS = TRAINING_KINDS.map((value) => ({ value, label: TRAINING_KIND_NAMES[value] }));
export const DELIVERY_OPTIONS = TRAINING_DELIVERIES.map((value) => ({
  value,
  label: TRAINING_DELIVERY_LABELS[value],
}));
export const CONTENT_CATEGORY_OPTIONS = TRAINING_CONTENT_CATEGORIES.map((value) => ({
  value,
  label: TRAINING_CONTENT_CATEGORY_LABELS[value],
}));
export const STATUS_OPTIONS = TRAINING_SESSION_STATUSES.map((value) => ({
  value,
  label: TRAINING_SESSION_STATUS_LABELS[value],
}));
export const PLATFORM_OPTIONS = SELF_STUDY_PLATFORMS.map((value) => ({
  value,
  label: SELF_STUDY_PLATFORM_LABELS[value],
}));
export const MONTH_OPTIONS = Array.from({ length: 12 }, (_, index) => ({
  value: index + 1,
  label: `${index + 1}月`,
}));
