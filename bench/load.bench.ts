/**
 * Load on the running product (issue 10, `npm run bench load`): starts Fazhi on a fresh embedded
 * data dir (first start to healthy, demo seeded), restarts it (warm start), then for each of
 * GET /api/cases?page=1 (as `legal`), GET /api/officers (as `legal`) and POST /api/work-logs (as
 * `officer`) runs a closed loop of concurrent `fetch` to 127.0.0.1 at each concurrency for
 * BENCH_LOAD_SECONDS (default 30) or BENCH_LOAD_MAX requests, whichever ends first, while
 * /api/health is polled every 250 ms with a 1 s limit. Prints req/s, p50, p99, max, errors, the
 * slowest health answer, and the peak memory of Fazhi plus its PostgreSQL (sum of PSS, so shared
 * buffers count once; RSS of the Fazhi process alone beside it). Node only; loopback only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../e2e/server.ts';
import { todayInShanghai } from '../src/common/format.ts';
import { clusterDirOf } from '../src/server/db/embedded-server.ts';
import { freshDataDir, percentile } from './support/databases.ts';
import { login } from './support/http.ts';

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const MAX_REQUESTS = Number(process.env.BENCH_LOAD_MAX ?? 200_000);
const CONCURRENCY = (process.env.BENCH_LOAD_CONCURRENCY ?? '20,100').split(',').map(Number);
const HEALTH_LIMIT_MS = 1_000;

/** Memory of a process: [PSS, RSS] in kB from /proc (0 when it is gone). */
function memoryOf(pid: number): [number, number] {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(rollup)?.[1] ?? 0);
    return [field('Pss'), field('Rss')];
  } catch {
    return [0, 0];
  }
}

/** The postmaster and its backends (children of the pid in postmaster.pid). */
function postgresPids(dataDir: string): number[] {
  const postmaster = Number(
    readFileSync(join(clusterDirOf(dataDir), 'postmaster.pid'), 'utf8').split('\n')[0],
  );
  const pids = [postmaster];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === postmaster) pids.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

interface Target {
  label: string;
  request: (index: number) => Promise<Response>;
}

async function runLoad(baseUrl: string, target: Target, concurrency: number, memory: () => void) {
  const latencies: number[] = [];
  let errors = 0;
  let issued = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  let healthWorst = 0;
  let healthLate = 0;
  let healthPolls = 0;
  let running = true;
  const health = (async () => {
    while (running) {
      const at = performance.now();
      let ok = false;
      try {
        const response = await fetch(`${baseUrl}/api/health`, {
          signal: AbortSignal.timeout(HEALTH_LIMIT_MS),
        });
        await response.arrayBuffer();
        ok = response.ok;
      } catch {
        // timed out or refused: late
      }
      const took = performance.now() - at;
      healthWorst = Math.max(healthWorst, took);
      if (!ok || took > HEALTH_LIMIT_MS) healthLate += 1;
      healthPolls += 1;
      memory();
      await new Promise((done) => setTimeout(done, 250));
    }
  })();
  const worker = async () => {
    while (performance.now() < deadline && issued < MAX_REQUESTS) {
      const index = issued++;
      const at = performance.now();
      try {
        const response = await target.request(index);
        await response.arrayBuffer();
        if (!response.ok) errors += 1;
      } catch {
        errors += 1;
      }
      latencies.push(performance.now() - at);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  running = false;
  await health;
  latencies.sort((left, right) => left - right);
  process.stdout.write(
    `${target.label.padEnd(28)} c=${String(concurrency).padEnd(3)} ${(latencies.length / elapsed).toFixed(0).padStart(5)} req/s  ` +
      `p50 ${percentile(latencies, 0.5).toFixed(0)} ms  p99 ${percentile(latencies, 0.99).toFixed(0)} ms  ` +
      `max ${latencies.at(-1)!.toFixed(0)} ms  errors ${errors}/${latencies.length}  ` +
      `health worst ${healthWorst.toFixed(0)} ms, ${healthLate} of ${healthPolls} polls over ${HEALTH_LIMIT_MS} ms or failed\n`,
  );
}

const { dataDir, remove } = await freshDataDir();
try {
  let at = performance.now();
  const first = await startServer({ dataDir });
  const firstStart = performance.now() - at;
  await first.stop();
  at = performance.now();
  const server = await startServer({ dataDir });
  const warmStart = performance.now() - at;
  process.stdout.write(
    `start to healthy: first (initdb, migrations, demo seed) ${(firstStart / 1000).toFixed(1)} s, warm ${(warmStart / 1000).toFixed(1)} s; load average ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}\n`,
  );
  const legal = await login(server.baseUrl, 'legal');
  const officer = await login(server.baseUrl, 'officer');
  const today = todayInShanghai(new Date());
  const targets: Target[] = [
    {
      label: 'GET /api/cases?page=1',
      request: () => fetch(`${server.baseUrl}/api/cases?page=1`, { headers: { cookie: legal } }),
    },
    {
      label: 'GET /api/officers',
      request: () => fetch(`${server.baseUrl}/api/officers`, { headers: { cookie: legal } }),
    },
    {
      label: 'POST /api/work-logs',
      request: (index) =>
        fetch(`${server.baseUrl}/api/work-logs`, {
          method: 'POST',
          headers: { cookie: officer, 'content-type': 'application/json' },
          body: JSON.stringify({
            kind: 'daily',
            periodStart: today,
            periodEnd: today,
            content: `压测记实 ${index}：巡查辖区商户，检查经营许可与消防通道。`,
          }),
        }),
    },
  ];
  let peakPss = 0;
  let peakFazhiRss = 0;
  const memory = () => {
    let pss = memoryOf(server.pid)[0];
    for (const pid of postgresPids(dataDir)) pss += memoryOf(pid)[0];
    peakPss = Math.max(peakPss, pss);
    peakFazhiRss = Math.max(peakFazhiRss, memoryOf(server.pid)[1]);
  };
  for (const concurrency of CONCURRENCY) {
    for (const target of targets) await runLoad(server.baseUrl, target, concurrency, memory);
  }
  process.stdout.write(
    `peak memory: Fazhi + PostgreSQL ${(peakPss / 1024).toFixed(0)} MB (PSS); Fazhi alone ${(peakFazhiRss / 1024).toFixed(0)} MB (RSS); load average ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}\n`,
  );
  await server.stop();
} finally {
  await remove();
}
