import { expectNoCrossCounty, type Probe, scopeWorld } from '../../testing/scope-probes.ts';

const world = scopeWorld();

const PROBES: Probe[] = [
  {
    name: 'list users',
    method: 'GET',
    url: () => '/api/users?pageSize=200',
    list: (json, county) => json.items.some((user: { id: number }) => county.userIds.includes(user.id)),
  },
  { name: 'list users of an org', method: 'GET', url: (county) => `/api/users?orgId=${county.target.orgId}` },
  { name: 'get user', method: 'GET', url: (county) => `/api/users/${county.target.userId}` },
  {
    name: 'create user',
    method: 'POST',
    url: () => '/api/users',
    payload: (county) => ({
      username: 'intruder',
      displayName: '越界',
      orgId: county.target.sectionId,
      roles: ['officer'],
      password: 'Intrude#2025',
    }),
  },
  {
    name: 'update user',
    method: 'PATCH',
    url: (county) => `/api/users/${county.target.userId}`,
    payload: () => ({ displayName: '改名' }),
  },
  {
    name: 'reset password',
    method: 'POST',
    url: (county) => `/api/users/${county.target.userId}/reset-password`,
    payload: () => ({ newPassword: 'Hijack#2025' }),
  },
];

expectNoCrossCounty(world, PROBES);
