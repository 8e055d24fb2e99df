/**
 * Reads of facts other modules own (complaints, cases, certificates), narrowed to a county and a
 * date range, for automatic proposals. Read-only: those modules' writes stay theirs.
 */
import type { Db } from '../../db/database.ts';

export function findSubstantiatedComplaints(db: Db, countyPath: string, from: string, to: string) {
  return db
    .selectFrom('complaint')
    .innerJoin('org', 'org.id', 'complaint.org_id')
    .select([
      'complaint.id',
      'complaint.officer_id',
      'org.path',
      'complaint.summary',
      'complaint.received_on',
      'complaint.handled_on',
    ])
    .where('org.path', 'like', `${countyPath}%`)
    .where('complaint.kind', '=', 'complaint')
    .where('complaint.finding', '=', 'substantiated')
    .where((eb) => eb(eb.fn.coalesce('complaint.handled_on', 'complaint.received_on'), '>=', from))
    .where((eb) => eb(eb.fn.coalesce('complaint.handled_on', 'complaint.received_on'), '<=', to))
    .execute();
}

/** Cases closed in a window, with their handlers (one row per handler). */
export function findClosedCasesWithHandlers(
  db: Db,
  countyPath: string,
  closedFrom: string,
  closedTo: string,
) {
  return db
    .selectFrom('enforcement_case')
    .innerJoin('org', 'org.id', 'enforcement_case.org_id')
    .innerJoin('case_handler', 'case_handler.case_id', 'enforcement_case.id')
    .select([
      'enforcement_case.id',
      'enforcement_case.case_no',
      'enforcement_case.closed_on',
      'enforcement_case.record_submitted_on',
      'enforcement_case.quality_grade',
      'enforcement_case.quality_at',
      'case_handler.officer_id',
      'org.path',
    ])
    .where('org.path', 'like', `${countyPath}%`)
    .where('enforcement_case.closed_on', '>=', closedFrom)
    .where('enforcement_case.closed_on', '<=', closedTo)
    .execute();
}

export function findCertificatesEndingBetween(db: Db, countyPath: string, from: string, to: string) {
  return db
    .selectFrom('certificate')
    .innerJoin('officer', 'officer.id', 'certificate.officer_id')
    .innerJoin('org', 'org.id', 'officer.org_id')
    .select([
      'certificate.id',
      'certificate.number',
      'certificate.issued_on',
      'certificate.valid_until',
      'certificate.is_suspended',
      'certificate.is_revoked',
      'certificate.officer_id',
      'org.path',
    ])
    .where('org.path', 'like', `${countyPath}%`)
    .where('certificate.valid_until', '>=', from)
    .where('certificate.valid_until', '<=', to)
    .execute();
}
