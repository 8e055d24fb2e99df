import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSecurityApp } from './security-app.ts';

// A build of its own, shaped as Vite's (index.html, hashed assets/): dist/web may be rebuilt by the
// browser tests while this file runs.
const WEB_DIST = mkdtempSync(join(tmpdir(), 'fazhi-web-'));
const script = 'index-Dk3x9aQe.js';

describe('web app delivery', () => {
  let subject: Awaited<ReturnType<typeof buildSecurityApp>>;
  beforeAll(async () => {
    mkdirSync(join(WEB_DIST, 'assets'));
    writeFileSync(
      join(WEB_DIST, 'index.html'),
      `<!doctype html><script type="module" src="/assets/${script}"></script>`,
    );
    const code = Array.from(
      { length: 2000 },
      (_, index) => `export const value${index} = '执法监督${index}';`,
    );
    writeFileSync(join(WEB_DIST, 'assets', script), code.join('\n'));
    subject = await buildSecurityApp({}, { serveWeb: true, webDist: WEB_DIST });
  });
  afterAll(async () => {
    await subject?.close();
    rmSync(WEB_DIST, { recursive: true, force: true });
  });

  it('compresses hashed scripts with brotli and caches them for a year, immutable', async () => {
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
