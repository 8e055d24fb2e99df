/** SQL of the registers, their per-year counters and the register book (发文登记簿). */
import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { containsPattern } from '../../../db/like.ts';
import type { DocumentRegister, IssuedDocument, IssuedDocumentStatus } from '../../../db/schema.ts';

export type RegisterRow = DocumentRegister & {
  org_name: string;
  org_path: string;
  next_number: number | null;
};

/** Registers under the scope paths, each with its next number in `year` (null = no number taken yet). */
export function findRegisters(db: Db, filter: { scopePaths: string[]; year: number; id?: number }) {
  let query = db
    .selectFrom('document_register')
    .innerJoin('org', 'org.id', 'document_register.org_id')
    .leftJoin('document_register_year', (join) =>
      join
        .onRef('document_register_year.register_id', '=', 'document_register.id')
        .on('document_register_year.year', '=', filter.year),
    )
    .selectAll('document_register')
    .select(['org.name as org_name', 'org.path as org_path', 'document_register_year.next_number'])
    .where((eb) => eb.or(filter.scopePaths.map((prefix) => eb('org.path', 'like', `${prefix}%`))));
  if (filter.id) query = query.where('document_register.id', '=', filter.id);
  return query.orderBy('org.path').orderBy('document_register.code').execute() as Promise<RegisterRow[]>;
}

export function findRegisterByCode(db: Db, orgId: number, code: string) {
  return db
    .selectFrom('document_register')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('code', '=', code)
    .executeTakeFirst();
}

/**
 * The register of `code` nearest to an organisation: its own, else its nearest ancestor's, else the
 * first under its county root (a county's circulars are issued by an office inside it).
 */
export async function findNearestRegister(db: Db, orgPath: string, code: string) {
  const ancestors = orgPath.split('/').filter(Boolean);
  const countyPath = `/${ancestors[0]}/`;
  const rows = await db
    .selectFrom('document_register')
    .innerJoin('org', 'org.id', 'document_register.org_id')
    .selectAll('document_register')
    .select(['org.name as org_name', 'org.path as org_path'])
    .where('document_register.code', '=', code)
    .where('org.path', 'like', `${countyPath}%`)
    .orderBy('org.path')
    .execute();
  const ancestorsFirst = rows
    .filter((row) => orgPath.startsWith(row.org_path))
    .sort((left, right) => right.org_path.length - left.org_path.length);
  return ancestorsFirst[0] ?? rows[0];
}

export function insertRegister(
  trx: Db,
  values: { org_id: number; code: string; name: string; prefix: string },
): Promise<DocumentRegister> {
  return trx.insertInto('document_register').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateRegisterRow(
  trx: Db,
  id: number,
  patch: Partial<Pick<DocumentRegister, 'name' | 'prefix' | 'is_active'>>,
) {
  return trx
    .updateTable('document_register')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/**
 * Takes the next number of a register's year: one upsert whose row lock lasts until the caller's
 * transaction ends, so concurrent issues queue and a rolled-back issue gives its number back.
 */
export async function takeNextSequence(trx: Db, registerId: number, year: number): Promise<number> {
  const row = await sql<{ sequence: number }>`
    insert into document_register_year (register_id, year, next_number) values (${registerId}, ${year}, 2)
    on conflict (register_id, year)
      do update set next_number = document_register_year.next_number + 1
    returning next_number - 1 as sequence`.execute(trx);
  return Number(row.rows[0]!.sequence);
}

/** Sets the next number of a register's year (a register continued from paper). */
export function setNextNumber(trx: Db, registerId: number, year: number, nextNumber: number) {
  return trx
    .insertInto('document_register_year')
    .values({ register_id: registerId, year, next_number: nextNumber })
    .onConflict((conflict) =>
      conflict.columns(['register_id', 'year']).doUpdateSet({ next_number: nextNumber }),
    )
    .execute();
}

/** The highest sequence issued in a register's year, 0 when none. */
export async function findMaxSequence(db: Db, registerId: number, year: number): Promise<number> {
  const row = await db
    .selectFrom('issued_document')
    .select((eb) => eb.fn.max('sequence').as('max'))
    .where('register_id', '=', registerId)
    .where('year', '=', year)
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

export function insertIssuedDocument(
  trx: Db,
  values: Omit<IssuedDocument, 'id' | 'created_at' | 'status' | 'withdrawn_reason' | 'withdrawn_at'>,
) {
  return trx.insertInto('issued_document').values(values).returning('id').executeTakeFirstOrThrow();
}

export type IssuedRow = IssuedDocument & {
  org_name: string;
  org_path: string;
  register_code: string;
  register_name: string;
};

function issuedQuery(db: Db) {
  return db
    .selectFrom('issued_document')
    .innerJoin('org', 'org.id', 'issued_document.org_id')
    .innerJoin('document_register', 'document_register.id', 'issued_document.register_id')
    .selectAll('issued_document')
    .select([
      'org.name as org_name',
      'org.path as org_path',
      'document_register.code as register_code',
      'document_register.name as register_name',
    ]);
}

export interface IssuedFilter {
  scopePaths: string[];
  registerId?: number | undefined;
  year?: number | undefined;
  status?: IssuedDocumentStatus | undefined;
  /** number, title, recipient or signer */
  keyword?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function filteredIssued(db: Db, filter: IssuedFilter) {
  let query = issuedQuery(db).where((eb) =>
    eb.or(filter.scopePaths.map((prefix) => eb('org.path', 'like', `${prefix}%`))),
  );
  if (filter.registerId) query = query.where('issued_document.register_id', '=', filter.registerId);
  if (filter.year) query = query.where('issued_document.year', '=', filter.year);
  if (filter.status) query = query.where('issued_document.status', '=', filter.status);
  if (filter.from) query = query.where('issued_document.issued_on', '>=', filter.from);
  if (filter.to) query = query.where('issued_document.issued_on', '<=', filter.to);
  if (filter.keyword) {
    const pattern = containsPattern(filter.keyword);
    query = query.where((eb) =>
      eb.or([
        eb('issued_document.number', 'ilike', pattern),
        eb('issued_document.title', 'ilike', pattern),
        eb('issued_document.recipient', 'ilike', pattern),
        eb('issued_document.signed_by', 'ilike', pattern),
      ]),
    );
  }
  return query;
}

/** A page of the register book, newest first. */
export async function findIssuedDocuments(db: Db, filter: IssuedFilter & { page: number; pageSize: number }) {
  const query = filteredIssued(db, filter);
  const [rows, count] = await Promise.all([
    query
      .orderBy('issued_document.issued_on', 'desc')
      .orderBy('issued_document.id', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/** Every entry the filter lets through (export), in register order, at most `limit`. */
export function findAllIssuedDocuments(db: Db, filter: IssuedFilter, limit: number): Promise<IssuedRow[]> {
  return filteredIssued(db, filter)
    .orderBy('org.path')
    .orderBy('document_register.code')
    .orderBy('issued_document.year')
    .orderBy('issued_document.sequence')
    .limit(limit)
    .execute();
}

/** The newest entry of a source record (withdrawn ones too), or undefined. */
export function findIssuedBySource(
  db: Db,
  source: { domain: string; recordType: string; recordId: number },
): Promise<IssuedRow | undefined> {
  return issuedQuery(db)
    .where('issued_document.source_domain', '=', source.domain)
    .where('issued_document.source_record_type', '=', source.recordType)
    .where('issued_document.source_record_id', '=', source.recordId)
    .orderBy('issued_document.id', 'desc')
    .executeTakeFirst();
}

export function markWithdrawnRow(trx: Db, id: number, reason: string) {
  return trx
    .updateTable('issued_document')
    .set({ status: 'withdrawn', withdrawn_reason: reason, withdrawn_at: new Date() })
    .where('id', '=', id)
    .execute();
}
