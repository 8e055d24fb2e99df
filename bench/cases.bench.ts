/**
 * Case list benchmark (issue 5, `npm run bench cases`): 100,000 cases on the embedded PostgreSQL and
 * 1,000,000 on PostgreSQL (when 127.0.0.1:5432 answers), generated with INSERT … SELECT generate_series, each with
 * two handlers and a party; then list queries through the service, with the page's total (counted up
 * to CASE_COUNT_CAP), in six shapes — agency + kind + filing-date range; agency + record state;
 * keyword (party name or case number fragment); a legal officer's agency scope with a date range;
 * the county (supervisor) + record state; an officer's own cases — and p50/p95 per shape and
 * overall. Goal: p95 under 100 ms. Figures, not a pass/fail test.
 */
import { sql } from 'kysely';
import { addCalendarDays } from '../src/common/calendar.ts';
import { todayInShanghai } from '../src/common/format.ts';
import type { DatabaseHandle } from '../src/server/db/database.ts';
import { migrate } from '../src/server/db/migrate.ts';
import type { Actor } from '../src/server/lib/access.ts';
import { CASE_COUNT_CAP } from '../src/server/modules/cases/records/case-list.repository.ts';
import type { CaseListQuery } from '../src/server/modules/cases/records/cases.schema.ts';
import { listCases } from '../src/server/modules/cases/records/cases.service.ts';
import { fillCases } from './support/case-fill.ts';
import { onEmbedded, onPostgres, percentile } from './support/databases.ts';

const EMBEDDED_CASES = Number(process.env.BENCH_CASES_EMBEDDED ?? 100_000);
const POSTGRES_CASES = Number(process.env.BENCH_CASES_POSTGRES ?? 1_000_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
async function measure(label: string, handle: DatabaseHandle, count: number) {
  const started = performance.now();
  await migrate(handle.db);
  await fillCases(handle, count);
  const loadSeconds = ((performance.now() - started) / 1000).toFixed(1);
  const total = await handle.db
    .selectFrom('enforcement_case')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const trigram = await sql<{
    n: number;
  }>`select count(*)::int as n from pg_indexes where indexname = 'enforcement_case_search_trgm'`.execute(
    handle.db,
  );
  const accounts = await handle.db
    .selectFrom('user_account')
    .innerJoin('org', 'org.id', 'user_account.org_id')
    .select(['user_account.id', 'user_account.username', 'user_account.org_id'])
    .where('username', 'in', ['supervisor', 'legal', 'officer'])
    .execute();
  const county = await handle.db
    .selectFrom('org')
    .select('path')
    .where('kind', '=', 'government')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const agencies = await handle.db
    .selectFrom('org')
    .select(['id', 'path'])
    .where('kind', 'in', ['agency', 'township'])
    .orderBy('id')
    .execute();
  const market = agencies[0]!;
  const supervisor = accounts.find((account) => account.username === 'supervisor')!;
  const legal = accounts.find((account) => account.username === 'legal')!;
  const officer = accounts.find((account) => account.username === 'officer')!;
  const actorOf = (
    account: typeof supervisor,
    role: 'supervisor' | 'legal_officer' | 'officer',
    scope: string | null,
  ): Actor => ({
    id: account.id,
    username: account.username,
    displayName: 'bench',
    orgId: account.org_id,
    roles: [role],
    scopePaths: scope ? [scope] : [],
  });
  const supervisorActor = actorOf(supervisor, 'supervisor', county.path);
  const legalActor = actorOf(legal, 'legal_officer', market.path);
  const officerActor = actorOf(officer, 'officer', null);
  const today = todayInShanghai(new Date());
  const kinds = ['penalty', 'licensing', 'inspection'] as const;
  const states = ['overdue', 'due_soon', 'normal', 'submitted', 'open'] as const;
  const keywords = ['王某超市', '李氏餐馆1', 'B0000123', '违法经营', '张氏网吧97'];
  const shapes: Array<[string, (index: number) => [Actor, Partial<CaseListQuery>]]> = [
    [
      'agency+kind+dates',
      (index) => [
        supervisorActor,
        {
          orgId: agencies[index % agencies.length]!.id,
          kind: kinds[index % kinds.length],
          filedFrom: addCalendarDays(today, -365 - (index % 300)),
          filedTo: addCalendarDays(today, -200 - (index % 150)),
        },
      ],
    ],
    [
      'agency+state',
      (index) => [
        supervisorActor,
        { orgId: agencies[index % agencies.length]!.id, state: states[index % states.length] },
      ],
    ],
    ['keyword', (index) => [supervisorActor, { keyword: keywords[index % keywords.length] }]],
    [
      'legal scope+dates',
      (index) => [legalActor, { filedFrom: addCalendarDays(today, -90 - (index % 90)), filedTo: today }],
    ],
    ['county+state', (index) => [supervisorActor, { state: states[index % states.length] }]],
    [
      'officer own',
      (index) => [
        officerActor,
        index % 2 === 0 ? {} : { filedFrom: addCalendarDays(today, -365), filedTo: today },
      ],
    ],
  ];
  const all: number[] = [];
  const lines: string[] = [];
  for (const [name, build] of shapes) {
    const timings: number[] = [];
    let matches = 0;
    let capped = 0;
    const perShape = Math.ceil(QUERIES / shapes.length);
    for (let index = 0; index < perShape + 5; index += 1) {
      const [actor, filter] = build(index);
      const start = performance.now();
      const page = await listCases(
        handle.db,
        actor,
        { page: 1 + (index % 3), pageSize: 20, ...filter } as CaseListQuery,
        today,
      );
      const elapsed = performance.now() - start;
      if (index >= 5) {
        timings.push(elapsed);
        all.push(elapsed);
        matches += page.total;
        if (page.isTotalCapped) capped += 1;
      }
    }
    timings.sort((left, right) => left - right);
    lines.push(
      `  ${name}: p50 ${percentile(timings, 0.5).toFixed(1)} ms, p95 ${percentile(timings, 0.95).toFixed(1)} ms (mean total ${Math.round(matches / timings.length).toLocaleString('en')}, ${capped} of ${timings.length} capped at ${CASE_COUNT_CAP.toLocaleString('en')})`,
    );
  }
  all.sort((left, right) => left - right);
  process.stdout.write(
    `${label}: ${total.n.toLocaleString('en')} cases loaded in ${loadSeconds} s; keyword search ${trigram.rows[0]!.n ? 'pg_trgm GIN index' : 'scan (no pg_trgm)'}; ` +
      `${all.length} list queries (page of 20 with total): p50 ${percentile(all, 0.5).toFixed(1)} ms, p95 ${percentile(all, 0.95).toFixed(1)} ms, max ${all.at(-1)!.toFixed(1)} ms\n${lines.join('\n')}\n`,
  );
}

if (EMBEDDED_CASES > 0) await onEmbedded((handle) => measure('embedded PostgreSQL', handle, EMBEDDED_CASES));
if (POSTGRES_CASES > 0) await onPostgres((handle) => measure('PostgreSQL', handle, POSTGRES_CASES));
