/**
 * Closing a county period (issue 6, `npm run bench assessment`): 5,000 officers under seed 000's
 * scheme with 100,000 deduction/bonus records, in a fresh embedded PostgreSQL and, when 127.0.0.1:5432 answers,
 * a fresh PostgreSQL database; then computePeriod end to end — load subjects and records, evaluate,
 * store every subject's result with its explanation as JSON. Goal: under 5 s. Figures, not a test:
 * the median of three closes, the load / evaluate / store parts of one more, and the load average
 * (the machine is shared; a figure without it says little).
 */
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { evaluate } from '../src/engine/index.ts';
import type { DatabaseHandle } from '../src/server/db/database.ts';
import { migrate } from '../src/server/db/migrate.ts';
import type { Actor } from '../src/server/lib/access.ts';
import { openPeriod } from '../src/server/modules/assessment/periods/periods.service.ts';
import { loadEngineInput } from '../src/server/modules/assessment/records/engine-input.ts';
import { computePeriod, storeEvaluation } from '../src/server/modules/assessment/results/results.service.ts';
import { findSchemeVersionById } from '../src/server/modules/assessment/schemes/schemes.repository.ts';
import { schemeOf, syncPresetVersions } from '../src/server/modules/assessment/schemes/schemes.service.ts';
import { seedDemoCounty } from '../src/server/seed/seed.ts';
import { onEmbedded, onPostgres, percentile } from './support/databases.ts';

const OFFICERS = Number(process.env.BENCH_OFFICERS ?? 5_000);
/** How many times the period is closed (recomputed); the median is reported. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
/** Items of xx-officer-performance the records spread over (deductions, a level bonus). */
const ITEMS = [
  'xx.000.t1.1.1.unskilled',
  'xx.000.t1.1.4.inefficiency',
  'xx.000.t2.1.1a.late',
  'xx.000.t2.1.1b.early-leave',
  'xx.000.t2.2.2.unrelated',
  'xx.000.t2.2.6.assignment',
];

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(2);

async function measure(label: string, handle: DatabaseHandle) {
  let started = performance.now();
  await migrate(handle.db);
  await seedDemoCounty(handle.db);
  await sql`
    insert into officer (org_id, name, gender, status, post)
    select orgs.ids[1 + (n % array_length(orgs.ids, 1))], '考核' || n, 'male', 'active', '执法岗'
    from generate_series(1, ${OFFICERS}) as n,
         (select array_agg(id order by id) as ids from org where kind = 'section') as orgs
  `.execute(handle.db);
  const admin = await handle.db
    .selectFrom('user_account')
    .select(['id', 'org_id'])
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  const county = await handle.db
    .selectFrom('org')
    .select(['id', 'path'])
    .where('kind', '=', 'government')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const actor: Actor = {
    id: admin.id,
    username: 'admin',
    displayName: 'bench',
    orgId: admin.org_id,
    roles: ['admin'],
    scopePaths: [county.path],
  };
  await syncPresetVersions(handle.db);
  const version = await handle.db
    .selectFrom('scheme_version')
    .select('id')
    .where('scheme_id', '=', 'xx-officer-performance')
    .executeTakeFirstOrThrow();
  const loadSeconds = seconds(started);
  started = performance.now();
  const period = await openPeriod(handle.db, actor, {
    schemeVersionId: version.id,
    periodKey: '2025-Q3',
    underOrgId: county.id,
  });
  const openSeconds = seconds(started);
  await sql`
    insert into assessment_record (period_id, subject_key, item, occurred_on, count, fact, status)
    select ${period.id}, subjects.keys[1 + (n % array_length(subjects.keys, 1))],
           (${sql.val(ITEMS)}::text[])[1 + (n % ${ITEMS.length})],
           date '2025-07-01' + (n % 92), 1 + (n % 3),
           case when n % 50 = 0 then 'F' || (n % 1000) end, 'active'
    from generate_series(1, ${RECORDS}) as n,
         (select array_agg(subject_key order by subject_key) as keys from assessment_subject where period_id = ${period.id}) as subjects
  `.execute(handle.db);
  await sql`analyze`.execute(handle.db);
  // the close three times (recompute is allowed until publication): median, and its parts
  const closes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    started = performance.now();
    await computePeriod(handle.db, actor, period.id);
    closes.push(performance.now() - started);
  }
  started = performance.now();
  const input = await loadEngineInput(handle.db, { id: period.id, period_key: period.periodKey });
  const loadPart = performance.now() - started;
  started = performance.now();
  const result = evaluate(schemeOf((await findSchemeVersionById(handle.db, version.id))!), input);
  const evaluatePart = performance.now() - started;
  started = performance.now();
  await handle.db.transaction().execute((trx) => storeEvaluation(trx, period.id, result));
  const storePart = performance.now() - started;
  const stored = await handle.db
    .selectFrom('assessment_result')
    .select((eb) => [
      eb.fn.countAll<string>().as('count'),
      sql<string>`sum(length(result::text))`.as('bytes'),
    ])
    .where('period_id', '=', period.id)
    .executeTakeFirstOrThrow();
  const ms = (value: number) => `${(value / 1000).toFixed(2)} s`;
  process.stdout.write(
    `${label}: county loaded in ${loadSeconds} s; period opened over ${period.subjectCount.toLocaleString('en')} officers in ${openSeconds} s; ` +
      `${RECORDS.toLocaleString('en')} records closed (load, evaluate, store ${Number(stored.count).toLocaleString('en')} results, ` +
      `${(Number(stored.bytes) / 1e6).toFixed(1)} MB of explanations) in ${ms(
        percentile(
          [...closes].sort((a, b) => a - b),
          0.5,
        ),
      )} ` +
      `(median of ${ROUNDS}: ${closes.map(ms).join(', ')}; parts: load ${ms(loadPart)}, evaluate ${ms(evaluatePart)}, store ${ms(storePart)}); ` +
      `load average ${loadavg()
        .map((value) => value.toFixed(1))
        .join(' ')}\n`,
  );
}

await onEmbedded((handle) => measure('embedded PostgreSQL', handle));
await onPostgres((handle) => measure('PostgreSQL', handle));
