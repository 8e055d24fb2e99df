import { useOrgs } from '../org/org.api.ts';
import { parseSubjectKey } from './assessment-labels.ts';

/**
 * Names subjects by key for lists whose rows carry only the key (records, appeals): organisations
 * from the org tree; officers stay as their key until the API returns subject names.
 */
export function useSubjectName(): (subjectKey: string) => string {
  const orgs = useOrgs();
  return (subjectKey) => {
    const { kind, id } = parseSubjectKey(subjectKey);
    if (kind === 'org') return orgs.data?.find((org) => org.id === id)?.name ?? subjectKey;
    return subjectKey;
  };
}
