/** One case and its parts (parties, handlers): reads by id and the writes. */
import type { Insertable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { CaseParty, EnforcementCase, EnforcementCaseTable } from '../../../db/schema.ts';

export type CaseRow = EnforcementCase & { org_name: string; org_path: string };

export function findCaseById(db: Db, id: number): Promise<CaseRow | undefined> {
  return db
    .selectFrom('enforcement_case')
    .innerJoin('org', 'org.id', 'enforcement_case.org_id')
    .selectAll('enforcement_case')
    .select(['org.name as org_name', 'org.path as org_path'])
    .where('enforcement_case.id', '=', id)
    .executeTakeFirst();
}

/** Several cases by id, with their org's name and path (in no particular order). */
export function findCasesByIds(db: Db, ids: readonly number[]): Promise<CaseRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('enforcement_case')
    .innerJoin('org', 'org.id', 'enforcement_case.org_id')
    .selectAll('enforcement_case')
    .select(['org.name as org_name', 'org.path as org_path'])
    .where('enforcement_case.id', 'in', ids)
    .execute();
}

export function findParties(db: Db, caseIds: readonly number[]): Promise<CaseParty[]> {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('case_party')
    .selectAll()
    .where('case_id', 'in', caseIds)
    .orderBy('case_id')
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

export function findHandlers(db: Db, caseIds: readonly number[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('case_handler')
    .innerJoin('officer', 'officer.id', 'case_handler.officer_id')
    .select([
      'case_handler.case_id',
      'case_handler.officer_id',
      'case_handler.certificate_number',
      'officer.name',
      'officer.user_id',
    ])
    .where('case_handler.case_id', 'in', caseIds)
    .orderBy('case_handler.case_id')
    .orderBy('case_handler.sort_order')
    .execute();
}

/** 0091: penalty types and sums (行政执法数据年报); optional on insert (an import leaves them empty). */
type PenaltyColumn = 'penalty_types' | 'fine_amount' | 'confiscated_amount';

/** The 复议/诉讼 mark (0060), written only by the reviews domain's litigation service. */
type LitigationColumn = `litigation_${'kind' | 'outcome' | 'note' | 'by_id' | 'by_name' | 'at'}`;

export type CaseValues = Omit<
  EnforcementCase,
  | 'id'
  | 'created_at'
  | 'updated_at'
  | 'search_text'
  | 'party_names'
  | 'is_supervised'
  | 'is_assigned'
  | 'is_major_stability'
  | LitigationColumn
  | PenaltyColumn
> & {
  party_names: string;
  is_supervised: boolean;
  is_assigned: boolean;
  is_major_stability: boolean;
} & Partial<Pick<Insertable<EnforcementCaseTable>, PenaltyColumn>>;

/** What a newly registered case has not had yet: no signature, no quality analysis, no record handed in. */
export const NOTHING_SIGNED_YET = {
  opinion_signer_id: null,
  opinion_signer_name: null,
  opinion_signed_at: null,
  result_signer_id: null,
  result_signer_name: null,
  result_signed_at: null,
  quality_opinion: null,
  quality_grade: null,
  quality_by_id: null,
  quality_by_name: null,
  quality_at: null,
  record_submitted_on: null,
  record_late_reason: null,
} satisfies Partial<CaseValues>;

export function insertCase(trx: Db, values: CaseValues) {
  return trx.insertInto('enforcement_case').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateCaseRow(trx: Db, id: number, patch: Partial<CaseValues>) {
  return trx
    .updateTable('enforcement_case')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export type PartyValues = Omit<CaseParty, 'id' | 'case_id' | 'sort_order'>;

/** Replaces a case's parties (the form edits them as one list). */
export async function replaceParties(trx: Db, caseId: number, parties: readonly PartyValues[]) {
  await trx.deleteFrom('case_party').where('case_id', '=', caseId).execute();
  if (parties.length === 0) return;
  await trx
    .insertInto('case_party')
    .values(parties.map((party, index) => ({ ...party, case_id: caseId, sort_order: index })))
    .execute();
}

export async function replaceHandlers(
  trx: Db,
  caseId: number,
  handlers: ReadonlyArray<{ officerId: number; certificateNumber: string }>,
) {
  await trx.deleteFrom('case_handler').where('case_id', '=', caseId).execute();
  await trx
    .insertInto('case_handler')
    .values(
      handlers.map((handler, index) => ({
        case_id: caseId,
        officer_id: handler.officerId,
        certificate_number: handler.certificateNumber,
        sort_order: index,
      })),
    )
    .execute();
}

/** The cases already registered under any of these numbers, compared in upper case (案号 are unique so). */
export function findCasesNumbered(db: Db, upperCaseNumbers: readonly string[]) {
  return db
    .selectFrom('enforcement_case')
    .select('case_no')
    .where((eb) => eb(eb.fn('upper', ['case_no']), 'in', [...upperCaseNumbers, '']))
    .execute();
}
