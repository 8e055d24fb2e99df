/** Automatic assignment (第十一条): proposal with its diff against the current one, then apply. */
import { createHash } from 'node:crypto';
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan } from '../../../lib/access.ts';
import { conflict } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { CASE_KIND_LABELS } from '../../cases/cases.policy.ts';
import { updateCampaignState } from '../campaigns/campaigns.repository.ts';
import { loadManagedCampaign } from '../campaigns/campaigns.service.ts';
import { loadRecusalInput } from '../panels/panels.service.ts';
import { pairKey } from '../panels/recusal.rules.ts';
import { type Assignment, diffAssignments, proposeAssignment } from './assignment.rules.ts';
import { applyAssignmentDiff, findAssignments, findAssignmentsOfUser } from './assignments.repository.ts';
import type { AssignmentPreview } from './assignments.schema.ts';

const digestOf = (pairs: readonly Assignment[]) =>
  createHash('sha256')
    .update(
      [...pairs]
        .map((pair) => pairKey(pair.fileId, pair.expertId))
        .sort()
        .join(','),
    )
    .digest('hex');

async function propose(db: Db, actor: Actor, campaignId: number) {
  const loaded = await loadManagedCampaign(db, actor, campaignId);
  if (!['drawn', 'scoring'].includes(loaded.row.state)) throw conflict('请先抽取评查案卷');
  const recusal = await loadRecusalInput(db, campaignId);
  // re-reviews (第十二条(五)) stay outside the automatic proposal of 第十一条
  const current = (await findAssignments(db, campaignId))
    .filter((row) => row.kind === 'initial')
    .map((row) => ({
      fileId: row.file_id,
      expertId: row.expert_id,
    }));
  const result = proposeAssignment({
    files: recusal.fileKinds.map((file) => ({ fileId: file.file_id, kind: file.kind })),
    reviewers: recusal.experts.map((expert) => ({ expertId: expert.id, expertise: expert.expertise })),
    perFile: loaded.row.reviewers_per_file,
    cap: loaded.row.reviewer_cap,
    blocked: recusal.blocked,
    keep: current,
  });
  const diff = diffAssignments(current, result.assignments);
  const caseNo = (fileId: number) => recusal.files.find((file) => file.fileId === fileId)?.caseNo ?? '';
  const expertName = (expertId: number) =>
    recusal.experts.find((expert) => expert.id === expertId)?.name ?? '';
  const named = (pair: Assignment) => ({
    ...pair,
    caseNo: caseNo(pair.fileId),
    expertName: expertName(pair.expertId),
  });
  const preview: AssignmentPreview = {
    proposalDigest: digestOf(result.assignments),
    perFile: loaded.row.reviewers_per_file,
    cap: loaded.row.reviewer_cap,
    added: diff.added.map(named),
    removed: diff.removed.map(named),
    kept: diff.kept,
    shortfalls: result.shortfalls.map((shortfall) => ({ ...shortfall, caseNo: caseNo(shortfall.fileId) })),
    loads: result.loads.map((load) => ({ ...load, expertName: expertName(load.expertId) })),
    expertiseMismatches: result.expertiseMismatches,
    conflictCount: recusal.conflicts.length,
  };
  return { loaded, preview, diff };
}

/** The proposed assignment and its diff against the current one; nothing is stored. */
export async function previewAssignment(db: Db, actor: Actor, campaignId: number) {
  return (await propose(db, actor, campaignId)).preview;
}

/**
 * Applies the proposal that was previewed (same digest), only when every file has its reviewers
 * (第十一条); the campaign moves to scoring.
 */
export async function applyAssignment(db: Db, actor: Actor, campaignId: number, proposalDigest: string) {
  const { loaded, preview, diff } = await propose(db, actor, campaignId);
  if (preview.proposalDigest !== proposalDigest) throw conflict('分配方案在预览后已变化，请重新预览后再确认');
  if (preview.shortfalls.length > 0)
    throw conflict(
      `有 ${preview.shortfalls.length} 件案卷的评查人员不足 ${preview.perFile} 名（第十一条），请调整评查小组或回避决定`,
    );
  await db.transaction().execute(async (trx) => {
    await applyAssignmentDiff(trx, campaignId, diff, { id: actor.id, name: actor.displayName });
    await updateCampaignState(trx, campaignId, 'scoring');
    await recordAudit(trx, actor, {
      action: 'review.assignment.apply',
      entityType: 'review_campaign',
      entityId: campaignId,
      orgId: loaded.row.organiser_org_id,
      after: { proposalDigest, added: diff.added, removed: diff.removed },
    });
  });
  return preview;
}

export async function listAssignments(db: Db, actor: Actor, campaignId: number) {
  await loadManagedCampaign(db, actor, campaignId);
  const rows = await findAssignments(db, campaignId);
  return {
    items: rows.map((row) => ({
      id: row.id,
      fileId: row.file_id,
      caseNo: row.case_no,
      expertId: row.expert_id,
      expertName: row.expert_name,
      source: row.source,
      kind: row.kind,
      reason: row.reason,
      assignedAt: row.assigned_at.toISOString(),
    })),
  };
}

/**
 * The reviewer's own queue: the files assigned to them in campaigns being scored, leaving out any
 * pair a conflict now blocks (a declaration made after the assignment takes effect at once).
 */
export async function listMyAssignments(db: Db, actor: Actor) {
  assertCan(actor, 'review.score');
  const rows = await findAssignmentsOfUser(db, actor.id);
  const blockedByCampaign = new Map<number, Set<string>>();
  for (const campaignId of new Set(rows.map((row) => row.campaign_id)))
    blockedByCampaign.set(campaignId, (await loadRecusalInput(db, campaignId)).blocked);
  return {
    items: rows
      .filter((row) => !blockedByCampaign.get(row.campaign_id)!.has(pairKey(row.file_id, row.expert_id)))
      .map((row) => ({
        assignmentId: row.assignment_id,
        fileId: row.file_id,
        assignmentKind: row.assignment_kind,
        campaignId: row.campaign_id,
        campaignName: row.campaign_name,
        scoringDueOn: row.scoring_due_on,
        caseId: row.case_id,
        caseNo: row.case_no,
        name: row.name,
        kind: row.kind,
        kindLabel: CASE_KIND_LABELS[row.kind],
        closedOn: row.closed_on,
        unitOrgId: row.unit_org_id,
        unitName: row.unit_name,
      })),
  };
}
