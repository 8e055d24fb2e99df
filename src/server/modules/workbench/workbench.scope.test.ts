import { beforeAll, expect, it } from 'vitest';
import {
  type County,
  expectNoCrossCounty,
  insertProbeCase,
  type Probe,
  scopeWorld,
} from '../../testing/scope-probes.ts';

const world = scopeWorld();

/** Each county's probe case: closed and handed in, so its legal unit has a quality analysis to give. */
beforeAll(async () => {
  for (const county of world.counties) {
    const { caseId } = await insertProbeCase(world.ctx.db, county);
    await world.ctx.db
      .updateTable('enforcement_case')
      .set({ record_submitted_on: '2025-01-25' })
      .where('id', '=', caseId)
      .execute();
  }
});

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
];

expectNoCrossCounty(world, PROBES);

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
