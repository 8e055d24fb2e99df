/**
 * Unit-assessment benchmark (issue 20, `npm run bench units`): a province of BENCH_UNITS units (2,000:
 * 1,000 townships and 1,000 agencies under the demo county's government, so the office reads all of
 * them) with BENCH_UNIT_ENTRIES dossier entries each (200) in the year, a report from every third unit
 * and a check from every fifth, generated with INSERT … SELECT generate_series; then the unit list
 * with dossier counts through the service (listUnits), as the office and as one township, with and
 * without filters (p50 / p95 per shape, BENCH_QUERIES each). On the machine's PostgreSQL when it
 * answers (BENCH_DATABASE_URL), else on the embedded one. Goal: list p95 < 100 ms. Figures, not a
 * pass/fail test.
 */
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { todayInShanghai } from '../src/common/format.ts';
import type { DatabaseHandle } from '../src/server/db/database.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { actorOfAccount } from '../src/server/modules/assessment/account-actor.ts';
import { listUnits } from '../src/server/modules/units/units.service.ts';
import { seedDemoCounty } from '../src/server/seed/seed.ts';
import { onEmbedded, onPostgres, percentile } from './support/databases.ts';

const UNITS = Number(process.env.BENCH_UNITS ?? 2_000);
const ENTRIES = Number(process.env.BENCH_UNIT_ENTRIES ?? 200);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 100);
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function fill(handle: DatabaseHandle, year: number) {
  const db = handle.db;
  await seedDemoCounty(db, { supervision: false, reviews: false });
  const county = await db
    .selectFrom('org')
    .select(['id', 'path'])
    .where('kind', '=', 'government')
    .executeTakeFirstOrThrow();
  const supervisor = await actorOfAccount(db, 'supervisor');
  await sql`
    insert into org (parent_id, path, kind, name, sort_order)
    select ${county.id}, '', case when g % 2 = 0 then 'township' else 'agency' end, '基准单位' || g, 1000 + g
    from generate_series(1, ${UNITS}) g`.execute(db);
  await sql`update org set path = ${county.path} || id || '/' where path = ''`.execute(db);
  await sql`
    insert into unit_dossier_entry (county_org_id, unit_org_id, year, kind, title, occurred_on, added_side, created_by)
    select ${county.id}, o.id, ${year},
      (array['document','meeting','normative_filing','training','decision','disclosure','other'])[1 + g % 7],
      '档案材料' || g, make_date(${year}, 1 + g % 12, 1 + g % 28), case when g % 2 = 0 then 'office' else 'unit' end,
      ${supervisor.id}
    from org o cross join generate_series(1, ${ENTRIES}) g
    where o.name like '基准单位%'`.execute(db);
  await sql`
    insert into unit_report (county_org_id, unit_org_id, year, body, due_on, submitted_on, submitted_by)
    select ${county.id}, o.id, ${year}, '报告', make_date(${year}, 12, 1), make_date(${year}, 11, 20), ${supervisor.id}
    from org o where o.name like '基准单位%' and o.id % 3 = 0`.execute(db);
  await sql`
    insert into unit_check (county_org_id, unit_org_id, year, kind, checked_on, checkers, methods, findings, created_by)
    select ${county.id}, o.id, ${year}, 'spot', make_date(${year}, 6, 1), '基准', array['online'], '基准', ${supervisor.id}
    from org o where o.name like '基准单位%' and o.id % 5 = 0`.execute(db);
  await sql`analyze`.execute(db);
}

async function timeQueries(label: string, run: (index: number) => Promise<unknown>) {
  const timings: number[] = [];
  for (let index = 0; index < QUERIES; index++) {
    const started = performance.now();
    await run(index);
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  return { label, p50: percentile(timings, 0.5), p95: percentile(timings, 0.95) };
}

async function measure(where: string, handle: DatabaseHandle) {
  const today = todayInShanghai(new Date());
  const year = Number(today.slice(0, 4));
  const loadStarted = performance.now();
  await migrate(handle.db);
  await fill(handle, year);
  const loadSeconds = ((performance.now() - loadStarted) / 1000).toFixed(1);
  const db = handle.db;
  const supervisor = await actorOfAccount(db, 'supervisor');
  const sifasuo = await actorOfAccount(db, 'sifasuo');
  const page = { year, page: 1, pageSize: 20, keyword: undefined };
  const shapes = [
    await timeQueries('office: first page', () => listUnits(db, supervisor, page)),
    await timeQueries('office: page 50', () => listUnits(db, supervisor, { ...page, page: 50 })),
    await timeQueries('office: last page', () =>
      listUnits(db, supervisor, { ...page, page: Math.ceil(UNITS / 20) }),
    ),
    await timeQueries('office: category 乡镇', () =>
      listUnits(db, supervisor, { ...page, category: 'township' }),
    ),
    await timeQueries('office: keyword', (index) =>
      listUnits(db, supervisor, { ...page, keyword: `基准单位${(index * 37) % UNITS}` }),
    ),
    await timeQueries('township: its own unit', () => listUnits(db, sifasuo, page)),
  ];
  const counts = await sql<{ units: number; entries: number }>`
    select (select count(*)::int from org where kind in ('township', 'agency')) as units,
           (select count(*)::int from unit_dossier_entry) as entries`.execute(db);
  const row = counts.rows[0]!;
  console.log(
    `units on ${where}: ${row.units} units, ${row.entries} dossier entries (loaded in ${loadSeconds} s)`,
  );
  for (const shape of shapes) console.log(`  ${shape.label}: p50 ${ms(shape.p50)}, p95 ${ms(shape.p95)}`);
  console.log(`  worst shape p95: ${ms(Math.max(...shapes.map((shape) => shape.p95)))} (goal < 100 ms)`);
  console.log(
    `  load average ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' / ')}`,
  );
}

let ran = false;
await onPostgres(async (handle) => {
  ran = true;
  await measure('PostgreSQL', handle);
});
if (!ran) await onEmbedded((handle) => measure('embedded PostgreSQL', handle));
