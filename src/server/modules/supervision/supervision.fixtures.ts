/** Builders for supervision tests: the demo county's units, a case and a complaint, matter bodies. */
import type { Db } from '../../db/database.ts';
import { demoOrgByName } from '../../testing/fixtures.ts';
import type { TestContext } from '../../testing/test-app.ts';

export interface DemoSupervisionWorld {
  marketId: number;
  landId: number;
  /** a section of the market bureau (a case's org) */
  marketTeamId: number;
  /** a closed case of the market bureau, with its case file */
  caseId: number;
  caseFileId: number;
  complaintId: number;
  /** ids of two supervisor accounts of the bureau (the demo one and a second one added here) */
  supervisorIds: [number, number];
}

/** Looks up the demo county's rows the supervision tests use and adds a second supervisor (`supervisor2`). */
export async function demoSupervisionWorld(db: Db): Promise<DemoSupervisionWorld> {
  const market = await demoOrgByName(db, '博湖县市场监督管理局');
  const land = await demoOrgByName(db, '博湖县自然资源局');
  const marketTeam = await demoOrgByName(db, '市场监管综合行政执法大队');
  const caseRow = await db
    .selectFrom('enforcement_case')
    .innerJoin('org', 'org.id', 'enforcement_case.org_id')
    .innerJoin('case_file', 'case_file.case_id', 'enforcement_case.id')
    .select(['enforcement_case.id', 'case_file.id as case_file_id'])
    .where('org.path', 'like', `${market.path}%`)
    .orderBy('enforcement_case.id')
    .executeTakeFirstOrThrow();
  const complaint = await db.selectFrom('complaint').select('id').orderBy('id').executeTakeFirstOrThrow();
  const supervisor = await db
    .selectFrom('user_account')
    .selectAll()
    .where('username', '=', 'supervisor')
    .executeTakeFirstOrThrow();
  const existing = await db
    .selectFrom('user_account')
    .select('id')
    .where('username', '=', 'supervisor2')
    .executeTakeFirst();
  const second =
    existing ??
    (await db
      .insertInto('user_account')
      .values({
        username: 'supervisor2',
        display_name: '孙海燕',
        org_id: supervisor.org_id,
        roles: ['supervisor'],
        phone: null,
        password_hash: supervisor.password_hash,
      })
      .returning('id')
      .executeTakeFirstOrThrow());
  return {
    marketId: market.id,
    landId: land.id,
    marketTeamId: marketTeam.id,
    caseId: caseRow.id,
    caseFileId: caseRow.case_file_id,
    complaintId: complaint.id,
    supervisorIds: [supervisor.id, second.id],
  };
}

/** A routine-inspection matter body over `unitIds`, opened on `openedOn`. */
export function matterBody(unitIds: number[], overrides: Record<string, unknown> = {}) {
  return {
    kind: 'routine',
    field: 'food_drug',
    source: 'daily',
    unitIds,
    title: '食品安全行政执法日常监督检查',
    openedOn: '2026-03-01',
    ...overrides,
  };
}

/** Opens a matter through the API as `cookie` and returns its id (fails the test otherwise). */
export async function openMatter(ctx: TestContext, cookie: string, body: object): Promise<number> {
  const response = await ctx.request({
    method: 'POST',
    url: '/api/supervision/matters',
    cookie,
    payload: body,
  });
  if (response.status !== 201)
    throw new Error(`open matter: ${response.status} ${JSON.stringify(response.json)}`);
  return response.json.id;
}
