import { useQuery } from '@tanstack/react-query';
import type { SchemeFile } from '../../../engine/index.ts';
import {
  buildCatalogue,
  type SchemeCatalogue,
} from '../../../server/modules/assessment/schemes/scheme-catalogue.ts';
import { ASSESSMENT_KEY, getSchemeVersion } from './assessment.api.ts';

/**
 * The recordable items of a period's scheme version with their item groups. The period view
 * lists only the groups, so the items come from the scheme file through the server's own pure
 * catalogue builder (the same rules the server checks records with).
 */
export function useCatalogue(schemeVersionId: number | undefined) {
  return useQuery<SchemeCatalogue>({
    queryKey: [ASSESSMENT_KEY, 'catalogue', schemeVersionId],
    queryFn: async () => buildCatalogue((await getSchemeVersion(schemeVersionId!)).scheme as SchemeFile),
    enabled: schemeVersionId !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
