/**
 * Reads of facts other modules own (complaints, cases, certificates), narrowed to a county and a
 * date range, for automatic proposals (read-only: those modules' writes stay theirs); the
 * county's proposal mapping and the facts no item describes (0103).
 */
import type { Insertable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { AssessmentFactTable } from '../../../db/schema.ts';
import type { RecordValues } from '../records/assessment-records.repository.ts';

export function findSubstantiatedComplaints(db: Db, countyPath: string, from: string, to: string) {
  return db
    .selectFrom('complaint')
    .innerJoin('org', 'org.id', 'complaint.org_id')
    .select([
      'complaint.id',
      'complaint.officer_id',
      'org.path',
      'complaint.summary',
      'complaint.received_on',
      'complaint.handled_on',
    ])
    .where('org.path', 'like', `${countyPath}%`)
    .where('complaint.kind', '=', 'complaint')
    .where('complaint.finding', '=', 'substantiated')
    .where((eb) => eb(eb.fn.coalesce('complaint.handled_on', 'complaint.received_on'), '>=', from))
    .where((eb) => eb(eb.fn.coalesce('complaint.handled_on', 'complaint.received_on'), '<=', to))
    .execute();
}

/** Cases closed in a window, with their handlers (one row per handler). */
export function findClosedCasesWithHandlers(
  db: Db,
  countyPath: string,
  closedFrom: string,
  closedTo: string,
) {
  return db
    .selectFrom('enforcement_case')
    .innerJoin('org', 'org.id', 'enforcement_case.org_id')
    .innerJoin('case_handler', 'case_handler.case_id', 'enforcement_case.id')
    .select([
      'enforcement_case.id',
      'enforcement_case.case_no',
      'enforcement_case.closed_on',
      'enforcement_case.record_submitted_on',
      'enforcement_case.quality_grade',
      'enforcement_case.quality_at',
      'case_handler.officer_id',
      'org.path',
    ])
    .where('org.path', 'like', `${countyPath}%`)
    .where('enforcement_case.closed_on', '>=', closedFrom)
    .where('enforcement_case.closed_on', '<=', closedTo)
    .execute();
}

export function findCertificatesEndingBetween(db: Db, countyPath: string, from: string, to: string) {
  return db
    .selectFrom('certificate')
    .innerJoin('officer', 'officer.id', 'certificate.officer_id')
    .innerJoin('org', 'org.id', 'officer.org_id')
    .select([
      'certificate.id',
      'certificate.number',
      'certificate.issued_on',
      'certificate.valid_until',
      'certificate.is_suspended',
      'certificate.is_revoked',
      'certificate.officer_id',
      'org.path',
    ])
    .where('org.path', 'like', `${countyPath}%`)
    .where('certificate.valid_until', '>=', from)
    .where('certificate.valid_until', '<=', to)
    .execute();
}

/** A county's own proposal-mapping choices for a scheme (rows override the defaults). */
export function findCountyProposalChoices(db: Db, countyId: number, schemeId: string) {
  return db
    .selectFrom('assessment_proposal_mapping')
    .select(['source', 'item', 'updated_at'])
    .where('org_id', '=', countyId)
    .where('scheme_id', '=', schemeId)
    .execute();
}

/** Sets (or replaces) a county's choice for one source of a scheme. */
export function upsertProposalChoice(
  db: Db,
  row: { org_id: number; scheme_id: string; source: string; item: string | null; updated_by: number },
) {
  return db
    .insertInto('assessment_proposal_mapping')
    .values(row)
    .onConflict((conflict) =>
      conflict
        .columns(['org_id', 'scheme_id', 'source'])
        .doUpdateSet({ item: row.item, updated_by: row.updated_by, updated_at: new Date() }),
    )
    .execute();
}

/** Stores a fact no item describes; true when it was new. */
export async function insertUnmappedFact(db: Db, row: Insertable<AssessmentFactTable>) {
  const inserted = await db
    .insertInto('assessment_fact')
    .values(row)
    .onConflict((conflict) => conflict.columns(['period_id', 'fact_key']).doNothing())
    .returning('fact_key')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** The period's facts that no item describes, oldest first. */
export function findUnmappedFacts(db: Db, periodId: number) {
  return db
    .selectFrom('assessment_fact')
    .innerJoin('assessment_subject', (join) =>
      join
        .onRef('assessment_subject.period_id', '=', 'assessment_fact.period_id')
        .onRef('assessment_subject.subject_key', '=', 'assessment_fact.subject_key'),
    )
    .select([
      'assessment_fact.source',
      'assessment_fact.subject_key',
      'assessment_subject.name',
      'assessment_fact.occurred_on',
      'assessment_fact.note',
      'assessment_fact.evidence_kind',
      'assessment_fact.evidence_id',
    ])
    .where('assessment_fact.period_id', '=', periodId)
    .orderBy('assessment_fact.occurred_on')
    .orderBy('assessment_fact.fact_key')
    .execute();
}

/** The organisation path of each officer among `officerIds`. */
export function findOfficerOrgPaths(db: Db, officerIds: readonly number[]) {
  if (officerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('officer')
    .innerJoin('org', 'org.id', 'officer.org_id')
    .select(['officer.id', 'org.path'])
    .where('officer.id', 'in', officerIds)
    .execute();
}

/** A proposed record, once per proposal key: undefined when the fact was proposed before. */
export function insertProposedRecord(trx: Db, values: RecordValues) {
  return trx
    .insertInto('assessment_record')
    .values(values)
    .onConflict((conflict) =>
      conflict.columns(['period_id', 'proposal_key']).where('proposal_key', 'is not', null).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
}
