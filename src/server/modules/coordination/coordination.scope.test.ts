import { beforeAll, vi } from 'vitest';
import { todayInShanghai } from '../../../common/format.ts';
import { type County, expectNoCrossCounty, type Probe, scopeWorld } from '../../testing/scope-probes.ts';
import { actorOfAccount } from '../assessment/account-actor.ts';
import { applicationBody, fileDispute } from './coordination.fixtures.ts';
import { createOpinionDraft } from './disputes/opinions.service.ts';
import { createJointAction } from './joint-actions/joint-actions.service.ts';
import { createLiaison } from './liaison/liaison.service.ts';
import { createMatter, generateCircular } from './matters/matters.service.ts';
import { markViolation } from './violations/violations.service.ts';

// every role runs some fifty probes in one test: more than the default 30 s on a loaded machine
vi.setConfig({ testTimeout: 180_000 });

const world = scopeWorld();
const today = todayInShanghai(new Date());

// One accepted dispute per county (its market bureau against another of its enforcing bodies), a
// draft opinion on it, a 第二十三条 mark, and a distinctive settings row to recognise a leak.
const targets = new Map<
  string,
  {
    disputeId: number;
    documentId: number;
    violationId: number;
    respondentId: number;
    jointId: number;
    matterId: number;
    circularId: number;
    liaisonId: number;
  }
>();
const REVIEW_DAYS_BY_COUNTY: Record<string, number> = { 博湖县: 27, 和静县: 28 };
beforeAll(async () => {
  const { db } = world.ctx;
  for (const county of world.counties) {
    const applicant = await actorOfAccount(db, county.usernames.legal_officer);
    const supervisor = await actorOfAccount(db, county.usernames.supervisor);
    const respondent = await db
      .selectFrom('org')
      .select('id')
      .where('id', 'in', county.orgIds)
      .where('kind', '=', 'township')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const dispute = await fileDispute(db, { applicant, supervisor }, [respondent.id], today, {
      isAccepted: true,
    });
    const drafted = await createOpinionDraft(
      db,
      supervisor,
      dispute.id,
      { title: '探针意见', body: '正文' },
      today,
    );
    const violation = await markViolation(
      db,
      supervisor,
      { orgId: respondent.id, kind: 'shirked_dispute', disputeId: null, facts: '探针' },
      today,
    );
    await db
      .insertInto('coordination_setting')
      .values({
        county_org_id: dispute.countyOrgId,
        review_days: REVIEW_DAYS_BY_COUNTY[county.name]!,
        view_days: 5,
        conclude_days: 30,
        execution_days: 10,
        warn_days: 2,
        updated_by: null,
      })
      .execute();
    const [first, second] = await db
      .selectFrom('org')
      .select('id')
      .where('id', 'in', county.orgIds)
      .where('kind', 'in', ['agency', 'township'])
      .orderBy('id')
      .limit(2)
      .execute();
    const joint = await createJointAction(db, supervisor, jointPlan(first!.id, second!.id), today);
    const matter = await createMatter(
      db,
      supervisor,
      { title: '探针', description: '探针', raisedOn: today },
      today,
    );
    const circular = await generateCircular(db, supervisor, { periodFrom: today, periodTo: today }, today);
    const liaison = await createLiaison(
      db,
      supervisor,
      {
        kind: 'issue_report',
        counterpart: 'supervisory',
        counterpartName: '探针',
        orgId: first!.id,
        subject: '探针',
        reason: '探针',
        sentOn: today,
      },
      today,
    );
    targets.set(county.name, {
      disputeId: dispute.id,
      documentId: drafted.documents[0]!.id,
      violationId: violation.id,
      respondentId: respondent.id,
      jointId: joint.id,
      matterId: matter.id,
      circularId: circular.id,
      liaisonId: liaison.id,
    });
  }
});
const target = (county: County) => targets.get(county.name)!;
const dispute = (county: County) => `/api/coordination/disputes/${target(county).disputeId}`;
const opinion = (county: County) => `${dispute(county)}/opinions/${target(county).documentId}`;

const joint = (county: County) => `/api/coordination/joint-actions/${target(county).jointId}`;
const jointPlan = (initiatingOrgId: number, participantId: number) => ({
  title: '探针行动',
  situation: 'other' as const,
  initiatingOrgId,
  initiatorDuty: '探针',
  participants: [{ orgId: participantId, duty: '探针' }],
  startsOn: today,
  endsOn: today,
  places: '探针',
  targets: '探针',
});

const PROBES: Probe[] = [
  {
    name: 'list joint actions',
    method: 'GET',
    url: () => '/api/coordination/joint-actions?pageSize=200',
    list: (json, county) => json.items.some((item: { id: number }) => item.id === target(county).jointId),
  },
  {
    name: 'export joint actions',
    method: 'GET',
    url: (county) => `/api/coordination/joint-actions/export.xlsx?orgId=${county.target.orgId}`,
    list: () => false,
  },
  { name: 'get a joint action', method: 'GET', url: joint },
  {
    name: 'propose a joint action for the other county’s agency',
    method: 'POST',
    url: () => '/api/coordination/joint-actions',
    payload: (county) => jointPlan(county.target.orgId, target(county).respondentId),
  },
  {
    name: 'edit a joint plan',
    method: 'PUT',
    url: joint,
    payload: (county) => jointPlan(county.target.orgId, target(county).respondentId),
  },
  { name: 'issue a 建议书', method: 'POST', url: (county) => `${joint(county)}/issue` },
  {
    name: 'revise a 建议书',
    method: 'POST',
    url: (county) => `${joint(county)}/revise`,
    payload: () => ({ reason: '探针' }),
  },
  {
    name: 'respond to a joint plan',
    method: 'POST',
    url: (county) => `${joint(county)}/responses`,
    payload: (county) => ({ orgId: county.target.orgId, response: 'confirmed' }),
  },
  {
    name: 'ask the bureau to coordinate',
    method: 'POST',
    url: (county) => `${joint(county)}/coordination-request`,
    payload: () => ({ reason: '探针' }),
  },
  {
    name: 'start a joint action',
    method: 'POST',
    url: (county) => `${joint(county)}/start`,
    payload: () => ({ startedOn: today }),
  },
  {
    name: 'record a joint inspection',
    method: 'POST',
    url: (county) => `${joint(county)}/inspections`,
    payload: () => ({ heldOn: today, place: '探针', orgNames: '探针', findings: '探针' }),
  },
  {
    name: 'link a case to a joint action',
    method: 'POST',
    url: (county) => `${joint(county)}/cases`,
    payload: () => ({ caseId: 1 }),
  },
  {
    name: 'close a joint action',
    method: 'POST',
    url: (county) => `${joint(county)}/close`,
    payload: () => ({ summary: '探针' }),
  },
  ...(['proposal', 'plan', 'summary'] as const).map(
    (kind): Probe => ({
      name: `joint ${kind} docx`,
      method: 'GET',
      url: (county) => `${joint(county)}/documents/${kind}`,
    }),
  ),
  {
    name: 'list major matters',
    method: 'GET',
    url: () => '/api/coordination/matters',
    list: (json, county) => json.items.some((item: { id: number }) => item.id === target(county).matterId),
  },
  {
    name: 'export major matters',
    method: 'GET',
    url: () => '/api/coordination/matters/export.xlsx',
    list: () => false,
  },
  {
    name: 'log a matter about the other county’s agency',
    method: 'POST',
    url: () => '/api/coordination/matters',
    payload: (county) => ({
      title: '探针',
      description: '探针',
      orgId: county.target.orgId,
      raisedOn: today,
    }),
  },
  {
    name: 'record a matter meeting',
    method: 'POST',
    url: (county) => `/api/coordination/matters/${target(county).matterId}/meetings`,
    payload: () => ({ heldOn: today, attendees: '探针', minutes: '探针' }),
  },
  {
    name: 'resolve a matter',
    method: 'POST',
    url: (county) => `/api/coordination/matters/${target(county).matterId}/resolve`,
    payload: () => ({ resolution: '探针' }),
  },
  {
    name: 'list circulars',
    method: 'GET',
    url: () => '/api/coordination/circulars',
    list: (json, county) => json.items.some((item: { id: number }) => item.id === target(county).circularId),
  },
  {
    name: 'edit a circular',
    method: 'PUT',
    url: (county) => `/api/coordination/circulars/${target(county).circularId}`,
    payload: () => ({ title: '探针', body: '探针' }),
  },
  {
    name: 'submit a circular',
    method: 'POST',
    url: (county) => `/api/coordination/circulars/${target(county).circularId}/submit`,
  },
  {
    name: 'circular docx',
    method: 'GET',
    url: (county) => `/api/coordination/circulars/${target(county).circularId}/docx`,
  },
  {
    name: 'list liaison',
    method: 'GET',
    url: () => '/api/coordination/liaison',
    list: (json, county) => json.items.some((item: { id: number }) => item.id === target(county).liaisonId),
  },
  {
    name: 'export liaison',
    method: 'GET',
    url: () => '/api/coordination/liaison/export.xlsx',
    list: () => false,
  },
  {
    name: 'log liaison for the other county’s agency',
    method: 'POST',
    url: () => '/api/coordination/liaison',
    payload: (county) => ({
      kind: 'issue_report',
      counterpart: 'supervisory',
      counterpartName: '探针',
      orgId: county.target.orgId,
      subject: '探针',
      reason: '探针',
      sentOn: today,
    }),
  },
  {
    name: 'record a liaison receipt',
    method: 'POST',
    url: (county) => `/api/coordination/liaison/${target(county).liaisonId}/receipt`,
    payload: () => ({ receiptOn: today, receiptBy: '探针' }),
  },
  {
    name: 'record a liaison outcome',
    method: 'POST',
    url: (county) => `/api/coordination/liaison/${target(county).liaisonId}/outcome`,
    payload: () => ({ outcome: '探针', outcomeOn: today }),
  },
  {
    name: 'list disputes',
    method: 'GET',
    url: () => '/api/coordination/disputes?pageSize=200',
    list: (json, county) => json.items.some((item: { id: number }) => item.id === target(county).disputeId),
  },
  {
    name: 'list disputes filtered by the other county’s agency',
    method: 'GET',
    url: (county) => `/api/coordination/disputes?orgId=${county.target.orgId}`,
    list: (json) => json.items.length > 0,
  },
  {
    name: 'export disputes',
    method: 'GET',
    url: (county) => `/api/coordination/disputes/export.xlsx?orgId=${county.target.orgId}`,
    // an XLSX comes back (200) for the caller's own rows; it is checked by the 404/403 of the rest
    list: () => false,
  },
  { name: 'get dispute', method: 'GET', url: dispute },
  {
    name: 'file a dispute against the other county’s agency',
    method: 'POST',
    url: () => '/api/coordination/disputes',
    payload: (county) => applicationBody([county.target.orgId]),
  },
  {
    name: 'review',
    method: 'POST',
    url: (county) => `${dispute(county)}/review`,
    payload: () => ({ decision: 'accept' }),
  },
  {
    name: 'answer a view',
    method: 'POST',
    url: (county) => `${dispute(county)}/views`,
    payload: (county) => ({ partyOrgId: target(county).respondentId, position: '探针', legalBasis: '探针' }),
  },
  {
    name: 'record a meeting',
    method: 'POST',
    url: (county) => `${dispute(county)}/meetings`,
    payload: () => ({ heldOn: today, place: '探针', attendees: '探针', minutes: '探针' }),
  },
  {
    name: 'escalate',
    method: 'POST',
    url: (county) => `${dispute(county)}/escalate`,
    payload: () => ({ reason: '探针' }),
  },
  {
    name: 'interim lead',
    method: 'POST',
    url: (county) => `${dispute(county)}/interim-lead`,
    payload: (county) => ({ orgId: target(county).respondentId, reason: '探针' }),
  },
  {
    name: 'record a decision',
    method: 'POST',
    url: (county) => `${dispute(county)}/decisions`,
    payload: () => ({ number: '探针〔2026〕1号', decidedOn: today, content: '探针', servedOn: today }),
  },
  {
    name: 'confirm execution',
    method: 'POST',
    url: (county) => `${dispute(county)}/execution`,
    payload: (county) => ({ partyOrgId: target(county).respondentId, note: '探针' }),
  },
  {
    name: 'draft an opinion',
    method: 'POST',
    url: (county) => `${dispute(county)}/opinions`,
    payload: () => ({ title: '探针', body: '探针' }),
  },
  { name: 'edit an opinion', method: 'PUT', url: opinion, payload: () => ({ title: '探针', body: '探针' }) },
  { name: 'submit an opinion', method: 'POST', url: (county) => `${opinion(county)}/submit` },
  {
    name: 'locate an opinion',
    method: 'GET',
    url: (county) => `/api/coordination/opinions/${target(county).documentId}`,
  },
  {
    name: 'serve an opinion',
    method: 'POST',
    url: (county) => `${opinion(county)}/serve`,
    payload: () => ({ servedOn: today }),
  },
  { name: 'opinion docx', method: 'GET', url: (county) => `${opinion(county)}/docx` },
  {
    name: 'list violations',
    method: 'GET',
    url: () => '/api/coordination/violations',
    list: (json, county) => json.items.some((item: { id: number }) => item.id === target(county).violationId),
  },
  {
    name: 'mark the other county’s agency',
    method: 'POST',
    url: () => '/api/coordination/violations',
    payload: (county) => ({ orgId: county.target.orgId, kind: 'shirked_dispute', facts: '探针' }),
  },
  {
    name: 'county agencies to name',
    method: 'GET',
    url: () => '/api/coordination/agencies',
    list: (json, county) => json.items.some((item: { id: number }) => county.orgIds.includes(item.id)),
  },
  {
    name: 'read settings',
    method: 'GET',
    url: () => '/api/coordination/settings',
    list: (json, county) => json.reviewDays === REVIEW_DAYS_BY_COUNTY[county.name],
  },
];

expectNoCrossCounty(world, PROBES);
