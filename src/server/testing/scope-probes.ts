import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.ts';
import type { Role } from '../db/schema.ts';
import { addOfficer } from '../modules/cases/cases-fixtures.ts';
import { ALL_ROLES, createForeignCounty } from './fixtures.ts';
import { createTestContext, type ResponseJson, type TestContext } from './test-app.ts';

/**
 * The cross-county permission matrix (DESIGN.md: permission is role × organisation subtree).
 * Each module's `<module>.scope.test.ts` lists its endpoints as probes; every role of one county
 * then tries every probe against the other county's rows, in both directions, and must get
 * 403/404 or a list without them.
 */

/** One county as the probes see it: its orgs, accounts, officers and a target row of each kind. */
export interface County {
  name: string;
  orgIds: number[];
  userIds: number[];
  target: {
    orgId: number;
    sectionId: number;
    userId: number;
    officerId: number;
    certificateId: number;
    trainingId: number;
    workLogId: number;
  };
  officerIds: number[];
  usernames: Record<Role, string>;
}

export type Probe = {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: (county: County) => string;
  payload?: (county: County) => object;
  /** request headers, e.g. the content type of a raw-body upload */
  headers?: Record<string, string>;
  /** For list endpoints: true when the response shows any of `county`'s rows. */
  list?: (json: ResponseJson, county: County) => boolean;
};

/** The app over the demo county (博湖县) and a second county (和静县); read its fields inside hooks and tests. */
export interface ScopeWorld {
  ctx: TestContext;
  demo: County;
  other: County;
  counties: County[];
}

const DEMO_USERNAMES: Record<Role, string> = {
  admin: 'admin',
  supervisor: 'supervisor',
  legal_officer: 'legal',
  officer: 'officer',
  assessor: 'assessor',
  leader: 'leader',
  reviewer: 'reviewer',
  justice_office: 'sifasuo',
};

/** Registers the hooks that build both counties (each with a probe officer) and close the app after. */
export function scopeWorld(): ScopeWorld {
  const world = {} as ScopeWorld;
  beforeAll(async () => {
    world.ctx = await createTestContext();
    const foreign = await createForeignCounty(world.ctx.db);
    world.demo = await describeCounty(world.ctx.db, '/1/', DEMO_USERNAMES, '博湖县');
    world.other = await describeCounty(world.ctx.db, foreign.root.path, foreign.usernames, '和静县');
    world.counties = [world.demo, world.other];
  });
  afterAll(() => world.ctx.close());
  return world;
}

/** Every role of each county probes the other county with every probe, both directions. */
export function expectNoCrossCounty(world: ScopeWorld, probes: Probe[]): void {
  describe.each([
    ['和静县 → 博湖县', () => ({ from: world.other, to: world.demo })],
    ['博湖县 → 和静县', () => ({ from: world.demo, to: world.other })],
  ])('%s', (_label, pair) => {
    it.each(ALL_ROLES)('%s never reads or writes the other county', async (role) => {
      const { from, to } = pair();
      const cookie = await world.ctx.login(from.usernames[role]);
      for (const probe of probes) {
        const response = await world.ctx.request({
          method: probe.method,
          url: probe.url(to),
          cookie,
          ...(probe.payload && { payload: probe.payload(to) }),
          ...(probe.headers && { headers: probe.headers }),
        });
        const context = `${role} ${probe.name} → ${response.status}`;
        if (probe.list && response.status === 200) {
          expect(probe.list(response.json, to), context).toBe(false);
        } else {
          expect([403, 404], context).toContain(response.status);
        }
      }
    });
  });
}

/** One penalty case per county, handled by its probe officer, with one person party. */
export async function insertProbeCase(db: Db, county: County): Promise<{ caseId: number; partyId: number }> {
  const row = await db
    .insertInto('enforcement_case')
    .values({
      org_id: county.target.sectionId,
      kind: 'penalty',
      case_no: `${county.name}探针罚〔2025〕1号`,
      name: `${county.name}探针案`,
      source: '日常检查',
      filed_on: '2025-01-10',
      closed_on: '2025-01-20',
      party_names: '探针当事人',
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  const party = await db
    .insertInto('case_party')
    .values({
      case_id: row.id,
      kind: 'person',
      name: '探针当事人',
      gender: null,
      id_number: '110105194912310021',
      uscc: null,
      legal_representative: null,
      address: null,
      phone: '13912345678',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('case_handler')
    .values({ case_id: row.id, officer_id: county.target.officerId, certificate_number: 'PROBE' })
    .execute();
  return { caseId: row.id, partyId: party.id };
}

async function describeCounty(
  db: Db,
  rootPath: string,
  usernames: Record<Role, string>,
  name: string,
): Promise<County> {
  const orgs = await db
    .selectFrom('org')
    .select(['id', 'kind', 'path'])
    .where('path', 'like', `${rootPath}%`)
    .execute();
  const users = await db
    .selectFrom('user_account')
    .innerJoin('org', 'org.id', 'user_account.org_id')
    .select(['user_account.id', 'user_account.username'])
    .where('org.path', 'like', `${rootPath}%`)
    .execute();
  const agency = orgs.find((org) => org.kind === 'agency')!;
  const section = orgs.find((org) => org.kind === 'section' && org.path.startsWith(agency.path))!;
  const { officerId, certificateId, trainingId, workLogId } = await addProbeOfficer(db, section.id, name);
  const officers = await db
    .selectFrom('officer')
    .innerJoin('org', 'org.id', 'officer.org_id')
    .select('officer.id')
    .where('org.path', 'like', `${rootPath}%`)
    .execute();
  return {
    name,
    orgIds: orgs.map((org) => org.id),
    userIds: users.map((user) => user.id),
    target: {
      orgId: agency.id,
      sectionId: section.id,
      userId: users.find((user) => user.username === usernames.officer)!.id,
      officerId,
      certificateId,
      trainingId,
      workLogId,
    },
    officerIds: officers.map((officer) => officer.id),
    usernames,
  };
}

/** One officer profile with an expired certificate, a training and a work log in each county: the target of the officer probes. */
async function addProbeOfficer(db: Db, sectionId: number, countyName: string) {
  const officerId = await addOfficer(db, sectionId, `${countyName}探针`, {
    today: '2020-01-01',
    validUntil: '2020-12-31',
  });
  const certificate = await db
    .selectFrom('certificate')
    .select('id')
    .where('officer_id', '=', officerId)
    .executeTakeFirstOrThrow();
  const training = await db
    .insertInto('training')
    .values({
      officer_id: officerId,
      held_on: '2024-05-01',
      hours: 8,
      content: '探针培训',
      kind: 'post',
      organiser: '县司法局',
      is_bureau_organised: true,
      result: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const workLog = await db
    .insertInto('work_log')
    .values({
      officer_id: officerId,
      kind: 'daily',
      period_start: '2024-05-01',
      period_end: '2024-05-01',
      content: '探针记实',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    officerId,
    certificateId: certificate.id,
    trainingId: training.id,
    workLogId: workLog.id,
  };
}
