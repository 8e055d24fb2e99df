import { expectNoCrossCounty, type Probe, scopeWorld } from '../../testing/scope-probes.ts';

const world = scopeWorld();

const PROBES: Probe[] = [
  {
    name: 'audit log',
    method: 'GET',
    url: () => '/api/audit?pageSize=200',
    list: (json, county) =>
      json.items.some(
        (row: { orgId: number | null }) => row.orgId !== null && county.orgIds.includes(row.orgId),
      ),
  },
];

expectNoCrossCounty(world, PROBES);
