/**
 * 第二十三条(一)(二): the bureau marks an agency that shirked a dispute without applying, or that
 * does not execute a coordination decision, for a 通报批评 by the county government and a deduction
 * in the unit assessment (both read the marks through coordination.public.ts).
 */
import { VIOLATION_KIND_CLAUSES, VIOLATION_KIND_LABELS } from '../../../../common/coordination.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan, isInScope } from '../../../lib/access.ts';
import { conflict, forbidden, invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { findOrgById } from '../../org/org.repository.ts';
import { canManageCounty, countyOf } from '../coordination.policy.ts';
import { EXECUTION_STATES } from '../disputes/dispute.rules.ts';
import { loadVisibleDispute } from '../disputes/disputes.view.ts';
import {
  findViolationById,
  findViolations,
  insertViolation,
  type ViolationRow,
} from './violations.repository.ts';
import type { ViolationBody, ViolationView } from './violations.schema.ts';

export function presentViolation(row: ViolationRow): ViolationView {
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    kind: row.kind,
    kindLabel: VIOLATION_KIND_LABELS[row.kind],
    clause: VIOLATION_KIND_CLAUSES[row.kind],
    disputeId: row.dispute_id,
    matter: row.matter,
    facts: row.facts,
    markedOn: row.marked_on,
  };
}

/** The marks the actor may read: on its own agency, or the county's for the bureau. */
export async function listViolations(db: Db, actor: Actor, query: { year?: number | undefined }) {
  assertCan(actor, 'coordination.read');
  const rows = await findViolations(db, {
    scopePaths: actor.scopePaths,
    ...(query.year && { from: `${query.year}-01-01`, to: `${query.year}-12-31` }),
  });
  return { items: rows.map(presentViolation) };
}

/**
 * Marks an agency. 不执行 (二) needs the dispute whose served opinion or decision the agency has
 * not confirmed; 推诿 (一) may name the dispute where it came to light.
 */
export async function markViolation(
  db: Db,
  actor: Actor,
  body: ViolationBody,
  today: string,
): Promise<ViolationView> {
  assertCan(actor, 'coordination.manage');
  const org = await findOrgById(db, body.orgId);
  if (!org || !isInScope(actor, org.path)) throw notFound('被通报单位');
  if (org.kind !== 'agency' && org.kind !== 'township')
    throw invalid([{ field: 'orgId', message: '被通报单位应为行政执法部门或乡镇' }]);
  const { countyOrgId, countyPath } = countyOf(org.path);
  if (!canManageCounty(actor, countyPath)) throw forbidden();
  if (body.kind === 'not_executed' && !body.disputeId)
    throw invalid([{ field: 'disputeId', message: '不执行协调处理决定的，须指明所涉职责争议' }]);
  if (body.disputeId) {
    const { row, parties } = await loadVisibleDispute(db, actor, body.disputeId);
    const party = parties.find((candidate) => candidate.org_id === body.orgId);
    if (!party) throw invalid([{ field: 'orgId', message: '该单位不是所涉职责争议的当事单位' }]);
    if (body.kind === 'not_executed') {
      if (!EXECUTION_STATES.includes(row.status)) throw conflict('所涉争议没有待执行的协调意见或政府决定');
      if (party.execution_confirmed_on) throw conflict('该单位已确认执行');
    }
  }
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await insertViolation(trx, {
      county_org_id: countyOrgId,
      org_id: body.orgId,
      kind: body.kind,
      dispute_id: body.disputeId ?? null,
      facts: body.facts,
      marked_on: today,
      marked_by: actor.id,
    });
    await recordAudit(trx, actor, {
      action: 'coordination.violation_mark',
      entityType: 'coordination_violation',
      entityId: id,
      orgId: body.orgId,
      after: body,
    });
    return id;
  });
  return presentViolation((await findViolationById(db, id))!);
}
