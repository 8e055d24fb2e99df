import type { ExpressionBuilder, Insertable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { containsPattern } from '../../../db/like.ts';
import type { Database, SelfAssessmentTable } from '../../../db/schema.ts';

/** '/1/4/9/' → ['/1/', '/1/4/', '/1/4/9/']: the organisation and every one above it. */
export const ancestorPaths = (path: string) =>
  path
    .split('/')
    .filter(Boolean)
    .map((_id, index, ids) => `/${ids.slice(0, index + 1).join('/')}/`);

/** Who a subject belongs to, for "own subject" conditions (assessment.access.ts isOwnSubject in SQL). */
export interface OwnSubjectOf {
  userId: number;
  /** the account's organisation path */
  orgPath: string;
  /** a leader's scope paths: subjects inside them are the leader's own too; [] for anyone else */
  leaderScopes: readonly string[];
}

type SubjectJoin = ExpressionBuilder<
  Database & { officer: Database['officer'] },
  'assessment_subject' | 'org' | 'officer'
>;

/**
 * The subjects an account speaks for, over assessment_subject ⋈ org ⟕ officer: the officer linked
 * to it, its organisation or one above it, and for a leader the organisations in scope.
 */
export function ownSubjectCondition(own: OwnSubjectOf) {
  return (eb: SubjectJoin) =>
    eb.or([
      eb('officer.user_id', '=', own.userId),
      eb.and([
        eb('assessment_subject.kind', '=', 'org'),
        eb.or([
          eb('org.path', 'in', ancestorPaths(own.orgPath)),
          ...own.leaderScopes.map((prefix) => eb('org.path', 'like', `${prefix}%`)),
        ]),
      ]),
    ]);
}

export interface SubjectPageFilter {
  periodId: number;
  page: number;
  pageSize: number;
  keyword?: string | undefined;
  /** path of an organisation: subjects belonging to its subtree */
  orgPath?: string | undefined;
  grade?: string | undefined;
  /** true: submitted a self-assessment; false: not (yet) */
  isSelfSubmitted?: boolean | undefined;
  /** only the subjects the account speaks for */
  ownOf?: OwnSubjectOf | undefined;
  /** join the stored results (total, grade, rank) and order by rank */
  withResults: boolean;
}

/** One page of a period's subjects with their organisation, self-assessment date and (optionally) result. */
export async function findSubjectPage(db: Db, filter: SubjectPageFilter) {
  let query = db
    .selectFrom('assessment_subject')
    .innerJoin('org', 'org.id', 'assessment_subject.org_id')
    .leftJoin('officer', 'officer.id', 'assessment_subject.officer_id')
    .leftJoin('self_assessment', (join) =>
      join
        .onRef('self_assessment.period_id', '=', 'assessment_subject.period_id')
        .onRef('self_assessment.subject_key', '=', 'assessment_subject.subject_key'),
    )
    .leftJoin('assessment_result', (join) =>
      join
        .onRef('assessment_result.period_id', '=', 'assessment_subject.period_id')
        .onRef('assessment_result.subject_key', '=', 'assessment_subject.subject_key'),
    )
    .where('assessment_subject.period_id', '=', filter.periodId);
  if (filter.ownOf) query = query.where(ownSubjectCondition(filter.ownOf));
  if (filter.keyword) {
    const pattern = containsPattern(filter.keyword);
    query = query.where((eb) =>
      eb.or([eb('assessment_subject.name', 'like', pattern), eb('org.name', 'like', pattern)]),
    );
  }
  if (filter.orgPath) query = query.where('org.path', 'like', `${filter.orgPath}%`);
  if (filter.grade) query = query.where('assessment_result.grade', '=', filter.grade);
  if (filter.isSelfSubmitted !== undefined) {
    query = query.where('self_assessment.subject_key', filter.isSelfSubmitted ? 'is not' : 'is', null);
  }
  let rowsQuery = query
    .select([
      'assessment_subject.subject_key',
      'assessment_subject.kind',
      'assessment_subject.name',
      'assessment_subject.org_id',
      'org.name as org_name',
      'org.path as org_path',
      'self_assessment.submitted_on',
      'assessment_result.total',
      'assessment_result.grade',
      'assessment_result.rank',
      (eb) =>
        eb
          .ref('assessment_result.result', '->')
          .key('flags' as never)
          .as('flags'),
    ])
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  rowsQuery = filter.withResults
    ? rowsQuery.orderBy('assessment_result.rank', (order) => order.asc().nullsLast())
    : rowsQuery.orderBy('org.path');
  const [rows, count] = await Promise.all([
    rowsQuery.orderBy('assessment_subject.subject_key').execute(),
    query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/**
 * The subjects an account speaks for in a period: the officer profile linked to it, and the
 * organisation subjects that are its own organisation or contain it (deepest first).
 */
export function findOwnSubjects(db: Db, periodId: number, userId: number, orgPath: string) {
  return db
    .selectFrom('assessment_subject')
    .innerJoin('org', 'org.id', 'assessment_subject.org_id')
    .leftJoin('officer', 'officer.id', 'assessment_subject.officer_id')
    .select([
      'assessment_subject.subject_key',
      'assessment_subject.kind',
      'assessment_subject.name',
      'assessment_subject.org_id',
      'org.name as org_name',
      'org.path as org_path',
    ])
    .where('assessment_subject.period_id', '=', periodId)
    .where(ownSubjectCondition({ userId, orgPath, leaderScopes: [] }))
    .orderBy('assessment_subject.kind') // 'officer' before 'org'
    .orderBy((eb) => eb.fn('length', ['org.path']), 'desc')
    .execute();
}

/** A subject's self-assessment row, if submitted, with the submitter's name. */
export function findSelfAssessment(db: Db, periodId: number, subjectKey: string) {
  return db
    .selectFrom('self_assessment')
    .leftJoin('user_account', 'user_account.id', 'self_assessment.submitted_by')
    .selectAll('self_assessment')
    .select('user_account.display_name as submitted_by_name')
    .where('self_assessment.period_id', '=', periodId)
    .where('self_assessment.subject_key', '=', subjectKey)
    .executeTakeFirst();
}

/** Stores a subject's self-assessment, replacing an earlier one. */
export async function upsertSelfAssessment(
  trx: Db,
  periodId: number,
  subjectKey: string,
  values: Omit<Insertable<SelfAssessmentTable>, 'period_id' | 'subject_key'>,
) {
  await trx
    .insertInto('self_assessment')
    .values({ period_id: periodId, subject_key: subjectKey, ...values })
    .onConflict((conflict) => conflict.columns(['period_id', 'subject_key']).doUpdateSet(values))
    .execute();
}
