import { useQuery } from '@tanstack/react-query';
import { useCurrentUser } from '../../app/auth-context.tsx';
import { getOwnOfficer } from '../officers/officers.api.ts';
import { ASSESSMENT_KEY, getProvisional } from './assessment.api.ts';

/**
 * The subject the signed-in account speaks for in a period ('officer:12' or 'org:4'), with its
 * live provisional score; null when it is not a subject. There is no "my subject" endpoint, so the
 * key is derived from the account (its officer record, else its organisation) and confirmed by
 * the provisional score, which the server refuses for anyone else's subject.
 */
export function useOwnSubject(periodId: number, subjectKind: string | undefined) {
  const user = useCurrentUser();
  return useQuery({
    queryKey: [ASSESSMENT_KEY, 'own-subject', periodId, user.id],
    enabled: subjectKind !== undefined,
    retry: false,
    queryFn: async () => {
      const subjectKey =
        subjectKind === 'officer' ? `officer:${(await getOwnOfficer()).id}` : `org:${user.orgId}`;
      try {
        return { subjectKey, provisional: await getProvisional(periodId, subjectKey) };
      } catch {
        return null;
      }
    },
  });
}
