import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createTestContext, type TestContext } from '../testing/test-app.ts';
import { buildSecurityApp } from './security-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const HOST = 'fazhi.local:3000';

describe('unsafe requests from another site', () => {
  it.each([
    ['evil Origin', { origin: 'http://evil.example' }],
    ['Origin null (sandboxed frame)', { origin: 'null' }],
    ['same host, other port', { origin: 'http://fazhi.local:4000' }],
    ['cross-site fetch without Origin', { 'sec-fetch-site': 'cross-site' }],
    ['same-site sibling without Origin', { 'sec-fetch-site': 'same-site' }],
  ])('refuses a body-less, text/plain POST with %s', async (_label, headers) => {
    const cookie = await ctx.login('admin');
    const response = await ctx.request({
      method: 'POST',
      url: '/api/auth/logout',
      cookie,
      headers: { host: HOST, 'content-type': 'text/plain', ...headers },
    });
    expect(response.status).toBe(403);
    expect(response.json.error.code).toBe('CROSS_SITE_REFUSED');
    expect(response.json.error.message).toMatch(/其他网站/);
    // the session survived: the forged logout did nothing
    expect((await ctx.request({ method: 'GET', url: '/api/auth/me', cookie })).status).toBe(200);
  });

  it('refuses a cross-site login (login CSRF) before any password is checked', async () => {
    const response = await ctx.request({
      method: 'POST',
      url: '/api/auth/login',
      headers: { host: HOST, origin: 'https://evil.example' },
      payload: { username: 'admin', password: 'Fazhi@2025' },
    });
    expect(response.status).toBe(403);
  });
});

describe('requests the app itself sends', () => {
  it.each([
    ['its own Origin', { origin: `http://${HOST}`, 'sec-fetch-site': 'same-origin' }],
    ['its own Origin over HTTPS', { origin: `https://${HOST}` }],
    ['Sec-Fetch-Site same-origin only', { 'sec-fetch-site': 'same-origin' }],
    ['no browser headers (CLI, scripts)', {}],
  ])('lets %s through', async (_label, headers) => {
    const cookie = await ctx.login('admin');
    const response = await ctx.request({
      method: 'POST',
      url: '/api/auth/logout',
      cookie,
      headers: { host: HOST, ...headers },
    });
    expect(response.status).toBe(204);
  });

  it('answers safe methods from anywhere (they change nothing)', async () => {
    const cookie = await ctx.login('admin');
    const response = await ctx.request({
      method: 'GET',
      url: '/api/auth/me',
      cookie,
      headers: { host: HOST, origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(response.status).toBe(200);
  });
});

describe('PUBLIC_ORIGIN allow-list (behind a proxy that rewrites Host)', () => {
  let subject: Awaited<ReturnType<typeof buildSecurityApp>>;
  beforeAll(async () => {
    subject = await buildSecurityApp({ PUBLIC_ORIGIN: ['https://fazhi.example.gov.cn'] });
  });
  afterAll(() => subject.close());

  it.each([
    ['https://fazhi.example.gov.cn', 401],
    ['http://fazhi.example.gov.cn', 403],
    ['https://evil.fazhi.example.gov.cn', 403],
  ])('Origin %s → %i', async (origin, status) => {
    const response = await subject.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { host: '127.0.0.1:3000', origin, 'sec-fetch-site': 'cross-site' },
      payload: { username: 'nobody', password: 'x' },
    });
    expect(response.statusCode).toBe(status);
  });

  it('is parsed from a comma list and refuses what is not an origin', () => {
    expect(loadConfig({ PUBLIC_ORIGIN: 'https://a.example, http://b.example:8080' }).PUBLIC_ORIGIN).toEqual([
      'https://a.example',
      'http://b.example:8080',
    ]);
    expect(() => loadConfig({ PUBLIC_ORIGIN: 'https://a.example/path' })).toThrow('PUBLIC_ORIGIN');
    expect(() => loadConfig({ PUBLIC_ORIGIN: 'fazhi.example' })).toThrow('PUBLIC_ORIGIN');
  });
});
