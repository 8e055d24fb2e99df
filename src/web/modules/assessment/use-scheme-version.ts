import { useQuery } from '@tanstack/react-query';
import { ASSESSMENT_KEY, listSchemeVersions } from './assessment.api.ts';

/** The summary of one scheme version (its subject and period kinds), from the cached version list. */
export function useSchemeVersion(schemeVersionId: number) {
  const versions = useQuery({ queryKey: [ASSESSMENT_KEY, 'schemes'], queryFn: listSchemeVersions });
  return versions.data?.find((version) => version.id === schemeVersionId);
}
