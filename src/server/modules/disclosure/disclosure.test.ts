import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOrgByName } from '../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { LOOKUP_NO_MATCH } from './disclosure.service.ts';

let ctx: TestContext;
let address = 0;
/** each lookup from its own address unless a test says otherwise, so the rate limit stays out of the way */
const lookUp = (query: string, remoteAddress = `10.9.${Math.floor(++address / 250)}.${address % 250}`) =>
  ctx.app.inject({ method: 'GET', url: `/api/public/certificates?${query}`, remoteAddress });

beforeAll(async () => {
  ctx = await createTestContext();
  const legal = await ctx.login('legal');
  const teamId = (await demoOrgByName(ctx.db, '市场监管综合行政执法大队')).id;
  const officer = await ctx.request({
    method: 'POST',
    url: '/api/officers',
    cookie: legal,
    payload: { name: '公开查', gender: 'male', orgId: teamId, phone: '13800001234', birthDate: '1980-01-01' },
  });
  await ctx.request({
    method: 'POST',
    url: `/api/officers/${officer.json.id}/certificates`,
    cookie: legal,
    payload: {
      number: 'PUB-2024-001',
      issuer: '博湖县人民政府',
      area: '博湖县',
      categories: ['市场监管', '食品安全'],
      issuedOn: '2024-01-01',
      validUntil: '2099-12-31',
    },
  });
});
afterAll(() => ctx.close());

describe('public certificate lookup (执法证查询)', () => {
  it('answers number + name with the public fields only, without a login', async () => {
    const response = await lookUp(`number=pub-2024-001&name=${encodeURIComponent('公开查')}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      name: '公开查',
      agency: '博湖县市场监督管理局',
      area: '博湖县',
      categories: ['市场监管', '食品安全'],
      issuedOn: '2024-01-01',
      validUntil: '2099-12-31',
      state: 'valid',
      stateLabel: '有效',
    });
    expect(response.body).not.toContain('13800001234');
    expect(response.body).not.toContain('1980');
  });

  it('gives the same answer for an unknown number and a wrong name', async () => {
    const unknown = await lookUp(`number=NOPE-1&name=${encodeURIComponent('公开查')}`);
    const mismatch = await lookUp(`number=PUB-2024-001&name=${encodeURIComponent('别人')}`);
    expect(unknown.statusCode).toBe(404);
    expect(mismatch.statusCode).toBe(404);
    expect(unknown.body).toBe(mismatch.body);
    expect(unknown.json().error.message).toBe(LOOKUP_NO_MATCH);
  });

  it('asks for both fields in Chinese', async () => {
    const response = await lookUp('number=');
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .error.fields.map((field: { field: string }) => field.field)
        .sort(),
    ).toEqual(['name', 'number']);
  });

  it('is rate-limited per address (20 a minute)', async () => {
    const statuses = [];
    for (let index = 0; index < 22; index += 1)
      statuses.push((await lookUp('number=X&name=Y', '10.99.0.1')).statusCode);
    expect(statuses.slice(0, 20).every((status) => status === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
