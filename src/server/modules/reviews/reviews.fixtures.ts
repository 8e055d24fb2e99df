/** Builders for the review tests: closed cases to draw from, campaign bodies, campaigns through the API. */
import { expect } from 'vitest';
import type { Db } from '../../db/database.ts';
import type { CaseKind, LitigationKind } from '../../db/schema.ts';
import type { TestContext } from '../../testing/test-app.ts';

let caseSeq = 0;

/**
 * A closed case straight into the table (the review tests need many, not the case rules). Closed in
 * 2019 by default, a year no demo case is in, so a campaign over 2019 sees only what a test made.
 */
export async function insertClosedCase(
  db: Db,
  orgId: number,
  options: {
    kind?: CaseKind;
    closedOn?: string | null;
    litigationKind?: LitigationKind;
    handlerOfficerIds?: number[];
    partyName?: string;
  } = {},
): Promise<number> {
  caseSeq += 1;
  const closedOn = options.closedOn === undefined ? '2019-06-15' : options.closedOn;
  const { id } = await db
    .insertInto('enforcement_case')
    .values({
      org_id: orgId,
      kind: options.kind ?? 'penalty',
      case_no: `评查测试〔2019〕${caseSeq}-${orgId}-${Math.random().toString(36).slice(2, 8)}号`,
      name: `评查测试案${caseSeq}`,
      source: '日常检查',
      filed_on: '2018-01-10',
      closed_on: closedOn,
      party_names: options.partyName ?? '测试当事人',
      litigation_kind: options.litigationKind ?? null,
      ...(options.litigationKind && { litigation_outcome: 'pending' as const }),
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('case_party')
    .values({
      case_id: id,
      kind: 'organization',
      name: options.partyName ?? '测试当事人',
      gender: null,
      id_number: null,
      uscc: null,
      legal_representative: null,
      address: null,
      phone: null,
    })
    .execute();
  for (const [index, officerId] of (options.handlerOfficerIds ?? []).entries())
    await db
      .insertInto('case_handler')
      .values({ case_id: id, officer_id: officerId, certificate_number: 'REVIEW-TEST', sort_order: index })
      .execute();
  return id;
}

/** A valid campaign body over the units, for 2019's closed penalty cases. */
export function campaignBody(unitIds: number[], overrides: object = {}) {
  return {
    name: '2019 年度行政处罚案卷评查',
    year: 2019,
    method: 'random',
    regularity: 'regular',
    unitIds,
    caseKinds: ['penalty'],
    closedFrom: '2019-01-01',
    closedTo: '2019-12-31',
    fileListDueOn: '2030-01-10',
    scoringDueOn: '2030-02-10',
    ...overrides,
  };
}

/** Creates a campaign through the API as `cookie` and returns its view. */
export async function createCampaignAs(
  ctx: TestContext,
  cookie: string,
  unitIds: number[],
  overrides: object = {},
) {
  const response = await ctx.request({
    method: 'POST',
    url: '/api/review-campaigns',
    cookie,
    payload: campaignBody(unitIds, overrides),
  });
  expect(response.status, JSON.stringify(response.json)).toBe(201);
  return response.json;
}

/** Previews and applies a draw (count N by unit, fixed seed) and returns the preview. */
export async function drawAs(
  ctx: TestContext,
  cookie: string,
  campaignId: number,
  count: number,
  seed = 'test-seed',
) {
  const params = { mode: 'count', count, byUnit: true, byKind: false };
  const preview = await ctx.request({
    method: 'POST',
    url: `/api/review-campaigns/${campaignId}/draw/preview`,
    cookie,
    payload: { params, seed },
  });
  expect(preview.status, JSON.stringify(preview.json)).toBe(200);
  const applied = await ctx.request({
    method: 'POST',
    url: `/api/review-campaigns/${campaignId}/draw`,
    cookie,
    payload: { params, seed, eligibleDigest: preview.json.eligibleDigest },
  });
  expect(applied.status, JSON.stringify(applied.json)).toBe(200);
  return applied.json;
}

/** Adds an existing account to the organiser's pool through the API and returns the member. */
export async function addExpertAs(
  ctx: TestContext,
  cookie: string,
  userId: number,
  name: string,
  expertise: string[] = [],
) {
  const response = await ctx.request({
    method: 'POST',
    url: '/api/review-experts',
    cookie,
    payload: { name, category: 'supervisor', expertise, userId },
  });
  expect(response.status, JSON.stringify(response.json)).toBe(201);
  return response.json;
}

/** Sets the panel, previews and applies the automatic assignment; returns the preview. */
export async function assignAs(ctx: TestContext, cookie: string, campaignId: number, expertIds: number[]) {
  const panel = await ctx.request({
    method: 'PUT',
    url: `/api/review-campaigns/${campaignId}/panel`,
    cookie,
    payload: { expertIds },
  });
  expect(panel.status, JSON.stringify(panel.json)).toBe(200);
  const preview = await ctx.request({
    method: 'POST',
    url: `/api/review-campaigns/${campaignId}/assignment/preview`,
    cookie,
  });
  expect(preview.status, JSON.stringify(preview.json)).toBe(200);
  const applied = await ctx.request({
    method: 'POST',
    url: `/api/review-campaigns/${campaignId}/assignment`,
    cookie,
    payload: { proposalDigest: preview.json.proposalDigest },
  });
  expect(applied.status, JSON.stringify(applied.json)).toBe(200);
  return preview.json;
}

/** Submits (signs) the sheet of each of the account's assignments on `fileId` with one deduction. */
export async function scoreAs(
  ctx: TestContext,
  cookie: string,
  fileId: number,
  deducted: number,
  reason = '证据不充分',
) {
  const mine = await ctx.request({ method: 'GET', url: '/api/review-assignments/mine', cookie });
  const task = mine.json.items.find((item: { fileId: number }) => item.fileId === fileId);
  expect(task, `no assignment on file ${fileId}`).toBeTruthy();
  // spread over criteria 2, 4 (15 points each), 1, 3 (10 each) and 5 (8): up to 58 points can be taken
  const items: Array<{ no: number; deducted: number; reason: string }> = [];
  let left = deducted;
  for (const [no, points] of [
    [2, 15],
    [4, 15],
    [1, 10],
    [3, 10],
    [5, 8],
  ] as const) {
    if (left <= 0) break;
    const taken = Math.min(points, left);
    items.push({ no, deducted: taken, reason });
    left -= taken;
  }
  const response = await ctx.request({
    method: 'PUT',
    url: `/api/review-assignments/${task.assignmentId}/sheet`,
    cookie,
    payload: { items, submit: true },
  });
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  return response.json;
}

/** The account's user id by username. */
export async function userIdOf(db: Db, username: string) {
  return (
    await db
      .selectFrom('user_account')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).id;
}
