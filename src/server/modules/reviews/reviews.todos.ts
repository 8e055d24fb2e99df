/**
 * The review domain's to-dos and warning indicator (workbench.types.ts): files to score (第十条),
 * file lists to confirm (第二十条), objections to decide (第十二条(七)), rectification reports to file
 * or to check (第十七条); and 第八条's 全县行政执法案卷评查活动每年至少开展2次 as a warning.
 */
import { deadlineState } from '../../../common/calendar.ts';
import { MIN_COUNTY_CAMPAIGNS_PER_YEAR, REVIEW_WARN_DAYS } from '../../../common/reviews.ts';
import { can } from '../../lib/access.ts';
import type { TodoContext, TodoItem, TodoProvider, WarningIndicator } from '../workbench/workbench.types.ts';
import { findAssignmentsOfUser } from './assignments/assignments.repository.ts';
import { countCountyCampaigns, findCampaigns, findCampaignUnits } from './campaigns/campaigns.repository.ts';
import { findObjections } from './rechecks/rechecks.repository.ts';
import { computeCampaignResults } from './rechecks/results.service.ts';
import { rectificationStatus } from './rectifications/rectification.rules.ts';
import { findRectifications } from './rectifications/rectifications.repository.ts';
import { canActForUnit, canManageCampaign, resolveReviewViewer } from './reviews.policy.ts';
import { findSheetsOfFiles } from './scoring/scoring.repository.ts';

const campaignLink = (id: number, tab?: string) => `/reviews/campaigns/${id}${tab ? `?tab=${tab}` : ''}`;
/** Open campaigns a to-do can come from, at most (the newest first). */
const OPEN_CAMPAIGNS_MAX = 50;

async function scoringTodos({ db, actor, today }: TodoContext): Promise<TodoItem[]> {
  if (!can(actor, 'review.score')) return [];
  const rows = await findAssignmentsOfUser(db, actor.id);
  const sheets = await findSheetsOfFiles(db, [...new Set(rows.map((row) => row.file_id))]);
  return rows
    .filter((row) => !sheets.some((sheet) => sheet.assignment_id === row.assignment_id && sheet.submitted_at))
    .map((row) => ({
      key: `reviews:review_sheet.score:${row.assignment_id}`,
      domain: 'reviews',
      kind: 'review_sheet.score',
      title: `${row.assignment_kind === 'recheck' ? '复评' : '评查'}案卷：${row.case_no}（${row.campaign_name}）`,
      dueOn: row.scoring_due_on,
      deadlineState: deadlineState(row.scoring_due_on, today, REVIEW_WARN_DAYS),
      link: `/reviews/assignments/${row.assignment_id}`,
      orgId: row.unit_org_id,
    }));
}

async function campaignTodos({ db, actor, today }: TodoContext): Promise<TodoItem[]> {
  if (!(['review.manage', 'review.unit'] as const).some((permission) => can(actor, permission))) return [];
  const viewer = await resolveReviewViewer(db, actor);
  const items: TodoItem[] = [];
  for (const state of ['planning', 'published'] as const) {
    const { rows } = await findCampaigns(db, viewer, { state }, { page: 1, pageSize: OPEN_CAMPAIGNS_MAX });
    const units = await findCampaignUnits(
      db,
      rows.map((row) => row.id),
    );
    for (const row of rows) {
      const own = units.filter((unit) => unit.campaign_id === row.id && canActForUnit(viewer, unit.path));
      const isOrganiser = canManageCampaign(viewer, { scopePath: row.scope_path });
      if (state === 'planning') {
        for (const unit of own.filter((candidate) => !candidate.list_submitted_at))
          items.push({
            key: `reviews:file_list.submit:${row.id}:${unit.org_id}`,
            domain: 'reviews',
            kind: 'file_list.submit',
            title: `报送案卷目录：${row.name}（${unit.name}）`,
            dueOn: row.file_list_due_on,
            deadlineState: deadlineState(row.file_list_due_on, today, REVIEW_WARN_DAYS),
            link: campaignLink(row.id, 'units'),
            orgId: unit.org_id,
          });
        continue;
      }
      if (isOrganiser)
        for (const objection of (await findObjections(db, row.id)).filter((item) => item.state === 'pending'))
          items.push({
            key: `reviews:objection.decide:${objection.id}`,
            domain: 'reviews',
            kind: 'objection.decide',
            title: `复核异议：${objection.case_no}（${objection.unit_name}）`,
            dueOn: null,
            deadlineState: null,
            link: campaignLink(row.id, 'objections'),
            orgId: objection.unit_org_id,
          });
      if (!row.circular_issued_on || (own.length === 0 && !isOrganiser)) continue;
      const [{ files }, reports] = await Promise.all([
        computeCampaignResults(db, row),
        findRectifications(db, [row.id]),
      ]);
      for (const unit of units.filter((candidate) => candidate.campaign_id === row.id)) {
        const failingFiles = files.filter(
          (entry) => entry.file.unit_org_id === unit.org_id && entry.result.band === 'fail',
        ).length;
        const latest = reports.filter((report) => report.unit_org_id === unit.org_id).at(-1);
        const status = rectificationStatus(
          { failingFiles, circularIssuedOn: row.circular_issued_on, latest: latest?.state ?? null },
          today,
        );
        const isOwn = own.includes(unit);
        if (isOwn && (status.status === 'missing' || status.status === 'returned'))
          items.push({
            key: `reviews:rectification.submit:${row.id}:${unit.org_id}`,
            domain: 'reviews',
            kind: 'rectification.submit',
            title: `报送整改报告：${row.name}（${unit.name}）`,
            dueOn: status.dueOn,
            deadlineState: status.deadlineState,
            link: campaignLink(row.id, 'rectification'),
            orgId: unit.org_id,
          });
        if (isOrganiser && status.status === 'submitted')
          items.push({
            key: `reviews:rectification.decide:${latest!.id}`,
            domain: 'reviews',
            kind: 'rectification.decide',
            title: `审核整改报告：${unit.name}（${row.name}）`,
            dueOn: null,
            deadlineState: null,
            link: campaignLink(row.id, 'rectification'),
            orgId: unit.org_id,
          });
      }
    }
  }
  return items;
}

export const reviewsTodos: TodoProvider = {
  domain: 'reviews',
  async listTodos(context) {
    return [...(await scoringTodos(context)), ...(await campaignTodos(context))];
  },
};

/**
 * 第八条: 全县行政执法案卷评查活动每年至少开展2次. From the given month of the year on (param
 * `fromMonth`, default 10: October, leaving the last quarter to catch up), a county with fewer than
 * two county campaigns in the year raises one alert; it closes once the second campaign exists.
 */
export const reviewsIndicators: WarningIndicator[] = [
  {
    code: 'review.county_campaigns_short',
    domain: 'reviews',
    label: '全县案卷评查活动少于每年 2 次',
    clause: '评查办法第八条',
    defaultParams: { fromMonth: 10 },
    paramLabels: { fromMonth: '自当年第几月起预警' },
    defaultTier: 'warning',
    defaultRecipients: { roles: ['supervisor'], level: 'county' },
    async findHits({ db, countyPath, today, params }) {
      const year = Number(today.slice(0, 4));
      const month = Number(today.slice(5, 7));
      if (month < (params.fromMonth ?? 10)) return [];
      const count = await countCountyCampaigns(db, countyPath, year);
      if (count >= MIN_COUNTY_CAMPAIGNS_PER_YEAR) return [];
      const countyId = Number(countyPath.split('/').filter(Boolean)[0]);
      return [
        {
          causeKey: `review.county_campaigns_short:${year}`,
          orgId: countyId,
          message: `${year}年全县行政执法案卷评查活动已开展 ${count} 次，少于每年 ${MIN_COUNTY_CAMPAIGNS_PER_YEAR} 次（评查办法第八条）`,
          link: `/reviews/campaigns?year=${year}`,
          value: MIN_COUNTY_CAMPAIGNS_PER_YEAR - count,
        },
      ];
    },
  },
];
