/**
 * What other domains read from coordination (the import graph stays one-way): the 第二十三条(一)(二)
 * marks, for the supervision domain's 通报批评 circular and the unit assessment's deductions.
 */

import type { Selectable } from 'kysely';
import {
  VIOLATION_KIND_CLAUSES,
  VIOLATION_KIND_LABELS,
  type ViolationKind,
} from '../../../common/coordination.ts';
import type { Db } from '../../db/database.ts';
import type { CoordinationViolationTable } from '../../db/schema.ts';

/** One agency marked under 第二十三条 in coordination. */
export interface CoordinationViolationFact {
  id: number;
  orgId: number;
  orgName: string;
  kind: ViolationKind;
  /** e.g. 不执行行政执法争议协调处理决定 */
  label: string;
  /** e.g. 协调监督办法第二十三条第（二）项 */
  clause: string;
  disputeId: number | null;
  facts: string;
  markedOn: string;
}

type ViolationFactRow = Pick<
  Selectable<CoordinationViolationTable>,
  'id' | 'org_id' | 'kind' | 'dispute_id' | 'facts' | 'marked_on'
> & { org_name: string };

function factOf(row: ViolationFactRow): CoordinationViolationFact {
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    kind: row.kind,
    label: VIOLATION_KIND_LABELS[row.kind],
    clause: VIOLATION_KIND_CLAUSES[row.kind],
    disputeId: row.dispute_id,
    facts: row.facts,
    markedOn: row.marked_on,
  };
}

/**
 * The county's marks made between `from` and `to` (inclusive, YYYY-MM-DD), oldest first. The
 * caller has already decided the reader may see the county (an assessment period, a circular).
 */
export async function findCoordinationViolations(
  db: Db,
  query: { countyOrgId: number; from: string; to: string },
): Promise<CoordinationViolationFact[]> {
  const rows = await db
    .selectFrom('coordination_violation')
    .innerJoin('org', 'org.id', 'coordination_violation.org_id')
    .selectAll('coordination_violation')
    .select('org.name as org_name')
    .where('coordination_violation.county_org_id', '=', query.countyOrgId)
    .where('coordination_violation.marked_on', '>=', query.from)
    .where('coordination_violation.marked_on', '<=', query.to)
    .orderBy('coordination_violation.marked_on')
    .orderBy('coordination_violation.id')
    .execute();
  return rows.map(factOf);
}

/**
 * One 第二十三条 mark by id, for the supervision domain's 通报批评 that cites it (null when the id
 * is not a mark of that county). The caller has already decided the reader may see the county.
 */
export async function findCoordinationViolation(
  db: Db,
  query: { countyOrgId: number; id: number },
): Promise<CoordinationViolationFact | null> {
  const row = await db
    .selectFrom('coordination_violation')
    .innerJoin('org', 'org.id', 'coordination_violation.org_id')
    .selectAll('coordination_violation')
    .select('org.name as org_name')
    .where('coordination_violation.county_org_id', '=', query.countyOrgId)
    .where('coordination_violation.id', '=', query.id)
    .executeTakeFirst();
  return row ? factOf(row) : null;
}

/** Disputes filed in the calendar year that the unit is a party to (a unit's 依法行政档案, issue 20). */
export async function countDisputesOfUnit(db: Db, unitOrgId: number, year: number): Promise<number> {
  const row = await db
    .selectFrom('coordination_dispute_party')
    .innerJoin('coordination_dispute', 'coordination_dispute.id', 'coordination_dispute_party.dispute_id')
    .select((eb) => eb.fn.count<number>('coordination_dispute.id').distinct().as('count'))
    .where('coordination_dispute_party.org_id', '=', unitOrgId)
    .where('coordination_dispute.filed_on', '>=', `${year}-01-01`)
    .where('coordination_dispute.filed_on', '<=', `${year}-12-31`)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
