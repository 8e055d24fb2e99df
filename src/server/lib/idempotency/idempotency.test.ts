import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../../common/format.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';

let ctx: TestContext;
let officer: string;
let legal: string;
const today = todayInShanghai(new Date());

beforeAll(async () => {
  ctx = await createTestContext();
  officer = await ctx.login('officer');
  legal = await ctx.login('legal');
});
afterAll(() => ctx.close());

const countLogs = async (content: string) =>
  Number(
    (
      await ctx.db
        .selectFrom('work_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('content', '=', content)
        .executeTakeFirstOrThrow()
    ).n,
  );

const writeLog = (key: string | undefined, content: string, cookie = officer) =>
  ctx.request({
    method: 'POST',
    url: '/api/work-logs',
    cookie,
    headers: key === undefined ? {} : { 'idempotency-key': key },
    payload: { kind: 'daily', periodStart: today, periodEnd: today, content },
  });

describe('Idempotency-Key on creating POSTs (issue 11, item 13)', () => {
  it('a retry with the same key gets the first answer again and writes nothing more', async () => {
    const first = await writeLog('retry-key-0001', '幂等：重试不重复');
    expect(first.status, JSON.stringify(first.json)).toBe(201);
    const again = await writeLog('retry-key-0001', '幂等：重试不重复');
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await countLogs('幂等：重试不重复')).toBe(1);
  });

  it('without a key, the same request twice writes twice (the header is what makes a retry)', async () => {
    await writeLog(undefined, '幂等：无标识');
    await writeLog(undefined, '幂等：无标识');
    expect(await countLogs('幂等：无标识')).toBe(2);
  });

  it('concurrent retries with one key write once; the others are replayed or told it is running', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => writeLog('concurrent-key-01', '幂等：并发重试')),
    );
    expect(await countLogs('幂等：并发重试')).toBe(1);
    for (const answer of answers) {
      expect([201, 409]).toContain(answer.status);
      if (answer.status === 409) expect(answer.json.error.code).toBe('IDEMPOTENCY_IN_FLIGHT');
    }
    expect(
      answers.filter((answer) => answer.status === 201 && !answer.headers['idempotent-replayed']),
    ).toHaveLength(1);
  });

  it('the same key with another request is refused in Chinese and writes nothing', async () => {
    await writeLog('reused-key-0001', '幂等：第一次');
    const other = await writeLog('reused-key-0001', '幂等：换了内容');
    expect(other.status).toBe(422);
    expect(other.json.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(other.json.error.message).toMatch(/请求标识已用于另一项操作/);
    expect(await countLogs('幂等：换了内容')).toBe(0);
  });

  it('a refused first request keeps no answer: the corrected retry with the same key runs', async () => {
    const refused = await ctx.request({
      method: 'POST',
      url: '/api/work-logs',
      cookie: officer,
      headers: { 'idempotency-key': 'refused-key-001' },
      payload: { kind: 'daily', periodStart: '2020-01-01', periodEnd: '2020-01-02', content: '幂等：被拒' },
    });
    expect(refused.status).toBe(400);
    const held = await ctx.db
      .selectFrom('idempotency_key')
      .select('key')
      .where('key', '=', 'refused-key-001')
      .execute();
    expect(held).toEqual([]);
  });

  it('keys belong to the account: another account sending the same key is not given the first answer', async () => {
    const mine = await writeLog('shared-key-0001', '幂等：账号甲');
    expect(mine.status).toBe(201);
    const others = await writeLog('shared-key-0001', '幂等：账号甲', legal);
    expect(others.headers['idempotent-replayed']).toBeUndefined();
    expect(others.json).not.toEqual(mine.json);
  });

  it('a malformed key is refused before anything runs', async () => {
    const bad = await writeLog('短', '幂等：坏标识');
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/Idempotency-Key/);
    expect(await countLogs('幂等：坏标识')).toBe(0);
  });

  it('a request that died before answering blocks the retry (409) instead of writing twice', async () => {
    const first = await writeLog('crashed-key-001', '幂等：崩溃后重试');
    expect(first.status).toBe(201);
    // as if the server had been killed after the write committed and before it answered
    await ctx.db
      .updateTable('idempotency_key')
      .set({ status_code: null, response_body: null })
      .where('key', '=', 'crashed-key-001')
      .execute();
    const retry = await writeLog('crashed-key-001', '幂等：崩溃后重试');
    expect(retry.status).toBe(409);
    expect(retry.json.error.message).toMatch(/刷新页面/);
    expect(await countLogs('幂等：崩溃后重试')).toBe(1);
  });
});
