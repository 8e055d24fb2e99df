import type { Db } from '../../../db/database.ts';
import type { Complaint } from '../../../db/schema.ts';
import { visibleOfficers } from '../../officers/archive/officers.repository.ts';

export type ComplaintRow = Complaint & {
  officer_name: string | null;
  case_no: string | null;
  org_name: string;
  org_path: string;
};

function complaintsQuery(db: Db) {
  return db
    .selectFrom('complaint')
    .innerJoin('org', 'org.id', 'complaint.org_id')
    .leftJoin('officer', 'officer.id', 'complaint.officer_id')
    .leftJoin('enforcement_case', 'enforcement_case.id', 'complaint.case_id')
    .selectAll('complaint')
    .select([
      'officer.name as officer_name',
      'enforcement_case.case_no',
      'org.name as org_name',
      'org.path as org_path',
    ]);
}

export interface ComplaintFilter {
  scopePaths: string[];
  officerId?: number | undefined;
  caseId?: number | undefined;
  kind?: Complaint['kind'] | undefined;
}

function filteredComplaints(db: Db, filter: ComplaintFilter) {
  let query = complaintsQuery(db).where((eb) =>
    eb.or(filter.scopePaths.map((prefix) => eb('org.path', 'like', `${prefix}%`))),
  );
  if (filter.officerId) query = query.where('complaint.officer_id', '=', filter.officerId);
  if (filter.caseId) query = query.where('complaint.case_id', '=', filter.caseId);
  if (filter.kind) query = query.where('complaint.kind', '=', filter.kind);
  return query;
}

export async function findComplaints(db: Db, filter: ComplaintFilter & { page: number; pageSize: number }) {
  const query = filteredComplaints(db, filter);
  const [rows, count] = await Promise.all([
    query
      .orderBy('complaint.received_on', 'desc')
      .orderBy('complaint.id', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/** Every complaint the filter lets through (exports), newest first, at most `limit`. */
export function findAllComplaints(db: Db, filter: ComplaintFilter, limit: number): Promise<ComplaintRow[]> {
  return filteredComplaints(db, filter)
    .orderBy('complaint.received_on', 'desc')
    .orderBy('complaint.id', 'desc')
    .limit(limit)
    .execute();
}

export function findComplaintById(db: Db, id: number): Promise<ComplaintRow | undefined> {
  return complaintsQuery(db).where('complaint.id', '=', id).executeTakeFirst();
}

export function insertComplaint(trx: Db, values: Omit<Complaint, 'id' | 'created_at' | 'updated_at'>) {
  return trx.insertInto('complaint').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateComplaintRow(trx: Db, id: number, patch: Partial<Complaint>) {
  return trx
    .updateTable('complaint')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function insertCampaign(trx: Db, values: { officer_id: number; name: string; joined_on: string }) {
  return trx.insertInto('campaign_participation').values(values).returning('id').executeTakeFirstOrThrow();
}

/** The facts behind one period's counts, for the officers the reader may see (under orgPath). */
export async function findOfficerPeriodFacts(
  db: Db,
  visibility: { scopePaths: string[]; ownUserId: number },
  orgPath: string | undefined,
  from: string,
  to: string,
) {
  let officersQuery = db
    .selectFrom('officer')
    .innerJoin('org', 'org.id', 'officer.org_id')
    .select(['officer.id', 'officer.name'])
    .where(visibleOfficers(visibility));
  if (orgPath) officersQuery = officersQuery.where('org.path', 'like', `${orgPath}%`);
  const officers = await officersQuery.orderBy('org.path').orderBy('officer.id').execute();
  const ids = officers.map((officer) => officer.id);
  if (ids.length === 0) return { officers, handled: [], complaints: [], campaigns: [] };
  const [handled, complaints, campaigns] = await Promise.all([
    db
      .selectFrom('case_handler')
      .innerJoin('enforcement_case', 'enforcement_case.id', 'case_handler.case_id')
      .select([
        'case_handler.officer_id as officerId',
        'enforcement_case.id as caseId',
        'enforcement_case.quality_grade as qualityGrade',
        'enforcement_case.is_supervised as isSupervised',
        'enforcement_case.is_assigned as isAssigned',
        'enforcement_case.is_major_stability as isMajorStability',
      ])
      .where('case_handler.officer_id', 'in', ids)
      .where('enforcement_case.closed_on', '>=', from)
      .where('enforcement_case.closed_on', '<=', to)
      .execute(),
    db
      .selectFrom('complaint')
      .select(['officer_id as officerId', 'kind', 'finding'])
      .where('officer_id', 'in', ids)
      .where('received_on', '>=', from)
      .where('received_on', '<=', to)
      .execute(),
    db
      .selectFrom('campaign_participation')
      .select('officer_id as officerId')
      .where('officer_id', 'in', ids)
      .where('joined_on', '>=', from)
      .where('joined_on', '<=', to)
      .execute(),
  ]);
  return {
    officers,
    handled,
    complaints: complaints.map((row) => ({ ...row, officerId: row.officerId! })),
    campaigns,
  };
}
