/**
 * Results (评查办法第十二条(六)(九)、第十七–十九条): publication to the reviewed units, each unit's
 * results (only after publication for the unit), the campaign board, files returned, 优秀案卷 and the
 * showcase, 第十九条 marks with the draft supervision notice, and the people behind failing files.
 */
import { DEADLINE_STATE_LABELS, deadlineState } from '../../../../common/calendar.ts';
import { todayInShanghai } from '../../../../common/format.ts';
import { ARTICLE19_GROUND_LABELS, REVIEW_WARN_DAYS } from '../../../../common/reviews.ts';
import type { Db } from '../../../db/database.ts';
import type { Actor } from '../../../lib/access.ts';
import { AppError, conflict, forbidden, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { CASE_KIND_LABELS } from '../../cases/cases.policy.ts';
import { findOrgById } from '../../org/org.repository.ts';
import { createDraftNoticeFromReview } from '../../supervision/supervision.public.ts';
import { type LoadedCampaign, loadCampaign, loadManagedCampaign } from '../campaigns/campaigns.service.ts';
import {
  objectionWindow,
  publicationBlocker,
  RESULT_SOURCE_LABELS,
  unitRates,
} from '../rechecks/result.rules.ts';
import { computeCampaignResults } from '../rechecks/results.service.ts';
import { RECTIFICATION_STATUS_LABELS, rectificationStatus } from '../rectifications/rectification.rules.ts';
import { findRectifications } from '../rectifications/rectifications.repository.ts';
import { canActForUnit, canManageCampaign } from '../reviews.policy.ts';
import { BAND_LABELS, formatTenths } from '../scoring/scoring.rules.ts';
import {
  findCaseFileOfCase,
  findHandlersOfCases,
  findLegalReviewersOfCases,
  findPartyNames,
  findShowcase,
  setArticle19,
  setExemplary,
  setFilesReturned,
  setPublished,
} from './results.repository.ts';
import { failingPersons, maskParties, type PersonFile } from './results.rules.ts';
import type { Article19Body, ExemplaryBody, FilesReturnedBody } from './results.schema.ts';

/** Exemplary files listed at most (the showcase is a compilation, 汇编). */
const SHOWCASE_MAX = 500;

const isPublished = (state: string) => state === 'published' || state === 'closed';

/** 第十二条(六): publishes the results to the units — refused while a file has no final result. */
export async function publishCampaign(db: Db, actor: Actor, campaignId: number) {
  const loaded = await loadManagedCampaign(db, actor, campaignId);
  if (loaded.row.state !== 'scoring') throw conflict('只有评分中的评查活动可以发布结果');
  const { files } = await computeCampaignResults(db, loaded.row);
  const blocker = publicationBlocker(files.map((entry) => entry.result));
  if (blocker?.code === 'REVIEW_FILES_UNSCORED')
    throw new AppError(
      'REVIEW_FILES_UNSCORED',
      blocker.count === 0 ? '没有评查案卷，不能发布结果' : `还有 ${blocker.count} 件案卷未评完，不能发布结果`,
      { count: blocker.count },
    );
  if (blocker)
    throw new AppError(
      'REVIEW_RECHECK_MISSING',
      `还有 ${blocker.count} 件需复评的案卷未完成复评（第十二条(五)），不能发布结果`,
      { count: blocker.count },
    );
  const today = todayInShanghai(new Date());
  await db.transaction().execute(async (trx) => {
    const updated = await setPublished(trx, campaignId, today, actor.displayName);
    if (!updated) throw conflict('评查活动状态已变化，请刷新');
    await recordAudit(trx, actor, {
      action: 'review.campaign.publish',
      entityType: 'review_campaign',
      entityId: campaignId,
      orgId: loaded.row.organiser_org_id,
      before: { state: 'scoring' },
      after: {
        state: 'published',
        publishedOn: today,
        results: files.map((entry) => ({
          fileId: entry.file.id,
          score: entry.result.score,
          band: entry.result.band,
        })),
      },
    });
  });
  return getBoard(db, actor, campaignId);
}

/** Whether the actor may read one unit's results now (the unit and its readers: after publication). */
function assertMayReadUnit(loaded: LoadedCampaign, unitPath: string) {
  const { viewer, row } = loaded;
  if (canManageCampaign(viewer, { scopePath: row.scope_path })) return;
  if (viewer.readPaths.some((path) => row.scope_path.startsWith(path))) return;
  const isUnitSide =
    canActForUnit(viewer, unitPath) || viewer.readPaths.some((path) => unitPath.startsWith(path));
  if (!isUnitSide) throw notFound('被评查单位');
  if (!isPublished(row.state)) throw new AppError('REVIEW_NOT_PUBLISHED', '评查结果尚未发布');
}

/** Per unit: files, results, objections, returns and rectification — the campaign board. */
export async function getBoard(
  db: Db,
  actor: Actor,
  campaignId: number,
  today = todayInShanghai(new Date()),
) {
  const loaded = await loadCampaign(db, actor, campaignId);
  const { row, units, viewer } = loaded;
  const isOrganiser = canManageCampaign(viewer, { scopePath: row.scope_path });
  // results show to the organiser and the campaign's readers at once, to everyone after publication
  const mayReadResults =
    isOrganiser || viewer.readPaths.some((path) => row.scope_path.startsWith(path)) || isPublished(row.state);
  const [{ files }, rectifications] = await Promise.all([
    computeCampaignResults(db, row),
    findRectifications(db, [campaignId]),
  ]);
  const window = objectionWindow(row.published_on, row.objection_days, today);
  return {
    campaignId,
    state: row.state,
    publishedOn: row.published_on,
    circularNumber: row.circular_number,
    circularIssuedOn: row.circular_issued_on,
    objectionWindow: window,
    units: units.map((unit) => {
      const own = files.filter((entry) => entry.file.unit_org_id === unit.org_id);
      const showResults = mayReadResults;
      const bands = own.map((entry) => (entry.result.state === 'final' ? entry.result.band : null));
      const rates = unitRates(bands);
      const latest = rectifications.filter((item) => item.unit_org_id === unit.org_id).at(-1);
      const rectification = rectificationStatus(
        { failingFiles: rates.fail, circularIssuedOn: row.circular_issued_on, latest: latest?.state ?? null },
        today,
      );
      const listState = unit.list_submitted_at
        ? ('submitted' as const)
        : deadlineState(row.file_list_due_on, today, REVIEW_WARN_DAYS);
      return {
        orgId: unit.org_id,
        name: unit.name,
        listState,
        listStateLabel: listState === 'submitted' ? '已报送' : DEADLINE_STATE_LABELS[listState],
        files: own.length,
        assigned: own.filter((entry) => entry.assignments.some((item) => item.kind === 'initial')).length,
        scored: own.filter((entry) => entry.result.state !== 'unscored').length,
        flagged: own.filter((entry) => entry.result.flags.length > 0).length,
        rechecked: own.filter((entry) => entry.result.source === 'recheck').length,
        final: own.filter((entry) => entry.result.state === 'final').length,
        results: showResults ? rates : null,
        pendingObjections: own.reduce(
          (sum, entry) => sum + entry.objections.filter((item) => item.state === 'pending').length,
          0,
        ),
        filesReturnedOn: unit.files_returned_on,
        rectificationStatus: rectification.status,
        rectificationStatusLabel: RECTIFICATION_STATUS_LABELS[rectification.status],
        rectificationDueOn: rectification.dueOn,
        rectificationDeadlineState: rectification.deadlineState,
        rectificationDeadlineLabel: rectification.deadlineState
          ? DEADLINE_STATE_LABELS[rectification.deadlineState]
          : null,
      };
    }),
    abilities: {
      canPublish:
        isOrganiser &&
        row.state === 'scoring' &&
        publicationBlocker(files.map((entry) => entry.result)) === null,
      canRecheck: isOrganiser && row.state === 'scoring',
      canChangeAssignments: isOrganiser && (row.state === 'drawn' || row.state === 'scoring'),
      canIssueCircular: isOrganiser && isPublished(row.state) && !row.circular_number,
      canMarkFiles: isOrganiser && isPublished(row.state),
    },
  };
}

/** One unit's results: each file's score and band with the reviewers' reasons (after publication for the unit). */
export async function getUnitResults(
  db: Db,
  actor: Actor,
  campaignId: number,
  orgId: number,
  today = todayInShanghai(new Date()),
) {
  const loaded = await loadCampaign(db, actor, campaignId);
  const unit = loaded.units.find((candidate) => candidate.org_id === orgId);
  if (!unit) throw notFound('被评查单位');
  assertMayReadUnit(loaded, unit.path);
  const { files } = await computeCampaignResults(db, loaded.row);
  const own = files.filter((entry) => entry.file.unit_org_id === orgId);
  const rates = unitRates(own.map((entry) => (entry.result.state === 'final' ? entry.result.band : null)));
  const window = objectionWindow(loaded.row.published_on, loaded.row.objection_days, today);
  const isUnit = canActForUnit(loaded.viewer, unit.path);
  return {
    orgId,
    name: unit.name,
    publishedOn: loaded.row.published_on,
    rates,
    filesReturnedOn: unit.files_returned_on,
    filesReturnedNote: unit.files_returned_note,
    objectionWindow: window,
    files: own.map((entry) => {
      const standing = entry.result.source === 'recheck' ? entry.recheckSheets : entry.initialSheets;
      return {
        fileId: entry.file.id,
        caseId: entry.file.case_id,
        caseNo: entry.file.case_no,
        name: entry.file.name,
        score: entry.result.score,
        band: entry.result.band,
        bandLabel: entry.result.band ? BAND_LABELS[entry.result.band] : null,
        source: entry.result.source,
        sourceLabel: entry.result.source ? RESULT_SOURCE_LABELS[entry.result.source] : null,
        deductions: standing.flatMap((sheet) =>
          (sheet.items as Array<{ no: number; deductedTenths: number; reason: string | null }>)
            .filter((item) => item.deductedTenths > 0)
            .map((item) => ({
              no: item.no,
              deducted: formatTenths(item.deductedTenths),
              reason: item.reason ?? '',
            })),
        ),
        isExemplary: entry.file.exemplary_at !== null,
        article19Grounds: entry.file.article19_grounds,
        hasPendingObjection: entry.objections.some((item) => item.state === 'pending'),
        abilities: {
          canObject: isUnit && window.isOpen && !entry.objections.some((item) => item.state === 'pending'),
        },
      };
    }),
  };
}

/** 第十二条(九): records the day the unit's files went back to it. */
export async function recordFilesReturned(
  db: Db,
  actor: Actor,
  campaignId: number,
  orgId: number,
  body: FilesReturnedBody,
) {
  const loaded = await loadManagedCampaign(db, actor, campaignId);
  const unit = loaded.units.find((candidate) => candidate.org_id === orgId);
  if (!unit) throw notFound('被评查单位');
  if (loaded.row.state === 'planning') throw conflict('尚未抽取案卷，无需退回');
  await db.transaction().execute(async (trx) => {
    await setFilesReturned(trx, campaignId, orgId, {
      files_returned_on: body.returnedOn,
      files_returned_note: body.note,
      files_returned_by_name: actor.displayName,
    });
    await recordAudit(trx, actor, {
      action: 'review.files.return',
      entityType: 'review_campaign',
      entityId: campaignId,
      orgId,
      before: { returnedOn: unit.files_returned_on },
      after: body,
    });
  });
  return getBoard(db, actor, campaignId);
}

async function loadPublishedFile(db: Db, actor: Actor, campaignId: number, fileId: number) {
  const loaded = await loadManagedCampaign(db, actor, campaignId);
  if (!isPublished(loaded.row.state)) throw new AppError('REVIEW_NOT_PUBLISHED', '评查结果尚未发布');
  const { files } = await computeCampaignResults(db, loaded.row);
  const entry = files.find((candidate) => candidate.file.id === fileId);
  if (!entry) throw notFound('评查案卷');
  return { loaded, entry };
}

/** 第十八条: marks (or unmarks) an 优秀 file into the showcase. */
export async function markExemplary(
  db: Db,
  actor: Actor,
  campaignId: number,
  fileId: number,
  body: ExemplaryBody,
) {
  const { loaded, entry } = await loadPublishedFile(db, actor, campaignId, fileId);
  if (body.isExemplary && entry.result.band !== 'excellent')
    throw conflict('只有评定为优秀的案卷可以列为优秀案卷（第十八条）');
  await db.transaction().execute(async (trx) => {
    await setExemplary(trx, fileId, {
      exemplary_at: body.isExemplary ? new Date() : null,
      exemplary_by_name: body.isExemplary ? actor.displayName : null,
      exemplary_note: body.isExemplary ? body.note : null,
    });
    await recordAudit(trx, actor, {
      action: body.isExemplary ? 'review.file.exemplary' : 'review.file.exemplary_remove',
      entityType: 'review_file',
      entityId: fileId,
      orgId: loaded.row.organiser_org_id,
      after: body,
    });
  });
  return { fileId, isExemplary: body.isExemplary };
}

/**
 * 第十九条(一)–(五): marks the grounds on a failing file and, when asked, raises the draft
 * 行政执法监督通知书 to its unit in supervision (county campaigns; the draft waits for 签发 there).
 */
export async function markArticle19(
  db: Db,
  actor: Actor,
  campaignId: number,
  fileId: number,
  body: Article19Body,
) {
  const { loaded, entry } = await loadPublishedFile(db, actor, campaignId, fileId);
  if (entry.result.band !== 'fail') throw conflict('只有不合格案卷适用第十九条');
  if (body.raiseNotice && entry.file.notice_id) throw conflict('本卷已生成监督通知书草稿');
  if (body.raiseNotice && loaded.row.level !== 'county')
    throw conflict('监督通知书由县司法局制发，部门内部评查不能生成（第十九条）');
  if (body.raiseNotice && body.grounds.length === 0)
    throw new AppError('VALIDATION_FAILED', '请选择第十九条的情形', {
      fields: [{ field: 'grounds', message: '生成监督通知书前请选择第十九条的情形' }],
    });
  const reasons = entry.initialSheets
    .concat(entry.recheckSheets)
    .flatMap((sheet) =>
      (sheet.items as Array<{ no: number; deductedTenths: number; reason: string | null }>)
        .filter((item) => item.deductedTenths > 0 && item.reason)
        .map((item) => `第${item.no}项扣${formatTenths(item.deductedTenths)}分：${item.reason}`),
    );
  let noticeId: number | undefined;
  if (body.raiseNotice) {
    const caseFile = await findCaseFileOfCase(db, entry.file.case_id);
    if (!caseFile) throw conflict('该案件尚未建立案卷，不能关联监督通知书');
    const draft = await createDraftNoticeFromReview(db, actor, {
      unitOrgId: entry.file.unit_org_id,
      caseFileId: caseFile.id,
      findingsText: `${entry.file.case_no}《${entry.file.name}》评查得分 ${entry.result.score} 分，评定为不合格，存在：${body.grounds
        .map((ground) => ARTICLE19_GROUND_LABELS[ground as keyof typeof ARTICLE19_GROUND_LABELS])
        .join('；')}。${body.note ?? ''}`,
      reviewerReasons: [...new Set(reasons)].join('；'),
      campaignTitle: loaded.row.name,
    });
    noticeId = draft.noticeId;
  }
  await db.transaction().execute(async (trx) => {
    await setArticle19(trx, fileId, {
      article19_grounds: [...new Set(body.grounds)].sort(),
      article19_note: body.note,
      ...(noticeId !== undefined && { notice_id: noticeId }),
    });
    await recordAudit(trx, actor, {
      action: 'review.file.article19',
      entityType: 'review_file',
      entityId: fileId,
      orgId: loaded.row.organiser_org_id,
      before: { grounds: entry.file.article19_grounds },
      after: { ...body, noticeId: noticeId ?? entry.file.notice_id },
    });
  });
  return {
    fileId,
    grounds: [...new Set(body.grounds)].sort(),
    noticeId: noticeId ?? entry.file.notice_id ?? null,
  };
}

/** 第十八条 优秀案卷典型制度: every account of the county reads the showcase, parties masked. */
export async function listShowcase(db: Db, actor: Actor) {
  const org = await findOrgById(db, actor.orgId);
  if (!org) throw forbidden();
  // the county is the root of the account's organisation path
  const countyPath = `/${org.path.split('/').filter(Boolean)[0]}/`;
  const rows = await findShowcase(db, countyPath, SHOWCASE_MAX);
  const parties = await findPartyNames(db, [...new Set(rows.map((row) => row.case_id))]);
  return {
    items: rows.map((row) => {
      const names = [
        ...parties.filter((party) => party.case_id === row.case_id).map((party) => party.name),
        ...row.party_names.split(/[、,，;；]/),
      ];
      return {
        fileId: row.file_id,
        campaignId: row.campaign_id,
        campaignName: row.campaign_name,
        year: row.year,
        caseNo: row.case_no,
        name: maskParties(row.name, names),
        kind: row.kind,
        kindLabel: CASE_KIND_LABELS[row.kind],
        partyNames: maskParties(row.party_names, names),
        closedOn: row.closed_on,
        unitName: row.unit_name,
        note: row.exemplary_note ? maskParties(row.exemplary_note, names) : null,
        markedAt: row.exemplary_at!.toISOString(),
      };
    }),
  };
}

/** 第十八条: officers and legal reviewers with at least `threshold` failing files of the campaign. */
export async function listFailingOfficers(db: Db, actor: Actor, campaignId: number, threshold: number) {
  const loaded = await loadManagedCampaign(db, actor, campaignId);
  const { files } = await computeCampaignResults(db, loaded.row);
  const failing = files.filter((entry) => entry.result.state === 'final' && entry.result.band === 'fail');
  const caseIds = failing.map((entry) => entry.file.case_id);
  const [handlers, legal] = await Promise.all([
    findHandlersOfCases(db, caseIds),
    findLegalReviewersOfCases(db, caseIds),
  ]);
  const personFiles: PersonFile[] = failing.flatMap((entry) => [
    ...handlers
      .filter((handler) => handler.case_id === entry.file.case_id)
      .map((handler) => ({
        personKey: `officer:${handler.officer_id}`,
        name: handler.name,
        role: 'handler' as const,
        orgName: handler.org_name,
        officerId: handler.officer_id,
        fileId: entry.file.id,
        caseNo: entry.file.case_no,
      })),
    ...legal
      .filter((row) => row.case_id === entry.file.case_id)
      .map((row) => ({
        personKey: `user:${row.quality_by_id}`,
        name: row.quality_by_name ?? '',
        role: 'legal_reviewer' as const,
        orgName: null,
        officerId: null,
        fileId: entry.file.id,
        caseNo: entry.file.case_no,
      })),
  ]);
  return {
    threshold,
    items: failingPersons(personFiles, threshold).map((person) => ({
      ...person,
      roleLabel: person.role === 'handler' ? '行政执法人员' : '法制审核人员',
    })),
  };
}
