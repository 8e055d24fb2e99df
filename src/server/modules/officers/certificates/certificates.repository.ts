import type { Db } from '../../../db/database.ts';
import type { Certificate, CertificateReview } from '../../../db/schema.ts';
import { type OfficerVisibility, visibleOfficers } from '../archive/officers.repository.ts';

export type CertificateWithOfficer = Certificate & {
  officer_name: string;
  officer_status: string;
  org_id: number;
  org_name: string;
  org_path: string;
  officer_user_id: number | null;
};

export function findCertificatesOfOfficers(db: Db, officerIds: readonly number[]): Promise<Certificate[]> {
  if (officerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('certificate')
    .selectAll()
    .where('officer_id', 'in', officerIds)
    .orderBy('issued_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export function findReviews(db: Db, certificateIds: readonly number[]): Promise<CertificateReview[]> {
  if (certificateIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('certificate_review')
    .selectAll()
    .where('certificate_id', 'in', certificateIds)
    .orderBy('reviewed_on')
    .orderBy('id')
    .execute();
}

/** Certificates with their holder's name, status and account and the holder's org. */
function selectCertificatesWithOfficer(db: Db) {
  return db
    .selectFrom('certificate')
    .innerJoin('officer', 'officer.id', 'certificate.officer_id')
    .innerJoin('org', 'org.id', 'officer.org_id')
    .selectAll('certificate')
    .select([
      'officer.name as officer_name',
      'officer.status as officer_status',
      'officer.user_id as officer_user_id',
      'org.id as org_id',
      'org.name as org_name',
      'org.path as org_path',
    ]);
}

export function findCertificateById(db: Db, id: number): Promise<CertificateWithOfficer | undefined> {
  return selectCertificatesWithOfficer(db).where('certificate.id', '=', id).executeTakeFirst();
}

/** A certificate by number, any letter case (numbers are unique regardless of case). */
export function findCertificateByNumber(db: Db, number: string): Promise<CertificateWithOfficer | undefined> {
  return selectCertificatesWithOfficer(db)
    .where((eb) => eb(eb.fn('upper', ['certificate.number']), '=', number.toUpperCase()))
    .executeTakeFirst();
}

/** Which of these numbers already exist (upper-cased), for imports. */
export async function findExistingNumbers(db: Db, numbers: readonly string[]): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  const rows = await db
    .selectFrom('certificate')
    .select('number')
    .where((eb) =>
      eb(
        eb.fn('upper', ['number']),
        'in',
        numbers.map((number) => number.toUpperCase()),
      ),
    )
    .execute();
  return new Set(rows.map((row) => row.number.toUpperCase()));
}

export type CertificateValues = Omit<
  Certificate,
  'id' | 'created_at' | 'updated_at' | 'is_suspended' | 'is_revoked'
> &
  Partial<Pick<Certificate, 'is_suspended' | 'is_revoked'>>;

export function insertCertificate(trx: Db, values: CertificateValues) {
  return trx.insertInto('certificate').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateCertificateRow(trx: Db, id: number, patch: Partial<CertificateValues>) {
  return trx
    .updateTable('certificate')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function insertReview(
  trx: Db,
  values: { certificate_id: number; reviewed_on: string; result: 'pass' | 'fail'; note: string | null },
) {
  return trx.insertInto('certificate_review').values(values).returningAll().executeTakeFirstOrThrow();
}

/**
 * The latest certificate of every in-service (在岗) officer visible to the reader, that is not
 * revoked: the candidates for expiry and annual-review warnings.
 */
export function findWarningCandidates(
  db: Db,
  visibility: OfficerVisibility & { orgPath?: string | undefined },
) {
  let query = db
    .selectFrom('officer')
    .innerJoin('org', 'org.id', 'officer.org_id')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('certificate')
          .selectAll('certificate')
          .whereRef('certificate.officer_id', '=', 'officer.id')
          .orderBy('certificate.issued_on', 'desc')
          .orderBy('certificate.id', 'desc')
          .limit(1)
          .as('cert'),
      (join) => join.onTrue(),
    )
    .where(visibleOfficers(visibility))
    .where('officer.status', '=', 'active')
    .where('cert.is_revoked', '=', false);
  if (visibility.orgPath) query = query.where('org.path', 'like', `${visibility.orgPath}%`);
  return query
    .selectAll('cert')
    .select([
      'officer.name as officer_name',
      'officer.org_id as officer_org_id',
      'org.name as org_name',
      'org.path as org_path',
    ])
    .orderBy('org.path')
    .orderBy('officer.id')
    .execute();
}
