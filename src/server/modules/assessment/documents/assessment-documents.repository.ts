/**
 * Reads the assessment documents need beyond the period, result and subject reads other files own:
 * an officer's closed cases with their quality analysis, the same scheme's periods of a year, an
 * officer's published results, the issuing office, and seed 000's counts for one officer.
 */
import type { Db } from '../../../db/database.ts';
import type { PeriodStatus } from '../../../db/schema.ts';
import { findOfficerPeriodFacts } from '../../cases/complaints/complaints.repository.ts';
import { countOfficerPeriod, type OfficerCounts } from '../../cases/records/officer-counts.ts';

/** Cases the officer handled that closed between from and to (inclusive), oldest first. */
export function findHandledCases(db: Db, officerId: number, from: string, to: string) {
  return db
    .selectFrom('case_handler')
    .innerJoin('enforcement_case', 'enforcement_case.id', 'case_handler.case_id')
    .select([
      'enforcement_case.case_no as caseNo',
      'enforcement_case.name',
      'enforcement_case.kind',
      'enforcement_case.closed_on as closedOn',
      'enforcement_case.quality_grade as qualityGrade',
      'enforcement_case.quality_opinion as qualityOpinion',
    ])
    .where('case_handler.officer_id', '=', officerId)
    .where('enforcement_case.closed_on', '>=', from)
    .where('enforcement_case.closed_on', '<=', to)
    .orderBy('enforcement_case.closed_on')
    .orderBy('enforcement_case.id')
    .execute()
    .then((rows) => rows.map((row) => ({ ...row, closedOn: row.closedOn! })));
}

/** The county's periods of one scheme whose key starts with the year ('2025', '2025-Q1' …), by key. */
export function findSchemePeriodsOfYear(
  db: Db,
  filter: { countyId: number; schemeId: string; year: number; statuses: readonly PeriodStatus[] },
) {
  return db
    .selectFrom('assessment_period')
    .innerJoin('scheme_version', 'scheme_version.id', 'assessment_period.scheme_version_id')
    .select(['assessment_period.id', 'assessment_period.period_key', 'assessment_period.status'])
    .where('assessment_period.org_id', '=', filter.countyId)
    .where('scheme_version.scheme_id', '=', filter.schemeId)
    .where('assessment_period.status', 'in', [...filter.statuses])
    .where('assessment_period.period_key', 'like', `${filter.year}%`)
    .orderBy('assessment_period.period_key')
    .orderBy('assessment_period.id')
    .execute();
}

/** An officer's results in published or finalised periods, oldest period first. */
export function findPublishedResultsOfOfficer(db: Db, officerId: number) {
  return db
    .selectFrom('assessment_subject')
    .innerJoin('assessment_period', 'assessment_period.id', 'assessment_subject.period_id')
    .innerJoin('scheme_version', 'scheme_version.id', 'assessment_period.scheme_version_id')
    .innerJoin('assessment_result', (join) =>
      join
        .onRef('assessment_result.period_id', '=', 'assessment_subject.period_id')
        .onRef('assessment_result.subject_key', '=', 'assessment_subject.subject_key'),
    )
    .select([
      'assessment_period.label as periodLabel',
      'scheme_version.name as schemeName',
      'assessment_result.total',
      'assessment_result.grade',
      'assessment_result.rank',
      (eb) =>
        eb
          .selectFrom('assessment_subject as peer')
          .select(eb.fn.countAll<string>().as('count'))
          .whereRef('peer.period_id', '=', 'assessment_period.id')
          .as('subjectCount'),
    ])
    .where('assessment_subject.officer_id', '=', officerId)
    .where('assessment_period.status', 'in', ['published', 'finalised'])
    .orderBy('assessment_period.period_key')
    .orderBy('assessment_period.id')
    .execute()
    .then((rows) => rows.map((row) => ({ ...row, subjectCount: Number(row.subjectCount ?? 0) })));
}

/**
 * Who issues a county's circulars: the assessment leading group's office when the county has one,
 * else its justice bureau, else the county itself; with its 发文机关代字 when set.
 */
export async function findCircularIssuer(db: Db, countyPath: string) {
  const rows = await db
    .selectFrom('org')
    .select(['name', 'kind', 'doc_prefix', 'path'])
    .where('path', 'like', `${countyPath}%`)
    .where('kind', 'in', ['leading_group', 'justice_bureau', 'government'])
    .orderBy('path')
    .execute();
  const preference = ['leading_group', 'justice_bureau', 'government'] as const;
  const [issuer] = rows.sort(
    (left, right) =>
      preference.indexOf(left.kind as (typeof preference)[number]) -
      preference.indexOf(right.kind as (typeof preference)[number]),
  );
  return issuer ? { name: issuer.name, docPrefix: issuer.doc_prefix } : null;
}

/**
 * seed 000's counts for one officer over a date range. The facts are read for the officer's own
 * organisation (the caller has already decided that the reader may see this officer).
 */
export async function findOfficerCounts(
  db: Db,
  officer: { id: number; orgPath: string },
  range: { from: string; to: string },
): Promise<OfficerCounts> {
  // ownUserId 0 matches no account: the organisation path alone selects the officers
  const facts = await findOfficerPeriodFacts(
    db,
    { scopePaths: [officer.orgPath], ownUserId: 0 },
    officer.orgPath,
    range.from,
    range.to,
  );
  const own = facts.officers.filter((candidate) => candidate.id === officer.id);
  const [counts] = countOfficerPeriod(own, facts);
  if (!counts) throw new Error(`officer ${officer.id} is not under ${officer.orgPath}`);
  return counts;
}
