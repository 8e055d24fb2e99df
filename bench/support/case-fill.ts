/** The demo county plus `count` generated cases (shared by the case-list and dashboard benchmarks). */
import { sql } from 'kysely';
import { todayInShanghai } from '../../src/common/format.ts';
import type { DatabaseHandle } from '../../src/server/db/database.ts';
import { seedDemoCounty } from '../../src/server/seed/seed.ts';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const SHOPS = ['超市', '餐馆', '农资店', '运输有限公司', '建材商店', '诊所', '网吧', '宾馆'];

/** Cases spread over three years before today, on every enforcement team; handlers and a party each. */
export async function fillCases(handle: DatabaseHandle, count: number) {
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
