/**
 * 复评 (评查办法第十二条(五)): the organiser puts a further reviewer on a flagged file; their sheet,
 * scored blind through the same route as any other, is the result that stands. Manual changes of the
 * 一卷一评 assignment (第十一条) keep the rules or say which they break (assignment.rules.ts); a
 * conflict (第十条) is never overridden here — only a recorded waiver lifts it.
 */
import type { Db } from '../../../db/database.ts';
import type { Actor } from '../../../lib/access.ts';
import { AppError, conflict, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { type Assignment, checkAssignments } from '../assignments/assignment.rules.ts';
import { findAssignments } from '../assignments/assignments.repository.ts';
import { findReviewFileById } from '../campaigns/campaigns.repository.ts';
import { type LoadedCampaign, loadManagedCampaign } from '../campaigns/campaigns.service.ts';
import { loadRecusalInput } from '../panels/panels.service.ts';
import { CONFLICT_LABELS, pairKey } from '../panels/recusal.rules.ts';
import { BAND_LABELS, FLAG_LABELS, formatTenths } from '../scoring/scoring.rules.ts';
import {
  deleteAssignment,
  findAssignmentChanges,
  insertAssignmentChange,
  insertManualAssignment,
} from './rechecks.repository.ts';
import type { AssignmentAddBody, AssignmentRemoveBody, RecheckBody } from './rechecks.schema.ts';
import { RESULT_SOURCE_LABELS, RESULT_STATE_LABELS } from './result.rules.ts';
import { computeCampaignResults } from './results.service.ts';

const CHANGE_ACTION_LABELS = { add: '人工增派', remove: '人工撤回', recheck: '安排复评' } as const;

/** The rules of 第十条/第十一条 that `next` breaks and `current` did not, named by case no. and member. */
async function brokenRules(
  loaded: LoadedCampaign,
  recusal: Awaited<ReturnType<typeof loadRecusalInput>>,
  current: readonly Assignment[],
  next: readonly Assignment[],
) {
  const input = {
    perFile: loaded.row.reviewers_per_file,
    cap: loaded.row.reviewer_cap,
    blocked: recusal.blocked,
    fileIds: recusal.files.map((file) => file.fileId),
  };
  const before = new Set(checkAssignments(current, input));
  const caseNo = new Map(recusal.files.map((file) => [String(file.fileId), file.caseNo]));
  const name = new Map(recusal.experts.map((expert) => [String(expert.id), expert.name]));
  return checkAssignments(next, input)
    .filter((problem) => !before.has(problem))
    .map((problem) =>
      problem
        .replace(/案卷 (\d+)/, (_, id: string) => `案卷 ${caseNo.get(id) ?? id}`)
        .replace(/评查人员 (\d+)/, (_, id: string) => `评查人员 ${name.get(id) ?? id}`),
    );
}

/** Refuses a pair that a conflict blocks, naming the conflict (第十条). */
function assertNotBlocked(
  recusal: Awaited<ReturnType<typeof loadRecusalInput>>,
  fileId: number,
  expertId: number,
) {
  if (!recusal.blocked.has(pairKey(fileId, expertId))) return;
  const reasons = recusal.conflicts
    .filter((item) => item.fileId === fileId && item.expertId === expertId)
    .map((item) => CONFLICT_LABELS[item.code]);
  throw new AppError('REVIEW_ASSIGNMENT_RULES', `该评查人员应当回避本卷（第十条：${reasons.join('、')}）`, {
    problems: reasons.map((reason) => `应当回避：${reason}（第十条）`),
  });
}

async function loadForChange(db: Db, actor: Actor, campaignId: number, fileId: number) {
  const loaded = await loadManagedCampaign(db, actor, campaignId);
  if (!['drawn', 'scoring'].includes(loaded.row.state))
    throw conflict('评查活动不在分配或评分阶段，不能调整分配');
  const file = await findReviewFileById(db, campaignId, fileId);
  if (!file || file.removed_at) throw notFound('评查案卷');
  const recusal = await loadRecusalInput(db, campaignId);
  const rows = await findAssignments(db, campaignId);
  return { loaded, file, recusal, rows };
}

const initialPairs = (rows: Awaited<ReturnType<typeof findAssignments>>) =>
  rows
    .filter((row) => row.kind === 'initial')
    .map((row) => ({ fileId: row.file_id, expertId: row.expert_id }));

function assertPanelMember(recusal: Awaited<ReturnType<typeof loadRecusalInput>>, expertId: number) {
  if (!recusal.experts.some((expert) => expert.id === expertId))
    throw new AppError('VALIDATION_FAILED', '该人员不在本活动的评查小组中（或已停用）', {
      fields: [{ field: 'expertId', message: '请从评查小组中选择评查人员' }],
    });
}

function refuseUnlessAccepted(problems: string[], accept: boolean | undefined) {
  if (problems.length > 0 && !accept)
    throw new AppError('REVIEW_ASSIGNMENT_RULES', `此项调整不符合分配规则：${problems.join('；')}`, {
      problems,
    });
}

/** 人工增派: one more 一卷一评 reviewer on a file. */
export async function addAssignment(db: Db, actor: Actor, campaignId: number, body: AssignmentAddBody) {
  const { loaded, recusal, rows } = await loadForChange(db, actor, campaignId, body.fileId);
  assertPanelMember(recusal, body.expertId);
  if (rows.some((row) => row.file_id === body.fileId && row.expert_id === body.expertId))
    throw conflict('该评查人员已在本卷的评查人员中');
  assertNotBlocked(recusal, body.fileId, body.expertId);
  const current = initialPairs(rows);
  const problems = await brokenRules(loaded, recusal, current, [
    ...current,
    { fileId: body.fileId, expertId: body.expertId },
  ]);
  refuseUnlessAccepted(problems, body.acceptBrokenRules);
  await db.transaction().execute(async (trx) => {
    const { id } = await insertManualAssignment(trx, {
      campaign_id: campaignId,
      file_id: body.fileId,
      expert_id: body.expertId,
      kind: 'initial',
      reason: body.reason,
      assigned_by_id: actor.id,
      assigned_by_name: actor.displayName,
    });
    await insertAssignmentChange(trx, {
      campaign_id: campaignId,
      file_id: body.fileId,
      expert_id: body.expertId,
      action: 'add',
      reason: body.reason,
      broken_rules: problems,
      changed_by_id: actor.id,
      changed_by_name: actor.displayName,
    });
    await recordAudit(trx, actor, {
      action: 'review.assignment.add',
      entityType: 'review_assignment',
      entityId: id,
      orgId: loaded.row.organiser_org_id,
      after: { ...body, brokenRules: problems },
    });
  });
  return getChangeHistory(db, actor, campaignId);
}

/** 人工撤回: takes a reviewer off a file; never one who has signed their sheet. */
export async function removeAssignment(
  db: Db,
  actor: Actor,
  campaignId: number,
  assignmentId: number,
  body: AssignmentRemoveBody,
) {
  const loaded0 = await loadManagedCampaign(db, actor, campaignId);
  const target = (await findAssignments(db, campaignId)).find((row) => row.id === assignmentId);
  if (!target) throw notFound('分配记录');
  const { loaded, recusal, rows } = await loadForChange(db, actor, loaded0.row.id, target.file_id);
  const { files } = await computeCampaignResults(db, loaded.row);
  const sheet = files
    .find((entry) => entry.file.id === target.file_id)
    ?.sheets.find((row) => row.assignment_id === assignmentId);
  if (sheet?.submitted_at) throw conflict('该评查人员已提交签名评分表，不能撤回');
  const current = initialPairs(rows);
  const problems =
    target.kind === 'initial'
      ? await brokenRules(
          loaded,
          recusal,
          current,
          current.filter((pair) => !(pair.fileId === target.file_id && pair.expertId === target.expert_id)),
        )
      : [];
  refuseUnlessAccepted(problems, body.acceptBrokenRules);
  await db.transaction().execute(async (trx) => {
    await deleteAssignment(trx, campaignId, assignmentId);
    await insertAssignmentChange(trx, {
      campaign_id: campaignId,
      file_id: target.file_id,
      expert_id: target.expert_id,
      action: 'remove',
      reason: body.reason,
      broken_rules: problems,
      changed_by_id: actor.id,
      changed_by_name: actor.displayName,
    });
    await recordAudit(trx, actor, {
      action: 'review.assignment.remove',
      entityType: 'review_assignment',
      entityId: assignmentId,
      orgId: loaded.row.organiser_org_id,
      before: { fileId: target.file_id, expertId: target.expert_id, kind: target.kind },
      after: { reason: body.reason, brokenRules: problems },
    });
  });
  return getChangeHistory(db, actor, campaignId);
}

/** 安排复评 (第十二条(五)): a further reviewer, conflicts respected, on a file flagged for 复评. */
export async function assignRecheck(db: Db, actor: Actor, campaignId: number, body: RecheckBody) {
  const { loaded, recusal, rows } = await loadForChange(db, actor, campaignId, body.fileId);
  if (loaded.row.state !== 'scoring') throw conflict('评查活动不在评分阶段');
  const { files } = await computeCampaignResults(db, loaded.row);
  const entry = files.find((candidate) => candidate.file.id === body.fileId)!;
  if (entry.result.state === 'unscored') throw conflict('本卷的评查人员尚未全部提交评分，不能安排复评');
  if (entry.result.flags.length === 0) throw conflict('本卷未被标记为需要复评（第十二条(五)）');
  assertPanelMember(recusal, body.expertId);
  if (rows.some((row) => row.file_id === body.fileId && row.expert_id === body.expertId))
    throw new AppError('REVIEW_ASSIGNMENT_RULES', '复评应当由本卷原评查人员以外的人员进行', {
      problems: ['复评人员不能是本卷原评查人员'],
    });
  assertNotBlocked(recusal, body.fileId, body.expertId);
  const load = rows.filter((row) => row.expert_id === body.expertId).length;
  const problems =
    load + 1 > loaded.row.reviewer_cap
      ? [
          `评查人员 ${recusal.experts.find((expert) => expert.id === body.expertId)?.name} 将分配 ${load + 1} 件，超过每人 ${loaded.row.reviewer_cap} 件上限`,
        ]
      : [];
  refuseUnlessAccepted(problems, body.acceptBrokenRules);
  await db.transaction().execute(async (trx) => {
    const { id } = await insertManualAssignment(trx, {
      campaign_id: campaignId,
      file_id: body.fileId,
      expert_id: body.expertId,
      kind: 'recheck',
      reason: body.reason,
      assigned_by_id: actor.id,
      assigned_by_name: actor.displayName,
    });
    await insertAssignmentChange(trx, {
      campaign_id: campaignId,
      file_id: body.fileId,
      expert_id: body.expertId,
      action: 'recheck',
      reason: body.reason,
      broken_rules: problems,
      changed_by_id: actor.id,
      changed_by_name: actor.displayName,
    });
    await recordAudit(trx, actor, {
      action: 'review.recheck.assign',
      entityType: 'review_assignment',
      entityId: id,
      orgId: loaded.row.organiser_org_id,
      after: { ...body, flags: entry.result.flags, initialMean: entry.result.initialMean },
    });
  });
  return getFileHistory(db, actor, campaignId, body.fileId);
}

/** Every manual change of the campaign's assignments, oldest first. */
export async function getChangeHistory(db: Db, actor: Actor, campaignId: number) {
  await loadManagedCampaign(db, actor, campaignId);
  const rows = await findAssignmentChanges(db, campaignId);
  return {
    items: rows.map((row) => ({
      id: row.id,
      fileId: row.file_id,
      caseNo: row.case_no,
      expertId: row.expert_id,
      expertName: row.expert_name,
      action: row.action,
      actionLabel: CHANGE_ACTION_LABELS[row.action],
      reason: row.reason,
      brokenRules: row.broken_rules,
      changedBy: row.changed_by_name,
      changedAt: row.changed_at.toISOString(),
    })),
  };
}

/**
 * A file's whole history for the organiser: every sheet (initial and 复评) with its reviewer and
 * reasons, every manual change, every objection, and the result that stands.
 */
export async function getFileHistory(db: Db, actor: Actor, campaignId: number, fileId: number) {
  const loaded = await loadManagedCampaign(db, actor, campaignId);
  const { files } = await computeCampaignResults(db, loaded.row);
  const entry = files.find((candidate) => candidate.file.id === fileId);
  if (!entry) throw notFound('评查案卷');
  const changes = (await getChangeHistory(db, actor, campaignId)).items.filter(
    (row) => row.fileId === fileId,
  );
  const { result } = entry;
  return {
    fileId,
    caseId: entry.file.case_id,
    caseNo: entry.file.case_no,
    unitName: entry.file.unit_name,
    flags: result.flags,
    flagLabels: result.flags.map((flag) => FLAG_LABELS[flag]),
    initialMean: result.initialMean,
    recheckMean: result.recheckMean,
    resultState: result.state,
    resultStateLabel: RESULT_STATE_LABELS[result.state],
    score: result.score,
    band: result.band,
    bandLabel: result.band ? BAND_LABELS[result.band] : null,
    source: result.source,
    sourceLabel: result.source ? RESULT_SOURCE_LABELS[result.source] : null,
    reviewers: entry.assignments.map((assignment) => {
      const sheet = entry.sheets.find((row) => row.assignment_id === assignment.id);
      return {
        assignmentId: assignment.id,
        expertId: assignment.expert_id,
        expertName: assignment.expert_name,
        kind: assignment.kind,
        reason: assignment.reason,
        assignedBy: assignment.assigned_by_name,
        assignedAt: assignment.assigned_at.toISOString(),
        total: sheet?.submitted_at ? formatTenths(sheet.total_tenths) : null,
        submittedAt: sheet?.submitted_at?.toISOString() ?? null,
        signerName: sheet?.signer_name ?? null,
        note: sheet?.submitted_at ? sheet.note : null,
        items: sheet?.submitted_at
          ? (sheet.items as Array<{ no: number; deductedTenths: number; reason: string | null }>).map(
              (item) => ({
                no: item.no,
                deducted: item.deductedTenths / 10,
                reason: item.reason,
              }),
            )
          : [],
      };
    }),
    changes,
    objections: entry.objections.map((objection) => ({
      id: objection.id,
      state: objection.state,
      reasons: objection.reasons,
      filedBy: objection.filed_by_name,
      filedAt: objection.filed_at.toISOString(),
      scoreBefore: objection.score_before,
      changedScore:
        objection.changed_score_tenths === null ? null : formatTenths(objection.changed_score_tenths),
      decisionReason: objection.decision_reason,
    })),
  };
}
