/**
 * The only functions other domains import from reviews (the import graph stays one-way): the
 * published result of a case's review (a case's quality analysis, seed 000 说明4) and the failing
 * files of a county's published campaigns with their handlers (assessment proposals, 第十八条); a
 * unit's files under review in a year, for its 依法行政档案 (issue 20, docs/units.md).
 */
import type { Db } from '../../db/database.ts';
import { findOrgById } from '../org/org.repository.ts';
import {
  countUnitReviewFiles,
  findPublishedCampaignsBetween,
  findPublishedCampaignsOfCase,
} from './campaigns/campaigns.repository.ts';
import { RESULT_SOURCE_LABELS } from './rechecks/result.rules.ts';
import { computeCampaignResults } from './rechecks/results.service.ts';
import { findHandlersOfCases } from './results/results.repository.ts';
import type { CaseReviewResult } from './results/results.schema.ts';
import { BAND_LABELS, formatTenths, type SheetItem } from './scoring/scoring.rules.ts';

export { CaseReviewResult, CaseReviewResultView } from './results/results.schema.ts';

/** The unit's files in the year's campaigns (removed ones left out), and how many have a submitted sheet. */
export function countReviewFilesOfUnit(
  db: Db,
  unitOrgId: number,
  year: number,
): Promise<{ files: number; scored: number }> {
  return countUnitReviewFiles(db, unitOrgId, year);
}

/**
 * A case's result in the newest published campaign that reviewed it, or null: the score, band and
 * the standing reviewers' deductions with their reasons (评查办法第十二条), and an opinion drafted
 * from them for the case record's 质量分析 (seed 000 填表说明4: filled in from the review).
 */
export async function getCaseReviewResult(db: Db, caseId: number): Promise<CaseReviewResult | null> {
  for (const campaign of await findPublishedCampaignsOfCase(db, caseId)) {
    const results = await computeCampaignResults(db, campaign);
    const entry = results.files.find((item) => item.file.case_id === caseId);
    if (!entry?.result.score || !entry.result.band) continue;
    const titleOf = (no: number) => results.criteria.find((criterion) => criterion.no === no)?.title ?? '';
    const standing = entry.result.source === 'recheck' ? entry.recheckSheets : entry.initialSheets;
    const reasons = standing.flatMap((sheet) =>
      (sheet.items as SheetItem[])
        .filter((item) => item.deductedTenths > 0)
        .map((item) => ({
          no: item.no,
          title: titleOf(item.no),
          deducted: formatTenths(item.deductedTenths),
          reason: item.reason ?? '',
          reviewer: sheet.expert_name,
        })),
    );
    const bandLabel = BAND_LABELS[entry.result.band];
    const lines = reasons.map(
      (item, index) => `${index + 1}. 第${item.no}项${item.title}扣${item.deducted}分：${item.reason}`,
    );
    return {
      campaignId: campaign.id,
      campaignName: campaign.name,
      publishedOn: campaign.published_on,
      score: entry.result.score,
      band: entry.result.band,
      bandLabel,
      sourceLabel: entry.result.source ? RESULT_SOURCE_LABELS[entry.result.source] : null,
      reasons,
      suggestedOpinion: [
        `经${campaign.name}评查，本案卷得分${entry.result.score}分，评定为${bandLabel}。`,
        lines.length > 0 ? `主要问题：\n${lines.join('\n')}` : '评查人员未扣分。',
      ].join('\n'),
    };
  }
  return null;
}

/** A failing file (不合格) of a published campaign and the officers who handled it. */
export interface FailingReviewFileFact {
  campaignId: number;
  campaignName: string;
  publishedOn: string;
  caseId: number;
  caseNo: string;
  unitOrgId: number;
  officerIds: number[];
  /** the handlers with their organisation's path (an assessment subject is an officer or a unit) */
  handlers: { officerId: number; orgPath: string }[];
  /** the path of the case's unit */
  unitPath: string;
}

/** Failing files of the county's campaigns published between `from` and `to` (inclusive). */
export async function findFailingReviewFiles(
  db: Db,
  countyPath: string,
  from: string,
  to: string,
): Promise<FailingReviewFileFact[]> {
  const facts: FailingReviewFileFact[] = [];
  for (const campaign of await findPublishedCampaignsBetween(db, countyPath, from, to)) {
    const failing = (await computeCampaignResults(db, campaign)).files.filter(
      (entry) => entry.result.state === 'final' && entry.result.band === 'fail',
    );
    const handlers = await findHandlersOfCases(
      db,
      failing.map((entry) => entry.file.case_id),
    );
    const unitPaths = new Map<number, string>();
    for (const unitOrgId of new Set(failing.map((entry) => entry.file.unit_org_id)))
      unitPaths.set(unitOrgId, (await findOrgById(db, unitOrgId))?.path ?? '');
    for (const entry of failing)
      facts.push({
        unitPath: unitPaths.get(entry.file.unit_org_id) ?? '',
        campaignId: campaign.id,
        campaignName: campaign.name,
        publishedOn: campaign.published_on!,
        caseId: entry.file.case_id,
        caseNo: entry.file.case_no,
        unitOrgId: entry.file.unit_org_id,
        officerIds: handlers.filter((row) => row.case_id === entry.file.case_id).map((row) => row.officer_id),
        handlers: handlers
          .filter((row) => row.case_id === entry.file.case_id)
          .map((row) => ({ officerId: row.officer_id, orgPath: row.org_path })),
      });
  }
  return facts;
}
