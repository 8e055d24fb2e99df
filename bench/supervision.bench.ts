/**
 * Supervision benchmark (issue 15, `npm run bench supervision`): BENCH_SUP_NOTICES notices (10,000)
 * and three inspections per notice (30,000) over BENCH_SUP_NOTICES / 5 matters, generated with
 * INSERT … SELECT generate_series in the demo county, with a government decision on every tenth
 * notice; then the matters and notices lists through the services with filters (p50 / p95 per
 * shape, BENCH_QUERIES each) and the overdue pass (the three supervision warning indicators over
 * the county, as the nightly workbench pass runs them). On the machine's PostgreSQL when it
 * answers (BENCH_DATABASE_URL), else on the embedded one. Goals: lists p95 < 100 ms, pass < 2 s.
 * Figures, not a pass/fail test.
 */
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { todayInShanghai } from '../src/common/format.ts';
import type { DatabaseHandle } from '../src/server/db/database.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { actorOfAccount } from '../src/server/modules/assessment/account-actor.ts';
import { listMatters } from '../src/server/modules/supervision/matters/matters.service.ts';
import { listNotices } from '../src/server/modules/supervision/notices/notices.service.ts';
import { supervisionWarnings } from '../src/server/modules/supervision/supervision.todos.ts';
import { seedDemoCounty } from '../src/server/seed/seed.ts';
import { onEmbedded, onPostgres, percentile } from './support/databases.ts';

const NOTICES = Number(process.env.BENCH_SUP_NOTICES ?? 10_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 100);
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function fill(handle: DatabaseHandle, today: string) {
  const db = handle.db;
  await seedDemoCounty(db, { supervision: false });
  const bureau = await db
    .selectFrom('org')
    .select('id')
    .where('kind', '=', 'justice_bureau')
    .executeTakeFirstOrThrow();
  const units = (
    await db
      .selectFrom('org')
      .select('id')
      .where('kind', 'in', ['agency', 'township'])
      .orderBy('id')
      .execute()
  ).map((row) => row.id);
  const supervisor = await db
    .selectFrom('user_account')
    .select('id')
    .where('username', '=', 'supervisor')
    .executeTakeFirstOrThrow();
  const unitArray = sql.raw(`array[${units.join(',')}]`);
  const matters = Math.max(1, Math.floor(NOTICES / 5));
  await sql`
    insert into supervision_matter (org_id, kind, field, source, title, opened_on, due_on, state, closed_on, closing_summary)
    select ${bureau.id},
      (array['routine','special','review','assessment'])[1 + g % 4], -- 个案监督 needs a case: not generated
      (array['food_drug','ecology','work_safety','urban_rural','labour','education','other'])[1 + g % 7],
      (array['daily','npc_suggestion','cppcc_proposal','hotspot','assigned','case_review'])[1 + g % 6],
      '监督事项' || g,
      ${today}::date - (g % 400),
      case when g % 3 = 0 then ${today}::date - (g % 400) + 60 end,
      case when g % 4 = 0 then 'closed' else 'open' end,
      case when g % 4 = 0 then ${today}::date - (g % 400) + 30 end,
      case when g % 4 = 0 then '办结' end
    from generate_series(1, ${matters}) g`.execute(db);
  await sql`
    insert into supervision_matter_unit (matter_id, org_id)
    select m.id, (${unitArray})[1 + m.id % ${units.length}] from supervision_matter m`.execute(db);
  // notices: five per matter to its unit; states spread, dates relative to today
  await sql`
    insert into supervision_notice (matter_id, unit_org_id, issuer_org_id, facts, reasons, legal_basis,
      required_correction, correction_due_on, state, number, year, sequence, issued_on, served_on, report_due_on, closed_on)
    select m.id, u.org_id, ${bureau.id}, '事实' || g, '理由', '依据', '改正',
      ${today}::date - (g % 120) + 30,
      s.state,
      case when s.state not in ('draft','awaiting_sign_off') then '博司监〔bench〕' || g || '号' end,
      2026, g,
      case when s.state not in ('draft','awaiting_sign_off') then ${today}::date - (g % 120) end,
      case when s.state in ('served','reported','returned','accepted') then ${today}::date - (g % 120) end,
      case when s.state in ('served','reported','returned','accepted') then ${today}::date - (g % 120) + 30 end,
      case when s.state = 'accepted' then ${today}::date end
    from generate_series(1, ${NOTICES}) g
    join supervision_matter m on m.id = 1 + (g - 1) % ${matters}
    join supervision_matter_unit u on u.matter_id = m.id
    cross join lateral (select (array['draft','awaiting_sign_off','issued','served','reported','returned','accepted','served'])[1 + g % 8] as state) s`.execute(
    db,
  );
  await sql`
    insert into supervision_inspection (matter_id, planned_on, place, is_on_site, state, inspected_on, findings)
    select 1 + (g - 1) % ${matters}, ${today}::date - (g % 300), '检查地点' || g, g % 2 = 0,
      case when g % 3 = 0 then 'planned' else 'done' end,
      case when g % 3 = 0 then null else ${today}::date - (g % 300) end,
      case when g % 3 = 0 then null else '发现问题' || g end
    from generate_series(1, ${NOTICES * 3}) g`.execute(db);
  await sql`
    insert into supervision_inspection_supervisor (inspection_id, user_id)
    select id, ${supervisor.id} from supervision_inspection`.execute(db);
  await sql`
    insert into supervision_decision (notice_id, ground, request_reason, proposed_kind, state, request_number,
      requested_on, kind, decision_number, decided_on, decision_content, served_on, report_due_on)
    select n.id, 'overdue', '逾期', 'revoke', 'decided', '博司监〔bench-r〕' || n.id || '号', n.issued_on,
      'revoke', '博政监决〔bench〕' || n.id || '号', n.issued_on, '撤销', n.issued_on, n.issued_on + 30
    from supervision_notice n where n.state = 'served' and n.id % 10 = 0`.execute(db);
  await sql`analyze`.execute(db);
  return { units };
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
  const loadStarted = performance.now();
  await migrate(handle.db);
  const { units } = await fill(handle, today);
  const loadSeconds = ((performance.now() - loadStarted) / 1000).toFixed(1);
  const db = handle.db;
  const supervisor = await actorOfAccount(db, 'supervisor');
  const legal = await actorOfAccount(db, 'legal');
  const page = { page: 1, pageSize: 20 };
  const matterPage = { ...page, overdue: undefined, keyword: undefined };
  const unitOf = (index: number) => units[index % units.length]!;
  const shapes = [
    await timeQueries('matters: county, kind + field + state', (index) =>
      listMatters(db, supervisor, {
        ...matterPage,
        kind: (['routine', 'special', 'review'] as const)[index % 3],
        field: 'food_drug',
        state: 'open',
      }),
    ),
    await timeQueries('matters: county, one unit + overdue', (index) =>
      listMatters(db, supervisor, { ...matterPage, unitId: unitOf(index), overdue: true }),
    ),
    await timeQueries('matters: keyword', (index) =>
      listMatters(db, supervisor, { ...matterPage, keyword: `监督事项${(index * 37) % 2000}` }),
    ),
    await timeQueries('matters: legal officer’s agency', () => listMatters(db, legal, matterPage)),
    await timeQueries('notices: county register, state + year', (index) =>
      listNotices(db, supervisor, {
        ...page,
        state: (['served', 'issued', 'accepted'] as const)[index % 3],
        year: 2026,
      }),
    ),
    await timeQueries('notices: one unit', (index) =>
      listNotices(db, supervisor, { ...page, unitId: unitOf(index) }),
    ),
    await timeQueries('notices: legal officer’s inbox, served', () =>
      listNotices(db, legal, { ...page, state: 'served' }),
    ),
  ];
  const county = await db
    .selectFrom('org')
    .select('path')
    .where('kind', '=', 'government')
    .executeTakeFirstOrThrow();
  const passStarted = performance.now();
  let hits = 0;
  for (const indicator of supervisionWarnings) {
    hits += (await indicator.findHits({ db, countyPath: county.path, today, params: { days: 0 } })).length;
  }
  const passMs = performance.now() - passStarted;
  const counts = await sql<{ notices: number; inspections: number; matters: number }>`
    select (select count(*)::int from supervision_notice) as notices,
           (select count(*)::int from supervision_inspection) as inspections,
           (select count(*)::int from supervision_matter) as matters`.execute(db);
  const row = counts.rows[0]!;
  console.log(
    `supervision on ${where}: ${row.matters} matters, ${row.notices} notices, ${row.inspections} inspections (loaded in ${loadSeconds} s)`,
  );
  for (const shape of shapes) console.log(`  ${shape.label}: p50 ${ms(shape.p50)}, p95 ${ms(shape.p95)}`);
  console.log(`  overall list p95 (worst shape): ${ms(Math.max(...shapes.map((shape) => shape.p95)))}`);
  console.log(`  overdue pass (3 indicators, ${hits} hits): ${ms(passMs)}`);
  console.log(`  load average ${loadavg()[0]!.toFixed(2)}`);
}

let ran = false;
await onPostgres(async (handle) => {
  ran = true;
  await measure('PostgreSQL', handle);
});
if (!ran) await onEmbedded((handle) => measure('embedded PostgreSQL', handle));
