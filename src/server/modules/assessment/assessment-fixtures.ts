/** Test helpers for assessment: the demo county's bureau sections under the seed 004 scheme. */

import type { Actor } from '../../lib/access.ts';
import { demoOrgByName } from '../../testing/fixtures.ts';
import type { TestContext } from '../../testing/test-app.ts';
import { actorOfAccount } from './account-actor.ts';

/** The stored version id of a preset (syncs presets first). */
export async function presetVersionId(ctx: TestContext, cookie: string, schemeId: string): Promise<number> {
  const list = await ctx.request({ method: 'GET', url: '/api/assessment/schemes', cookie });
  const version = list.json.find(
    (entry: { schemeId: string; source: string }) => entry.schemeId === schemeId && entry.source === 'preset',
  );
  if (!version) throw new Error(`no preset ${schemeId}`);
  return version.id;
}

/**
 * Opens a zjg-section-quarterly period over four sections of 博湖县司法局 (named, so the tests do
 * not move when the bureau gains a section); returns the period and subject keys.
 */
export async function openSectionPeriod(ctx: TestContext, cookie: string, periodKey = '2025-Q3') {
  const office = await demoOrgByName(ctx.db, '办公室');
  const personnel = await demoOrgByName(ctx.db, '人事教育科');
  const supervision = await demoOrgByName(ctx.db, '行政执法协调监督科');
  const legal = await demoOrgByName(ctx.db, '法制审核科');
  const bureau = await demoOrgByName(ctx.db, '博湖县司法局');
  const schemeVersionId = await presetVersionId(ctx, cookie, 'zjg-section-quarterly');
  const response = await ctx.request({
    method: 'POST',
    url: '/api/assessment/periods',
    cookie,
    payload: {
      schemeVersionId,
      periodKey,
      subjectIds: [office.id, personnel.id, supervision.id, legal.id],
      underOrgId: bureau.id,
    },
  });
  if (response.status !== 201) throw new Error(`open period: ${JSON.stringify(response.json)}`);
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
export function actorOf(ctx: TestContext, username: string): Promise<Actor> {
  return actorOfAccount(ctx.db, username);
}
