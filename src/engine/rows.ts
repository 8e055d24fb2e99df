/**
 * The layout of a sorted record row (see `RecordColumns.data` in subject.ts), shared by intake,
 * scoring and the components that read a row's value back for an explanation.
 */

/**
 * Fields of a row (16 bytes: a province's rows are moved twice by the sort, so their size is
 * what sorting costs): item index, count, points, tag.
 */
export const STRIDE = 4;
export const ITEM = 0;
/** Occurrences; a count above INT32_MAX is stored as −1 − its index in `wide`. */
export const COUNT = 1;
/**
 * The level's position in its item's `levels` for levelled items (see CompiledLevel.position),
 * the scaled value for ratings and averages; a value outside 0 … INT32_MAX is stored as
 * −1 − its index in `wide`.
 */
export const POINTS = 2;
/** Rater index for ratings; for score items, 1 + the index of the record's fact in `facts` (0: none). */
export const TAG = 3;
export const INT32_MAX = 0x7fffffff;

/** A row field that may be stored in `wide` (COUNT, POINTS). */
export function wideValue(stored: number, wide: readonly number[]): number {
  return stored >= 0 ? stored : wide[-1 - stored]!;
}
