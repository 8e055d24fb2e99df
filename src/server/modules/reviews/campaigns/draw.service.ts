/** The seeded draw (随机抽查) and the files in review: preview, apply, re-run, manual changes. */
import { randomBytes } from 'node:crypto';
import { REVIEW_FILE_SOURCE_LABELS } from '../../../../common/reviews.ts';
import type { Db } from '../../../db/database.ts';
import type { Actor } from '../../../lib/access.ts';
import { conflict, invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { CASE_KIND_LABELS } from '../../cases/cases.policy.ts';
import {
  type CampaignRow,
  findCaseUnderCampaign,
  findDrawById,
  findDraws,
  findEligibleCases,
  findReviewFileById,
  findReviewFiles,
  insertDraw,
  insertReviewFiles,
  removeReviewFiles,
  updateCampaignState,
} from './campaigns.repository.ts';
import type { DrawParamsBody, DrawPreview, ReviewFileView } from './campaigns.schema.ts';
import {
  isBeforeAssignment,
  type LoadedCampaign,
  loadCampaign,
  loadManagedCampaign,
  toCaseBrief,
} from './campaigns.service.ts';
import { type DrawParams, drawSample } from './sampling.rules.ts';

/** A new seed: 16 random hex digits, shown and recorded so anyone can re-run the draw. */
export const newSeed = () => randomBytes(8).toString('hex');

function assertCanChangeFiles(row: CampaignRow) {
  if (!isBeforeAssignment(row)) throw conflict('评查人员已分配，不能再抽取或增减案卷');
}

async function computeDraw(db: Db, loaded: LoadedCampaign, params: DrawParams, seed: string) {
  const eligible = await findEligibleCases(db, loaded.row);
  const result = drawSample(
    eligible.map((row) => ({ caseId: row.case_id, unitOrgId: row.unit_org_id, kind: row.kind })),
    seed,
    params,
  );
  const byId = new Map(eligible.map((row) => [row.case_id, row]));
  const unitName = (orgId: number | null) =>
    orgId === null ? '全部单位' : (loaded.units.find((unit) => unit.org_id === orgId)?.name ?? String(orgId));
  const preview: DrawPreview = {
    seed,
    eligibleCount: eligible.length,
    eligibleDigest: result.eligibleDigest,
    drawnDigest: result.drawnDigest,
    strata: result.strata.map((stratum) => ({
      key: stratum.key,
      label: [
        unitName(stratum.unitOrgId),
        stratum.kind ? CASE_KIND_LABELS[stratum.kind as keyof typeof CASE_KIND_LABELS] : null,
      ]
        .filter(Boolean)
        .join(' · '),
      eligible: stratum.eligible,
      drawn: stratum.drawn,
    })),
    drawn: result.drawnCaseIds.map((caseId) => toCaseBrief(byId.get(caseId)!)),
  };
  return { preview, drawn: result.drawnCaseIds.map((caseId) => byId.get(caseId)!) };
}

/** Shows what a draw would take; nothing is stored. */
export async function previewDraw(
  db: Db,
  actor: Actor,
  id: number,
  body: { params: DrawParamsBody; seed?: string | undefined },
): Promise<DrawPreview> {
  const loaded = await loadManagedCampaign(db, actor, id);
  assertCanChangeFiles(loaded.row);
  return (await computeDraw(db, loaded, body.params, body.seed ?? newSeed())).preview;
}

/**
 * Applies a previewed draw. Refused when the eligible set changed since the preview (its digest
 * differs), so what was shown is what is drawn. A new draw replaces the files of the previous one.
 */
export async function applyDraw(
  db: Db,
  actor: Actor,
  id: number,
  body: { params: DrawParamsBody; seed: string; eligibleDigest: string },
): Promise<DrawPreview> {
  const loaded = await loadManagedCampaign(db, actor, id);
  assertCanChangeFiles(loaded.row);
  const { preview, drawn } = await computeDraw(db, loaded, body.params, body.seed);
  if (preview.eligibleDigest !== body.eligibleDigest)
    throw conflict('预览后可抽取的案卷范围已变化，请重新预览后再确认');
  if (drawn.length === 0) throw invalid([{ field: 'params', message: '没有可抽取的案卷' }]);
  await db.transaction().execute(async (trx) => {
    const previous = await findDraws(trx, id);
    const replaced = await removeReviewFiles(trx, id, 'all', {
      reason: `重新抽取（第 ${previous.length + 1} 次抽取）`,
      byId: actor.id,
      byName: actor.displayName,
    });
    const draw = await insertDraw(trx, {
      campaign_id: id,
      seed: body.seed,
      params: JSON.stringify(body.params),
      eligible_count: preview.eligibleCount,
      eligible_digest: preview.eligibleDigest,
      drawn_count: drawn.length,
      drawn_digest: preview.drawnDigest,
      drawn_by_id: actor.id,
      drawn_by_name: actor.displayName,
    });
    await insertReviewFiles(
      trx,
      drawn.map((row) => ({
        campaign_id: id,
        case_id: row.case_id,
        unit_org_id: row.unit_org_id,
        source: 'draw' as const,
        draw_id: draw.id,
        added_reason: null,
        added_by_id: actor.id,
        added_by_name: actor.displayName,
      })),
    );
    await updateCampaignState(trx, id, 'drawn');
    await recordAudit(trx, actor, {
      action: 'review.draw.apply',
      entityType: 'review_campaign',
      entityId: id,
      orgId: loaded.row.organiser_org_id,
      after: {
        drawId: draw.id,
        seed: body.seed,
        params: body.params,
        eligibleDigest: preview.eligibleDigest,
        drawnDigest: preview.drawnDigest,
        caseIds: drawn.map((row) => row.case_id),
        replacedFiles: replaced.length,
      },
    });
  });
  return preview;
}

function presentDraw(row: Awaited<ReturnType<typeof findDraws>>[number]) {
  return {
    id: row.id,
    seed: row.seed,
    params: row.params as DrawParamsBody,
    eligibleCount: row.eligible_count,
    eligibleDigest: row.eligible_digest,
    drawnCount: row.drawn_count,
    drawnDigest: row.drawn_digest,
    drawnBy: row.drawn_by_name,
    drawnAt: row.drawn_at.toISOString(),
  };
}

/**
 * Re-runs a recorded draw on today's eligible set (双随机 auditability): the same files come back
 * when the set is unchanged; a changed set shows as a digest mismatch.
 */
export async function verifyDraw(db: Db, actor: Actor, id: number, drawId: number) {
  const loaded = await loadCampaign(db, actor, id);
  const draw = await findDrawById(db, id, drawId);
  if (!draw) throw notFound('抽取记录');
  const recorded = presentDraw(draw);
  const { preview } = await computeDraw(db, loaded, recorded.params, draw.seed);
  return {
    draw: recorded,
    eligibleMatches: preview.eligibleDigest === draw.eligible_digest,
    drawnMatches: preview.drawnDigest === draw.drawn_digest,
    eligibleCountNow: preview.eligibleCount,
    redrawnCaseIds: preview.drawn.map((file) => file.caseId),
  };
}

/** The files in review with their history (removed files and why) and the draws. */
export async function listReviewFiles(db: Db, actor: Actor, id: number) {
  await loadManagedCampaign(db, actor, id);
  const [rows, draws] = await Promise.all([findReviewFiles(db, id), findDraws(db, id)]);
  const items: ReviewFileView[] = rows.map((row) => ({
    id: row.id,
    caseId: row.case_id,
    caseNo: row.case_no,
    name: row.name,
    kind: row.kind,
    kindLabel: CASE_KIND_LABELS[row.kind],
    closedOn: row.closed_on,
    unitOrgId: row.unit_org_id,
    unitName: row.unit_name,
    source: row.source,
    sourceLabel: REVIEW_FILE_SOURCE_LABELS[row.source],
    addedReason: row.added_reason,
    addedBy: row.added_by_name,
    addedAt: row.added_at.toISOString(),
    removedReason: row.removed_reason,
    removedBy: row.removed_by_name,
    removedAt: row.removed_at?.toISOString() ?? null,
  }));
  return { items, draws: draws.map(presentDraw) };
}

/** Adds a file by hand, with the reason (e.g. a 重点 case outside the draw); any closed case of a unit. */
export async function addReviewFile(
  db: Db,
  actor: Actor,
  id: number,
  body: { caseId: number; reason: string },
) {
  const loaded = await loadManagedCampaign(db, actor, id);
  assertCanChangeFiles(loaded.row);
  const found = await findCaseUnderCampaign(db, id, body.caseId);
  if (!found) throw invalid([{ field: 'caseId', message: '该案件不属于被评查单位' }]);
  if (!found.closed_on) throw invalid([{ field: 'caseId', message: '只能评查已办结的案卷（第四条）' }]);
  const live = await findReviewFiles(db, id, { liveOnly: true });
  if (live.some((row) => row.case_id === body.caseId))
    throw invalid([{ field: 'caseId', message: '该案卷已在评查范围内' }]);
  await db.transaction().execute(async (trx) => {
    const [inserted] = await insertReviewFiles(trx, [
      {
        campaign_id: id,
        case_id: body.caseId,
        unit_org_id: found.unit_org_id,
        source: 'manual',
        draw_id: null,
        added_reason: body.reason,
        added_by_id: actor.id,
        added_by_name: actor.displayName,
      },
    ]);
    if (loaded.row.state === 'planning') await updateCampaignState(trx, id, 'drawn');
    await recordAudit(trx, actor, {
      action: 'review.file.add',
      entityType: 'review_file',
      entityId: inserted!.id,
      orgId: found.unit_org_id,
      after: { campaignId: id, caseId: body.caseId, reason: body.reason },
    });
  });
  return listReviewFiles(db, actor, id);
}

/** Removes a file from review, with the reason; its row stays as history. */
export async function removeReviewFile(db: Db, actor: Actor, id: number, fileId: number, reason: string) {
  const loaded = await loadManagedCampaign(db, actor, id);
  assertCanChangeFiles(loaded.row);
  const file = await findReviewFileById(db, id, fileId);
  if (!file) throw notFound('评查案卷');
  if (file.removed_at) throw invalid([{ field: 'fileId', message: '该案卷已移出评查范围' }]);
  await db.transaction().execute(async (trx) => {
    await removeReviewFiles(trx, id, [fileId], { reason, byId: actor.id, byName: actor.displayName });
    await recordAudit(trx, actor, {
      action: 'review.file.remove',
      entityType: 'review_file',
      entityId: fileId,
      orgId: file.unit_org_id,
      before: { campaignId: id, caseId: file.case_id, source: file.source },
      after: { reason },
    });
  });
  return listReviewFiles(db, actor, id);
}
