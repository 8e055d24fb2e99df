/** SQL of campaigns, their units and file lists, draws and files in review (every list under the policy). */

import type { ExpressionBuilder, Insertable, SqlBool, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { containsPattern } from '../../../db/like.ts';
import type {
  CaseKind,
  Database,
  EnforcementCaseTable,
  ReviewCampaign,
  ReviewCampaignTable,
} from '../../../db/schema.ts';
import type { ReviewViewer } from '../reviews.policy.ts';

export type CampaignRow = ReviewCampaign & { organiser_name: string };

export interface CampaignListFilter {
  keyword?: string | undefined;
  year?: number | undefined;
  state?: ReviewCampaign['state'] | undefined;
}

const selectCampaign = (db: Db) =>
  db
    .selectFrom('review_campaign')
    .innerJoin('org as organiser', 'organiser.id', 'review_campaign.organiser_org_id')
    .selectAll('review_campaign')
    .select('organiser.name as organiser_name');

export async function findCampaigns(
  db: Db,
  viewer: ReviewViewer,
  filter: CampaignListFilter,
  paging: { page: number; pageSize: number },
) {
  let query = selectCampaign(db).where(visibleCampaigns(viewer));
  if (filter.keyword) query = query.where('review_campaign.name', 'like', containsPattern(filter.keyword));
  if (filter.year) query = query.where('review_campaign.year', '=', filter.year);
  if (filter.state) query = query.where('review_campaign.state', '=', filter.state);
  const [rows, count] = await Promise.all([
    query
      .orderBy('review_campaign.year', 'desc')
      .orderBy('review_campaign.id', 'desc')
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize)
      .execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findCampaignById(db: Db, id: number): Promise<CampaignRow | undefined> {
  return selectCampaign(db).where('review_campaign.id', '=', id).executeTakeFirst();
}

export async function insertCampaign(
  trx: Db,
  values: Insertable<ReviewCampaignTable>,
  unitIds: readonly number[],
) {
  const { id } = await trx
    .insertInto('review_campaign')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('review_campaign_unit')
    .values(unitIds.map((orgId) => ({ campaign_id: id, org_id: orgId })))
    .execute();
  return id;
}

export function updateCampaignState(trx: Db, id: number, state: ReviewCampaign['state']) {
  return trx
    .updateTable('review_campaign')
    .set({ state, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export interface CampaignUnitRow {
  campaign_id: number;
  org_id: number;
  name: string;
  path: string;
  list_submitted_at: Date | null;
  list_submitted_by_name: string | null;
  list_note: string | null;
  list_case_count: number | null;
  /** 第十二条(九): when the unit's files went back (0064) */
  files_returned_on: string | null;
  files_returned_note: string | null;
}

export function findCampaignUnits(db: Db, campaignIds: readonly number[]): Promise<CampaignUnitRow[]> {
  if (campaignIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('review_campaign_unit')
    .innerJoin('org', 'org.id', 'review_campaign_unit.org_id')
    .select([
      'review_campaign_unit.campaign_id',
      'review_campaign_unit.org_id',
      'org.name',
      'org.path',
      'review_campaign_unit.list_submitted_at',
      'review_campaign_unit.list_submitted_by_name',
      'review_campaign_unit.list_note',
      'review_campaign_unit.list_case_count',
      'review_campaign_unit.files_returned_on',
      'review_campaign_unit.files_returned_note',
    ])
    .where('review_campaign_unit.campaign_id', 'in', campaignIds)
    .orderBy('org.sort_order')
    .orderBy('org.path')
    .execute();
}

/** Live files in review per campaign and unit. */
export async function countLiveFiles(db: Db, campaignIds: readonly number[]) {
  if (campaignIds.length === 0) return [];
  return db
    .selectFrom('review_file')
    .select(['campaign_id', 'unit_org_id', (eb) => eb.fn.countAll<number>().as('files')])
    .where('campaign_id', 'in', campaignIds)
    .where('removed_at', 'is', null)
    .groupBy(['campaign_id', 'unit_org_id'])
    .execute();
}

export interface EligibleCaseRow {
  case_id: number;
  case_no: string;
  name: string;
  kind: CaseKind;
  closed_on: string | null;
  unit_org_id: number;
  unit_name: string;
}

/**
 * The cases in a campaign's scope (第四条): closed, of its kinds, closed within its range, under one
 * of its units, and — unless the campaign includes them — never to 复议 or 诉讼. `unitIds` narrows to
 * some units. Canonical order: case id ascending.
 */
export function findEligibleCases(
  db: Db,
  campaign: Pick<ReviewCampaign, 'id' | 'case_kinds' | 'closed_from' | 'closed_to' | 'include_litigated'>,
  unitIds?: readonly number[],
): Promise<EligibleCaseRow[]> {
  let query = db
    .selectFrom('review_campaign_unit')
    .innerJoin('org as unit', 'unit.id', 'review_campaign_unit.org_id')
    .innerJoin('org as case_org', (join) => join.on(sql<boolean>`case_org.path like unit.path || '%'`))
    .innerJoin('enforcement_case', 'enforcement_case.org_id', 'case_org.id')
    .select([
      'enforcement_case.id as case_id',
      'enforcement_case.case_no',
      'enforcement_case.name',
      'enforcement_case.kind',
      'enforcement_case.closed_on',
      'unit.id as unit_org_id',
      'unit.name as unit_name',
    ])
    .where('review_campaign_unit.campaign_id', '=', campaign.id)
    .where('enforcement_case.closed_on', '>=', campaign.closed_from)
    .where('enforcement_case.closed_on', '<=', campaign.closed_to)
    .where('enforcement_case.kind', 'in', campaign.case_kinds);
  if (!campaign.include_litigated) query = query.where('enforcement_case.litigation_kind', 'is', null);
  if (unitIds) query = query.where('unit.id', 'in', unitIds.length > 0 ? unitIds : [0]);
  return query.orderBy('enforcement_case.id').execute();
}

/** One case under one of the campaign's units (any closing date, kind or mark), for manual additions. */
export function findCaseUnderCampaign(db: Db, campaignId: number, caseId: number) {
  return db
    .selectFrom('review_campaign_unit')
    .innerJoin('org as unit', 'unit.id', 'review_campaign_unit.org_id')
    .innerJoin('org as case_org', (join) => join.on(sql<boolean>`case_org.path like unit.path || '%'`))
    .innerJoin('enforcement_case', 'enforcement_case.org_id', 'case_org.id')
    .select([
      'enforcement_case.id as case_id',
      'enforcement_case.case_no',
      'enforcement_case.name',
      'enforcement_case.kind',
      'enforcement_case.closed_on',
      'unit.id as unit_org_id',
      'unit.name as unit_name',
    ])
    .where('review_campaign_unit.campaign_id', '=', campaignId)
    .where('enforcement_case.id', '=', caseId)
    .executeTakeFirst();
}

export async function replaceUnitFileList(
  trx: Db,
  key: { campaignId: number; orgId: number },
  caseIds: readonly number[],
  submission: { byId: number; byName: string; note: string | null },
) {
  await trx
    .deleteFrom('review_unit_file')
    .where('campaign_id', '=', key.campaignId)
    .where('org_id', '=', key.orgId)
    .execute();
  if (caseIds.length > 0)
    await trx
      .insertInto('review_unit_file')
      .values(caseIds.map((caseId) => ({ campaign_id: key.campaignId, org_id: key.orgId, case_id: caseId })))
      .execute();
  await trx
    .updateTable('review_campaign_unit')
    .set({
      list_submitted_at: new Date(),
      list_submitted_by_id: submission.byId,
      list_submitted_by_name: submission.byName,
      list_note: submission.note,
      list_case_count: caseIds.length,
    })
    .where('campaign_id', '=', key.campaignId)
    .where('org_id', '=', key.orgId)
    .execute();
}

export async function findUnitFileList(db: Db, campaignId: number, orgId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('review_unit_file')
    .select('case_id')
    .where('campaign_id', '=', campaignId)
    .where('org_id', '=', orgId)
    .orderBy('case_id')
    .execute();
  return rows.map((row) => row.case_id);
}

export function findDraws(db: Db, campaignId: number) {
  return db
    .selectFrom('review_draw')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .orderBy('id', 'desc')
    .execute();
}

export function findDrawById(db: Db, campaignId: number, drawId: number) {
  return db
    .selectFrom('review_draw')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('id', '=', drawId)
    .executeTakeFirst();
}

export function insertDraw(
  trx: Db,
  values: {
    campaign_id: number;
    seed: string;
    params: string;
    eligible_count: number;
    eligible_digest: string;
    drawn_count: number;
    drawn_digest: string;
    drawn_by_id: number;
    drawn_by_name: string;
  },
) {
  return trx.insertInto('review_draw').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Files in review of a campaign, removed ones included (the history), with their case. */
export function findReviewFiles(db: Db, campaignId: number, options: { liveOnly?: boolean } = {}) {
  let query = db
    .selectFrom('review_file')
    .innerJoin('enforcement_case', 'enforcement_case.id', 'review_file.case_id')
    .innerJoin('org as unit', 'unit.id', 'review_file.unit_org_id')
    .selectAll('review_file')
    .select([
      'enforcement_case.case_no',
      'enforcement_case.name',
      'enforcement_case.kind',
      'enforcement_case.closed_on',
      'unit.name as unit_name',
    ])
    .where('review_file.campaign_id', '=', campaignId);
  if (options.liveOnly) query = query.where('review_file.removed_at', 'is', null);
  return query.orderBy('review_file.removed_at', 'desc').orderBy('review_file.case_id').execute();
}

export function findReviewFileById(db: Db, campaignId: number, fileId: number) {
  return db
    .selectFrom('review_file')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('id', '=', fileId)
    .executeTakeFirst();
}

export function insertReviewFiles(
  trx: Db,
  rows: ReadonlyArray<{
    campaign_id: number;
    case_id: number;
    unit_org_id: number;
    source: 'draw' | 'manual';
    draw_id: number | null;
    added_reason: string | null;
    added_by_id: number;
    added_by_name: string;
  }>,
) {
  if (rows.length === 0) return Promise.resolve([]);
  return trx.insertInto('review_file').values(rows).returning('id').execute();
}

export function removeReviewFiles(
  trx: Db,
  campaignId: number,
  fileIds: readonly number[] | 'all',
  removal: { reason: string; byId: number; byName: string },
) {
  let query = trx
    .updateTable('review_file')
    .set({
      removed_at: new Date(),
      removed_reason: removal.reason,
      removed_by_id: removal.byId,
      removed_by_name: removal.byName,
    })
    .where('campaign_id', '=', campaignId)
    .where('removed_at', 'is', null);
  if (fileIds !== 'all') query = query.where('id', 'in', fileIds.length > 0 ? fileIds : [0]);
  return query.returning('id').execute();
}

/** The 复议/诉讼 mark's columns on enforcement_case (0060). */
export function updateLitigation(
  trx: Db,
  caseId: number,
  patch: Pick<
    Updateable<EnforcementCaseTable>,
    | 'litigation_kind'
    | 'litigation_outcome'
    | 'litigation_note'
    | 'litigation_by_id'
    | 'litigation_by_name'
    | 'litigation_at'
  >,
) {
  return trx
    .updateTable('enforcement_case')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', caseId)
    .execute();
}

/** County campaigns (level county) of a county in a year (第八条: at least two a year). */
export async function countCountyCampaigns(db: Db, countyPath: string, year: number): Promise<number> {
  const row = await db
    .selectFrom('review_campaign')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('level', '=', 'county')
    .where('year', '=', year)
    .where('scope_path', '=', countyPath)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Published campaigns of a county whose publication falls in [from, to], oldest first. */
export function findPublishedCampaignsBetween(db: Db, countyPath: string, from: string, to: string) {
  return selectCampaign(db)
    .where('review_campaign.scope_path', 'like', `${countyPath}%`)
    .where('review_campaign.published_on', '>=', from)
    .where('review_campaign.published_on', '<=', to)
    .orderBy('review_campaign.published_on')
    .execute();
}

/** Published campaigns in which the case is a live file, newest first. */
export function findPublishedCampaignsOfCase(db: Db, caseId: number) {
  return selectCampaign(db)
    .where('review_campaign.state', 'in', ['published', 'closed'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('review_file')
          .select('review_file.id')
          .whereRef('review_file.campaign_id', '=', 'review_campaign.id')
          .where('review_file.case_id', '=', caseId)
          .where('review_file.removed_at', 'is', null),
      ),
    )
    .orderBy('review_campaign.published_on', 'desc')
    .execute();
}

type CampaignEb = ExpressionBuilder<Database, 'review_campaign'>;

/** The SQL form of reviews.policy.ts canSeeCampaign, over review_campaign (reviews.policy.test.ts checks they agree). */
export function visibleCampaigns(viewer: ReviewViewer) {
  return (eb: CampaignEb) => {
    const scopePrefixes = [...viewer.managePaths, ...viewer.readPaths];
    const unitPrefixes = [...viewer.readPaths, ...viewer.unitPaths];
    const branches = scopePrefixes.map((prefix) =>
      eb(sql<string>`review_campaign.scope_path`, 'like', `${prefix}%`),
    );
    if (unitPrefixes.length > 0)
      branches.push(
        eb.exists(
          eb
            .selectFrom('review_campaign_unit')
            .innerJoin('org', 'org.id', 'review_campaign_unit.org_id')
            .select(sql`1`.as('one'))
            .whereRef('review_campaign_unit.campaign_id', '=', 'review_campaign.id')
            .where((inner) =>
              inner.or(unitPrefixes.map((prefix) => inner('org.path', 'like', `${prefix}%`))),
            ),
        ),
      );
    return branches.length > 0 ? eb.or(branches) : sql<SqlBool>`false`;
  };
}

/** The unit's files in the year's campaigns (removed ones left out), and how many have a submitted sheet. */
export async function countUnitReviewFiles(db: Db, unitOrgId: number, year: number) {
  const row = await db
    .selectFrom('review_file')
    .innerJoin('review_campaign', 'review_campaign.id', 'review_file.campaign_id')
    .select([
      sql<number>`count(*)::int`.as('files'),
      sql<number>`count(*) filter (where exists (select 1 from review_sheet where review_sheet.file_id = review_file.id and review_sheet.submitted_at is not null))::int`.as(
        'scored',
      ),
    ])
    .where('review_file.unit_org_id', '=', unitOrgId)
    .where('review_file.removed_at', 'is', null)
    .where('review_campaign.year', '=', year)
    .executeTakeFirstOrThrow();
  return { files: row.files, scored: row.scored };
}

/** 第十七条: the circular's number and date on the campaign (in the issuing transaction). */
export async function setCampaignCircular(trx: Db, campaignId: number, number: string, issuedOn: string) {
  await trx
    .updateTable('review_campaign')
    .set({ circular_number: number, circular_issued_on: issuedOn, updated_at: new Date() })
    .where('id', '=', campaignId)
    .execute();
}
