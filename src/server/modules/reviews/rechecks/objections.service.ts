/**
 * 重点复核 (评查办法第十二条(七)): 被评查单位对评查报告有较大争议的，应当重点复核. The reviewed unit's
 * legal officer objects to a file's result within the campaign's window (reasons, proof); the
 * organiser decides — upheld with the score the recheck decided (which then stands), or refused with
 * the reason. Every step is audited.
 */
import { formatChineseDate, todayInShanghai } from '../../../../common/format.ts';
import { OBJECTION_STATE_LABELS } from '../../../../common/reviews.ts';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan } from '../../../lib/access.ts';
import { isUniqueViolation } from '../../../lib/db-errors.ts';
import { AppError, conflict, forbidden, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { loadCampaign, loadManagedCampaign } from '../campaigns/campaigns.service.ts';
import { canActForUnit, canManageCampaign } from '../reviews.policy.ts';
import { formatTenths } from '../scoring/scoring.rules.ts';
import {
  decideObjectionRow,
  findObjectionById,
  findObjections,
  insertObjection,
} from './rechecks.repository.ts';
import type { ObjectionBody, ObjectionDecisionBody, ObjectionList } from './rechecks.schema.ts';
import { objectionWindow } from './result.rules.ts';
import { computeCampaignResults } from './results.service.ts';

/** The objections the actor may see: all for the organiser, their own units' for a unit. */
export async function listObjections(
  db: Db,
  actor: Actor,
  campaignId: number,
  today = todayInShanghai(new Date()),
): Promise<ObjectionList> {
  const loaded = await loadCampaign(db, actor, campaignId);
  const isOrganiser = canManageCampaign(loaded.viewer, { scopePath: loaded.row.scope_path });
  const ownUnits = loaded.units
    .filter((unit) => canActForUnit(loaded.viewer, unit.path))
    .map((unit) => unit.org_id);
  if (!isOrganiser && ownUnits.length === 0) throw forbidden();
  const rows = (await findObjections(db, campaignId)).filter(
    (row) => isOrganiser || ownUnits.includes(row.unit_org_id),
  );
  return {
    items: rows.map((row) => ({
      id: row.id,
      fileId: row.file_id,
      caseNo: row.case_no,
      unitOrgId: row.unit_org_id,
      unitName: row.unit_name,
      reasons: row.reasons,
      proof: row.proof,
      filedBy: row.filed_by_name,
      filedAt: row.filed_at.toISOString(),
      state: row.state,
      stateLabel: OBJECTION_STATE_LABELS[row.state],
      scoreBefore: row.score_before,
      changedScore: row.changed_score_tenths === null ? null : formatTenths(row.changed_score_tenths),
      decisionReason: row.decision_reason,
      decidedBy: row.decided_by_name,
      decidedAt: row.decided_at?.toISOString() ?? null,
      abilities: { canDecide: isOrganiser && row.state === 'pending' },
    })),
    window: objectionWindow(loaded.row.published_on, loaded.row.objection_days, today),
  };
}

/** The unit objects to one of its files' results, within the window after publication. */
export async function fileObjection(
  db: Db,
  actor: Actor,
  campaignId: number,
  body: ObjectionBody,
  today = todayInShanghai(new Date()),
) {
  assertCan(actor, 'review.unit');
  const loaded = await loadCampaign(db, actor, campaignId);
  const { files } = await computeCampaignResults(db, loaded.row);
  const entry = files.find((candidate) => candidate.file.id === body.fileId);
  const unit = entry && loaded.units.find((candidate) => candidate.org_id === entry.file.unit_org_id);
  if (!entry || !unit || !canActForUnit(loaded.viewer, unit.path)) throw notFound('评查案卷');
  if (loaded.row.state !== 'published' && loaded.row.state !== 'closed')
    throw new AppError('REVIEW_NOT_PUBLISHED', '评查结果尚未反馈，不能提出异议');
  const window = objectionWindow(loaded.row.published_on, loaded.row.objection_days, today);
  if (!window.isOpen)
    throw new AppError(
      'REVIEW_OBJECTION_CLOSED',
      window.opensOn && window.closesOn
        ? `异议期为${formatChineseDate(window.opensOn)}至${formatChineseDate(window.closesOn)}，已过异议期（第十二条(七)）`
        : '已过异议期（第十二条(七)）',
    );
  try {
    await db.transaction().execute(async (trx) => {
      const { id } = await insertObjection(trx, {
        campaign_id: campaignId,
        file_id: body.fileId,
        unit_org_id: unit.org_id,
        reasons: body.reasons,
        proof: body.proof,
        filed_by_id: actor.id,
        filed_by_name: actor.displayName,
        score_before: entry.result.score,
      });
      await recordAudit(trx, actor, {
        action: 'review.objection.file',
        entityType: 'review_objection',
        entityId: id,
        orgId: unit.org_id,
        after: { ...body, scoreBefore: entry.result.score },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('本卷已有待复核的异议');
    throw error;
  }
  return listObjections(db, actor, campaignId, today);
}

/** The organiser decides: upheld (the decided score stands) or refused (with the reason). */
export async function decideObjection(
  db: Db,
  actor: Actor,
  campaignId: number,
  objectionId: number,
  body: ObjectionDecisionBody,
) {
  const loaded = await loadManagedCampaign(db, actor, campaignId);
  const row = await findObjectionById(db, campaignId, objectionId);
  if (!row) throw notFound('异议');
  if (row.state !== 'pending') throw conflict('该异议已处理');
  const changed = body.decision === 'upheld' ? Math.round(body.changedScore! * 10) : null;
  await db.transaction().execute(async (trx) => {
    const updated = await decideObjectionRow(trx, objectionId, {
      state: body.decision,
      changed_score_tenths: changed,
      decision_reason: body.reason,
      decided_by_name: actor.displayName,
    });
    if (!updated) throw conflict('该异议已处理');
    await recordAudit(trx, actor, {
      action: 'review.objection.decide',
      entityType: 'review_objection',
      entityId: objectionId,
      orgId: loaded.row.organiser_org_id,
      before: { state: 'pending', score: row.score_before },
      after: {
        state: body.decision,
        score: changed === null ? row.score_before : formatTenths(changed),
        reason: body.reason,
      },
    });
  });
  return listObjections(db, actor, campaignId);
}
