import { beforeAll } from 'vitest';
import { type County, expectNoCrossCounty, type Probe, scopeWorld } from '../../testing/scope-probes.ts';
import { registerSignOffHandler } from './sign-offs/sign-offs.handlers.ts';

const world = scopeWorld();

registerSignOffHandler('probe_document', { onSigned: async () => {}, onReturned: async () => {} });

// Documents (issue 13): per county a register at its probe org, one issued entry and one pending
// sign-off anyone in that county's scope could decide.
const probeIds = new Map<string, { registerId: number; issuedId: number; signOffId: number }>();
beforeAll(async () => {
  const db = world.ctx.db;
  for (const [index, county] of world.counties.entries()) {
    const register = await db
      .insertInto('document_register')
      .values({ org_id: county.target.orgId, code: 'probe', name: '探针登记簿', prefix: '探针' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const issued = await db
      .insertInto('issued_document')
      .values({
        register_id: register.id,
        org_id: county.target.orgId,
        year: 2026,
        sequence: 1,
        number: `${county.name}探针〔2026〕1号`,
        title: `${county.name}探针发文`,
        recipient: '探针',
        issued_on: '2026-01-05',
        signed_by: null,
        source_domain: 'probe',
        source_record_type: 'probe_document',
        source_record_id: index + 1,
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const signOff = await db
      .insertInto('sign_off_request')
      .values({
        domain: 'probe',
        record_type: 'probe_document',
        record_id: 10 + index,
        org_id: county.target.orgId,
        title: `${county.name}探针待签发`,
        signer_account_id: null,
        requested_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    probeIds.set(county.name, { registerId: register.id, issuedId: issued.id, signOffId: signOff.id });
  }
});
const idsOf = (county: County) => probeIds.get(county.name)!;

const PROBES: Probe[] = [
  {
    name: 'list registers',
    method: 'GET',
    url: () => '/api/documents/registers',
    list: (json, county) => json.some((row: { id: number }) => row.id === idsOf(county).registerId),
  },
  {
    name: 'create a register for the other county’s org',
    method: 'POST',
    url: () => '/api/documents/registers',
    payload: (county) => ({ orgId: county.target.orgId, code: 'stolen', name: '越权', prefix: '越权' }),
  },
  {
    name: 'set the other county’s next number',
    method: 'PATCH',
    url: (county) => `/api/documents/registers/${idsOf(county).registerId}`,
    payload: () => ({ year: 2026, nextNumber: 99 }),
  },
  {
    name: 'register book',
    method: 'GET',
    url: () => '/api/documents/issued?pageSize=200',
    list: (json, county) => json.items.some((row: { id: number }) => row.id === idsOf(county).issuedId),
  },
  {
    name: 'register book filtered by the other county’s register',
    method: 'GET',
    url: (county) => `/api/documents/issued?registerId=${idsOf(county).registerId}`,
    list: (json) => json.items.length > 0,
  },
  {
    name: 'sign-offs waiting for me',
    method: 'GET',
    url: () => '/api/documents/sign-offs',
    list: (json, county) => json.items.some((row: { id: number }) => row.id === idsOf(county).signOffId),
  },
  {
    name: 'all sign-offs',
    method: 'GET',
    url: () => '/api/documents/sign-offs?view=all&pageSize=200',
    list: (json, county) => json.items.some((row: { id: number }) => row.id === idsOf(county).signOffId),
  },
  {
    name: 'sign the other county’s document',
    method: 'POST',
    url: (county) => `/api/documents/sign-offs/${idsOf(county).signOffId}/sign`,
    payload: () => ({}),
  },
  {
    name: 'return the other county’s document',
    method: 'POST',
    url: (county) => `/api/documents/sign-offs/${idsOf(county).signOffId}/return`,
    payload: () => ({ comment: '越权退回' }),
  },
  {
    name: 'signers of the other county’s org',
    method: 'GET',
    url: (county) => `/api/documents/signers?orgId=${county.target.orgId}`,
  },
];

expectNoCrossCounty(world, PROBES);
