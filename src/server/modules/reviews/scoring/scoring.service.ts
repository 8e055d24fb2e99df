/** Score sheets (第十条: 分别查阅案卷，独立评分，书面记录评查得分、扣分理由并签名) and file scores. */
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan } from '../../../lib/access.ts';
import { conflict, invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { readCaseFileOfCase } from '../../case-files/case-files.public.ts';
import { loadManagedCampaign } from '../campaigns/campaigns.service.ts';
import { loadRecusalInput } from '../panels/panels.service.ts';
import { pairKey } from '../panels/recusal.rules.ts';
import { RESULT_SOURCE_LABELS, RESULT_STATE_LABELS } from '../rechecks/result.rules.ts';
import { computeCampaignResults } from '../rechecks/results.service.ts';
import { loadCriteria } from './criteria.ts';
import {
  findAssignmentForSheet,
  findFileChecks,
  findSheetsOfFiles,
  upsertSheet,
} from './scoring.repository.ts';
import {
  BAND_LABELS,
  type Criterion,
  checkSheet,
  FLAG_LABELS,
  formatTenths,
  type SheetItem,
  scoreFile,
  sheetTotalTenths,
} from './scoring.rules.ts';
import type { AssignedFileView, SheetBody, SheetView } from './scoring.schema.ts';

const toTenths = (value: number | string) => Math.round(Number(value) * 10);

/** The member's own assignment, in a campaign being scored, not blocked by a conflict; else 404. */
async function loadOwnAssignment(db: Db, actor: Actor, assignmentId: number) {
  assertCan(actor, 'review.score');
  const assignment = await findAssignmentForSheet(db, assignmentId);
  if (!assignment || assignment.user_id !== actor.id || assignment.removed_at) throw notFound('评查任务');
  const { blocked } = await loadRecusalInput(db, assignment.campaign_id);
  if (blocked.has(pairKey(assignment.file_id, assignment.expert_id))) throw notFound('评查任务');
  return assignment;
}

const presentItems = (items: readonly SheetItem[]) =>
  items.map((item) => ({ no: item.no, deducted: item.deductedTenths / 10, reason: item.reason }));

/** Criteria 8 (文书) and 12 (立卷归档) suggested from the file's stored completeness check. */
function suggestionsFor(
  check: Awaited<ReturnType<typeof findFileChecks>>[number] | undefined,
  criteria: readonly Criterion[],
) {
  const points = (no: number) => criteria.find((criterion) => criterion.no === no)?.pointsTenths ?? 0;
  if (!check) return [{ no: 12, deductedTenths: points(12), reason: '未建立案卷（完整性检查无记录）' }];
  const items: SheetItem[] = [];
  if (check.check_passes === false)
    items.push({
      no: 8,
      deductedTenths: Math.min(points(8), 10 * (check.check_finding_count ?? 1)),
      reason: `案卷完整性检查发现 ${check.check_finding_count ?? 0} 项问题（案卷制作规范）`,
    });
  if (check.status !== 'archived')
    items.push({ no: 12, deductedTenths: Math.min(points(12), 20), reason: '案卷尚未归档' });
  return items;
}

/**
 * The assigned file's cover and contents, read-only, for the member scoring it (第十条: 分别查阅案卷);
 * any other assignment, or one blocked by a conflict (回避), is NOT_FOUND like the sheet.
 */
export async function getAssignedFile(db: Db, actor: Actor, assignmentId: number): Promise<AssignedFileView> {
  const assignment = await loadOwnAssignment(db, actor, assignmentId);
  const file = await readCaseFileOfCase(db, assignment.case_id);
  return {
    caseNo: assignment.case_no,
    caseName: assignment.name,
    file: file && {
      status: file.status,
      statusLabel: file.statusLabel,
      mainCatalogue: file.mainCatalogue,
      cover: file.cover,
      coverLabels: file.coverLabels,
      documents: file.documents.map(({ attachments: _attachments, ...document }) => document),
    },
  };
}

/** The member's sheet for one assignment; the others' sheets only once their own is submitted. */
export async function getSheet(db: Db, actor: Actor, assignmentId: number): Promise<SheetView> {
  const assignment = await loadOwnAssignment(db, actor, assignmentId);
  const { version, stored, criteria, bands } = await loadCriteria(db, assignment.criteria_version_id);
  const [sheets, checks] = await Promise.all([
    findSheetsOfFiles(db, [assignment.file_id]),
    findFileChecks(db, [assignment.case_id]),
  ]);
  const present = (sheet: (typeof sheets)[number]) => ({
    items: presentItems(sheet.items as SheetItem[]),
    total: formatTenths(sheet.total_tenths),
    note: sheet.note,
    submittedAt: sheet.submitted_at?.toISOString() ?? null,
    signerName: sheet.signer_name,
  });
  const own = sheets.find((sheet) => sheet.assignment_id === assignmentId);
  const isSubmitted = Boolean(own?.submitted_at);
  return {
    assignmentId,
    campaignId: assignment.campaign_id,
    caseId: assignment.case_id,
    caseNo: assignment.case_no,
    caseName: assignment.name,
    criteriaName: version.name,
    criteria: stored.map((item) => ({
      no: item.no,
      title: item.title,
      points: item.points,
      notes: item.notes,
    })),
    bands: { excellentFrom: bands.excellentFromTenths / 10, passFrom: bands.passFromTenths / 10 },
    suggestions: presentItems(suggestionsFor(checks[0], criteria)),
    own: own ? present(own) : null,
    others: isSubmitted
      ? sheets
          .filter((sheet) => sheet.assignment_id !== assignmentId && sheet.submitted_at)
          .map((sheet) => ({ ...present(sheet), expertName: sheet.expert_name }))
      : null,
  };
}

/** Saves a draft or submits (signs) the sheet; a submitted sheet no longer changes. */
export async function saveSheet(
  db: Db,
  actor: Actor,
  assignmentId: number,
  body: SheetBody,
): Promise<SheetView> {
  const assignment = await loadOwnAssignment(db, actor, assignmentId);
  if (assignment.state !== 'scoring') throw conflict('评查活动不在评分阶段');
  const { criteria } = await loadCriteria(db, assignment.criteria_version_id);
  const [existing] = (await findSheetsOfFiles(db, [assignment.file_id])).filter(
    (sheet) => sheet.assignment_id === assignmentId,
  );
  if (existing?.submitted_at) throw conflict('评分表已提交签名，不能再修改');
  const items: SheetItem[] = body.items.map((item) => ({
    no: item.no,
    deductedTenths: Math.round(item.deducted * 10),
    reason: item.reason,
  }));
  const problems = checkSheet(criteria, items);
  if (problems.length > 0) throw invalid(problems);
  const total = sheetTotalTenths(criteria, items);
  const submittedAt = body.submit ? new Date() : null;
  await db.transaction().execute(async (trx) => {
    await upsertSheet(trx, {
      assignment_id: assignmentId,
      campaign_id: assignment.campaign_id,
      file_id: assignment.file_id,
      expert_id: assignment.expert_id,
      items: JSON.stringify(items),
      total_tenths: total,
      note: body.note,
      submitted_at: submittedAt,
      signer_name: body.submit ? actor.displayName : null,
    });
    await recordAudit(trx, actor, {
      action: body.submit ? 'review.sheet.submit' : 'review.sheet.save',
      entityType: 'review_assignment',
      entityId: assignmentId,
      after: { items, total: formatTenths(total), note: body.note },
    });
  });
  return getSheet(db, actor, assignmentId);
}

/** The organiser's view: each file's exact mean, band, 复评 flags (第十二条(五)) and the result that stands. */
export async function listFileScores(db: Db, actor: Actor, campaignId: number) {
  const loaded = await loadManagedCampaign(db, actor, campaignId);
  const { bands, files } = await computeCampaignResults(db, loaded.row);
  const threshold = toTenths(loaded.row.divergence_threshold);
  return {
    items: files.map(({ file, assignments, initialSheets, recheckSheets, objections, result }) => {
      const assigned = assignments.filter((row) => row.kind === 'initial').length;
      const score = scoreFile(
        initialSheets.map((sheet) => sheet.total_tenths),
        assigned,
        bands,
        threshold,
      );
      return {
        fileId: file.id,
        caseId: file.case_id,
        caseNo: file.case_no,
        unitName: file.unit_name,
        assigned,
        submitted: initialSheets.length,
        mean: score.meanText,
        band: score.band,
        bandLabel: score.band ? BAND_LABELS[score.band] : null,
        spread: score.spreadTenths === null ? null : formatTenths(score.spreadTenths),
        flags: score.flags,
        flagLabels: score.flags.map((flag) => FLAG_LABELS[flag]),
        recheckAssigned: assignments.filter((row) => row.kind === 'recheck').length,
        recheckSubmitted: recheckSheets.length,
        recheckMean: result.recheckMean,
        resultState: result.state,
        resultStateLabel: RESULT_STATE_LABELS[result.state],
        score: result.score,
        finalBand: result.band,
        finalBandLabel: result.band ? BAND_LABELS[result.band] : null,
        source: result.source,
        sourceLabel: result.source ? RESULT_SOURCE_LABELS[result.source] : null,
        pendingObjections: objections.filter((objection) => objection.state === 'pending').length,
        isExemplary: file.exemplary_at !== null,
        article19Grounds: file.article19_grounds,
      };
    }),
  };
}
