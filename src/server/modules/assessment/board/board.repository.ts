import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';

/** Records (not ratings) of a period counted per item and status, with how many subjects they touch. */
export function countRecordsByItem(db: Db, periodId: number) {
  return db
    .selectFrom('assessment_record')
    .select((eb) => [
      'item',
      'status',
      eb.fn.countAll<string>().as('records'),
      eb.fn.count<string>('subject_key').distinct().as('subjects'),
      eb.fn.max('occurred_on').as('last_on'),
    ])
    .where('period_id', '=', periodId)
    .where('kind', '=', 'record')
    .groupBy(['item', 'status'])
    .execute();
}

/** How many subjects a period has and how many have submitted a self-assessment. */
export function countSelfAssessments(db: Db, periodId: number) {
  return db
    .selectFrom('assessment_subject')
    .leftJoin('self_assessment', (join) =>
      join
        .onRef('self_assessment.period_id', '=', 'assessment_subject.period_id')
        .onRef('self_assessment.subject_key', '=', 'assessment_subject.subject_key'),
    )
    .select((eb) => [
      eb.fn.countAll<string>().as('subjects'),
      eb.fn.count<string>('self_assessment.subject_key').as('submitted'),
    ])
    .where('assessment_subject.period_id', '=', periodId)
    .executeTakeFirstOrThrow();
}

/** The first `limit` subjects without a self-assessment, by organisation, with their organisation's name. */
export function findSubjectsWithoutSelfAssessment(db: Db, periodId: number, limit: number) {
  return db
    .selectFrom('assessment_subject')
    .innerJoin('org', 'org.id', 'assessment_subject.org_id')
    .leftJoin('self_assessment', (join) =>
      join
        .onRef('self_assessment.period_id', '=', 'assessment_subject.period_id')
        .onRef('self_assessment.subject_key', '=', 'assessment_subject.subject_key'),
    )
    .select([
      'assessment_subject.subject_key',
      'assessment_subject.name',
      'org.name as org_name',
      'org.path as org_path',
    ])
    .where('assessment_subject.period_id', '=', periodId)
    .where('self_assessment.subject_key', 'is', null)
    .orderBy('org.path')
    .orderBy('assessment_subject.subject_key')
    .limit(limit)
    .execute();
}

/** Active ratings per rater account and rating item: subjects rated and the rater roles used. */
export function countRatingsByRater(db: Db, periodId: number) {
  return db
    .selectFrom('assessment_record')
    .select((eb) => [
      'created_by',
      'item',
      eb.fn.count<string>('subject_key').distinct().as('subjects'),
      sql<string[]>`array_agg(distinct rater)`.as('roles'),
    ])
    .where('period_id', '=', periodId)
    .where('kind', '=', 'rating')
    .where('status', '=', 'active')
    .groupBy(['created_by', 'item'])
    .execute();
}

/** Active ratings per rating item and rater role: how many accounts rated in that role. */
export function countRatersByRole(db: Db, periodId: number) {
  return db
    .selectFrom('assessment_record')
    .select((eb) => ['item', 'rater', eb.fn.count<string>('created_by').distinct().as('raters')])
    .where('period_id', '=', periodId)
    .where('kind', '=', 'rating')
    .where('status', '=', 'active')
    .groupBy(['item', 'rater'])
    .execute();
}

/** Subjects of a period counted per organisation path (to count the subjects inside a rater's scope). */
export function countSubjectsByOrgPath(db: Db, periodId: number) {
  return db
    .selectFrom('assessment_subject')
    .innerJoin('org', 'org.id', 'assessment_subject.org_id')
    .select((eb) => ['org.path', eb.fn.countAll<string>().as('subjects')])
    .where('assessment_subject.period_id', '=', periodId)
    .groupBy('org.path')
    .execute();
}

/**
 * Active accounts of a county who rate (leaders) or have rated in the period, with their
 * organisation's path and name.
 */
export function findRaterAccounts(db: Db, countyPath: string, periodId: number) {
  return db
    .selectFrom('user_account')
    .innerJoin('org', 'org.id', 'user_account.org_id')
    .select([
      'user_account.id',
      'user_account.display_name',
      'user_account.roles',
      'org.name as org_name',
      'org.path as org_path',
    ])
    .where('org.path', 'like', `${countyPath}%`)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('user_account.is_active', '=', true),
          eb(eb.val('leader'), '=', eb.fn.any('user_account.roles')),
        ]),
        eb.exists(
          eb
            .selectFrom('assessment_record')
            .select('assessment_record.id')
            .whereRef('assessment_record.created_by', '=', 'user_account.id')
            .where('assessment_record.period_id', '=', periodId)
            .where('assessment_record.kind', '=', 'rating'),
        ),
      ]),
    )
    .orderBy('org.path')
    .orderBy('user_account.id')
    .execute();
}

/** The county's periods that still take work (open or computed), newest first, with the county's path. */
export function findPeriodsTakingWork(db: Db, countyId: number) {
  return (
    db
      .selectFrom('assessment_period')
      .innerJoin('org', 'org.id', 'assessment_period.org_id')
      .selectAll('assessment_period')
      .select('org.path as org_path')
      // the county's periods and its agencies' own (平时考核制度第十条); callers keep the visible ones
      .where('org.path', 'like', `/${countyId}/%`)
      .where('assessment_period.status', 'in', ['open', 'computed'])
      .orderBy('assessment_period.id', 'desc')
      .execute()
  );
}

/** Of these subjects, the keys that have a self-assessment in the period. */
export async function findSelfAssessedKeys(db: Db, periodId: number, keys: readonly string[]) {
  if (keys.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('self_assessment')
    .select('subject_key')
    .where('period_id', '=', periodId)
    .where('subject_key', 'in', keys)
    .execute();
  return new Set(rows.map((row) => row.subject_key));
}

/** Appeals waiting for a decision in the county's periods, with the subject's name and organisation. */
export function findPendingAppeals(db: Db, countyId: number) {
  return db
    .selectFrom('assessment_appeal')
    .innerJoin('assessment_period', 'assessment_period.id', 'assessment_appeal.period_id')
    .innerJoin('assessment_subject', (join) =>
      join
        .onRef('assessment_subject.period_id', '=', 'assessment_appeal.period_id')
        .onRef('assessment_subject.subject_key', '=', 'assessment_appeal.subject_key'),
    )
    .select([
      'assessment_appeal.id',
      'assessment_appeal.period_id',
      'assessment_appeal.decide_by',
      'assessment_period.label as period_label',
      'assessment_subject.name as subject_name',
      'assessment_subject.org_id',
    ])
    .where('assessment_period.org_id', '=', countyId)
    .where('assessment_appeal.status', '=', 'pending')
    .orderBy('assessment_appeal.decide_by')
    .execute();
}
