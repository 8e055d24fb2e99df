import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { clusterDirOf, stopPostmaster } from '../src/server/db/embedded-server.ts';

const ROOT = resolve(import.meta.dirname, '..');
// a first start initialises a cluster and seeds the county: 90 s was measured at load average 20
const HEALTH_TIMEOUT_MS = 150_000;

/** A free TCP port on 127.0.0.1, chosen by the OS. */
export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

/** Runs scripts/build-web-if-stale.mjs so the server has a current dist/web to serve. */
export function buildWebIfStale(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-web-if-stale.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

export interface RunningServer {
  baseUrl: string;
  /** the Fazhi process */
  pid: number;
  dataDir: string;
  stop: () => Promise<void>;
}

/**
 * Starts the real server on a fresh data directory — the embedded PostgreSQL default, the demo
 * county seeded — and waits for health.
 */
export async function startServer(options: { dataDir?: string } = {}): Promise<RunningServer> {
  // a given data dir is kept at stop (benchmarks restart on it); a fresh one is removed
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'fazhi-e2e-'));
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // `node --import tsx` rather than `npx tsx`: one process, so stopping it stops the server.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let exitCode: number | null = null;
  child.once('exit', (code) => {
    exitCode = code ?? -1;
  });

  const stop = async () => {
    if (exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 15_000))]);
      if (exitCode === null) child.kill('SIGKILL');
    }
    // SIGTERM stops the embedded PostgreSQL with the server; after a SIGKILL it is still running
    await stopPostmaster(clusterDirOf(dataDir));
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exitCode !== null) throw new Error(`server exited with code ${exitCode} before becoming healthy`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return { baseUrl, pid: child.pid!, dataDir, stop };
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  await stop();
  throw new Error(`server did not answer /api/health within ${HEALTH_TIMEOUT_MS / 1000} s`);
}
