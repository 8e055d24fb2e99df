/**
 * What an empty list or report says. Three different empties must not read alike (issue 19): the
 * reader's scope holds nothing of the kind (您的权限范围内没有执法人员), a filter excluded
 * everything, or there really is nothing — and only the last may read as an all-clear.
 */
export interface EmptyTextInput {
  /** the thing listed, e.g. 执法人员 */
  noun: string;
  /** how many of them the reader's scope holds before any filter (null: the page cannot tell) */
  inScope: number | null;
  /** a unit or other filter is set (besides the one that defines `allClear`) */
  isFiltered?: boolean;
  /** text when the scope has some and none is left: the honest all-clear, e.g. 所有执法人员均已达标 */
  whenNoneLeft: string;
}

export function emptyText({ noun, inScope, isFiltered = false, whenNoneLeft }: EmptyTextInput): string {
  if (inScope === 0) return isFiltered ? `所选范围内没有${noun}。` : `您的权限范围内没有${noun}。`;
  return whenNoneLeft;
}
