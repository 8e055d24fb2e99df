import { expectNoCrossCounty, type Probe, scopeWorld } from '../../../testing/scope-probes.ts';

const world = scopeWorld();

/** Case handler candidates (issue 5): only one's own unit, never the other county's officers. */
const PROBES: Probe[] = [
  {
    name: 'case handler candidates',
    method: 'GET',
    url: () => '/api/officers/case-handlers?onDate=2020-06-01',
    list: (json, county) => json.items.some((row: { id: number }) => county.officerIds.includes(row.id)),
  },
  {
    name: 'case handler candidates for the other county’s section',
    method: 'GET',
    url: (county) => `/api/officers/case-handlers?orgId=${county.target.sectionId}&onDate=2020-06-01`,
  },
];

expectNoCrossCounty(world, PROBES);
