import type { Db } from '../../db/database.ts';
import type { AssessmentRecord, AssessmentRecordStatus } from '../../db/schema.ts';

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
