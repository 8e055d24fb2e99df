import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { containsPattern } from '../../../db/like.ts';
import type { Database, Officer, OfficerSeries, OfficerStatus, Org } from '../../../db/schema.ts';
import type { CertificateState } from '../certificates/certificate-state.ts';

/** A keyword of only letters, digits and hyphens is (part of) a certificate number. */
const CERTIFICATE_NUMBER_KEYWORD = /^[A-Za-z0-9-]+$/;

export type OfficerWithOrg = Officer & { org_name: string; org_path: string; has_photo: boolean };

/** The latest certificate of the listed officer (by issue date), as the list shows it. */
export interface LatestCertificateColumns {
  cert_id: number | null;
  cert_number: string | null;
  cert_issued_on: string | null;
  cert_valid_until: string | null;
  cert_is_suspended: boolean | null;
  cert_is_revoked: boolean | null;
}

/** Who may see a row: an org subtree in scope, or the profile linked to the reader's own account. */
export interface OfficerVisibility {
  scopePaths: string[];
  ownUserId: number;
}

/** The SQL form of the visibility rule, for every query over officers (joined with org). */
export function visibleOfficers(visibility: OfficerVisibility) {
  return (
    eb: ExpressionBuilder<
      Database & { org: Database['org']; officer: Database['officer'] },
      'org' | 'officer'
    >,
  ) =>
    eb.or([
      ...visibility.scopePaths.map((prefix) => eb('org.path', 'like', `${prefix}%`)),
      eb('officer.user_id', '=', visibility.ownUserId),
    ]);
}

export interface OfficerFilter extends OfficerVisibility {
  keyword?: string | undefined;
  /** the ids of an org subtree (findSubtreeIds); undefined = no org filter */
  orgIds?: number[] | undefined;
  status?: OfficerStatus | undefined;
  certificateState?: CertificateState | 'none' | undefined;
  /** today and the first day that is still 'valid' (today + 90), for the state filter */
  today: string;
  expiringFrom: string;
}

type OfficerExpressionBuilder = ExpressionBuilder<Database, 'org' | 'officer'>;

/** Visibility, org subtree, status and keyword as one condition over officer ⋈ org. */
function officerConditions(filter: OfficerFilter) {
  return (eb: OfficerExpressionBuilder) => {
    const conditions: Expression<SqlBool>[] = [visibleOfficers(filter)(eb)];
    // As literal ids rather than a path condition on the join, so the planner sees how few
    // officers they hold and reaches them through officer_status_idx (status, org_id).
    if (filter.orgIds)
      conditions.push(filter.orgIds.length > 0 ? eb('officer.org_id', 'in', filter.orgIds) : eb.lit(false));
    if (filter.status) conditions.push(eb('officer.status', '=', filter.status));
    if (filter.keyword) {
      const pattern = containsPattern(filter.keyword);
      // Names are Chinese, certificate numbers letters and digits: search the one the keyword can
      // match, so a name search never probes every officer's certificates (bench/officers.bench.ts).
      conditions.push(
        CERTIFICATE_NUMBER_KEYWORD.test(filter.keyword)
          ? eb.exists(
              eb
                .selectFrom('certificate as c2')
                .select('c2.id')
                .whereRef('c2.officer_id', '=', 'officer.id')
                .where('c2.number', 'ilike', pattern),
            )
          : eb('officer.name', 'like', pattern),
      );
    }
    return eb.and(conditions);
  };
}

function filteredOfficers(db: Db, filter: OfficerFilter) {
  let query = db
    .selectFrom('officer')
    .innerJoin('org', 'org.id', 'officer.org_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('certificate')
          .select([
            'certificate.id as cert_id',
            'certificate.number as cert_number',
            'certificate.issued_on as cert_issued_on',
            'certificate.valid_until as cert_valid_until',
            'certificate.is_suspended as cert_is_suspended',
            'certificate.is_revoked as cert_is_revoked',
          ])
          .whereRef('certificate.officer_id', '=', 'officer.id')
          .orderBy('certificate.issued_on', 'desc')
          .orderBy('certificate.id', 'desc')
          .limit(1)
          .as('cert'),
      (join) => join.onTrue(),
    )
    .where(officerConditions(filter));
  // Same rules as deriveCertificateState (certificate-state.ts); officers.test.ts checks they agree.
  switch (filter.certificateState) {
    case undefined:
      break;
    case 'none':
      query = query.where('cert.cert_id', 'is', null);
      break;
    case 'revoked':
      query = query.where('cert.cert_is_revoked', '=', true);
      break;
    case 'suspended':
      query = query.where('cert.cert_is_revoked', '=', false).where('cert.cert_is_suspended', '=', true);
      break;
    default: {
      query = query.where('cert.cert_is_revoked', '=', false).where('cert.cert_is_suspended', '=', false);
      if (filter.certificateState === 'expired')
        query = query.where('cert.cert_valid_until', '<', filter.today);
      if (filter.certificateState === 'expiring') {
        query = query
          .where('cert.cert_valid_until', '>=', filter.today)
          .where('cert.cert_valid_until', '<=', filter.expiringFrom);
      }
      if (filter.certificateState === 'valid')
        query = query.where('cert.cert_valid_until', '>', filter.expiringFrom);
    }
  }
  return query;
}

/** The total for a list: without the certificate join unless the state filter needs it. */
function countOfficers(db: Db, filter: OfficerFilter) {
  if (filter.certificateState !== undefined) {
    return filteredOfficers(db, filter)
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow();
  }
  return db
    .selectFrom('officer')
    .innerJoin('org', 'org.id', 'officer.org_id')
    .where(officerConditions(filter))
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
}

export type OfficerListRow = OfficerWithOrg & LatestCertificateColumns;

/** A page of the officers the filter lets through, ordered by org then name. */
export async function findOfficers(
  db: Db,
  filter: OfficerFilter & { page: number; pageSize: number },
): Promise<{ rows: OfficerListRow[]; total: number }> {
  const query = filteredOfficers(db, filter);
  const [rows, count] = await Promise.all([
    query
      .selectAll('officer')
      .select(['org.name as org_name', 'org.path as org_path', sql<boolean>`false`.as('has_photo')])
      .selectAll('cert')
      .orderBy('org.path')
      .orderBy('officer.id')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    countOfficers(db, filter),
  ]);
  return { rows: rows as OfficerListRow[], total: Number(count.total) };
}

/** Every officer the filter lets through (exports), at most `limit` rows. */
export async function findAllOfficers(
  db: Db,
  filter: OfficerFilter,
  limit: number,
): Promise<OfficerListRow[]> {
  const rows = await filteredOfficers(db, filter)
    .selectAll('officer')
    .select(['org.name as org_name', 'org.path as org_path', sql<boolean>`false`.as('has_photo')])
    .selectAll('cert')
    .orderBy('org.path')
    .orderBy('officer.id')
    .limit(limit)
    .execute();
  return rows as OfficerListRow[];
}

export function findOfficerById(db: Db, id: number): Promise<OfficerWithOrg | undefined> {
  return db
    .selectFrom('officer')
    .innerJoin('org', 'org.id', 'officer.org_id')
    .selectAll('officer')
    .select(['org.name as org_name', 'org.path as org_path'])
    .select(
      sql<boolean>`exists (select 1 from officer_photo where officer_photo.officer_id = officer.id)`.as(
        'has_photo',
      ),
    )
    .where('officer.id', '=', id)
    .executeTakeFirst();
}

/** The officer linked to an account, with its name (账号管理 shows it). */
export function findOfficerOfUser(db: Db, userId: number) {
  return db.selectFrom('officer').select(['id', 'name']).where('user_id', '=', userId).executeTakeFirst();
}

export function findOfficerIdByUser(db: Db, userId: number): Promise<{ id: number } | undefined> {
  return db.selectFrom('officer').select('id').where('user_id', '=', userId).executeTakeFirst();
}

export type OfficerValues = Omit<
  Officer,
  'id' | 'created_at' | 'updated_at' | 'status' | 'email' | 'series'
> & {
  status?: OfficerStatus;
  email?: string | null;
  series?: OfficerSeries | null;
};

export function insertOfficer(trx: Db, values: OfficerValues) {
  return trx.insertInto('officer').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateOfficerRow(trx: Db, id: number, patch: Partial<OfficerValues>) {
  return trx
    .updateTable('officer')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** The orgs named in these paths (ancestors included), to name each officer's agency. */
export function findOrgsOnPaths(db: Db, paths: readonly string[]): Promise<Org[]> {
  const ids = [...new Set(paths.flatMap((path) => path.split('/').filter(Boolean).map(Number)))];
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('org').selectAll().where('id', 'in', ids).execute();
}

export function findPhoto(db: Db, officerId: number) {
  return db.selectFrom('officer_photo').selectAll().where('officer_id', '=', officerId).executeTakeFirst();
}

export async function upsertPhoto(
  trx: Db,
  officerId: number,
  contentType: 'image/jpeg' | 'image/png',
  bytes: Buffer,
) {
  await trx
    .insertInto('officer_photo')
    .values({ officer_id: officerId, content_type: contentType, bytes })
    .onConflict((conflict) =>
      conflict.column('officer_id').doUpdateSet({ content_type: contentType, bytes, updated_at: new Date() }),
    )
    .execute();
}

export function findPostChanges(db: Db, officerIds: readonly number[]) {
  if (officerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('post_change')
    .selectAll()
    .where('officer_id', 'in', officerIds)
    .orderBy('changed_on')
    .orderBy('id')
    .execute();
}

export function insertPostChange(
  trx: Db,
  values: {
    officer_id: number;
    changed_on: string;
    from_post: string | null;
    from_duties: string | null;
    to_post: string;
    to_duties: string | null;
    reason: string | null;
  },
) {
  return trx.insertInto('post_change').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Entity types whose audit entries carry `officerId` in before/after: the officer's history. */
const OFFICER_ENTITY_TYPES = ['certificate', 'certificate_review', 'training', 'post_change'];

/** Audit entries about one officer, newest first (reads audit_log, written only by recordAudit). */
export function findOfficerHistory(db: Db, officerId: number, limit: number) {
  const id = String(officerId);
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('entity_type', '=', 'officer'), eb('entity_id', '=', id)]),
        eb.and([
          eb('entity_type', 'in', OFFICER_ENTITY_TYPES),
          eb.or([
            eb(sql<string>`after->>'officerId'`, '=', id),
            eb(sql<string>`before->>'officerId'`, '=', id),
          ]),
        ]),
      ]),
    )
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** The county's leading-group office (制 on the archive cover), by the root of an org path. */
export async function findLeadingGroupName(db: Db, path: string): Promise<string | undefined> {
  const root = `/${path.split('/').filter(Boolean)[0]}/`;
  const row = await db
    .selectFrom('org')
    .select('name')
    .where('kind', '=', 'leading_group')
    .where('path', 'like', `${root}%`)
    .orderBy('path')
    .executeTakeFirst();
  return row?.name;
}

/** The ids of the org at `path` and everything under it. */
export async function findSubtreeIds(db: Db, path: string): Promise<number[]> {
  const rows = await db.selectFrom('org').select('id').where('path', 'like', `${path}%`).execute();
  return rows.map((row) => row.id);
}
