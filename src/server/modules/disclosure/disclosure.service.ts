import { todayInShanghai } from '../../../common/format.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../lib/errors.ts';
import { loadUnitNames } from '../officers/archive/officers.service.ts';
import {
  CERTIFICATE_STATE_LABELS,
  deriveCertificateState,
} from '../officers/certificates/certificate-state.ts';
import { findCertificateByNumber } from '../officers/certificates/certificates.repository.ts';
import type { CertificateLookupQuery, PublicCertificate } from './disclosure.schema.ts';

/** One answer for an unknown number and for a name that does not match: existence is not revealed. */
export const LOOKUP_NO_MATCH = '未查询到匹配的执法证信息，请核对证件号码和姓名';

/** 执法证查询 (public, no login): certificate number plus the holder's name. */
export async function lookUpCertificate(
  db: Db,
  query: CertificateLookupQuery,
  today = todayInShanghai(new Date()),
): Promise<PublicCertificate> {
  const certificate = await findCertificateByNumber(db, query.number);
  const normalise = (name: string) => name.replace(/[\s\u3000·•]/g, '');
  if (!certificate || normalise(certificate.officer_name) !== normalise(query.name)) {
    throw new AppError('NOT_FOUND', LOOKUP_NO_MATCH);
  }
  const unitName = await loadUnitNames(db, [certificate.org_path]);
  const { state } = deriveCertificateState(
    {
      issuedOn: certificate.issued_on,
      validUntil: certificate.valid_until,
      isSuspended: certificate.is_suspended,
      isRevoked: certificate.is_revoked,
    },
    today,
  );
  return {
    name: certificate.officer_name,
    agency: unitName(certificate.org_path),
    area: certificate.area,
    categories: certificate.categories,
    issuedOn: certificate.issued_on,
    validUntil: certificate.valid_until,
    state,
    stateLabel: CERTIFICATE_STATE_LABELS[state],
  };
}
