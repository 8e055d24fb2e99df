import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** A period's subjects as the engine names them (key and name), in key order. */
export function findEngineSubjects(db: Db, periodId: number) {
  return db
    .selectFrom('assessment_subject')
    .select(['subject_key as id', 'name'])
    .where('period_id', '=', periodId)
    .orderBy('subject_key')
    .execute();
}

/**
 * One active record (or rating) as the engine needs it: id, subject, item, date, count, value,
 * level, fact, rater, evidence kind, evidence id (nulls where unset).
 */
export type RecordTuple = [
  number,
  string,
  string,
  string,
  number,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
];

/**
 * A period's active records as tuples in one JSON text, by id. A county period holds 100,000
 * records: one aggregated value parses in a single JSON.parse, where 100,000 row objects through
 * the driver cost about three times as long on PGlite, the embedded default then (docs/assessment.md).
 */
export async function findActiveRecordTuples(db: Db, periodId: number): Promise<RecordTuple[]> {
  const { rows } = await sql<{ records: string | null }>`
    select json_agg(json_build_array(id, subject_key, item, occurred_on, count, value, level, fact,
                                     rater, evidence_kind, evidence_id) order by id)::text as records
    from assessment_record
    where period_id = ${periodId} and status = 'active'
  `.execute(db);
  const text = rows[0]?.records;
  return text ? (JSON.parse(text) as RecordTuple[]) : [];
}

/** A period's submitted self-assessments (subject and claimed items). */
export function findSelfAssessmentItems(db: Db, periodId: number) {
  return db
    .selectFrom('self_assessment')
    .select(['subject_key', 'items'])
    .where('period_id', '=', periodId)
    .execute();
}
