/** The 复议/诉讼 mark on a case (评查办法第四条), set by the case unit's legal-affairs unit. */
import { LITIGATION_KIND_LABELS, LITIGATION_OUTCOME_LABELS } from '../../../../common/reviews.ts';
import type { Db } from '../../../db/database.ts';
import type { LitigationKind, LitigationOutcome } from '../../../db/schema.ts';
import { type Actor, assertCan, isInScope } from '../../../lib/access.ts';
import { invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { type CaseRow, findCaseById } from '../../cases/records/cases.repository.ts';
import { updateLitigation } from './campaigns.repository.ts';

export function presentLitigation(row: CaseRow) {
  return {
    caseId: row.id,
    kind: row.litigation_kind,
    kindLabel: row.litigation_kind ? LITIGATION_KIND_LABELS[row.litigation_kind] : null,
    outcome: row.litigation_outcome,
    outcomeLabel: row.litigation_outcome ? LITIGATION_OUTCOME_LABELS[row.litigation_outcome] : null,
    note: row.litigation_note,
    markedBy: row.litigation_by_name,
    markedAt: row.litigation_at?.toISOString() ?? null,
  };
}

/** Sets or clears (kind null) the mark; the outcome needs a kind. */
export async function setLitigation(
  db: Db,
  actor: Actor,
  caseId: number,
  body: { kind: LitigationKind | null; outcome?: LitigationOutcome | null | undefined; note: string | null },
) {
  assertCan(actor, 'case.litigation');
  const row = await findCaseById(db, caseId);
  if (!row || !isInScope(actor, row.org_path)) throw notFound('案件');
  if (body.kind === null && body.outcome)
    throw invalid([{ field: 'outcome', message: '请先选择行政复议或行政诉讼' }]);
  const marked = body.kind !== null;
  const updated = await db.transaction().execute(async (trx) => {
    await updateLitigation(trx, caseId, {
      litigation_kind: body.kind,
      litigation_outcome: marked ? (body.outcome ?? 'pending') : null,
      litigation_note: marked ? body.note : null,
      litigation_by_id: marked ? actor.id : null,
      litigation_by_name: marked ? actor.displayName : null,
      litigation_at: marked ? new Date() : null,
    });
    const after = (await findCaseById(trx, caseId))!;
    await recordAudit(trx, actor, {
      action: 'case.litigation',
      entityType: 'case',
      entityId: caseId,
      orgId: row.org_id,
      before: presentLitigation(row),
      after: presentLitigation(after),
    });
    return after;
  });
  return presentLitigation(updated);
}

export async function getLitigation(db: Db, actor: Actor, caseId: number) {
  assertCan(actor, 'case.litigation');
  const row = await findCaseById(db, caseId);
  if (!row || !isInScope(actor, row.org_path)) throw notFound('案件');
  return presentLitigation(row);
}
