/**
 * The queries shared by the assessment sub-domains (a period with its county, the subjects with
 * their organisation) and the ones other domains read through assessment.public.ts.
 */
import type { Db } from '../../db/database.ts';
import type { AssessmentPeriod, AssessmentSubject } from '../../db/schema.ts';

/** An organisation's path ('/1/4/9/'). */
export async function findOrgPathOf(db: Db, orgId: number): Promise<string> {
  const row = await db.selectFrom('org').select('path').where('id', '=', orgId).executeTakeFirstOrThrow();
  return row.path;
}

export type PeriodRow = AssessmentPeriod & { org_path: string };

/** A period with the path of the organisation that opened it. */
export function findPeriodRow(db: Db, periodId: number): Promise<PeriodRow | undefined> {
  return db
    .selectFrom('assessment_period')
    .innerJoin('org', 'org.id', 'assessment_period.org_id')
    .selectAll('assessment_period')
    .select('org.path as org_path')
    .where('assessment_period.id', '=', periodId)
    .executeTakeFirst();
}

export type SubjectRow = AssessmentSubject & { org_path: string; officer_user_id: number | null };

/** Subjects of a period with the path of their organisation and the officer's account. */
export function findSubjectRows(
  db: Db,
  periodId: number,
  subjectKeys?: readonly string[],
): Promise<SubjectRow[]> {
  let query = db
    .selectFrom('assessment_subject')
    .innerJoin('org', 'org.id', 'assessment_subject.org_id')
    .leftJoin('officer', 'officer.id', 'assessment_subject.officer_id')
    .selectAll('assessment_subject')
    .select(['org.path as org_path', 'officer.user_id as officer_user_id'])
    .where('assessment_subject.period_id', '=', periodId);
  if (subjectKeys) {
    if (subjectKeys.length === 0) return Promise.resolve([]);
    query = query.where('assessment_subject.subject_key', 'in', subjectKeys);
  }
  return query.orderBy('assessment_subject.subject_key').execute();
}

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
