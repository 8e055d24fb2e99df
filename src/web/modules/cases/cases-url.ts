import { CASE_KIND_OPTIONS, QUALITY_GRADE_OPTIONS, RECORD_STATE_OPTIONS } from './case-labels.ts';
import type { CaseFilter } from './cases.types.ts';

export const RECORD_TIMING_LABELS = { on_time: '按时报送', late: '逾期报送' } as const;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayOf = (value: string | null) => (value && ISO_DAY.test(value) ? value : undefined);
const oneOf = <T extends string>(options: readonly { value: T }[], value: string | null) =>
  options.find((option) => option.value === value)?.value;

/**
 * The case list's filters from its URL (?orgId, kind, filedFrom/To, closedFrom/To, state, qualityGrade,
 * recordTiming): how the records-due report and the cockpit open "the list behind a figure".
 * Unknown or malformed values are ignored.
 */
export function caseFilterFromUrl(params: URLSearchParams): Omit<CaseFilter, 'page' | 'pageSize'> {
  const timing = params.get('recordTiming');
  const filter: Omit<CaseFilter, 'page' | 'pageSize'> = {
    orgId: Number(params.get('orgId')) || undefined,
    kind: oneOf(CASE_KIND_OPTIONS, params.get('kind')),
    filedFrom: dayOf(params.get('filedFrom')),
    filedTo: dayOf(params.get('filedTo')),
    closedFrom: dayOf(params.get('closedFrom')),
    closedTo: dayOf(params.get('closedTo')),
    state: oneOf(RECORD_STATE_OPTIONS, params.get('state')),
    qualityGrade: oneOf(QUALITY_GRADE_OPTIONS, params.get('qualityGrade')),
    recordTiming: timing === 'on_time' || timing === 'late' ? timing : undefined,
  };
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
}
