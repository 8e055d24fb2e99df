import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../seed/demo-county.ts';
import { buildSecurityApp } from './security-app.ts';

type SecurityApp = Awaited<ReturnType<typeof buildSecurityApp>>;

const BUILT_INDEX = resolve(import.meta.dirname, '../../../dist/web/index.html');
const SOURCE_INDEX = resolve(import.meta.dirname, '../../web/index.html');

async function signIn(subject: SecurityApp) {
  const response = await subject.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'officer', password: DEMO_PASSWORD },
  });
  return `fazhi_session=${response.cookies[0]!.value}`;
}

describe('security headers over HTTP (development)', () => {
  let subject: SecurityApp;
  beforeAll(async () => {
    subject = await buildSecurityApp({}, { serveWeb: true });
  });
  afterAll(() => subject.close());

  it.each([['/api/health'], ['/api/nothing-here'], ['/api/users']])(
    '%s: CSP without inline script, no framing, nosniff, referrer policy, no HSTS',
    async (url) => {
      const response = await subject.app.inject({ method: 'GET', url });
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("object-src 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['referrer-policy']).toBe('same-origin');
      expect(response.headers['strict-transport-security']).toBeUndefined();
    },
  );

  it('the web app page loads no inline script, so the CSP lets it run', async () => {
    const html = readFileSync(existsSync(BUILT_INDEX) ? BUILT_INDEX : SOURCE_INDEX, 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('serves /api/docs to anyone outside production', async () => {
    expect((await subject.app.inject({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(200);
  });
});

describe('security headers behind HTTPS, in production', () => {
  let subject: SecurityApp;
  beforeAll(async () => {
    subject = await buildSecurityApp({ COOKIE_SECURE: true, NODE_ENV: 'production' });
  });
  afterAll(() => subject.close());

  it('sends HSTS for a year', async () => {
    const response = await subject.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['strict-transport-security']).toMatch(/max-age=31536000/);
  });

  it('serves /api/docs to signed-in accounts only', async () => {
    for (const url of ['/api/docs', '/api/docs/json', '/api/docs/static/index.html']) {
      const anonymous = await subject.app.inject({ method: 'GET', url });
      expect(anonymous.statusCode, url).toBe(401);
      expect(anonymous.json().error.message).toBe('请先登录');
    }
    const cookie = await signIn(subject);
    const signedIn = await subject.app.inject({ method: 'GET', url: '/api/docs/json', headers: { cookie } });
    expect(signedIn.statusCode).toBe(200);
    expect(Object.keys(signedIn.json().paths).length).toBeGreaterThan(50);
  });
});
