/**
 * Workbench benchmark (issue 17, `npm run bench dashboard`): the demo county plus generated cases
 * (bench/support/case-fill.ts: 100,000 on the embedded server, 1,000,000 on PostgreSQL by default) with two
 * handlers each; then an officer's and a legal officer's to-do list through the service (goal: the
 * officer's p95 under 50 ms), and the warning pass over the county (every rule, first pass raising
 * the alerts and a second finding them all open), and the county cockpit as the supervisor sees it
 * (goal: p95 under 200 ms). Figures, not a pass/fail test.
 */
import { todayInShanghai } from '../src/common/format.ts';
import type { DatabaseHandle } from '../src/server/db/database.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { actorOfAccount } from '../src/server/modules/assessment/account-actor.ts';
import { getCockpit } from '../src/server/modules/workbench/cockpit/cockpit.service.ts';
import { listTodos } from '../src/server/modules/workbench/todos/todos.service.ts';
import { runCountyPass } from '../src/server/modules/workbench/warnings/warnings.service.ts';
import { fillCases } from './support/case-fill.ts';
import { onEmbedded, onPostgres, percentile } from './support/databases.ts';

const EMBEDDED_CASES = Number(process.env.BENCH_CASES_EMBEDDED ?? 100_000);
const POSTGRES_CASES = Number(process.env.BENCH_CASES_POSTGRES ?? 1_000_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 100);

async function timeTodos(handle: DatabaseHandle, username: string, today: string) {
  const actor = await actorOfAccount(handle.db, username);
  const timings: number[] = [];
  let items = 0;
  for (let index = 0; index < QUERIES + 5; index += 1) {
    const start = performance.now();
    const list = await listTodos(handle.db, actor, {}, today);
    const elapsed = performance.now() - start;
    if (index >= 5) timings.push(elapsed);
    items = list.counts.total;
  }
  timings.sort((left, right) => left - right);
  return `  ${username} to-do list (${items} items): p50 ${percentile(timings, 0.5).toFixed(1)} ms, p95 ${percentile(timings, 0.95).toFixed(1)} ms`;
}

/** The county cockpit (every figure group, the current year) as the supervisor opens it. */
async function timeCockpit(handle: DatabaseHandle, username: string, today: string) {
  const actor = await actorOfAccount(handle.db, username);
  const timings: number[] = [];
  let cases = 0;
  for (let index = 0; index < QUERIES + 5; index += 1) {
    const start = performance.now();
    const view = await getCockpit(handle.db, actor, {}, today);
    const elapsed = performance.now() - start;
    if (index >= 5) timings.push(elapsed);
    cases = view.casesByMonth.total;
  }
  timings.sort((left, right) => left - right);
  return `  ${username} cockpit (${cases} cases this year): p50 ${percentile(timings, 0.5).toFixed(1)} ms, p95 ${percentile(timings, 0.95).toFixed(1)} ms`;
}

async function measure(label: string, handle: DatabaseHandle, count: number) {
  const started = performance.now();
  await migrate(handle.db);
  await fillCases(handle, count);
  const loadSeconds = ((performance.now() - started) / 1000).toFixed(1);
  const today = todayInShanghai(new Date());
  const lines = [
    await timeTodos(handle, 'officer', today),
    await timeTodos(handle, 'legal', today),
    await timeCockpit(handle, 'supervisor', today),
  ];
  const county = await handle.db
    .selectFrom('org')
    .select(['id', 'path'])
    .where('parent_id', 'is', null)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  for (const round of ['first', 'second']) {
    const pass = await runCountyPass(handle.db, county, 'manual', { today });
    lines.push(
      `  warning pass (${round}): ${pass.durationMs} ms, raised ${pass.raised}, closed ${pass.closed}, open ${pass.openAfter}`,
    );
  }
  process.stdout.write(
    `${label}: ${count.toLocaleString('en')} cases loaded in ${loadSeconds} s\n${lines.join('\n')}\n`,
  );
}

if (EMBEDDED_CASES > 0) await onEmbedded((handle) => measure('embedded PostgreSQL', handle, EMBEDDED_CASES));
if (POSTGRES_CASES > 0) await onPostgres((handle) => measure('PostgreSQL', handle, POSTGRES_CASES));
