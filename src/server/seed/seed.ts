import { todayInShanghai } from '../../common/format.ts';
import { computeUsccCheckChar } from '../../common/uscc.ts';
import type { Db } from '../db/database.ts';
import { hashPassword } from '../lib/password.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { insertOrg } from '../modules/org/org.repository.ts';
import { insertUser } from '../modules/users/users.repository.ts';
import { seedDemoAnnualReport } from './demo-annual-report.ts';
import { seedDemoAssessment } from './demo-assessment.ts';
import { seedDemoCases } from './demo-cases.ts';
import { seedDemoCoordination } from './demo-coordination.ts';
import { DEMO_ACCOUNTS, DEMO_COUNTY, DEMO_PASSWORD, type DemoOrg } from './demo-county.ts';
import { seedDemoDocuments, seedDemoSignOffs } from './demo-documents.ts';
import { seedDemoOfficers } from './demo-officers.ts';
import { seedDemoReviews } from './demo-reviews.ts';
import { seedDemoSupervision } from './demo-supervision.ts';
import { seedDemoTraining } from './demo-training.ts';
import { seedDemoUnits } from './demo-units.ts';

/** 博湖县's administrative division code; government bodies' credit codes start 11 + this. */
const BOHU_DIVISION_CODE = '652829';

function demoUscc(index: number): string {
  const body = `11${BOHU_DIVISION_CODE}MB${String(index).padStart(7, '0')}`;
  return body + computeUsccCheckChar(body);
}

export interface SeedResult {
  seeded: boolean;
  orgs: number;
  accounts: number;
}

/**
 * Loads the demo county into an empty database, in one transaction, audited as the system.
 * Does nothing when any organisation exists, so a second start loads nothing twice.
 */
export async function seedDemoCounty(
  db: Db,
  /** supervision: false leaves the supervision tables empty (the unit-test template; each supervision test builds its own world, demo-supervision.test.ts checks the demo) */
  /** reviews: false the same for the review campaigns (their tests build their own expert pool) */
  /** training: false the same for the training plans and sessions (training.test.ts builds its own) */
  options: { supervision?: boolean; reviews?: boolean; training?: boolean } = {},
): Promise<SeedResult> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const result = await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('org').select('id').limit(1).executeTakeFirst();
    if (existing) return { seeded: false, orgs: 0, accounts: 0 };
    const idsByKey = new Map<string, number>();
    let usccIndex = 0;
    const insertTree = async (
      node: DemoOrg,
      parent: { id: number; path: string } | null,
      sortOrder: number,
    ) => {
      const org = await insertOrg(
        trx,
        {
          parent_id: parent?.id ?? null,
          kind: node.kind,
          name: node.name,
          short_name: node.shortName ?? null,
          doc_prefix: node.docPrefix ?? null,
          uscc: node.hasUscc ? demoUscc(++usccIndex) : null,
          sort_order: sortOrder,
        },
        parent?.path ?? '/',
      );
      idsByKey.set(node.key, org.id);
      for (const [index, child] of (node.children ?? []).entries()) await insertTree(child, org, index);
    };
    await insertTree(DEMO_COUNTY, null, 0);
    const userIds = new Map<string, number>();
    for (const account of DEMO_ACCOUNTS) {
      const orgId = idsByKey.get(account.orgKey);
      if (!orgId) throw new Error(`demo account ${account.username}: unknown org ${account.orgKey}`);
      const { id } = await insertUser(trx, {
        username: account.username,
        display_name: account.displayName,
        org_id: orgId,
        roles: account.roles,
        phone: null,
        password_hash: passwordHash,
      });
      userIds.set(account.username, id);
    }
    await recordAudit(trx, null, {
      action: 'system.seed_demo',
      entityType: 'org',
      entityId: idsByKey.get('county')!,
      orgId: idsByKey.get('county')!,
      after: { orgs: idsByKey.size, accounts: DEMO_ACCOUNTS.length },
    });
    // officers, certificates, training … (issue 4), relative to the day the seed runs
    await seedDemoOfficers(trx, idsByKey, userIds.get('officer'), todayInShanghai(new Date()));
    // a year of cases, records, complaints and case files (issue 5)
    await seedDemoCases(trx, todayInShanghai(new Date()));
    // penalty types and sums, agencies' duties: the cockpit and the annual report (issue 17)
    await seedDemoAnnualReport(trx);
    // document registers of the bureau and the assessment office (issue 13)
    await seedDemoDocuments(trx, idsByKey);
    return { seeded: true, orgs: idsByKey.size, accounts: DEMO_ACCOUNTS.length };
  });
  // assessment periods (issue 6), through the services and their own transactions, once the county is in
  if (result.seeded) {
    const today = todayInShanghai(new Date());
    await seedDemoAssessment(db, today);
    // a results circular waiting for 签发 (issue 13)
    await seedDemoSignOffs(db);
    // jurisdiction disputes at every stage (issue 16), through the coordination services
    await seedDemoCoordination(db, today);
    // supervision matters, inspections, referrals, notices, a decision and circulars (issue 15)
    if (options.supervision !== false) await seedDemoSupervision(db, today);
    // the unit assessment of townships (issue 20, seed 002): last year published, this year open
    await seedDemoUnits(db, today);
    // review campaigns: one published with an objection and a rectification waiting, one in scoring (issue 14)
    if (options.reviews !== false) await seedDemoReviews(db, today);
    // a training plan, sessions finished, announced and drafted, a self-study log (issue 20)
    if (options.training !== false) await seedDemoTraining(db, today);
  }
  return result;
}
