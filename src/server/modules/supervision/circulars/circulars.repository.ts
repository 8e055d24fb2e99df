/** SQL of supervision circulars (通报批评 / 通报表扬). */
import type { Insertable, Updateable } from 'kysely';
import type { CircularKind, CircularSituation, CircularState } from '../../../../common/supervision.ts';
import type { Db } from '../../../db/database.ts';
import type { Database } from '../../../db/schema.ts';

function circularsQuery(db: Db) {
  return db
    .selectFrom('supervision_circular')
    .innerJoin('org as issuer', 'issuer.id', 'supervision_circular.issuer_org_id')
    .innerJoin('org as subject', 'subject.id', 'supervision_circular.subject_org_id')
    .selectAll('supervision_circular')
    .select([
      'issuer.name as issuer_name',
      'issuer.path as issuer_path',
      'subject.name as subject_name',
      'subject.path as subject_path',
    ]);
}
export type CircularRow = Awaited<ReturnType<ReturnType<typeof circularsQuery>['executeTakeFirstOrThrow']>>;

export interface CircularFilter {
  scopePaths: readonly string[];
  kind?: CircularKind | undefined;
  situation?: CircularSituation | undefined;
  state?: CircularState | undefined;
  unitId?: number | undefined;
  year?: number | undefined;
}

/**
 * The issuer's side (scope covers the issuer) sees every stage; the circulated unit's readers only
 * issued circulars (and withdrawn ones they once received).
 */
function filteredCirculars(db: Db, filter: CircularFilter) {
  let query = circularsQuery(db).where((eb) => {
    if (filter.scopePaths.length === 0) return eb.lit(false);
    return eb.or([
      ...filter.scopePaths.map((prefix) => eb('issuer.path', 'like', `${prefix}%`)),
      eb.and([
        eb('supervision_circular.number', 'is not', null),
        eb.or(filter.scopePaths.map((prefix) => eb('subject.path', 'like', `${prefix}%`))),
      ]),
    ]);
  });
  if (filter.kind) query = query.where('supervision_circular.kind', '=', filter.kind);
  if (filter.situation) query = query.where('supervision_circular.situation', '=', filter.situation);
  if (filter.state) query = query.where('supervision_circular.state', '=', filter.state);
  if (filter.unitId) query = query.where('supervision_circular.subject_org_id', '=', filter.unitId);
  if (filter.year) query = query.where('supervision_circular.year', '=', filter.year);
  return query;
}

export async function findCirculars(db: Db, filter: CircularFilter & { page: number; pageSize: number }) {
  const [rows, count] = await Promise.all([
    filteredCirculars(db, filter)
      .orderBy('supervision_circular.id', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    filteredCirculars(db, filter)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findCircularById(db: Db, id: number) {
  return circularsQuery(db).where('supervision_circular.id', '=', id).executeTakeFirst();
}

export function lockCircular(trx: Db, id: number) {
  return trx
    .selectFrom('supervision_circular')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function insertCircular(trx: Db, values: Insertable<Database['supervision_circular']>) {
  return trx.insertInto('supervision_circular').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateCircularRow(trx: Db, id: number, patch: Updateable<Database['supervision_circular']>) {
  return trx
    .updateTable('supervision_circular')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}
