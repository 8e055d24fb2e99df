import { beforeAll } from 'vitest';
import { todayInShanghai } from '../../../common/format.ts';
import { type County, expectNoCrossCounty, type Probe, scopeWorld } from '../../testing/scope-probes.ts';
import { actorOfAccount } from '../assessment/account-actor.ts';
import { applicationBody, fileDispute } from './coordination.fixtures.ts';
import { createOpinionDraft } from './disputes/opinions.service.ts';
import { markViolation } from './violations/violations.service.ts';

const world = scopeWorld();
const today = todayInShanghai(new Date());

// One accepted dispute per county (its market bureau against another of its enforcing bodies), a
// draft opinion on it, a 第二十三条 mark, and a distinctive settings row to recognise a leak.
const targets = new Map<
  string,
  { disputeId: number; documentId: number; violationId: number; respondentId: number }
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
    targets.set(county.name, {
      disputeId: dispute.id,
      documentId: drafted.documents[0]!.id,
      violationId: violation.id,
      respondentId: respondent.id,
    });
  }
});
const target = (county: County) => targets.get(county.name)!;
const dispute = (county: County) => `/api/coordination/disputes/${target(county).disputeId}`;
const opinion = (county: County) => `${dispute(county)}/opinions/${target(county).documentId}`;

const PROBES: Probe[] = [
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
