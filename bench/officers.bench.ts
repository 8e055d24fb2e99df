/**
 * Officer list benchmark (issue 4, `npm run bench officers`): 50,000 officers (with certificates)
 * in a fresh embedded PostgreSQL and, when 127.0.0.1:5432 answers, a fresh PostgreSQL database; then ~200 list
 * queries through the service — agency filter + status + name keyword, paged, with the total — and
 * p50/p95. Goal: p95 under 100 ms. Figures, not a pass/fail test.
 */
import { sql } from 'kysely';
import { todayInShanghai } from '../src/common/format.ts';
import type { DatabaseHandle } from '../src/server/db/database.ts';
import { migrate } from '../src/server/db/migrate.ts';
import type { Actor } from '../src/server/lib/access.ts';
import { listOfficers } from '../src/server/modules/officers/archive/officers.service.ts';
import { seedDemoCounty } from '../src/server/seed/seed.ts';
import { onEmbedded, onPostgres, percentile } from './support/databases.ts';

const OFFICERS = Number(process.env.BENCH_OFFICERS ?? 50_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华建国志海燕玉红梅文斌晓东新春丹凤鑫宇浩然';

/** Bulk rows in one INSERT … SELECT each (about 3 s per million rows). */
async function fill(handle: DatabaseHandle) {
  await seedDemoCounty(handle.db);
  const today = todayInShanghai(new Date());
  await sql`
    insert into officer (org_id, name, gender, status, post, birth_date)
    select orgs.ids[1 + (n % array_length(orgs.ids, 1))],
           substr(${SURNAMES}, 1 + (n * 7) % ${SURNAMES.length}, 1) || substr(${GIVEN}, 1 + (n * 13) % ${GIVEN.length}, 1)
             || case when n % 3 = 0 then '' else substr(${GIVEN}, 1 + (n * 31) % ${GIVEN.length}, 1) end,
           case when n % 3 = 0 then 'female' else 'male' end,
           case when n % 10 < 8 then 'active' when n % 10 = 8 then 'transferred' else 'retired' end,
           '执法岗',
           date '1970-01-01' + (n % 10000)
    from generate_series(1, ${OFFICERS}) as n,
         (select array_agg(id order by id) as ids from org where kind in ('section', 'legal_unit')) as orgs
  `.execute(handle.db);
  await sql`
    insert into certificate (officer_id, number, issuer, area, categories, issued_on, valid_until, is_suspended)
    select id, 'B' || lpad(id::text, 9, '0'), '县人民政府', '县域', array['综合'],
           ${today}::date - 1000 + (id % 900), ${today}::date - 200 + (id % 1800), id % 97 = 0
    from officer where id % 20 <> 0
  `.execute(handle.db);
  await sql`analyze`.execute(handle.db);
}

async function measure(label: string, handle: DatabaseHandle) {
  const started = performance.now();
  await migrate(handle.db);
  await fill(handle);
  const loadSeconds = ((performance.now() - started) / 1000).toFixed(1);
  const admin = await handle.db
    .selectFrom('user_account')
    .select(['id', 'org_id'])
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  const county = await handle.db
    .selectFrom('org')
    .select('path')
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
  const agencies = await handle.db
    .selectFrom('org')
    .select('id')
    .where('kind', 'in', ['agency', 'township'])
    .execute();
  const states = [undefined, undefined, 'valid', 'expiring', 'expired'] as const;
  const timings: number[] = [];
  let rows = 0;
  for (let index = 0; index < QUERIES + 10; index += 1) {
    const query = {
      page: 1 + (index % 3),
      pageSize: 20,
      orgId: agencies[index % agencies.length]!.id,
      status: 'active' as const,
      keyword: SURNAMES[index % SURNAMES.length],
      certificateState: states[index % states.length],
    };
    const start = performance.now();
    const page = await listOfficers(handle.db, actor, query);
    const elapsed = performance.now() - start;
    if (index >= 10) timings.push(elapsed); // the first ten warm the caches
    rows += page.total;
  }
  timings.sort((left, right) => left - right);
  process.stdout.write(
    `${label}: ${OFFICERS.toLocaleString('en')} officers loaded in ${loadSeconds} s; ${QUERIES} list queries ` +
      `(agency + 在岗 + name keyword [+ certificate state], page of 20 with total; mean ${Math.round(rows / (QUERIES + 10))} matches): ` +
      `p50 ${percentile(timings, 0.5).toFixed(1)} ms, p95 ${percentile(timings, 0.95).toFixed(1)} ms, max ${timings.at(-1)!.toFixed(1)} ms\n`,
  );
}

await onEmbedded((handle) => measure('embedded PostgreSQL', handle));
await onPostgres((handle) => measure('PostgreSQL', handle));
