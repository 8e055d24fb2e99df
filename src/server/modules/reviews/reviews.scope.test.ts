import { beforeAll } from 'vitest';
import {
  type County,
  expectNoCrossCounty,
  insertProbeCase,
  type Probe,
  scopeWorld,
} from '../../testing/scope-probes.ts';
import { addExpertAs, assignAs, createCampaignAs, drawAs } from './reviews.fixtures.ts';

const world = scopeWorld();

// Case-file reviews (issue 14): one county campaign per county over its probe agency, drawn, so each
// route has a campaign, a unit, a draw, a file and a case of the other county to aim at.
interface Target {
  campaignId: number;
  caseId: number;
  drawId: number;
  fileId: number;
  expertIds: number[];
  assignmentId: number;
}
const targets = new Map<string, Target>();
beforeAll(async () => {
  for (const county of world.counties) {
    const { caseId } = await insertProbeCase(world.ctx.db, county);
    const supervisor = await world.ctx.login(county.usernames.supervisor);
    const campaign = await createCampaignAs(world.ctx, supervisor, [county.target.orgId], {
      name: `${county.name}探针评查`,
      year: 2025,
      closedFrom: '2025-01-01',
      closedTo: '2025-01-31',
    });
    await drawAs(world.ctx, supervisor, campaign.id, 1);
    const draw = await world.ctx.db
      .selectFrom('review_draw')
      .select('id')
      .where('campaign_id', '=', campaign.id)
      .executeTakeFirstOrThrow();
    const file = await world.ctx.db
      .selectFrom('review_file')
      .select('id')
      .where('campaign_id', '=', campaign.id)
      .executeTakeFirstOrThrow();
    // two members from the justice bureau who may score (the supervisor and a second reviewer made
    // here, in the supervisor's organisation), so the file gets its two (第十一条)
    const bureau = await world.ctx.db
      .selectFrom('user_account')
      .select(['id', 'org_id'])
      .where('username', '=', county.usernames.supervisor)
      .executeTakeFirstOrThrow();
    const second = await world.ctx.db
      .insertInto('user_account')
      .values({
        username: `probe_reviewer_${world.counties.indexOf(county)}`,
        display_name: `${county.name}探针评查员`,
        org_id: bureau.org_id,
        roles: ['reviewer'],
        password_hash: 'not-a-login',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const bureauUsers = [bureau, second];
    const expertIds: number[] = [];
    for (const [index, user] of bureauUsers.entries())
      expertIds.push((await addExpertAs(world.ctx, supervisor, user.id, `${county.name}专家${index}`)).id);
    await assignAs(world.ctx, supervisor, campaign.id, expertIds);
    const assignment = await world.ctx.db
      .selectFrom('review_assignment')
      .select('id')
      .where('campaign_id', '=', campaign.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    targets.set(county.name, {
      campaignId: campaign.id,
      caseId,
      drawId: draw.id,
      fileId: file.id,
      expertIds,
      assignmentId: assignment.id,
    });
  }
});
const of = (county: County) => targets.get(county.name)!;
const campaignUrl = (county: County) => `/api/review-campaigns/${of(county).campaignId}`;
const DRAW_PARAMS = { mode: 'count', count: 1, byUnit: true, byKind: false };

const PROBES: Probe[] = [
  {
    name: 'list campaigns',
    method: 'GET',
    url: () => '/api/review-campaigns?pageSize=200',
    list: (json, county) => json.items.some((row: { id: number }) => row.id === of(county).campaignId),
  },
  {
    name: 'search campaigns by the other county’s name',
    method: 'GET',
    url: (county) => `/api/review-campaigns?keyword=${encodeURIComponent(county.name)}`,
    list: (json) => json.items.length > 0,
  },
  { name: 'get campaign', method: 'GET', url: campaignUrl },
  {
    name: 'create a campaign over the other county’s agency',
    method: 'POST',
    url: () => '/api/review-campaigns',
    payload: (county) => ({
      name: '越界评查',
      year: 2025,
      method: 'random',
      regularity: 'irregular',
      unitIds: [county.target.orgId],
      caseKinds: ['penalty'],
      closedFrom: '2025-01-01',
      closedTo: '2025-12-31',
      fileListDueOn: '2030-01-01',
      scoringDueOn: '2030-02-01',
    }),
  },
  {
    name: 'unit file list',
    method: 'GET',
    url: (county) => `${campaignUrl(county)}/units/${county.target.orgId}/file-list`,
  },
  {
    name: 'submit unit file list',
    method: 'POST',
    url: (county) => `${campaignUrl(county)}/units/${county.target.orgId}/file-list`,
    payload: () => ({ note: '越界' }),
  },
  {
    name: 'draw preview',
    method: 'POST',
    url: (county) => `${campaignUrl(county)}/draw/preview`,
    payload: () => ({ params: DRAW_PARAMS }),
  },
  {
    name: 'draw apply',
    method: 'POST',
    url: (county) => `${campaignUrl(county)}/draw`,
    payload: () => ({ params: DRAW_PARAMS, seed: 'probe', eligibleDigest: '0'.repeat(64) }),
  },
  {
    name: 'verify draw',
    method: 'GET',
    url: (county) => `${campaignUrl(county)}/draws/${of(county).drawId}/verify`,
  },
  { name: 'files in review', method: 'GET', url: (county) => `${campaignUrl(county)}/files` },
  {
    name: 'add file',
    method: 'POST',
    url: (county) => `${campaignUrl(county)}/files`,
    payload: (county) => ({ caseId: of(county).caseId, reason: '越界' }),
  },
  {
    name: 'remove file',
    method: 'POST',
    url: (county) => `${campaignUrl(county)}/files/${of(county).fileId}/remove`,
    payload: () => ({ reason: '越界' }),
  },
  {
    name: 'case litigation mark',
    method: 'GET',
    url: (county) => `/api/cases/${of(county).caseId}/litigation`,
  },
  {
    name: 'set case litigation mark',
    method: 'PUT',
    url: (county) => `/api/cases/${of(county).caseId}/litigation`,
    payload: () => ({ kind: 'litigation' }),
  },
  {
    name: 'case review result (质量分析, seed 000 说明4)',
    method: 'GET',
    url: (county) => `/api/cases/${of(county).caseId}/review-result`,
  },
  // expert pool, panel, recusal, assignment
  {
    name: 'list experts',
    method: 'GET',
    url: () => '/api/review-experts',
    list: (json, county) => json.items.some((row: { id: number }) => of(county).expertIds.includes(row.id)),
  },
  {
    name: 'add the other county’s account to one’s pool',
    method: 'POST',
    url: () => '/api/review-experts',
    payload: (county) => ({ name: '越界', category: 'lawyer', userId: county.userIds[0] }),
  },
  {
    name: 'update expert',
    method: 'PATCH',
    url: (county) => `/api/review-experts/${of(county).expertIds[0]}`,
    payload: () => ({ isActive: false }),
  },
  {
    name: 'declare for expert',
    method: 'POST',
    url: (county) => `/api/review-experts/${of(county).expertIds[0]}/declarations`,
    payload: () => ({ kind: 'party', partyName: '越界', reason: '越界' }),
  },
  { name: 'get panel', method: 'GET', url: (county) => `${campaignUrl(county)}/panel` },
  {
    name: 'set panel',
    method: 'PUT',
    url: (county) => `${campaignUrl(county)}/panel`,
    payload: (county) => ({ expertIds: of(county).expertIds }),
  },
  { name: 'conflicts', method: 'GET', url: (county) => `${campaignUrl(county)}/conflicts` },
  {
    name: 'waive conflict',
    method: 'POST',
    url: (county) => `${campaignUrl(county)}/waivers`,
    payload: (county) => ({
      fileId: of(county).fileId,
      expertId: of(county).expertIds[0],
      code: 'same_unit',
      reason: '越界',
    }),
  },
  {
    name: 'assignment preview',
    method: 'POST',
    url: (county) => `${campaignUrl(county)}/assignment/preview`,
  },
  {
    name: 'assignment apply',
    method: 'POST',
    url: (county) => `${campaignUrl(county)}/assignment`,
    payload: () => ({ proposalDigest: '0'.repeat(64) }),
  },
  { name: 'assignments', method: 'GET', url: (county) => `${campaignUrl(county)}/assignments` },
  {
    name: 'my assignments',
    method: 'GET',
    url: () => '/api/review-assignments/mine',
    list: (json, county) =>
      json.items.some((row: { campaignId: number }) => row.campaignId === of(county).campaignId),
  },
  // blind scoring
  {
    name: 'score sheet',
    method: 'GET',
    url: (county) => `/api/review-assignments/${of(county).assignmentId}/sheet`,
  },
  {
    name: 'assigned file cover and contents',
    method: 'GET',
    url: (county) => `/api/review-assignments/${of(county).assignmentId}/file`,
  },
  {
    name: 'save score sheet',
    method: 'PUT',
    url: (county) => `/api/review-assignments/${of(county).assignmentId}/sheet`,
    payload: () => ({ items: [], submit: true }),
  },
  { name: 'file scores', method: 'GET', url: (county) => `${campaignUrl(county)}/scores` },
  // 复评, manual changes, objections (第十二条(五)(七))
  {
    name: 'assign a re-review',
    method: 'POST',
    url: (county) => `${campaignUrl(county)}/rechecks`,
    payload: (county) => ({ fileId: of(county).fileId, expertId: of(county).expertIds[0], reason: '越界' }),
  },
  {
    name: 'file history',
    method: 'GET',
    url: (county) => `${campaignUrl(county)}/files/${of(county).fileId}/history`,
  },
  {
    name: 'add an assignment',
    method: 'POST',
    url: (county) => `${campaignUrl(county)}/assignments`,
    payload: (county) => ({ fileId: of(county).fileId, expertId: of(county).expertIds[0], reason: '越界' }),
  },
  {
    name: 'remove an assignment',
    method: 'POST',
    url: (county) => `${campaignUrl(county)}/assignments/${of(county).assignmentId}/remove`,
    payload: () => ({ reason: '越界', acceptBrokenRules: true }),
  },
  { name: 'assignment changes', method: 'GET', url: (county) => `${campaignUrl(county)}/assignment-changes` },
  { name: 'objections', method: 'GET', url: (county) => `${campaignUrl(county)}/objections` },
  {
    name: 'file an objection',
    method: 'POST',
    url: (county) => `${campaignUrl(county)}/objections`,
    payload: (county) => ({ fileId: of(county).fileId, reasons: '越界' }),
  },
  {
    name: 'decide an objection',
    method: 'POST',
    url: (county) => `${campaignUrl(county)}/objections/1/decision`,
    payload: () => ({ decision: 'refused', reason: '越界' }),
  },
  // results, showcase, consequences (第十二条(六)(九), 第十七–十九条)
  { name: 'campaign board', method: 'GET', url: (county) => `${campaignUrl(county)}/board` },
  { name: 'publish', method: 'POST', url: (county) => `${campaignUrl(county)}/publish` },
  {
    name: 'unit results',
    method: 'GET',
    url: (county) => `${campaignUrl(county)}/units/${county.target.orgId}/results`,
  },
  {
    name: 'files returned',
    method: 'POST',
    url: (county) => `${campaignUrl(county)}/units/${county.target.orgId}/files-returned`,
    payload: () => ({ returnedOn: '2025-03-01' }),
  },
  {
    name: 'mark exemplary',
    method: 'PUT',
    url: (county) => `${campaignUrl(county)}/files/${of(county).fileId}/exemplary`,
    payload: () => ({ isExemplary: true }),
  },
  {
    name: 'mark 第十九条',
    method: 'PUT',
    url: (county) => `${campaignUrl(county)}/files/${of(county).fileId}/article19`,
    payload: () => ({ grounds: [1], raiseNotice: true }),
  },
  {
    name: 'failing officers',
    method: 'GET',
    url: (county) => `${campaignUrl(county)}/failing-officers?threshold=1`,
  },
  {
    name: 'showcase',
    method: 'GET',
    url: () => '/api/review-showcase',
    list: (json, county) =>
      json.items.some((row: { campaignId: number }) => row.campaignId === of(county).campaignId),
  },
  {
    name: 'unit rectification',
    method: 'GET',
    url: (county) => `${campaignUrl(county)}/units/${county.target.orgId}/rectification`,
  },
  {
    name: 'file a rectification report',
    method: 'POST',
    url: (county) => `${campaignUrl(county)}/units/${county.target.orgId}/rectification`,
    payload: () => ({ report: '越界' }),
  },
  {
    name: 'decide a rectification report',
    method: 'POST',
    url: (county) => `${campaignUrl(county)}/units/${county.target.orgId}/rectification/1/decision`,
    payload: () => ({ decision: 'accepted' }),
  },
  // documents
  {
    name: 'unit report',
    method: 'GET',
    url: (county) => `${campaignUrl(county)}/units/${county.target.orgId}/report.docx`,
  },
  { name: 'overall report', method: 'GET', url: (county) => `${campaignUrl(county)}/overall-report.docx` },
  { name: 'circular', method: 'GET', url: (county) => `${campaignUrl(county)}/circular.docx` },
  { name: 'issue circular', method: 'POST', url: (county) => `${campaignUrl(county)}/circular` },
  {
    name: 'score sheet document',
    method: 'GET',
    url: (county) => `${campaignUrl(county)}/files/${of(county).fileId}/score-sheet.docx`,
  },
  { name: 'scores workbook', method: 'GET', url: (county) => `${campaignUrl(county)}/scores.xlsx` },
];

expectNoCrossCounty(world, PROBES);
