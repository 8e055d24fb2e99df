/**
 * The cockpit's SQL (驾驶舱, issue 17): read-only aggregates over several domains' tables, each
 * narrowed to the organisation ids the service resolved from the actor's scope (and the org filter).
 * Kept in one repository, rather than a function in each domain's public surface, so the cockpit's
 * whole cost is one file to EXPLAIN (bench/dashboard.bench.ts); nothing here writes.
 * Counts come back per org id; the service folds them into units.
 */
import { sql } from 'kysely';
import { NOTICE_AWAITING_REPORT_STATES, NOTICE_OPEN_STATES } from '../../../../common/supervision.ts';
import type { Db } from '../../../db/database.ts';
import type { CaseKind, OrgKind, QualityGrade } from '../../../db/schema.ts';

const orNone = (ids: readonly number[]) => (ids.length > 0 ? ids : [0]);

export interface OrgRow {
  id: number;
  parent_id: number | null;
  path: string;
  kind: OrgKind;
  name: string;
  short_name: string | null;
}

/** Every active organisation under the path (the unit map and the org filter). */
export function findOrgsUnder(db: Db, path: string): Promise<OrgRow[]> {
  return db
    .selectFrom('org')
    .select(['id', 'parent_id', 'path', 'kind', 'name', 'short_name'])
    .where('path', 'like', `${path}%`)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

/** Cases filed in [from, to] per org, kind and month (the org index covers kind: index-only). */
export function countCasesByMonth(db: Db, orgIds: readonly number[], from: string, to: string) {
  return db
    .selectFrom('enforcement_case')
    .select([
      'org_id',
      'kind',
      sql<string>`to_char(filed_on, 'YYYY-MM')`.as('month'),
      (eb) => eb.fn.countAll<string>().as('count'),
    ])
    .where('org_id', 'in', orNone(orgIds))
    .where('filed_on', '>=', from)
    .where('filed_on', '<=', to)
    .groupBy(['org_id', 'kind', sql`to_char(filed_on, 'YYYY-MM')`])
    .execute() as Promise<Array<{ org_id: number; kind: CaseKind; month: string; count: string }>>;
}

/**
 * Cases closed in [from, to] by record outcome: on time (handed in ≤ closing + 30), late, and for
 * those not handed in the closed_on bounds of overdue / due soon (cases.policy.ts closedOnBounds);
 * with their quality grade. Served by enforcement_case_org_closed_idx (0095), index-only.
 */
export function countRecordOutcomes(
  db: Db,
  orgIds: readonly number[],
  from: string,
  to: string,
  bounds: { overdueBefore: string; lastDueSoon: string },
) {
  return db
    .selectFrom('enforcement_case')
    .select([
      sql<string>`case
        when record_submitted_on is not null and record_submitted_on <= closed_on + 30 then 'on_time'
        when record_submitted_on is not null then 'late'
        when closed_on < ${bounds.overdueBefore} then 'overdue'
        when closed_on <= ${bounds.lastDueSoon} then 'due_soon'
        else 'normal' end`.as('outcome'),
      'quality_grade',
      (eb) => eb.fn.countAll<string>().as('count'),
    ])
    .where('org_id', 'in', orNone(orgIds))
    .where('closed_on', '>=', from)
    .where('closed_on', '<=', to)
    .groupBy(['outcome', 'quality_grade'])
    .execute() as Promise<Array<{ outcome: string; quality_grade: QualityGrade | null; count: string }>>;
}

/** Active officers per org, and how many hold a certificate in force on `today` (持证率). */
export function countCertified(db: Db, orgIds: readonly number[], today: string) {
  return db
    .selectFrom('officer')
    .select([
      'officer.org_id',
      (eb) => eb.fn.countAll<string>().as('officers'),
      sql<string>`count(*) filter (where exists (
        select 1 from certificate
        where certificate.officer_id = officer.id and not certificate.is_revoked and not certificate.is_suspended
          and certificate.issued_on <= ${today} and certificate.valid_until >= ${today}))`.as('certified'),
    ])
    .where('officer.org_id', 'in', orNone(orgIds))
    .where('officer.status', '=', 'active')
    .groupBy('officer.org_id')
    .execute();
}

/**
 * Active officers per org with their training in the year: hours (tenths) and trainings held by the
 * bureau (seed 001 培训制度第七条(一), 003 篇5: training-compliance.ts judges them).
 */
export function findTrainingYears(db: Db, orgIds: readonly number[], year: number) {
  return db
    .selectFrom('officer')
    .leftJoin('training', (join) =>
      join
        .onRef('training.officer_id', '=', 'officer.id')
        .on('training.held_on', '>=', `${year}-01-01`)
        .on('training.held_on', '<=', `${year}-12-31`),
    )
    .select([
      'officer.id',
      'officer.org_id',
      sql<string>`coalesce(round(sum(training.hours) * 10), 0)`.as('hours_tenths'),
      sql<string>`count(training.id) filter (where training.is_bureau_organised)`.as('bureau_trainings'),
    ])
    .where('officer.org_id', 'in', orNone(orgIds))
    .where('officer.status', '=', 'active')
    .groupBy(['officer.id', 'officer.org_id'])
    .execute();
}

/** The county's configured yearly minimum training hours, if set. */
export async function findMinTrainingHours(db: Db, countyOrgId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('training_requirement')
    .select('min_hours')
    .where('county_org_id', '=', countyOrgId)
    .executeTakeFirst();
  return row === undefined ? undefined : Number(row.min_hours);
}

/**
 * Review files of the year's campaigns (not removed) whose every assigned reviewer has submitted,
 * with the mean and their criteria's bands (评查办法第十六条), by the file's unit.
 */
export function findScoredReviewFiles(db: Db, orgIds: readonly number[], year: number) {
  return db
    .selectFrom('review_file')
    .innerJoin('review_campaign', 'review_campaign.id', 'review_file.campaign_id')
    .innerJoin('review_criteria_version', 'review_criteria_version.id', 'review_campaign.criteria_version_id')
    .innerJoin('review_assignment', 'review_assignment.file_id', 'review_file.id')
    .leftJoin('review_sheet', (join) =>
      join
        .onRef('review_sheet.assignment_id', '=', 'review_assignment.id')
        .on('review_sheet.submitted_at', 'is not', null),
    )
    .select([
      'review_file.id',
      'review_file.unit_org_id',
      sql<string>`review_criteria_version.excellent_from`.as('excellent_from'),
      sql<string>`review_criteria_version.pass_from`.as('pass_from'),
      sql<string>`count(review_assignment.id)`.as('assigned'),
      sql<string>`count(review_sheet.id)`.as('submitted'),
      sql<string>`coalesce(sum(review_sheet.total_tenths), 0)`.as('sum_tenths'),
    ])
    .where('review_file.unit_org_id', 'in', orNone(orgIds))
    .where('review_file.removed_at', 'is', null)
    .where('review_campaign.year', '=', year)
    .groupBy([
      'review_file.id',
      'review_file.unit_org_id',
      'review_criteria_version.excellent_from',
      'review_criteria_version.pass_from',
    ])
    .having(sql<boolean>`count(review_sheet.id) = count(review_assignment.id)`)
    .execute();
}

/**
 * Supervision notices to these units issued in [from, to]: open and overdue (report late) by the
 * shared definitions in common/supervision.ts (the notices list filters by the same), closed.
 */
export function countNotices(db: Db, orgIds: readonly number[], from: string, to: string, today: string) {
  return db
    .selectFrom('supervision_notice')
    .select((eb) => [
      eb.fn.countAll<string>().as('issued'),
      eb.fn.countAll<string>().filterWhere('state', 'in', NOTICE_OPEN_STATES).as('open'),
      eb.fn
        .countAll<string>()
        .filterWhere((filter) =>
          filter.and([
            filter('state', 'in', NOTICE_AWAITING_REPORT_STATES),
            filter('report_due_on', '<', today),
          ]),
        )
        .as('overdue'),
      eb.fn.countAll<string>().filterWhere('state', '=', 'accepted').as('closed'),
    ])
    .where('unit_org_id', 'in', orNone(orgIds))
    .where('issued_on', '>=', from)
    .where('issued_on', '<=', to)
    .executeTakeFirstOrThrow();
}

/** Jurisdiction disputes filed in [from, to] that one of these orgs applied for or is a party to, per status. */
export function countDisputes(db: Db, orgIds: readonly number[], from: string, to: string) {
  const ids = orNone(orgIds);
  return db
    .selectFrom('coordination_dispute')
    .select(['status', (eb) => eb.fn.countAll<string>().as('count')])
    .where('filed_on', '>=', from)
    .where('filed_on', '<=', to)
    .where((eb) =>
      eb.or([
        eb('applicant_org_id', 'in', ids),
        eb(
          'id',
          'in',
          eb.selectFrom('coordination_dispute_party').select('dispute_id').where('org_id', 'in', ids),
        ),
      ]),
    )
    .groupBy('status')
    .execute();
}

/** Assessment periods of the year with results, and the grades of the subjects of these orgs. */
export function countAssessmentGrades(db: Db, orgIds: readonly number[], year: number) {
  return db
    .selectFrom('assessment_result')
    .innerJoin('assessment_period', 'assessment_period.id', 'assessment_result.period_id')
    .innerJoin('assessment_subject', (join) =>
      join
        .onRef('assessment_subject.period_id', '=', 'assessment_result.period_id')
        .onRef('assessment_subject.subject_key', '=', 'assessment_result.subject_key'),
    )
    .select([
      'assessment_period.id as period_id',
      'assessment_period.label',
      'assessment_period.period_key',
      'assessment_result.grade',
      (eb) => eb.fn.countAll<string>().as('count'),
    ])
    .where('assessment_subject.org_id', 'in', orNone(orgIds))
    .where('assessment_period.period_key', 'like', `${year}%`)
    .groupBy([
      'assessment_period.id',
      'assessment_period.label',
      'assessment_period.period_key',
      'assessment_result.grade',
    ])
    .orderBy('assessment_period.period_key')
    .execute();
}
