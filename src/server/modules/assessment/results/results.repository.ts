import type { SubjectResult } from '../../../../engine/index.ts';
import type { Db } from '../../../db/database.ts';
import type { PeriodStatus } from '../../../db/schema.ts';

/** Replaces a period's stored results (one row per subject, the result as JSON). */
export async function replaceResults(trx: Db, periodId: number, subjects: readonly SubjectResult[]) {
  await trx.deleteFrom('assessment_result').where('period_id', '=', periodId).execute();
  // 6 columns per row; PostgreSQL takes at most 65,535 parameters per statement.
  const CHUNK = 2_000;
  for (let start = 0; start < subjects.length; start += CHUNK) {
    await trx
      .insertInto('assessment_result')
      .values(
        subjects.slice(start, start + CHUNK).map((subject) => ({
          period_id: periodId,
          subject_key: subject.subject,
          total: subject.total,
          grade: subject.grade,
          rank: subject.rank,
          result: JSON.stringify(subject),
        })),
      )
      .execute();
  }
}

/** Stored results without their explanations (for ranking tables), best rank first. */
export function findResultSummaries(db: Db, periodId: number) {
  return db
    .selectFrom('assessment_result')
    .innerJoin('assessment_subject', (join) =>
      join
        .onRef('assessment_subject.period_id', '=', 'assessment_result.period_id')
        .onRef('assessment_subject.subject_key', '=', 'assessment_result.subject_key'),
    )
    .select([
      'assessment_result.subject_key',
      'assessment_subject.name',
      'assessment_result.total',
      'assessment_result.grade',
      'assessment_result.rank',
      (eb) =>
        eb
          .ref('assessment_result.result', '->')
          .key('flags' as never)
          .as('flags'),
    ])
    .where('assessment_result.period_id', '=', periodId)
    .orderBy('assessment_result.rank')
    .orderBy('assessment_result.subject_key')
    .execute();
}

export function findResult(db: Db, periodId: number, subjectKey: string) {
  return db
    .selectFrom('assessment_result')
    .selectAll()
    .where('period_id', '=', periodId)
    .where('subject_key', '=', subjectKey)
    .executeTakeFirst();
}

/** The county's periods of one scheme in a year, in one of `statuses`, by period key. */
export function findPeriodsOfSchemeInYear(
  db: Db,
  filter: { countyId: number; schemeId: string; statuses: readonly PeriodStatus[]; year: number },
) {
  return db
    .selectFrom('assessment_period')
    .innerJoin('scheme_version', 'scheme_version.id', 'assessment_period.scheme_version_id')
    .select([
      'assessment_period.id',
      'assessment_period.period_key',
      'assessment_period.summary',
      'assessment_period.scheme_version_id',
    ])
    .where('assessment_period.org_id', '=', filter.countyId)
    .where('scheme_version.scheme_id', '=', filter.schemeId)
    .where('assessment_period.status', 'in', [...filter.statuses])
    .where('assessment_period.period_key', 'like', `${filter.year}-%`)
    .orderBy('assessment_period.period_key')
    .execute();
}

/** Every stored result of a period (the engine's JSON). */
export function findResultsOfPeriod(db: Db, periodId: number) {
  return db.selectFrom('assessment_result').select('result').where('period_id', '=', periodId).execute();
}
