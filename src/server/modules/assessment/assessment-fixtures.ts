/** Test helpers for assessment: the demo county's bureau sections under the seed 004 scheme. */

import { type Actor, resolveScopePaths } from '../../lib/access.ts';
import { demoOrgByName } from '../../testing/fixtures.ts';
import type { TestContext } from '../../testing/test-app.ts';
import { findAncestry } from '../org/org.repository.ts';

/** The stored version id of a preset (syncs presets first). */
export async function presetVersionId(ctx: TestContext, cookie: string, schemeId: string): Promise<number> {
  const list = await ctx.request({ method: 'GET', url: '/api/assessment/schemes', cookie });
  const version = list.json.find(
    (entry: { schemeId: string; source: string }) => entry.schemeId === schemeId && entry.source === 'preset',
  );
  if (!version) throw new Error(`no preset ${schemeId}`);
  return version.id;
}

/** Opens a zjg-section-quarterly period over the sections of 博湖县司法局; returns the period and subject keys. */
export async function openSectionPeriod(ctx: TestContext, cookie: string, periodKey = '2025-Q3') {
  const bureau = await demoOrgByName(ctx.db, '博湖县司法局');
  const schemeVersionId = await presetVersionId(ctx, cookie, 'zjg-section-quarterly');
  const response = await ctx.request({
    method: 'POST',
    url: '/api/assessment/periods',
    cookie,
    payload: { schemeVersionId, periodKey, underOrgId: bureau.id },
  });
  if (response.status !== 201) throw new Error(`open period: ${JSON.stringify(response.json)}`);
  const office = await demoOrgByName(ctx.db, '办公室');
  const personnel = await demoOrgByName(ctx.db, '人事教育科');
  const supervision = await demoOrgByName(ctx.db, '行政执法协调监督科');
  const legal = await demoOrgByName(ctx.db, '法制审核科');
  return {
    period: response.json,
    keys: {
      office: `org:${office.id}`,
      personnel: `org:${personnel.id}`,
      supervision: `org:${supervision.id}`,
      legal: `org:${legal.id}`,
    },
  };
}

/** The Actor of a demo account, as the auth hook would resolve it (for service calls with a fixed date). */
export async function actorOf(ctx: TestContext, username: string): Promise<Actor> {
  const user = await ctx.db
    .selectFrom('user_account')
    .innerJoin('org', 'org.id', 'user_account.org_id')
    .select([
      'user_account.id',
      'user_account.username',
      'user_account.display_name',
      'user_account.org_id',
      'user_account.roles',
      'org.path',
    ])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const ancestry = await findAncestry(ctx.db, { path: user.path });
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    orgId: user.org_id,
    roles: user.roles,
    scopePaths: resolveScopePaths(user.roles, ancestry),
  };
}
