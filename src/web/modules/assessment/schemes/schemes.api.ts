import { api } from '../../../app/api-client.ts';
import type { SchemeVersion } from '../assessment.types.ts';

/** Uploads a scheme file's text (YAML or JSON); the server validates it and stores the next version. */
export function uploadSchemeVersion(content: string): Promise<SchemeVersion & { isNew: boolean }> {
  return api.post<SchemeVersion & { isNew: boolean }>('/assessment/schemes', { content });
}
