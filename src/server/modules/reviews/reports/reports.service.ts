/**
 * The review documents (reports.build.ts) loaded and rendered: DOCX through the shared official
 * document renderer, the XLSX of all scores through the shared sheet writer, and the circular's
 * issue — its number from the organiser's 博司评 register in the same transaction that records it
 * and starts the 10 days of 第十七条.
 */
import { todayInShanghai } from '../../../../common/format.ts';
import { REVIEW_METHOD_LABELS } from '../../../../common/reviews.ts';
import type { Db } from '../../../db/database.ts';
import type { Actor } from '../../../lib/access.ts';
import { AppError, conflict, notFound } from '../../../lib/errors.ts';
import type { DownloadFile } from '../../../lib/http.ts';
import { writeSheet } from '../../../lib/xlsx.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import {
  findIssuingRegister,
  REGISTER_CODES,
  recordIssuedDocument,
  registerDocumentKind,
  renderOfficialDocx,
  takeDocumentNumber,
} from '../../documents/documents.public.ts';
import { setCampaignCircular } from '../campaigns/campaigns.repository.ts';
import { type LoadedCampaign, loadCampaign, loadManagedCampaign } from '../campaigns/campaigns.service.ts';
import { findPanelExpertIds } from '../panels/panels.repository.ts';
import { RESULT_SOURCE_LABELS, unitRates } from '../rechecks/result.rules.ts';
import { type CampaignFileResult, computeCampaignResults } from '../rechecks/results.service.ts';
import { listFailingOfficers } from '../results/results.service.ts';
import { BAND_LABELS, formatTenths } from '../scoring/scoring.rules.ts';
import {
  buildCircular,
  buildOverallReport,
  buildScoreSheet,
  buildScoresWorkbook,
  buildUnitReport,
  type ReportCampaign,
  type ReportFile,
  type ReportUnit,
} from './reports.build.ts';
import { buildRevocationLetter } from './revocation-letter.build.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CIRCULAR_SOURCE = { domain: 'reviews', recordType: 'review_circular' } as const;

registerDocumentKind(CIRCULAR_SOURCE.recordType, {
  label: '案卷评查通报',
  linkOf: (campaignId) => `/reviews/campaigns/${campaignId}`,
});

type SheetItems = Array<{ no: number; deductedTenths: number; reason: string | null }>;

async function loadReportData(db: Db, loaded: LoadedCampaign) {
  const results = await computeCampaignResults(db, loaded.row);
  const titleOf = (no: number) => results.criteria.find((criterion) => criterion.no === no)?.title ?? '';
  const toFile = (entry: CampaignFileResult): ReportFile => {
    const standing = entry.result.source === 'recheck' ? entry.recheckSheets : entry.initialSheets;
    return {
      caseNo: entry.file.case_no,
      name: entry.file.name,
      score: entry.result.score,
      bandLabel: entry.result.band ? BAND_LABELS[entry.result.band] : null,
      sourceLabel: entry.result.source ? RESULT_SOURCE_LABELS[entry.result.source] : null,
      deductions: standing.flatMap((sheet) =>
        (sheet.items as SheetItems)
          .filter((item) => item.deductedTenths > 0)
          .map((item) => ({
            no: item.no,
            title: titleOf(item.no),
            deducted: formatTenths(item.deductedTenths),
            reason: item.reason ?? '',
          })),
      ),
    };
  };
  const units: ReportUnit[] = loaded.units.map((unit) => {
    const own = results.files.filter((entry) => entry.file.unit_org_id === unit.org_id);
    return {
      name: unit.name,
      rates: unitRates(own.map((entry) => (entry.result.state === 'final' ? entry.result.band : null))),
      files: own.map(toFile),
    };
  });
  const panel = await findPanelExpertIds(db, loaded.row.id);
  const names = [
    ...new Set(
      results.files.flatMap((entry) =>
        entry.assignments.filter((row) => panel.includes(row.expert_id)).map((row) => row.expert_name),
      ),
    ),
  ];
  const campaign: ReportCampaign = {
    name: loaded.row.name,
    year: loaded.row.year,
    methodLabel: REVIEW_METHOD_LABELS[loaded.row.method],
    organiserName: loaded.row.organiser_name,
    closedFrom: loaded.row.closed_from,
    closedTo: loaded.row.closed_to,
    reviewerNames: names,
    publishedOn: loaded.row.published_on,
  };
  return { results, units, campaign, toFile };
}

const today = () => todayInShanghai(new Date());

/** 第十三条: one unit's 评查报告 (the organiser at any time; the unit after publication). */
export async function downloadUnitReport(
  db: Db,
  actor: Actor,
  campaignId: number,
  orgId: number,
): Promise<DownloadFile> {
  const loaded = await loadManagedCampaign(db, actor, campaignId);
  const index = loaded.units.findIndex((unit) => unit.org_id === orgId);
  if (index < 0) throw notFound('被评查单位');
  const { units, campaign } = await loadReportData(db, loaded);
  const content = buildUnitReport({ campaign, unit: units[index]!, date: today() });
  return { fileName: `${content.title}.docx`, contentType: DOCX, bytes: await renderOfficialDocx(content) };
}

/** 第十二条(八): the 总体报告. */
export async function downloadOverallReport(db: Db, actor: Actor, campaignId: number): Promise<DownloadFile> {
  const loaded = await loadManagedCampaign(db, actor, campaignId);
  const { units, campaign } = await loadReportData(db, loaded);
  const content = buildOverallReport({ campaign, units, date: today() });
  return { fileName: `${content.title}.docx`, contentType: DOCX, bytes: await renderOfficialDocx(content) };
}

/** 第十七条: the 通报 — anyone who sees the campaign, once it is issued; the organiser's draft before. */
export async function downloadCircular(db: Db, actor: Actor, campaignId: number): Promise<DownloadFile> {
  const loaded = await loadCampaign(db, actor, campaignId);
  if (!loaded.row.circular_number) await loadManagedCampaign(db, actor, campaignId);
  const { units, campaign } = await loadReportData(db, loaded);
  const register = await findIssuingRegister(db, {
    orgId: loaded.row.organiser_org_id,
    registerCode: REGISTER_CODES.review,
  });
  const content = buildCircular({
    campaign,
    units,
    number: loaded.row.circular_number,
    numberPrefix: register?.prefix ?? null,
    date: loaded.row.circular_issued_on ?? today(),
    signer: null,
  });
  return {
    fileName: `${content.title}${loaded.row.circular_number ? `（${loaded.row.circular_number}）` : '（未印发稿）'}.docx`,
    contentType: DOCX,
    bytes: await renderOfficialDocx(content),
  };
}

/**
 * Issues the circular of a published campaign: the next 博司评 number of the organiser's register,
 * the register entry and the campaign's circular date in one transaction (the 10 days of 第十七条
 * run from that date).
 */
export async function issueCircular(db: Db, actor: Actor, campaignId: number) {
  const loaded = await loadManagedCampaign(db, actor, campaignId);
  if (loaded.row.state !== 'published' && loaded.row.state !== 'closed')
    throw new AppError('REVIEW_NOT_PUBLISHED', '评查结果发布后才能印发通报');
  if (loaded.row.circular_number) throw conflict(`通报已印发（${loaded.row.circular_number}）`);
  const register = await findIssuingRegister(db, {
    orgId: loaded.row.organiser_org_id,
    registerCode: REGISTER_CODES.review,
  });
  if (!register) throw conflict('尚未设置案卷评查通报的发文登记簿（代码 review），请管理员先设置');
  const issuedOn = today();
  const year = Number(issuedOn.slice(0, 4));
  const number = await db.transaction().execute(async (trx) => {
    const taken = await takeDocumentNumber(trx, {
      orgId: register.orgId,
      registerCode: REGISTER_CODES.review,
      year,
    });
    await recordIssuedDocument(trx, actor, {
      orgId: register.orgId,
      registerCode: REGISTER_CODES.review,
      ...taken,
      year,
      title: `关于${loaded.row.name}情况的通报`,
      recipient: loaded.units.map((unit) => unit.name).join('、'),
      issuedOn,
      source: { ...CIRCULAR_SOURCE, recordId: campaignId },
    });
    await setCampaignCircular(trx, campaignId, taken.number, issuedOn);
    await recordAudit(trx, actor, {
      action: 'review.circular.issue',
      entityType: 'review_campaign',
      entityId: campaignId,
      orgId: loaded.row.organiser_org_id,
      after: { number: taken.number, issuedOn },
    });
    return taken.number;
  });
  return { campaignId, circularNumber: number, circularIssuedOn: issuedOn };
}

/**
 * 第十八条: the organiser's letter proposing the revocation of the enforcement qualification of a
 * person listed for 通报批评 (at least `threshold` failing files); anyone else on the list is 404.
 */
export async function downloadRevocationLetter(
  db: Db,
  actor: Actor,
  campaignId: number,
  personKey: string,
  threshold: number,
): Promise<DownloadFile> {
  const listed = await listFailingOfficers(db, actor, campaignId, threshold);
  const person = listed.items.find((item) => item.personKey === personKey);
  if (!person) throw notFound('通报批评人员');
  const loaded = await loadManagedCampaign(db, actor, campaignId);
  const { units, campaign } = await loadReportData(db, loaded);
  const failing = new Set(person.failingFiles.map((file) => file.caseNo));
  const register = await findIssuingRegister(db, {
    orgId: loaded.row.organiser_org_id,
    registerCode: REGISTER_CODES.general,
  });
  const content = buildRevocationLetter({
    campaign,
    person,
    files: units.flatMap((unit) => unit.files.filter((file) => failing.has(file.caseNo))),
    threshold,
    numberPrefix: register?.prefix ?? null,
    date: today(),
  });
  return { fileName: `${content.title}.docx`, contentType: DOCX, bytes: await renderOfficialDocx(content) };
}

/** One file's score sheet with every reviewer's deductions and reasons (the organiser). */
export async function downloadScoreSheet(
  db: Db,
  actor: Actor,
  campaignId: number,
  fileId: number,
): Promise<DownloadFile> {
  const loaded = await loadManagedCampaign(db, actor, campaignId);
  const { results, campaign, toFile } = await loadReportData(db, loaded);
  const entry = results.files.find((candidate) => candidate.file.id === fileId);
  if (!entry) throw notFound('评查案卷');
  const content = buildScoreSheet({
    campaign,
    unitName: entry.file.unit_name,
    file: toFile(entry),
    criteria: results.criteria.map((criterion) => ({
      no: criterion.no,
      title: criterion.title,
      points: criterion.pointsTenths / 10,
    })),
    reviewers: entry.assignments.map((assignment) => {
      const sheet = entry.sheets.find((row) => row.assignment_id === assignment.id && row.submitted_at);
      return {
        name: assignment.expert_name,
        kindLabel: assignment.kind === 'recheck' ? '复评' : '初评',
        total: sheet ? formatTenths(sheet.total_tenths) : null,
        signedAt: sheet?.submitted_at ? todayInShanghai(sheet.submitted_at) : null,
        items: ((sheet?.items ?? []) as SheetItems)
          .filter((item) => item.deductedTenths > 0)
          .map((item) => ({
            no: item.no,
            deducted: formatTenths(item.deductedTenths),
            reason: item.reason ?? '',
          })),
      };
    }),
    date: today(),
  });
  return {
    fileName: `评分表（${entry.file.case_no}）.docx`,
    contentType: DOCX,
    bytes: await renderOfficialDocx(content),
  };
}

/** XLSX of every submitted sheet of the campaign (the organiser). */
export async function downloadScoresWorkbook(
  db: Db,
  actor: Actor,
  campaignId: number,
): Promise<DownloadFile> {
  const loaded = await loadManagedCampaign(db, actor, campaignId);
  const { results } = await loadReportData(db, loaded);
  const model = buildScoresWorkbook({
    criteriaNos: results.criteria.map((criterion) => criterion.no),
    rows: results.files.flatMap((entry) =>
      entry.assignments.flatMap((assignment) => {
        const sheet = entry.sheets.find((row) => row.assignment_id === assignment.id && row.submitted_at);
        if (!sheet) return [];
        return [
          {
            unitName: entry.file.unit_name,
            caseNo: entry.file.case_no,
            name: entry.file.name,
            reviewer: assignment.expert_name,
            kindLabel: assignment.kind === 'recheck' ? '复评' : '初评',
            deductions: (sheet.items as SheetItems)
              .filter((item) => item.deductedTenths > 0)
              .map((item) => ({
                no: item.no,
                deducted: formatTenths(item.deductedTenths),
                reason: item.reason ?? '',
              })),
            total: formatTenths(sheet.total_tenths),
            fileScore: entry.result.score,
            bandLabel: entry.result.band ? BAND_LABELS[entry.result.band] : null,
          },
        ];
      }),
    ),
  });
  return { fileName: `${loaded.row.name}评查得分.xlsx`, contentType: XLSX, bytes: await writeSheet(model) };
}
