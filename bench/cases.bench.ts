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
import { CASE_COUNT_CAP } from '../src/server/modules/cases/cases.repository.ts';
import type { CaseListQuery } from '../src/server/modules/cases/cases.schema.ts';
import { listCases } from '../src/server/modules/cases/cases.service.ts';
import { seedDemoCounty } from '../src/server/seed/seed.ts';
import { onEmbedded, onPostgres, percentile } from './support/databases.ts';

const EMBEDDED_CASES = Number(process.env.BENCH_CASES_EMBEDDED ?? 100_000);
const POSTGRES_CASES = Number(process.env.BENCH_CASES_POSTGRES ?? 1_000_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const SHOPS = ['超市', '餐馆', '农资店', '运输有限公司', '建材商店', '诊所', '网吧', '宾馆'];

/** Cases spread over three years before today, on every enforcement team; handlers and a party each. */
async function fill(handle: DatabaseHandle, count: number) {
  await seedDemoCounty(handle.db);
  const today = todayInShanghai(new Date());
  await sql`
    insert into enforcement_case (org_id, kind, case_no, name, source, filed_on, closed_on, record_submitted_on,
                                  quality_grade, party_names, summary)
    select teams.ids[1 + (n % array_length(teams.ids, 1))],
           (array['penalty','penalty','penalty','licensing','licensing','inspection','coercion','levy'])[1 + n % 8],
           'B' || lpad(n::text, 8, '0') || '号',
           substr(${SURNAMES}, 1 + (n * 7) % 20, 1) || '某' || (array[${sql.join(SHOPS)}])[1 + n % 8] || '违法经营案',
           (array['日常检查','投诉举报','上级交办','部门移送'])[1 + n % 4],
           ${today}::date - ((n::bigint * 7919) % 1095)::int,
           case when n % 7 = 0 then null else ${today}::date - ((n::bigint * 7919) % 1095)::int + 20 + n % 40 end,
           case when n % 7 = 0 or n % 5 = 0 then null else ${today}::date - ((n::bigint * 7919) % 1095)::int + 45 end,
           (array[null, 'excellent', 'pass', 'pass', 'fail'])[1 + n % 5],
           substr(${SURNAMES}, 1 + (n * 13) % 20, 1) || '氏' || (array[${sql.join(SHOPS)}])[1 + (n / 8) % 8] || (n % 997)::text,
           '案情简介'
    from generate_series(${-(count - 1)}, 0) as g(m), lateral (select -m + 1 as n) as x,
         (select array_agg(id order by id) as ids from org where kind = 'section' and name like '%队') as teams
  `.execute(handle.db);
  // closed_on may land after today for the newest cases: clear those (still 在办)
  await sql`update enforcement_case set closed_on = null, record_submitted_on = null where closed_on > ${today}::date`.execute(
    handle.db,
  );
  await sql`update enforcement_case set record_submitted_on = null where record_submitted_on > ${today}::date`.execute(
    handle.db,
  );
  await sql`
    insert into case_handler (case_id, officer_id, certificate_number, sort_order, filed_on)
    select c.id, o.ids[1 + (c.id + k) % array_length(o.ids, 1)], 'BENCH', k, c.filed_on
    from enforcement_case c,
         (select org_id, array_agg(id order by id) as ids from officer group by org_id) as o,
         generate_series(0, 1) as k
    where o.org_id = c.org_id and c.case_no like 'B%'
  `.execute(handle.db);
  await sql`
    insert into case_party (case_id, kind, name, address)
    select id, 'organization', party_names, '博湖县' from enforcement_case where case_no like 'B%'
  `.execute(handle.db);
  // what autovacuum does after a bulk load on a server: statistics, and the visibility map that lets
  // the capped counts run as index-only scans
  await sql`vacuum analyze`.execute(handle.db);
}

async function measure(label: string, handle: DatabaseHandle, count: number) {
  const started = performance.now();
  await migrate(handle.db);
  await fill(handle, count);
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
