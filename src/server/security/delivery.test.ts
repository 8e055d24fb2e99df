import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSecurityApp } from './security-app.ts';

const ASSETS = resolve(import.meta.dirname, '../../../dist/web/assets');
const built = existsSync(ASSETS);

describe.skipIf(!built)('web app delivery (needs a built dist/web)', () => {
  let subject: Awaited<ReturnType<typeof buildSecurityApp>>;
  beforeAll(async () => {
    subject = await buildSecurityApp({}, { serveWeb: true });
  });
  afterAll(() => subject?.close());

  it('compresses hashed scripts with brotli and caches them for a year, immutable', async () => {
    const script = readdirSync(ASSETS).find((name) => name.endsWith('.js'))!;
    const plain = await subject.app.inject({ method: 'GET', url: `/assets/${script}` });
    const compressed = await subject.app.inject({
      method: 'GET',
      url: `/assets/${script}`,
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(compressed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('never caches index.html, for the root and for client-side routes', async () => {
    for (const url of ['/', '/index.html', '/cases']) {
      const response = await subject.app.inject({
        method: 'GET',
        url,
        headers: { 'accept-encoding': 'gzip' },
      });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('compresses JSON too', async () => {
    const response = await subject.app.inject({
      method: 'GET',
      url: '/api/docs/json',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.headers['content-encoding']).toBe('gzip');
  });
});
