import { beforeAll } from 'vitest';
import {
  type County,
  expectNoCrossCounty,
  insertProbeCase,
  type Probe,
  scopeWorld,
} from '../../testing/scope-probes.ts';

const world = scopeWorld();

// Cases and case records (issue 5): one case per county, handled by its probe officer, and one
// complaint about that officer.
const probeCaseIds = new Map<string, { caseId: number; partyId: number; complaintId: number }>();
beforeAll(async () => {
  for (const county of world.counties) {
    const probeCase = await insertProbeCase(world.ctx.db, county);
    const complaint = await world.ctx.db
      .insertInto('complaint')
      .values({
        org_id: county.target.sectionId,
        kind: 'complaint',
        officer_id: county.target.officerId,
        case_id: probeCase.caseId,
        source: '探针',
        received_on: '2025-02-01',
        summary: '探针投诉',
        finding: null,
        handling: null,
        handled_on: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    probeCaseIds.set(county.name, { ...probeCase, complaintId: complaint.id });
  }
});
const caseOf = (county: County) => probeCaseIds.get(county.name)!;
/** The prober's own county (probes are given the county they target). */
const otherThan = (county: County) => world.counties.find((candidate) => candidate !== county)!;

const PROBES: Probe[] = [
  {
    name: 'list cases',
    method: 'GET',
    url: () => '/api/cases?pageSize=200',
    list: (json, county) => json.items.some((row: { id: number }) => row.id === caseOf(county).caseId),
  },
  {
    name: 'search cases by the other county’s case number',
    method: 'GET',
    url: (county) => `/api/cases?keyword=${encodeURIComponent(county.name)}探针`,
    list: (json) => json.items.length > 0,
  },
  { name: 'list cases of an org', method: 'GET', url: (county) => `/api/cases?orgId=${county.target.orgId}` },
  {
    name: 'records due',
    method: 'GET',
    url: () => '/api/cases/records-due',
    list: (json, county) =>
      json.byOfficer.some((row: { officerId: number }) => row.officerId === county.target.officerId) ||
      json.byAgency.some((row: { orgId: number }) => county.orgIds.includes(row.orgId)),
  },
  { name: 'get case', method: 'GET', url: (county) => `/api/cases/${caseOf(county).caseId}` },
  {
    name: 'create case',
    method: 'POST',
    url: () => '/api/cases',
    payload: (county) => ({
      orgId: county.target.sectionId,
      kind: 'penalty',
      caseNo: '越界罚〔2025〕1号',
      name: '越界案',
      source: '越界',
      filedOn: '2025-01-01',
      handlerIds: [county.target.officerId, county.target.officerId],
      parties: [{ kind: 'person', name: '越界' }],
    }),
  },
  {
    name: 'update case',
    method: 'PATCH',
    url: (county) => `/api/cases/${caseOf(county).caseId}`,
    payload: () => ({ name: '改名' }),
  },
  {
    name: 'sign case',
    method: 'POST',
    url: (county) => `/api/cases/${caseOf(county).caseId}/sign`,
    payload: () => ({ part: 'opinion' }),
  },
  {
    name: 'quality analysis',
    method: 'PUT',
    url: (county) => `/api/cases/${caseOf(county).caseId}/quality`,
    payload: () => ({ opinion: '越界', grade: 'fail' }),
  },
  {
    name: 'submit record',
    method: 'POST',
    url: (county) => `/api/cases/${caseOf(county).caseId}/submit-record`,
  },
  {
    name: 'full party view',
    method: 'GET',
    url: (county) => `/api/cases/${caseOf(county).caseId}/parties/${caseOf(county).partyId}/full`,
  },
  // complaints, campaigns and per-officer counts
  {
    name: 'list complaints',
    method: 'GET',
    url: () => '/api/complaints?pageSize=200',
    list: (json, county) => json.items.some((row: { orgId: number }) => county.orgIds.includes(row.orgId)),
  },
  {
    name: 'create complaint',
    method: 'POST',
    url: () => '/api/complaints',
    payload: (county) => ({
      kind: 'complaint',
      officerId: county.target.officerId,
      source: '越界',
      receivedOn: '2025-01-01',
      summary: '越界',
    }),
  },
  { name: 'get complaint', method: 'GET', url: (county) => `/api/complaints/${caseOf(county).complaintId}` },
  {
    name: 'update complaint',
    method: 'PATCH',
    url: (county) => `/api/complaints/${caseOf(county).complaintId}`,
    payload: () => ({ finding: 'substantiated', summary: '越界' }),
  },
  {
    name: 'point one’s own complaint at the other county’s case',
    method: 'PATCH',
    url: (county) => `/api/complaints/${caseOf(otherThan(county)).complaintId}`,
    payload: (county) => ({ caseId: caseOf(county).caseId }),
  },
  {
    name: 'list complaints about the other county’s officer',
    method: 'GET',
    url: (county) => `/api/complaints?officerId=${county.target.officerId}`,
  },
  {
    name: 'complaint export of the other county’s case',
    method: 'GET',
    url: (county) => `/api/complaints/export.xlsx?caseId=${caseOf(county).caseId}`,
  },
  {
    name: 'create campaign participation',
    method: 'POST',
    url: () => '/api/campaign-participations',
    payload: (county) => ({ officerId: county.target.officerId, name: '越界', joinedOn: '2025-01-01' }),
  },
  {
    name: 'officer counts',
    method: 'GET',
    url: () => '/api/cases/officer-counts?period=2025',
    list: (json, county) =>
      json.items.some((row: { officerId: number }) => county.officerIds.includes(row.officerId)),
  },
  {
    name: 'officer counts of an org',
    method: 'GET',
    url: (county) => `/api/cases/officer-counts?period=2025&orgId=${county.target.orgId}`,
  },
  // documents and exports
  {
    name: 'case record DOCX',
    method: 'GET',
    url: (county) => `/api/cases/${caseOf(county).caseId}/record.docx`,
  },
  {
    name: 'case list export of an org',
    method: 'GET',
    url: (county) => `/api/cases/export.xlsx?orgId=${county.target.orgId}`,
  },
];

expectNoCrossCounty(world, PROBES);
