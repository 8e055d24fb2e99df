import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  lockoutMs,
  MAX_FAILED_LOGINS,
  MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS,
} from '../modules/auth/auth.service.ts';
import { DEMO_PASSWORD } from '../seed/demo-county.ts';
import { createTestContext, type TestContext } from '../testing/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

/** Fires `count` logins for `username` at once, each from its own address (no rate limit trips). */
function burst(username: string, passwords: string[], net: number) {
  return Promise.all(
    passwords.map((password, index) =>
      ctx.request({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
        remoteAddress: `10.${net}.${Math.floor(index / 250)}.${index % 250}`,
      }),
    ),
  );
}

/** Passwords actually verified for the account: every verified wrong one writes one audit row. */
async function verifiedFailures(username: string) {
  const user = await ctx.db
    .selectFrom('user_account')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const rows = await ctx.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_type', '=', 'user')
    .where('entity_id', '=', String(user.id))
    .where('action', 'in', ['auth.login_failed', 'auth.locked'])
    .execute();
  return rows.length;
}

describe('lockout under concurrency', () => {
  it(`verifies at most ${MAX_FAILED_LOGINS} passwords in a burst of 40 wrong ones`, async () => {
    const responses = await burst('reviewer', Array(40).fill('wrong-password'), 1);
    expect(responses.every((response) => response.status !== 200)).toBe(true);
    expect(await verifiedFailures('reviewer')).toBe(MAX_FAILED_LOGINS);
    const right = await burst('reviewer', [DEMO_PASSWORD], 2);
    expect(right[0]!.status).not.toBe(200);
  });

  it('never lets the right password in once the burst has locked the account', async () => {
    const passwords = Array(30).fill('wrong-password');
    passwords.push(DEMO_PASSWORD);
    const responses = await burst('legal', passwords, 3);
    const verified = await verifiedFailures('legal');
    const succeeded = responses.filter((response) => response.status === 200).length;
    // serialisable: the right password got in only if it came before the account locked
    expect(verified + succeeded).toBeLessThanOrEqual(MAX_FAILED_LOGINS);
    expect(verified).toBeLessThanOrEqual(MAX_FAILED_LOGINS);
    expect(succeeded).toBeLessThanOrEqual(1);
  });
});

describe('lockout reveals nothing and cannot be shut at will', () => {
  it('answers a locked account exactly as an unknown one', async () => {
    await burst('assessor', Array(MAX_FAILED_LOGINS).fill('wrong-password'), 4);
    const [locked] = await burst('assessor', [DEMO_PASSWORD], 5);
    const [unknown] = await burst('nobody-at-all', [DEMO_PASSWORD], 5);
    expect(locked!.status).toBe(401);
    expect(locked!.json).toEqual(unknown!.json);
  });

  it(`throttles one address after ${MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS} wrong passwords for one account, before any lock`, async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < MAX_FAILED_LOGINS + 2; attempt += 1) {
      const response = await ctx.request({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'leader', password: 'wrong-password' },
        remoteAddress: '10.6.0.1',
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS).every((status) => status === 401)).toBe(
      true,
    );
    expect(statuses.slice(MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS).every((status) => status === 429)).toBe(true);
    // the throttled attempts were not counted: the account is not locked, its owner gets in
    expect(await verifiedFailures('leader')).toBe(MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS);
    const [owner] = await burst('leader', [DEMO_PASSWORD], 7);
    expect(owner!.status).toBe(200);
  });

  it('locks for 1, 2, 4, 8, then at most 15 minutes in a row', () => {
    expect([0, 1, 2, 3, 4, 5, 40].map((locks) => lockoutMs(locks) / 60_000)).toEqual([
      1, 2, 4, 8, 15, 15, 15,
    ]);
  });
});
