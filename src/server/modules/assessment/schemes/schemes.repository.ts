import type { Db } from '../../../db/database.ts';
import type { SchemeVersion } from '../../../db/schema.ts';

export type SchemeVersionSummary = Omit<SchemeVersion, 'body' | 'content'>;

const SUMMARY_COLUMNS = [
  'id',
  'scheme_id',
  'version_no',
  'content_hash',
  'org_id',
  'source',
  'name',
  'subject_kind',
  'period_kind',
  'created_by',
  'created_at',
] as const;

/** Versions visible to a county: the presets (org_id null) and the county's own uploads. */
export function findSchemeVersions(db: Db, countyId: number): Promise<SchemeVersionSummary[]> {
  return db
    .selectFrom('scheme_version')
    .select(SUMMARY_COLUMNS)
    .where((eb) => eb.or([eb('org_id', 'is', null), eb('org_id', '=', countyId)]))
    .orderBy('scheme_id')
    .orderBy('version_no')
    .execute();
}

export function findSchemeVersionById(db: Db, id: number): Promise<SchemeVersion | undefined> {
  return db.selectFrom('scheme_version').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The version with this content in the same owner (null = presets), if stored already. */
export function findVersionByHash(
  db: Db,
  orgId: number | null,
  schemeId: string,
  hash: string,
): Promise<SchemeVersionSummary | undefined> {
  let query = db
    .selectFrom('scheme_version')
    .select(SUMMARY_COLUMNS)
    .where('scheme_id', '=', schemeId)
    .where('content_hash', '=', hash);
  query = orgId === null ? query.where('org_id', 'is', null) : query.where('org_id', '=', orgId);
  return query.executeTakeFirst();
}

export async function findLatestVersionNo(db: Db, orgId: number | null, schemeId: string): Promise<number> {
  let query = db
    .selectFrom('scheme_version')
    .select((eb) => eb.fn.max('version_no').as('latest'))
    .where('scheme_id', '=', schemeId);
  query = orgId === null ? query.where('org_id', 'is', null) : query.where('org_id', '=', orgId);
  const row = await query.executeTakeFirst();
  return Number(row?.latest ?? 0);
}

export function insertSchemeVersion(
  trx: Db,
  values: Omit<SchemeVersion, 'id' | 'created_at' | 'body'> & { body: string },
): Promise<SchemeVersionSummary> {
  return trx.insertInto('scheme_version').values(values).returning(SUMMARY_COLUMNS).executeTakeFirstOrThrow();
}
