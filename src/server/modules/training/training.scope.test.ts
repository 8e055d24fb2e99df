import { beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../../common/format.ts';
import { type County, expectNoCrossCounty, type Probe, scopeWorld } from '../../testing/scope-probes.ts';
import { actorOfAccount } from '../assessment/account-actor.ts';
import { createPlan } from './plans/plans.service.ts';
import { addAttendees, createSession } from './sessions/sessions.service.ts';

const world = scopeWorld();
const today = todayInShanghai(new Date());
const year = Number(today.slice(0, 4));

// Per county: a plan and a session of its first agency, with the probe officer on the list, and a
// bureau session (培训制度第七条(一)) the probe officer attends.
const targets = new Map<
  string,
  { planId: number; sessionId: number; orgId: number; bureauId: number; bureauSessionId: number }
>();
beforeAll(async () => {
  const { db } = world.ctx;
  for (const county of world.counties) {
    const supervisor = await actorOfAccount(db, county.usernames.supervisor);
    const orgs = await db.selectFrom('org').select(['id', 'kind']).where('id', 'in', county.orgIds).execute();
    const agency = orgs.filter((org) => org.kind === 'agency').sort((a, b) => a.id - b.id)[0]!;
    const plan = await createPlan(db, supervisor, {
      orgId: agency.id,
      year: year + 1,
      title: '探针计划',
      note: null,
      items: [
        {
          kind: 'thematic',
          contentCategory: 'admin_law',
          content: '探针',
          plannedMonth: 3,
          isRequired: true,
        },
      ],
    });
    const session = await createSession(db, supervisor, {
      orgId: agency.id,
      kind: 'post',
      delivery: 'online',
      contentCategory: 'thought',
      course: '探针课程',
      material: null,
      hours: 1,
      heldOn: today,
      place: null,
      planItemId: null,
      isGraded: false,
    });
    await addAttendees(db, supervisor, session.id, [county.target.officerId]);
    const bureau = orgs.find((org) => org.kind === 'justice_bureau')!;
    const bureauSession = await createSession(db, supervisor, {
      orgId: bureau.id,
      kind: 'post',
      delivery: 'classroom',
      contentCategory: 'admin_law',
      course: '探针县级培训',
      material: null,
      hours: 2,
      heldOn: today,
      place: null,
      planItemId: null,
      isGraded: false,
    });
    await addAttendees(db, supervisor, bureauSession.id, [county.target.officerId]);
    targets.set(county.name, {
      planId: plan.id,
      sessionId: session.id,
      orgId: agency.id,
      bureauId: bureau.id,
      bureauSessionId: bureauSession.id,
    });
  }
});
const target = (county: County) => targets.get(county.name)!;
const session = (county: County) => `/api/training-sessions/${target(county).sessionId}`;
const plan = (county: County) => `/api/training-plans/${target(county).planId}`;
const sessionBody = (county: County) => ({
  orgId: target(county).orgId,
  kind: 'post',
  delivery: 'online',
  contentCategory: 'thought',
  course: '越权',
  hours: 1,
  heldOn: today,
});

const PROBES: Probe[] = [
  {
    name: 'plan list',
    method: 'GET',
    url: () => `/api/training-plans?year=${year + 1}`,
    list: (json, county) => json.items.some((item: { id: number }) => item.id === target(county).planId),
  },
  { name: 'one plan', method: 'GET', url: plan },
  {
    name: 'create a plan',
    method: 'POST',
    url: () => '/api/training-plans',
    payload: (county) => ({ orgId: target(county).orgId, year: year + 2, title: '越权', items: [] }),
  },
  {
    name: 'edit a plan',
    method: 'PUT',
    url: plan,
    payload: (county) => ({ orgId: target(county).orgId, year: year + 1, title: '越权', items: [] }),
  },
  { name: 'delete a plan', method: 'DELETE', url: plan },
  {
    name: 'session list',
    method: 'GET',
    url: () => '/api/training-sessions?pageSize=200',
    list: (json, county) => json.items.some((item: { id: number }) => item.id === target(county).sessionId),
  },
  {
    name: 'session list filtered by the bureau',
    method: 'GET',
    url: (county) => `/api/training-sessions?pageSize=200&orgId=${target(county).bureauId}`,
    list: (json, county) =>
      json.items.some((item: { id: number }) => item.id === target(county).bureauSessionId),
  },
  { name: 'one session', method: 'GET', url: session },
  { name: 'create a session', method: 'POST', url: () => '/api/training-sessions', payload: sessionBody },
  { name: 'edit a session', method: 'PUT', url: session, payload: sessionBody },
  {
    name: 'add attendees',
    method: 'POST',
    url: (county) => `${session(county)}/attendees`,
    payload: (county) => ({ officerIds: [county.target.officerId] }),
  },
  {
    name: 'remove an attendee',
    method: 'DELETE',
    url: (county) => `${session(county)}/attendees/${county.target.officerId}`,
  },
  {
    name: 'import attendees',
    method: 'POST',
    url: (county) => `${session(county)}/attendees/import`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: () => Buffer.from('PK'),
  },
  { name: 'finish', method: 'POST', url: (county) => `${session(county)}/finish`, payload: () => ({}) },
  { name: 'issue the notice', method: 'POST', url: (county) => `${session(county)}/notice` },
  { name: 'notice docx', method: 'GET', url: (county) => `${session(county)}/notice.docx` },
  { name: 'sign-in sheet', method: 'GET', url: (county) => `${session(county)}/sign-in.docx` },
  { name: 'delete a session', method: 'DELETE', url: session },
];

expectNoCrossCounty(world, PROBES);

describe('an agency filters by the bureau (培训制度第七条(一))', () => {
  it('lists the bureau sessions its officers attend under ?orgId=<bureau>, and no others', async () => {
    for (const county of world.counties) {
      const { bureauId, bureauSessionId } = target(county);
      const legal = await world.ctx.login(county.usernames.legal_officer);
      const filtered = await world.ctx.request({
        method: 'GET',
        url: `/api/training-sessions?pageSize=200&orgId=${bureauId}`,
        cookie: legal,
      });
      expect(filtered.status, `${county.name} ${JSON.stringify(filtered.json)}`).toBe(200);
      const ids = filtered.json.items.map((item: { id: number }) => item.id);
      expect(ids).toContain(bureauSessionId);
      expect(ids).not.toContain(target(county).sessionId);
    }
  });
});
