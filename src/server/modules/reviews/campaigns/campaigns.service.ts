/** Campaigns (评查活动): the plan (第十二条(一)), its scope (第四条) and the units' file lists (第二十条). */
import { DEADLINE_STATE_LABELS, deadlineState } from '../../../../common/calendar.ts';
import { todayInShanghai } from '../../../../common/format.ts';
import {
  REVIEW_CAMPAIGN_STATE_LABELS,
  REVIEW_LEVEL_LABELS,
  REVIEW_METHOD_LABELS,
  REVIEW_REGULARITY_LABELS,
  REVIEW_WARN_DAYS,
} from '../../../../common/reviews.ts';
import type { Db } from '../../../db/database.ts';
import type { Org, OrgKind } from '../../../db/schema.ts';
import { type Actor, assertCan, can } from '../../../lib/access.ts';
import { type FieldProblem, forbidden, invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { CASE_KIND_LABELS } from '../../cases/cases.policy.ts';
import { findAncestry, findOrgById } from '../../org/org.repository.ts';
import {
  canActForUnit,
  canManageCampaign,
  canSeeCampaign,
  type ReviewViewer,
  resolveReviewViewer,
} from '../reviews.policy.ts';
import { findCurrentCountyCriteria } from '../scoring/scoring.repository.ts';
import {
  type CampaignRow,
  type CampaignUnitRow,
  countLiveFiles,
  type EligibleCaseRow,
  findCampaignById,
  findCampaigns,
  findCampaignUnits,
  findEligibleCases,
  findUnitFileList,
  insertCampaign,
  replaceUnitFileList,
} from './campaigns.repository.ts';
import type {
  CampaignCreateBody,
  CampaignListItem,
  CampaignListQuery,
  CampaignView,
  CaseBrief,
} from './campaigns.schema.ts';

/** Organisations that may be under review: units and their sections (cases belong to them). */
const REVIEWED_KINDS: readonly OrgKind[] = ['agency', 'township', 'section', 'justice_bureau', 'legal_unit'];
/** The organiser shown on documents: the nearest unit of the creating account. */
const ORGANISER_KINDS: readonly OrgKind[] = ['justice_bureau', 'agency', 'township', 'government'];

/** A campaign as loaded for one request: its row, its units and the reader's review scopes. */
export interface LoadedCampaign {
  row: CampaignRow;
  units: CampaignUnitRow[];
  viewer: ReviewViewer;
}

/** A campaign the actor may see, or NOT_FOUND (never revealing one elsewhere). */
export async function loadCampaign(db: Db, actor: Actor, id: number): Promise<LoadedCampaign> {
  const viewer = await resolveReviewViewer(db, actor);
  const row = await findCampaignById(db, id);
  if (!row) throw notFound('评查活动');
  const units = await findCampaignUnits(db, [id]);
  if (!canSeeCampaign(viewer, { scopePath: row.scope_path, unitPaths: units.map((unit) => unit.path) }))
    throw notFound('评查活动');
  return { row, units, viewer };
}

/** A campaign the actor organises (第六条), or FORBIDDEN / NOT_FOUND. */
export async function loadManagedCampaign(db: Db, actor: Actor, id: number): Promise<LoadedCampaign> {
  const loaded = await loadCampaign(db, actor, id);
  assertCan(actor, 'review.manage');
  if (!canManageCampaign(loaded.viewer, { scopePath: loaded.row.scope_path })) throw forbidden();
  return loaded;
}

/** Steps a campaign can still change its files in: before any assignment. */
export const isBeforeAssignment = (row: Pick<CampaignRow, 'state'>) =>
  row.state === 'planning' || row.state === 'drawn';

export const toCaseBrief = (row: EligibleCaseRow): CaseBrief => ({
  caseId: row.case_id,
  caseNo: row.case_no,
  name: row.name,
  kind: row.kind,
  kindLabel: CASE_KIND_LABELS[row.kind],
  closedOn: row.closed_on,
  unitOrgId: row.unit_org_id,
  unitName: row.unit_name,
});

function presentListItem(row: CampaignRow, unitCount: number, fileCount: number): CampaignListItem {
  return {
    id: row.id,
    name: row.name,
    year: row.year,
    level: row.level,
    levelLabel: REVIEW_LEVEL_LABELS[row.level],
    organiserName: row.organiser_name,
    method: row.method,
    methodLabel: REVIEW_METHOD_LABELS[row.method],
    regularity: row.regularity,
    regularityLabel: REVIEW_REGULARITY_LABELS[row.regularity],
    state: row.state,
    stateLabel: REVIEW_CAMPAIGN_STATE_LABELS[row.state],
    fileListDueOn: row.file_list_due_on,
    scoringDueOn: row.scoring_due_on,
    unitCount,
    fileCount,
  };
}

export async function presentCampaign(db: Db, loaded: LoadedCampaign, today: string): Promise<CampaignView> {
  const { row, units, viewer } = loaded;
  const counts = await countLiveFiles(db, [row.id]);
  const filesOf = (orgId: number) => Number(counts.find((count) => count.unit_org_id === orgId)?.files ?? 0);
  const canManage = canManageCampaign(viewer, { scopePath: row.scope_path });
  return {
    ...presentListItem(
      row,
      units.length,
      counts.reduce((sum, count) => sum + Number(count.files), 0),
    ),
    caseKinds: row.case_kinds,
    caseKindLabels: row.case_kinds.map((kind) => CASE_KIND_LABELS[kind]),
    closedFrom: row.closed_from,
    closedTo: row.closed_to,
    includeLitigated: row.include_litigated,
    requirements: row.requirements,
    objectionDays: row.objection_days,
    reviewersPerFile: row.reviewers_per_file,
    reviewerCap: row.reviewer_cap,
    divergenceThreshold: row.divergence_threshold,
    units: units.map((unit) => {
      const listState = unit.list_submitted_at
        ? ('submitted' as const)
        : deadlineState(row.file_list_due_on, today, REVIEW_WARN_DAYS);
      return {
        orgId: unit.org_id,
        name: unit.name,
        listState,
        listStateLabel: listState === 'submitted' ? '已报送' : DEADLINE_STATE_LABELS[listState],
        listSubmittedAt: unit.list_submitted_at?.toISOString() ?? null,
        listSubmittedBy: unit.list_submitted_by_name,
        listNote: unit.list_note,
        listCaseCount: unit.list_case_count,
        fileCount: filesOf(unit.org_id),
        canSubmitList: row.state === 'planning' && canActForUnit(viewer, unit.path),
      };
    }),
    abilities: {
      canManage,
      canDraw: canManage && isBeforeAssignment(row),
      canChangeFiles: canManage && isBeforeAssignment(row),
    },
    createdAt: row.created_at.toISOString(),
  };
}

export async function listCampaigns(db: Db, actor: Actor, query: CampaignListQuery) {
  if (
    !(['review.manage', 'review.read', 'review.unit'] as const).some((permission) => can(actor, permission))
  )
    throw forbidden();
  const viewer = await resolveReviewViewer(db, actor);
  const { rows, total } = await findCampaigns(db, viewer, query, query);
  const ids = rows.map((row) => row.id);
  const [units, counts] = await Promise.all([findCampaignUnits(db, ids), countLiveFiles(db, ids)]);
  return {
    items: rows.map((row) =>
      presentListItem(
        row,
        units.filter((unit) => unit.campaign_id === row.id).length,
        counts
          .filter((count) => count.campaign_id === row.id)
          .reduce((sum, count) => sum + Number(count.files), 0),
      ),
    ),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getCampaign(db: Db, actor: Actor, id: number): Promise<CampaignView> {
  return presentCampaign(db, await loadCampaign(db, actor, id), todayInShanghai(new Date()));
}

/** The units under review, checked: in the organiser's subtree, of a reviewable kind, none inside another. */
async function checkUnits(db: Db, scopePath: string, unitIds: readonly number[]): Promise<Org[]> {
  const problems: FieldProblem[] = [];
  const units: Org[] = [];
  const unique = [...new Set(unitIds)];
  for (const [index, id] of unique.entries()) {
    const org = await findOrgById(db, id);
    // outside the organiser's subtree: NOT_FOUND, as for any organisation out of scope
    if (!org?.path.startsWith(scopePath)) throw notFound('被评查单位');
    if (!REVIEWED_KINDS.includes(org.kind)) {
      problems.push({
        field: `unitIds.${index}`,
        message: `“${org.name}”不是行政执法单位，不能作为被评查单位`,
      });
      continue;
    }
    units.push(org);
  }
  for (const [index, unit] of units.entries()) {
    const outer = units.find((other) => other !== unit && unit.path.startsWith(other.path));
    if (outer)
      problems.push({
        field: `unitIds.${index}`,
        message: `“${unit.name}”已包含在“${outer.name}”中，请勿重复选择`,
      });
  }
  if (problems.length > 0) throw invalid(problems);
  return units;
}

/** Creates a campaign in the organiser's own subtree (第六条) with its plan (第十二条(一)). */
export async function createCampaign(db: Db, actor: Actor, body: CampaignCreateBody): Promise<CampaignView> {
  assertCan(actor, 'review.manage');
  const viewer = await resolveReviewViewer(db, actor);
  const problems: FieldProblem[] = [];
  if (body.closedTo < body.closedFrom)
    problems.push({ field: 'closedTo', message: '结案日期范围的结束不能早于开始' });
  if (body.scoringDueOn < body.fileListDueOn)
    problems.push({ field: 'scoringDueOn', message: '评分截止日期不能早于案卷目录报送截止日期' });
  if (problems.length > 0) throw invalid(problems);
  // the widest subtree the account organises in (paths are sorted; a shorter prefix is wider)
  const scopePath = [...viewer.managePaths].sort((a, b) => a.length - b.length)[0];
  if (!scopePath) throw forbidden();
  const units = await checkUnits(db, scopePath, body.unitIds);
  const actorOrg = await findOrgById(db, actor.orgId);
  const ancestry = actorOrg ? await findAncestry(db, actorOrg) : [];
  const organiser = ancestry.findLast((org) => ORGANISER_KINDS.includes(org.kind)) ?? actorOrg;
  const scopeOrg = ancestry.find((org) => org.path === scopePath);
  // 第十四条: the county standard in force when the campaign starts; the campaign keeps it
  const criteria = await findCurrentCountyCriteria(db);
  const id = await db.transaction().execute(async (trx) => {
    const created = await insertCampaign(
      trx,
      {
        organiser_org_id: organiser!.id,
        scope_path: scopePath,
        level: scopeOrg?.kind === 'government' ? 'county' : 'agency',
        name: body.name,
        year: body.year,
        method: body.method,
        regularity: body.regularity,
        case_kinds: [...new Set(body.caseKinds)],
        closed_from: body.closedFrom,
        closed_to: body.closedTo,
        include_litigated: body.includeLitigated ?? false,
        requirements: body.requirements,
        file_list_due_on: body.fileListDueOn,
        scoring_due_on: body.scoringDueOn,
        ...(body.objectionDays !== undefined && { objection_days: body.objectionDays }),
        ...(body.reviewersPerFile !== undefined && { reviewers_per_file: body.reviewersPerFile }),
        ...(body.reviewerCap !== undefined && { reviewer_cap: body.reviewerCap }),
        ...(body.divergenceThreshold !== undefined && { divergence_threshold: body.divergenceThreshold }),
        criteria_version_id: criteria?.id ?? null,
        created_by_id: actor.id,
      },
      units.map((unit) => unit.id),
    );
    await recordAudit(trx, actor, {
      action: 'review.campaign.create',
      entityType: 'review_campaign',
      entityId: created,
      orgId: organiser?.id ?? null,
      after: { ...body, scopePath, unitIds: units.map((unit) => unit.id) },
    });
    return created;
  });
  return getCampaign(db, actor, id);
}

function findUnit(loaded: LoadedCampaign, orgId: number): CampaignUnitRow {
  const unit = loaded.units.find((candidate) => candidate.org_id === orgId);
  if (!unit) throw notFound('被评查单位');
  return unit;
}

/** A unit's file list: the cases now in scope and what it confirmed (organiser, readers, the unit). */
export async function getUnitFileList(db: Db, actor: Actor, id: number, orgId: number) {
  const loaded = await loadCampaign(db, actor, id);
  const unit = findUnit(loaded, orgId);
  const { viewer, row } = loaded;
  const mayRead =
    canManageCampaign(viewer, { scopePath: row.scope_path }) ||
    canActForUnit(viewer, unit.path) ||
    viewer.readPaths.some((path) => unit.path.startsWith(path));
  if (!mayRead) throw notFound('被评查单位');
  const eligible = await findEligibleCases(db, row, [orgId]);
  return {
    orgId,
    name: unit.name,
    submittedAt: unit.list_submitted_at?.toISOString() ?? null,
    eligible: eligible.map(toCaseBrief),
    submittedCaseIds: unit.list_submitted_at ? await findUnitFileList(db, id, orgId) : null,
  };
}

/** 如实上报案卷目录 (第二十条): the unit confirms the cases in scope, before the draw. */
export async function submitUnitFileList(
  db: Db,
  actor: Actor,
  id: number,
  orgId: number,
  body: { note: string | null },
): Promise<CampaignView> {
  const loaded = await loadCampaign(db, actor, id);
  const unit = findUnit(loaded, orgId);
  assertCan(actor, 'review.unit');
  if (!canActForUnit(loaded.viewer, unit.path)) throw forbidden();
  if (loaded.row.state !== 'planning')
    throw invalid([{ field: 'orgId', message: '案卷已抽取，不能再报送案卷目录' }]);
  const caseIds = (await findEligibleCases(db, loaded.row, [orgId])).map((row) => row.case_id);
  await db.transaction().execute(async (trx) => {
    await replaceUnitFileList(trx, { campaignId: id, orgId }, caseIds, {
      byId: actor.id,
      byName: actor.displayName,
      note: body.note,
    });
    await recordAudit(trx, actor, {
      action: 'review.file_list.submit',
      entityType: 'review_campaign',
      entityId: id,
      orgId,
      before: unit.list_submitted_at ? { caseCount: unit.list_case_count, note: unit.list_note } : null,
      after: { caseIds, note: body.note },
    });
  });
  return getCampaign(db, actor, id);
}
