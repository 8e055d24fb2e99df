#!/usr/bin/env node
// Builds the web app (vite build → dist/web) only when it is missing or older than its sources,
// so `npm start` stays fast on a second run. FAZHI_FORCE_WEB_BUILD=1 always builds.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = join(ROOT, 'dist/web/index.html');
const SOURCES = ['src/web', 'src/common', 'vite.config.ts', 'package.json'].map((path) => join(ROOT, path));

/** Newest modification time (ms) of any file under the given paths; test files do not count. */
function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stats = statSync(path);
    if (stats.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else if (!/\.test\.tsx?$/.test(path)) {
      newest = Math.max(newest, stats.mtimeMs);
    }
  };
  for (const path of paths) visit(path);
  return newest;
}

/** Why a build is needed, or null when dist/web is current. */
export function staleReason() {
  if (process.env.FAZHI_FORCE_WEB_BUILD === '1') return 'FAZHI_FORCE_WEB_BUILD=1';
  if (!existsSync(OUTPUT)) return 'dist/web/index.html is missing';
  if (newestMtime(SOURCES) > statSync(OUTPUT).mtimeMs) return 'sources changed since the last build';
  return null;
}

/** Runs vite build when stale; resolves to true when it built. */
export async function buildWebIfStale() {
  const reason = staleReason();
  if (!reason) {
    console.log('web: dist/web is up to date, build skipped');
    return false;
  }
  const started = Date.now();
  // Callers such as vitest set NODE_ENV=test, which would bundle React's development build.
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  await build({
    root: join(ROOT, 'src/web'),
    configFile: join(ROOT, 'vite.config.ts'),
    mode: 'production',
    logLevel: 'warn',
  });
  console.log(`web: built dist/web in ${((Date.now() - started) / 1000).toFixed(1)} s (${reason})`);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildWebIfStale().catch((error) => {
    console.error('web: build failed:', error);
    process.exit(1);
  });
}
