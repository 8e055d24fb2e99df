/**
 * Crash durability (issue 10, `npm run bench crash`): Fazhi on a fresh embedded data dir; 200
 * concurrent POST /api/work-logs as `officer`, and kill -9 of Fazhi while they are in flight. The
 * next start (which adopts the orphaned PostgreSQL) must hold every row that was acknowledged, and
 * `fazhi audit verify` must pass. Three rounds (BENCH_CRASH_ROUNDS); in the last the PostgreSQL
 * postmaster is killed -9 as well, so that start goes through crash recovery. Loopback only.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startServer } from '../e2e/server.ts';
import { todayInShanghai } from '../src/common/format.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { clusterDirOf, stopPostmaster } from '../src/server/db/embedded-server.ts';
import { freshDataDir } from './support/databases.ts';
import { login } from './support/http.ts';

const ROUNDS = Number(process.env.BENCH_CRASH_ROUNDS ?? 3);
const WRITES = 200;

const postmasterPid = (dataDir: string) =>
  Number(readFileSync(join(clusterDirOf(dataDir), 'postmaster.pid'), 'utf8').split('\n')[0]);

const { dataDir, remove } = await freshDataDir();
let failures = 0;
try {
  const today = todayInShanghai(new Date());
  for (let round = 1; round <= ROUNDS; round += 1) {
    const killPostgres = round === ROUNDS;
    const server = await startServer({ dataDir });
    const cookie = await login(server.baseUrl, 'officer');
    const acknowledged = new Map<number, string>();
    let refused = 0;
    let settled = 0;
    const writes = Array.from({ length: WRITES }, async (_, index) => {
      const content = `崩溃测试 第${round}轮 第${index}条`;
      try {
        const response = await fetch(`${server.baseUrl}/api/work-logs`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify({ kind: 'daily', periodStart: today, periodEnd: today, content }),
        });
        if (response.ok) acknowledged.set(((await response.json()) as { id: number }).id, content);
        else refused += 1;
      } catch {
        // the connection died with the process: not acknowledged
      }
      settled += 1;
    });
    // kill once a share of the writes has been acknowledged, so some are in flight
    const target = 20 + Math.floor(Math.random() * 80);
    while (acknowledged.size < target && settled < WRITES) await new Promise((done) => setTimeout(done, 5));
    const postgres = postmasterPid(dataDir);
    process.kill(server.pid, 'SIGKILL');
    if (killPostgres) process.kill(postgres, 'SIGKILL');
    await Promise.all(writes);

    // restart: adopts the orphan (or recovers after the postmaster's kill) and must hold every row
    const restarted = await startServer({ dataDir });
    const reader = await openDatabase({ dataDir });
    const rows = await reader.db
      .selectFrom('work_log')
      .select(['id', 'content'])
      .where('id', 'in', acknowledged.size > 0 ? [...acknowledged.keys()] : [-1])
      .execute();
    await reader.close();
    const found = new Map(rows.map((row) => [row.id, row.content]));
    const missing = [...acknowledged].filter(([id, content]) => found.get(id) !== content);
    const verify = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'audit', 'verify'],
      { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } },
    ).then(
      (result) => ({ ok: true, text: result.stdout.trim() }),
      (error: { stderr: string }) => ({ ok: false, text: error.stderr.trim() }),
    );
    const samePostgres = postmasterPid(dataDir) === postgres;
    process.stdout.write(
      `round ${round}: kill -9 of Fazhi${killPostgres ? ' and of its PostgreSQL' : ''} after ${target} acknowledgements; ` +
        `${acknowledged.size} of ${WRITES} writes acknowledged (${refused} refused), ${missing.length} missing after restart; ` +
        `PostgreSQL ${samePostgres ? 'adopted (same postmaster)' : 'restarted'}; audit verify: ${verify.text}\n`,
    );
    if (missing.length > 0 || !verify.ok) failures += 1;
    await restarted.stop();
  }
} finally {
  await stopPostmaster(clusterDirOf(dataDir)).catch(() => {});
  await remove();
}
process.exit(failures > 0 ? 1 : 0);
