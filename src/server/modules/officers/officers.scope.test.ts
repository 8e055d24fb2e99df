import { describe, expect, it } from 'vitest';
import { expectNoCrossCounty, type Probe, scopeWorld } from '../../testing/scope-probes.ts';

const world = scopeWorld();

const PROBES: Probe[] = [
  {
    name: 'list officers',
    method: 'GET',
    url: () => '/api/officers?pageSize=200',
    list: (json, county) => json.items.some((row: { id: number }) => county.officerIds.includes(row.id)),
  },
  {
    name: 'list officers of an org',
    method: 'GET',
    url: (county) => `/api/officers?orgId=${county.target.orgId}`,
  },
  { name: 'get officer', method: 'GET', url: (county) => `/api/officers/${county.target.officerId}` },
  {
    name: 'create officer',
    method: 'POST',
    url: () => '/api/officers',
    payload: (county) => ({ name: '越界', gender: 'male', orgId: county.target.sectionId }),
  },
  {
    name: 'update officer',
    method: 'PATCH',
    url: (county) => `/api/officers/${county.target.officerId}`,
    payload: () => ({ name: '改名' }),
  },
  {
    name: 'officer history',
    method: 'GET',
    url: (county) => `/api/officers/${county.target.officerId}/history`,
  },
  { name: 'officer photo', method: 'GET', url: (county) => `/api/officers/${county.target.officerId}/photo` },
  {
    name: 'case-handler verdict',
    method: 'GET',
    url: (county) => `/api/officers/${county.target.officerId}/case-handler`,
  },
  {
    name: 'post changes',
    method: 'GET',
    url: (county) => `/api/officers/${county.target.officerId}/post-changes`,
  },
  {
    name: 'rewards and punishments',
    method: 'GET',
    url: (county) => `/api/officers/${county.target.officerId}/rewards-punishments`,
  },
  {
    name: 'create post change',
    method: 'POST',
    url: (county) => `/api/officers/${county.target.officerId}/post-changes`,
    payload: () => ({ changedOn: '2024-01-01', toPost: '越界岗' }),
  },
  {
    name: 'create certificate',
    method: 'POST',
    url: (county) => `/api/officers/${county.target.officerId}/certificates`,
    payload: () => ({
      number: 'INTRUDE-1',
      issuer: '越界',
      area: '越界',
      issuedOn: '2024-01-01',
      validUntil: '2026-01-01',
    }),
  },
  {
    name: 'update certificate',
    method: 'PATCH',
    url: (county) => `/api/certificates/${county.target.certificateId}`,
    payload: () => ({ isRevoked: true }),
  },
  {
    name: 'review certificate',
    method: 'POST',
    url: (county) => `/api/certificates/${county.target.certificateId}/reviews`,
    payload: () => ({ reviewedOn: '2020-06-01', result: 'fail' }),
  },
  {
    name: 'certificate warnings',
    method: 'GET',
    url: () => '/api/certificates/warnings',
    list: (json, county) =>
      json.items.some((row: { officerId: number }) => county.officerIds.includes(row.officerId)),
  },
  {
    name: 'certificate warnings of an org',
    method: 'GET',
    url: (county) => `/api/certificates/warnings?orgId=${county.target.orgId}`,
  },
  {
    name: 'officer list export',
    method: 'GET',
    url: (county) => `/api/officers/export.xlsx?orgId=${county.target.orgId}`,
  },
  {
    name: 'officer archive DOCX',
    method: 'GET',
    url: (county) => `/api/officers/${county.target.officerId}/archive.docx`,
  },
  {
    name: 'certificate warnings export of an org',
    method: 'GET',
    url: (county) => `/api/certificates/warnings.xlsx?orgId=${county.target.orgId}`,
  },
  // training and work logs (issue 4)
  {
    name: 'list trainings',
    method: 'GET',
    url: () => '/api/trainings?pageSize=200',
    list: (json, county) =>
      json.items.some((row: { officerId: number }) => county.officerIds.includes(row.officerId)),
  },
  {
    name: 'list trainings of an officer',
    method: 'GET',
    url: (county) => `/api/trainings?officerId=${county.target.officerId}`,
  },
  {
    name: 'training export of an org',
    method: 'GET',
    url: (county) => `/api/trainings/export.xlsx?orgId=${county.target.orgId}`,
  },
  {
    name: 'add training',
    method: 'POST',
    url: (county) => `/api/officers/${county.target.officerId}/trainings`,
    payload: () => ({ heldOn: '2024-06-01', hours: 2, content: '越界', kind: 'post', organiser: '越界' }),
  },
  {
    name: 'delete training',
    method: 'DELETE',
    url: (county) => `/api/trainings/${county.target.trainingId}`,
  },
  {
    name: 'training compliance',
    method: 'GET',
    url: () => '/api/trainings/compliance?year=2024',
    list: (json, county) =>
      json.officers.some((row: { officerId: number }) => county.officerIds.includes(row.officerId)),
  },
  {
    name: 'training compliance of an org',
    method: 'GET',
    url: (county) => `/api/trainings/compliance?year=2024&orgId=${county.target.orgId}`,
  },
  {
    name: 'list work logs',
    method: 'GET',
    url: () => '/api/work-logs?pageSize=200',
    list: (json, county) =>
      json.items.some((row: { officerId: number }) => county.officerIds.includes(row.officerId)),
  },
  {
    name: 'list work logs of an officer',
    method: 'GET',
    url: (county) => `/api/work-logs?officerId=${county.target.officerId}`,
  },
  {
    name: 'edit work log',
    method: 'PATCH',
    url: (county) => `/api/work-logs/${county.target.workLogId}`,
    payload: () => ({ content: '越界' }),
  },
];

expectNoCrossCounty(world, PROBES);

describe('own county, for contrast', () => {
  it('the officer probes do reach their target inside its own county', async () => {
    const { ctx, demo } = world;
    const legal = await ctx.login('legal');
    for (const url of [
      `/api/officers/${demo.target.officerId}`,
      `/api/officers/${demo.target.officerId}/history`,
    ]) {
      expect((await ctx.request({ method: 'GET', url, cookie: legal })).status, url).toBe(200);
    }
    const warnings = await ctx.request({ method: 'GET', url: '/api/certificates/warnings', cookie: legal });
    expect(
      warnings.json.items.some((row: { officerId: number }) => row.officerId === demo.target.officerId),
    ).toBe(true);
  });
});
