import type { Db } from '../../../db/database.ts';
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
