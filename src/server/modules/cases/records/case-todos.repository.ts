/** The cases behind the to-dos and warnings (cases.todos.ts). */
import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';

/** Closed cases whose record the account's own officer profiles still have to hand in (the officer's to-dos). */
export function findRecordsToWrite(db: Db, userId: number) {
  return db
    .selectFrom('enforcement_case')
    .select([
      'enforcement_case.id',
      'enforcement_case.org_id',
      'enforcement_case.case_no',
      'enforcement_case.closed_on',
    ])
    .where('enforcement_case.record_submitted_on', 'is', null)
    .where('enforcement_case.closed_on', 'is not', null)
    .where((eb) =>
      eb(
        'enforcement_case.id',
        'in',
        eb
          .selectFrom('case_handler')
          .innerJoin('officer', 'officer.id', 'case_handler.officer_id')
          .select('case_handler.case_id')
          .where('officer.user_id', '=', userId),
      ),
    )
    .orderBy('enforcement_case.closed_on')
    .execute() as Promise<Array<{ id: number; org_id: number; case_no: string; closed_on: string }>>;
}

/** Handed-in records of these orgs still without the legal unit's quality analysis, oldest first. */
export function findQualityToGive(db: Db, orgIds: readonly number[], limit: number) {
  if (orgIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('enforcement_case')
    .select([
      'enforcement_case.id',
      'enforcement_case.org_id',
      'enforcement_case.case_no',
      'enforcement_case.record_submitted_on',
    ])
    .where('enforcement_case.org_id', 'in', orgIds)
    .where('enforcement_case.record_submitted_on', 'is not', null)
    .where('enforcement_case.quality_grade', 'is', null)
    .orderBy('enforcement_case.record_submitted_on')
    .orderBy('enforcement_case.id')
    .limit(limit)
    .execute();
}

/** The county's closed cases whose record is still not handed in and closed before `closedBefore` (warnings). */
export function findUnsubmittedClosedBefore(db: Db, countyPath: string, closedBefore: string) {
  return db
    .selectFrom('enforcement_case')
    .innerJoin('org', 'org.id', 'enforcement_case.org_id')
    .select([
      'enforcement_case.id',
      'enforcement_case.org_id',
      'enforcement_case.case_no',
      'enforcement_case.closed_on',
      sql<
        number[]
      >`array(select officer.user_id from case_handler join officer on officer.id = case_handler.officer_id where case_handler.case_id = enforcement_case.id and officer.user_id is not null)`.as(
        'handler_user_ids',
      ),
    ])
    .where('org.path', 'like', `${countyPath}%`)
    .where('enforcement_case.record_submitted_on', 'is', null)
    .where('enforcement_case.closed_on', '<', closedBefore)
    .execute() as Promise<
    Array<{ id: number; org_id: number; case_no: string; closed_on: string; handler_user_ids: number[] }>
  >;
}

/** The county's cases still open (not closed) that were filed before `filedBefore` (warnings). */
export function findOpenFiledBefore(db: Db, countyPath: string, filedBefore: string) {
  return db
    .selectFrom('enforcement_case')
    .innerJoin('org', 'org.id', 'enforcement_case.org_id')
    .select([
      'enforcement_case.id',
      'enforcement_case.org_id',
      'enforcement_case.case_no',
      'enforcement_case.filed_on',
    ])
    .where('org.path', 'like', `${countyPath}%`)
    .where('enforcement_case.closed_on', 'is', null)
    .where('enforcement_case.filed_on', '<', filedBefore)
    .execute();
}

/**
 * Handlers of the county's cases filed on or after `filedFrom` who held no certificate in force on
 * the filing day (issued by then, valid through it, neither suspended nor revoked — the rule of
 * certificate-state.ts isCertificateValidOn), e.g. named by an import or since suspended.
 */
export function findHandlersWithoutCertificate(db: Db, countyPath: string, filedFrom: string) {
  return db
    .selectFrom('case_handler')
    .innerJoin('enforcement_case', 'enforcement_case.id', 'case_handler.case_id')
    .innerJoin('org', 'org.id', 'enforcement_case.org_id')
    .innerJoin('officer', 'officer.id', 'case_handler.officer_id')
    .select([
      'enforcement_case.id as case_id',
      'enforcement_case.org_id',
      'enforcement_case.case_no',
      'enforcement_case.filed_on',
      'officer.id as officer_id',
      'officer.name as officer_name',
    ])
    .where('org.path', 'like', `${countyPath}%`)
    .where('enforcement_case.filed_on', '>=', filedFrom)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('certificate')
            .select('certificate.id')
            .whereRef('certificate.officer_id', '=', 'case_handler.officer_id')
            .where('certificate.is_revoked', '=', false)
            .where('certificate.is_suspended', '=', false)
            .whereRef('certificate.issued_on', '<=', 'enforcement_case.filed_on')
            .whereRef('certificate.valid_until', '>=', 'enforcement_case.filed_on'),
        ),
      ),
    )
    .execute();
}
