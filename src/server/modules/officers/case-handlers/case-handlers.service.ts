/**
 * 案件承办人候选 (issue 5): the officers of the reader's own unit (agency or township) who may be
 * named as handlers of a case filed on a given date — 在岗 and holding a certificate in force that
 * day (caseHandlerVerdict, the same rule the case form's save applies). Officers cannot list the
 * archive, so this is how the case form offers them their colleagues.
 */
import { todayInShanghai } from '../../../../common/format.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan } from '../../../lib/access.ts';
import { notFound } from '../../../lib/errors.ts';
import { CASE_UNIT_KINDS } from '../../cases/cases.policy.ts';
import { findAncestry, findOrgById } from '../../org/org.repository.ts';
import { findAllOfficers, findSubtreeIds } from '../archive/officers.repository.ts';
import { caseHandlerVerdict } from '../archive/officers.service.ts';
import { expiringFrom } from '../certificates/certificate-state.ts';
import { findCertificatesOfOfficers } from '../certificates/certificates.repository.ts';
import type { CaseHandlerCandidates, CaseHandlerCandidatesQuery } from './case-handlers.schema.ts';

/** A unit has tens of officers; this bounds a misconfigured one. */
const CANDIDATE_LIMIT = 500;

/**
 * Officers who may handle a case of `orgId` (default: the reader's own org) filed on `onDate`: the
 * case's unit must be the reader's own (else NOT_FOUND); for officers and legal officers (case.write).
 */
export async function listCaseHandlerCandidates(
  db: Db,
  actor: Actor,
  query: CaseHandlerCandidatesQuery,
  today = todayInShanghai(new Date()),
): Promise<CaseHandlerCandidates> {
  assertCan(actor, 'case.write');
  const onDate = query.onDate ?? today;
  const ownOrg = await findOrgById(db, actor.orgId);
  const caseOrg = query.orgId ? await findOrgById(db, query.orgId) : ownOrg;
  if (!ownOrg || !caseOrg) throw notFound('单位');
  const unit = (await findAncestry(db, caseOrg)).findLast((org) => CASE_UNIT_KINDS.includes(org.kind));
  if (!unit || !ownOrg.path.startsWith(unit.path)) throw notFound('单位');
  const officers = await findAllOfficers(
    db,
    {
      scopePaths: [unit.path],
      ownUserId: actor.id,
      orgIds: await findSubtreeIds(db, unit.path),
      status: 'active',
      keyword: query.keyword,
      today,
      expiringFrom: expiringFrom(today),
    },
    CANDIDATE_LIMIT,
  );
  const certificates = await findCertificatesOfOfficers(
    db,
    officers.map((officer) => officer.id),
  );
  const items: CaseHandlerCandidates['items'] = [];
  for (const officer of officers) {
    const verdict = caseHandlerVerdict(
      officer,
      certificates.filter((certificate) => certificate.officer_id === officer.id),
      onDate,
    );
    if (!verdict.ok) continue;
    items.push({
      id: officer.id,
      name: officer.name,
      orgId: officer.org_id,
      orgName: officer.org_name,
      certificateNumber: verdict.certificateNumber,
      isSelf: officer.user_id === actor.id,
    });
  }
  return { onDate, unitId: unit.id, unitName: unit.name, items };
}
