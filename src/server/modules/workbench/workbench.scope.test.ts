import { beforeAll, expect, it } from 'vitest';
import {
  type County,
  expectNoCrossCounty,
  insertProbeCase,
  type Probe,
  scopeWorld,
} from '../../testing/scope-probes.ts';
import { runCountyPass } from './warnings/warnings.service.ts';

const world = scopeWorld();

/** Per county: one of its warning rules and one of its alerts (the probe officer's expired certificate). */
const targets = new Map<string, { ruleId: number; alertId: number }>();

/**
 * Each county's probe case: closed and handed in, so its legal unit has a quality analysis to give;
 * then a warning pass over each county.
 */
beforeAll(async () => {
  for (const county of world.counties) {
    const { caseId } = await insertProbeCase(world.ctx.db, county);
    await world.ctx.db
      .updateTable('enforcement_case')
      .set({ record_submitted_on: '2025-01-25' })
      .where('id', '=', caseId)
      .execute();
  }
  for (const county of world.counties) {
    const root = await world.ctx.db
      .selectFrom('org')
      .select(['id', 'path'])
      .where('id', 'in', county.orgIds)
      .where('parent_id', 'is', null)
      .executeTakeFirstOrThrow();
    await runCountyPass(world.ctx.db, root, 'manual');
    const alert = await world.ctx.db
      .selectFrom('warning_alert')
      .select(['id', 'rule_id'])
      .where('cause_key', '=', `certificate:${county.target.certificateId}:expired`)
      .executeTakeFirstOrThrow();
    targets.set(county.name, { ruleId: alert.rule_id, alertId: alert.id });
  }
});

const target = (county: County) => targets.get(county.name)!;
const RULE_BODY = {
  params: {},
  tier: 'alarm',
  recipientRoles: ['officer'],
  recipientLevel: 'unit',
  isEnabled: false,
};

const showsCounty = (items: Array<{ orgId: number }>, county: County) =>
  items.some((item) => county.orgIds.includes(item.orgId));

/** The to-do list and badge (issue 17): every provider's items stay inside the reader's county. */
const PROBES: Probe[] = [
  {
    name: 'to-do list',
    method: 'GET',
    url: () => '/api/workbench/todos',
    list: (json, county) => showsCounty(json.items, county),
  },
  {
    name: 'to-do list filtered by domain',
    method: 'GET',
    url: () => '/api/workbench/todos?domain=officers',
    list: (json, county) => showsCounty(json.items, county),
  },
  {
    name: 'warning rules',
    method: 'GET',
    url: () => '/api/workbench/warning-rules',
    list: (json, county) => json.items.some((rule: { id: number }) => rule.id === target(county).ruleId),
  },
  {
    name: 'change the other county’s warning rule',
    method: 'PUT',
    url: (county) => `/api/workbench/warning-rules/${target(county).ruleId}`,
    payload: () => RULE_BODY,
  },
  {
    name: 'alert inbox (every state)',
    method: 'GET',
    url: () => '/api/workbench/alerts?state=all&pageSize=200',
    list: (json, county) => showsCounty(json.items, county),
  },
  {
    name: 'read the other county’s alert',
    method: 'POST',
    url: (county) => `/api/workbench/alerts/${target(county).alertId}/read`,
  },
  // the cockpit (驾驶舱): the county's or the unit's figures, never the other county's
  {
    name: 'cockpit',
    method: 'GET',
    url: () => '/api/workbench/cockpit',
    list: (json, county) =>
      county.orgIds.includes(json.org.id) ||
      json.units.some((unit: { orgId: number }) => county.orgIds.includes(unit.orgId)),
  },
  {
    name: 'cockpit filtered to the other county’s agency',
    method: 'GET',
    url: (county) => `/api/workbench/cockpit?orgId=${county.target.orgId}`,
  },
];

expectNoCrossCounty(world, PROBES);

it('run now passes over the admin’s own county only', async () => {
  const cookie = await world.ctx.login(world.other.usernames.admin);
  const response = await world.ctx.request({ method: 'POST', url: '/api/workbench/warnings/run', cookie });
  expect(response.status).toBe(200);
  expect(response.json.counties.map((pass: { countyId: number }) => pass.countyId)).toEqual([
    world.other.orgIds.find((id) => id === response.json.counties[0].countyId),
  ]);
  expect(world.demo.orgIds).not.toContain(response.json.counties[0].countyId);
});

it('each county’s legal unit receives its own probe officer’s certificate alert (the inbox probe can fail)', async () => {
  for (const county of world.counties) {
    const cookie = await world.ctx.login(county.usernames.legal_officer);
    const response = await world.ctx.request({ method: 'GET', url: '/api/workbench/alerts', cookie });
    const ids = response.json.items.map((item: { id: number }) => item.id);
    expect(ids, county.name).toContain(target(county).alertId);
  }
});

it('each county’s legal unit does see its own probe case and probe certificate (the probes can fail)', async () => {
  for (const county of world.counties) {
    const cookie = await world.ctx.login(county.usernames.legal_officer);
    const response = await world.ctx.request({ method: 'GET', url: '/api/workbench/todos', cookie });
    const kinds = response.json.items
      .filter((item: { orgId: number }) => county.orgIds.includes(item.orgId))
      .map((item: { kind: string }) => item.kind);
    expect(kinds, county.name).toContain('certificate.expired');
  }
  const foreign = world.other;
  const cookie = await world.ctx.login(foreign.usernames.legal_officer);
  const response = await world.ctx.request({ method: 'GET', url: '/api/workbench/todos', cookie });
  expect(response.json.items.map((item: { kind: string }) => item.kind)).toContain('case_quality.give');
});
