/**
 * Demo data for the cockpit and the annual enforcement statistics report (issue 17): penalty types
 * and sums on the closed penalty cases (《行政处罚法》第九条), spread by case id so the seed stays
 * deterministic without drawing from the cases' random sequence; and each agency's and township's
 * duties (the kinds it has cases of, plus 行政征收 for the transport and natural-resources bureaus,
 * which then show 0 where they have none).
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

export async function seedDemoAnnualReport(trx: Db): Promise<void> {
  // one of ten patterns by id: mostly fines, then warnings, confiscation, licences, a stop order
  await sql`
    update enforcement_case set
      penalty_types = case id % 10
        when 3 then array['warning'] when 6 then array['warning'] when 4 then array['warning', 'fine']
        when 5 then array['fine', 'confiscation'] when 7 then array['licence_suspension', 'fine']
        when 8 then array['production_stop', 'fine'] when 9 then array['licence_revocation', 'fine', 'confiscation']
        else array['fine'] end,
      fine_amount = case when id % 10 in (3, 6) then null else 200 + (id * 37 % 50) * 100 end,
      confiscated_amount = case when id % 10 in (5, 9) then 500 + (id * 13 % 20) * 250 end
    where kind = 'penalty' and closed_on is not null`.execute(trx);
  await sql`
    insert into org_duty (org_id, case_kind)
    select distinct unit.id, enforcement_case.kind
    from enforcement_case
    join org team on team.id = enforcement_case.org_id
    join org unit on team.path like unit.path || '%' and unit.kind in ('agency', 'township')
    union
    select id, 'levy' from org where kind = 'agency' and (name like '%交通运输局' or name like '%自然资源局')
    on conflict do nothing`.execute(trx);
}
