import { apiRequest } from '../../app/api-client.ts';
import type { CertificateState } from '../officers/officers.types.ts';

/** What the public lookup returns (disclosure.schema.ts PublicCertificate): nothing personal. */
export interface PublicCertificate {
  name: string;
  agency: string;
  area: string;
  categories: string[];
  issuedOn: string;
  validUntil: string;
  state: CertificateState;
  stateLabel: string;
}

/** 执法证查询 by number + holder name; no login (a 401 here must not redirect). */
export function lookUpCertificate(number: string, name: string): Promise<PublicCertificate> {
  return apiRequest<PublicCertificate>('/public/certificates', {
    query: { number, name },
    isAuthProbe: true,
  });
}
