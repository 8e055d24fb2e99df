import { describe, expect, it } from 'vitest';
import { expectNoCrossCounty, type Probe, scopeWorld } from '../../testing/scope-probes.ts';

const world = scopeWorld();

const PROBES: Probe[] = [
  {
    name: 'list orgs',
    method: 'GET',
    url: () => '/api/orgs?includeInactive=true',
    list: (json, county) => json.some((org: { id: number }) => county.orgIds.includes(org.id)),
  },
  { name: 'get org', method: 'GET', url: (county) => `/api/orgs/${county.target.orgId}` },
  {
    name: 'create org',
    method: 'POST',
    url: () => '/api/orgs',
    payload: (county) => ({ parentId: county.target.orgId, kind: 'section', name: '越界股' }),
  },
  {
    name: 'update org',
    method: 'PATCH',
    url: (county) => `/api/orgs/${county.target.orgId}`,
    payload: () => ({ name: '改名' }),
  },
  {
    name: 'move org',
    method: 'POST',
    url: (county) => `/api/orgs/${county.target.sectionId}/move`,
    payload: (county) => ({ parentId: county.target.orgId }),
  },
  { name: 'delete org', method: 'DELETE', url: (county) => `/api/orgs/${county.target.sectionId}` },
];

expectNoCrossCounty(world, PROBES);

describe('own county, for contrast', () => {
  it('a supervisor reads the whole county, a legal officer only their agency, an officer their own team', async () => {
    const { ctx, demo } = world;
    const supervisor = await ctx.login('supervisor');
    const all = await ctx.request({ method: 'GET', url: '/api/orgs', cookie: supervisor });
    expect(all.json).toHaveLength(demo.orgIds.length);
    const legal = await ctx.login('legal');
    const agencyOnly = await ctx.request({ method: 'GET', url: '/api/orgs', cookie: legal });
    expect(agencyOnly.json.map((org: { name: string }) => org.name).sort()).toEqual(
      ['博湖县市场监督管理局', '市场监管综合行政执法大队', '法规股', '食品安全监督管理股'].sort(),
    );
    const officer = await ctx.login('officer');
    const own = await ctx.request({ method: 'GET', url: '/api/orgs', cookie: officer });
    expect(own.json.map((org: { name: string }) => org.name)).toEqual(['市场监管综合行政执法大队']);
  });
});
