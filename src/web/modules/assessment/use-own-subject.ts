import { useQuery } from '@tanstack/react-query';
import { ASSESSMENT_KEY, getMySubject } from './assessment.api.ts';

/**
 * The subject the signed-in account speaks for in a period, with its self-assessment and the
 * score it may see (provisional until results are visible); `subject` is null when the account
 * is not assessed in the period.
 */
export function useOwnSubject(periodId: number, isEnabled = true) {
  return useQuery({
    queryKey: [ASSESSMENT_KEY, 'my-subject', periodId],
    queryFn: () => getMySubject(periodId),
    enabled: isEnabled,
  });
}
