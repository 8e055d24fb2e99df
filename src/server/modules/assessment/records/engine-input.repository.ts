import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';

/**
 * A period's subjects as the engine names them (key and name), in key order, with the name of
 * their unit (the organisation just under the county on their path: the agency, township or
 * bureau), an officer's post (执法岗位) and 序列 (seed 003 篇1: 领导/一般工作人员), for quotas and
 * rankings per group (issue 18 point 8).
 */
export function findEngineSubjects(db: Db, periodId: number) {
  return db
    .selectFrom('assessment_subject')
    .innerJoin('org', 'org.id', 'assessment_subject.org_id')
    .leftJoin('org as unit', (join) =>
      join.on(sql`unit.id`, '=', sql`nullif(split_part(org.path, '/', 3), '')::integer`),
    )
    .leftJoin('officer', 'officer.id', 'assessment_subject.officer_id')
    .select([
      'assessment_subject.subject_key as id',
      'assessment_subject.name',
      (eb) => eb.fn.coalesce('unit.name', 'org.name').as('unit'),
      'officer.post',
      'officer.series',
    ])
    .where('assessment_subject.period_id', '=', periodId)
    .orderBy('assessment_subject.subject_key')
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
