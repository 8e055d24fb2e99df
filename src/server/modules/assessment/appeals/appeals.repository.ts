import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { AssessmentAppealTable } from '../../../db/schema.ts';
import { type OwnSubjectOf, ownSubjectCondition } from '../subjects/subjects.repository.ts';

/** A page of a period's appeals, oldest first, with the subject's name; `own` narrows to the account's subjects. */
export async function findAppealPage(
  db: Db,
  filter: {
    periodId: number;
    page: number;
    pageSize: number;
    status?: 'pending' | 'upheld' | 'rejected' | undefined;
    own?: OwnSubjectOf | undefined;
  },
) {
  let query = db
    .selectFrom('assessment_appeal')
    .innerJoin('assessment_subject', (join) =>
      join
        .onRef('assessment_subject.period_id', '=', 'assessment_appeal.period_id')
        .onRef('assessment_subject.subject_key', '=', 'assessment_appeal.subject_key'),
    )
    .innerJoin('org', 'org.id', 'assessment_subject.org_id')
    .leftJoin('officer', 'officer.id', 'assessment_subject.officer_id')
    .where('assessment_appeal.period_id', '=', filter.periodId);
  if (filter.status) query = query.where('assessment_appeal.status', '=', filter.status);
  if (filter.own) query = query.where(ownSubjectCondition(filter.own));
  const [rows, count] = await Promise.all([
    query
      .leftJoin('user_account as decider', 'decider.id', 'assessment_appeal.decided_by')
      .selectAll('assessment_appeal')
      .select(['assessment_subject.name as subject_name', 'decider.display_name as decided_by_name'])
      .orderBy('assessment_appeal.id')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function insertAppeal(trx: Db, values: Insertable<AssessmentAppealTable>) {
  return trx.insertInto('assessment_appeal').values(values).returningAll().executeTakeFirstOrThrow();
}

/** One appeal of the period. */
export function findAppeal(db: Db, periodId: number, appealId: number) {
  return db
    .selectFrom('assessment_appeal')
    .selectAll()
    .where('period_id', '=', periodId)
    .where('id', '=', appealId)
    .executeTakeFirst();
}

/** A subject's appeals in the period, oldest first. */
export function findAppealsOfSubject(db: Db, periodId: number, subjectKey: string) {
  return db
    .selectFrom('assessment_appeal')
    .selectAll()
    .where('period_id', '=', periodId)
    .where('subject_key', '=', subjectKey)
    .orderBy('id')
    .execute();
}

/** Ids of a period's appeals not yet decided, oldest first. */
export async function findPendingAppealIds(db: Db, periodId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('assessment_appeal')
    .select('id')
    .where('period_id', '=', periodId)
    .where('status', '=', 'pending')
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

export function updateAppealRow(trx: Db, id: number, patch: Updateable<AssessmentAppealTable>) {
  return trx
    .updateTable('assessment_appeal')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
