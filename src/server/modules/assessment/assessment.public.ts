/**
 * What other domains read from assessment without an assessment role's view rules (issue 20: the
 * unit procedures, whose callers have already decided the reader may see the period's county).
 */
import type { Db } from '../../db/database.ts';

export { getPeriodForActor, type PeriodRow } from './assessment.access.ts';
export { registerPublishGuard } from './results/publish-guards.ts';

/** Periods of the county whose scheme assesses organisations of `subjectKinds`, newest first. */
export function findPeriodsOfSubjectKinds(db: Db, countyOrgId: number, subjectKinds: readonly string[]) {
  return db
    .selectFrom('assessment_period')
    .innerJoin('scheme_version', 'scheme_version.id', 'assessment_period.scheme_version_id')
    .select([
      'assessment_period.id',
      'assessment_period.label',
      'assessment_period.period_key',
      'assessment_period.status',
      'assessment_period.computed_at',
      'assessment_period.published_on',
      'scheme_version.name as scheme_name',
      'scheme_version.subject_kind',
    ])
    .where('assessment_period.org_id', '=', countyOrgId)
    .where('scheme_version.subject_kind', 'in', subjectKinds)
    .orderBy('assessment_period.period_key', 'desc')
    .orderBy('assessment_period.id', 'desc')
    .execute();
}

/** The subject kind of a period's scheme ('township', 'unit', 'officer' …). */
export async function findSubjectKindOfPeriod(db: Db, periodId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('assessment_period')
    .innerJoin('scheme_version', 'scheme_version.id', 'assessment_period.scheme_version_id')
    .select('scheme_version.subject_kind')
    .where('assessment_period.id', '=', periodId)
    .executeTakeFirst();
  return row?.subject_kind;
}

/**
 * The organisation subjects of a period with their stored result (null before computing), best
 * rank first: total, grade and rank only, never the explanation.
 */
export function findOrgSubjectResults(db: Db, periodId: number) {
  return db
    .selectFrom('assessment_subject')
    .innerJoin('org', 'org.id', 'assessment_subject.org_id')
    .leftJoin('assessment_result', (join) =>
      join
        .onRef('assessment_result.period_id', '=', 'assessment_subject.period_id')
        .onRef('assessment_result.subject_key', '=', 'assessment_subject.subject_key'),
    )
    .select([
      'assessment_subject.subject_key',
      'assessment_subject.org_id',
      'assessment_subject.name',
      'org.kind as org_kind',
      'assessment_result.total',
      'assessment_result.grade',
      'assessment_result.rank',
    ])
    .where('assessment_subject.period_id', '=', periodId)
    .where('assessment_subject.kind', '=', 'org')
    .orderBy('assessment_result.rank')
    .orderBy('assessment_subject.subject_key')
    .execute();
}

/** Published or finalised periods in which the organisation was a subject, with its result. */
export function findPublishedPeriodsOfOrg(db: Db, unitOrgId: number) {
  return db
    .selectFrom('assessment_subject')
    .innerJoin('assessment_period', 'assessment_period.id', 'assessment_subject.period_id')
    .leftJoin('assessment_result', (join) =>
      join
        .onRef('assessment_result.period_id', '=', 'assessment_subject.period_id')
        .onRef('assessment_result.subject_key', '=', 'assessment_subject.subject_key'),
    )
    .select([
      'assessment_period.id',
      'assessment_period.label',
      'assessment_period.status',
      'assessment_result.grade',
      'assessment_result.total',
    ])
    .where('assessment_subject.org_id', '=', unitOrgId)
    .where('assessment_subject.kind', '=', 'org')
    .where('assessment_period.status', 'in', ['published', 'finalised'])
    .orderBy('assessment_period.period_key', 'desc')
    .execute();
}
