import type { Db } from '../../../db/database.ts';
import type { AssessmentRecord, AssessmentRecordStatus } from '../../../db/schema.ts';
import { type OwnSubjectOf, ownSubjectCondition } from '../subjects/subjects.repository.ts';

export type RecordValues = Omit<
  AssessmentRecord,
  'id' | 'created_at' | 'updated_at' | 'count' | 'kind' | 'status'
> & {
  count?: number;
  kind?: 'record' | 'rating';
  status?: AssessmentRecordStatus;
};

export function insertRecord(trx: Db, values: RecordValues): Promise<AssessmentRecord> {
  return trx.insertInto('assessment_record').values(values).returningAll().executeTakeFirstOrThrow();
}

export function findRecordById(db: Db, periodId: number, id: number): Promise<AssessmentRecord | undefined> {
  return db
    .selectFrom('assessment_record')
    .selectAll()
    .where('period_id', '=', periodId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The period's records among `ids` (of one kind when given), in no particular order. */
export function findRecordsByIds(
  db: Db,
  periodId: number,
  ids: readonly number[],
  kind?: 'record' | 'rating',
): Promise<AssessmentRecord[]> {
  if (ids.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('assessment_record')
    .selectAll()
    .where('period_id', '=', periodId)
    .where('id', 'in', ids);
  if (kind) query = query.where('kind', '=', kind);
  return query.execute();
}

export function findRecords(
  db: Db,
  periodId: number,
  filter: {
    kind: 'record' | 'rating';
    subjectKey?: string | undefined;
    status?: AssessmentRecordStatus | undefined;
    createdBy?: number | undefined;
  },
): Promise<AssessmentRecord[]> {
  let query = db
    .selectFrom('assessment_record')
    .selectAll()
    .where('period_id', '=', periodId)
    .where('kind', '=', filter.kind);
  if (filter.subjectKey) query = query.where('subject_key', '=', filter.subjectKey);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.createdBy !== undefined) query = query.where('created_by', '=', filter.createdBy);
  return query.orderBy('id').execute();
}

export interface RecordPageFilter {
  periodId: number;
  page: number;
  pageSize: number;
  subjectKey?: string | undefined;
  status?: AssessmentRecordStatus | undefined;
  item?: string | undefined;
  /**
   * undefined = every record (the assessment office); else the records of these items (the
   * section's groups) and the active records of the subjects the account speaks for
   */
  visibleTo?: { items: readonly string[]; own: OwnSubjectOf } | undefined;
}

/** A page of a period's records (never ratings), newest first, with subject and recorder names. */
export async function findRecordPage(db: Db, filter: RecordPageFilter) {
  let query = db
    .selectFrom('assessment_record')
    .innerJoin('assessment_subject', (join) =>
      join
        .onRef('assessment_subject.period_id', '=', 'assessment_record.period_id')
        .onRef('assessment_subject.subject_key', '=', 'assessment_record.subject_key'),
    )
    .innerJoin('org', 'org.id', 'assessment_subject.org_id')
    .leftJoin('officer', 'officer.id', 'assessment_subject.officer_id')
    .where('assessment_record.period_id', '=', filter.periodId)
    .where('assessment_record.kind', '=', 'record');
  if (filter.subjectKey) query = query.where('assessment_record.subject_key', '=', filter.subjectKey);
  if (filter.status) query = query.where('assessment_record.status', '=', filter.status);
  if (filter.item) query = query.where('assessment_record.item', '=', filter.item);
  const visibleTo = filter.visibleTo;
  if (visibleTo) {
    query = query.where((eb) =>
      eb.or([
        ...(visibleTo.items.length > 0 ? [eb('assessment_record.item', 'in', visibleTo.items)] : []),
        eb.and([eb('assessment_record.status', '=', 'active'), ownSubjectCondition(visibleTo.own)(eb)]),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .leftJoin('user_account', 'user_account.id', 'assessment_record.created_by')
      .selectAll('assessment_record')
      .select(['assessment_subject.name as subject_name', 'user_account.display_name as recorder_name'])
      .orderBy('assessment_record.id', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function updateRecordRow(
  trx: Db,
  id: number,
  patch: Partial<RecordValues>,
): Promise<AssessmentRecord> {
  return trx
    .updateTable('assessment_record')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The organisation path an evidence row belongs to, or undefined when there is no such row. */
export async function findEvidenceOrgPath(db: Db, kind: 'case' | 'complaint' | 'case_file', id: number) {
  if (kind === 'case') {
    return (
      await db
        .selectFrom('enforcement_case')
        .innerJoin('org', 'org.id', 'enforcement_case.org_id')
        .select('org.path')
        .where('enforcement_case.id', '=', id)
        .executeTakeFirst()
    )?.path;
  }
  if (kind === 'complaint') {
    return (
      await db
        .selectFrom('complaint')
        .innerJoin('org', 'org.id', 'complaint.org_id')
        .select('org.path')
        .where('complaint.id', '=', id)
        .executeTakeFirst()
    )?.path;
  }
  return (
    await db
      .selectFrom('case_file')
      .innerJoin('enforcement_case', 'enforcement_case.id', 'case_file.case_id')
      .innerJoin('org', 'org.id', 'enforcement_case.org_id')
      .select('org.path')
      .where('case_file.id', '=', id)
      .executeTakeFirst()
  )?.path;
}
