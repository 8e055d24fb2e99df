/**
 * Issue 21: a county's whole year, end to end. One scenario over a private copy of the demo county,
 * driven through the public API by `CountyYear` (county-year.driver.ts) with the clock moved day by
 * day; between the steps it checks to-dos, warnings and scope as the accounts see them, and at the
 * end recounts every published figure from the records the year made.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyAuditChain } from '../modules/audit/audit.service.ts';
import { createTestContext, type TestContext } from '../testing/test-app.ts';
import { CountyYear, SCENARIO_YEAR } from './county-year.driver.ts';

let ctx: TestContext;
let year: CountyYear;
const startedAt = performance.now();

beforeAll(async () => {
  ctx = await createTestContext();
  vi.useFakeTimers({ toFake: ['Date'] });
  year = new CountyYear({
    db: ctx.db,
    request: (options) => ctx.request(options),
    login: (username, password) => ctx.login(username, password),
    setNow: (instant) => vi.setSystemTime(instant),
  });
});
afterAll(async () => {
  vi.useRealTimers();
  console.log(`county-year scenario: ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  await ctx?.close();
});

const todoKinds = async (username: string) =>
  (await year.call(username, 'GET', '/api/workbench/todos')).json.items as Array<{
    kind: string;
    title: string;
    link: string;
  }>;

describe(`博湖县 ${SCENARIO_YEAR}`, { timeout: 180_000 }, () => {
  it('January: accounts, focus areas and two review campaigns are planned', async () => {
    await year.january();
    const focus = await year.call('supervisor', 'GET', `/api/supervision/focus?year=${SCENARIO_YEAR}`);
    expect(JSON.stringify(focus.json)).toContain('食品药品安全领域行政执法');
    // another county's view is not probed here: the scope tests do that; an agency may not plan
    const refused = await year.try('legal', 'POST', '/api/supervision/focus', {
      year: SCENARIO_YEAR,
      field: 'food_drug',
      title: '越权',
    });
    expect([403, 404]).toContain(refused.status);
  });

  it('the second quarter: cases, late records, a substantiated complaint, self-assessments', async () => {
    await year.secondQuarter();
    const ledger = year.ledger;
    expect(ledger.cases).toHaveLength(6);
  });

  it('July: proposals, compute, publish, one appeal upheld and one refused, finalise', async () => {
    await year.closeSecondQuarter();
    const periodId = year.ledger.q2PeriodId!;
    const results = await year.call('supervisor', 'GET', `/api/assessment/periods/${periodId}/results`);
    expect(results.status).toBe(200);
  });

  it('the first review campaign: draw, recusal, blind scoring, re-review, publication', async () => {
    await year.reviewCampaign();
  });

  it('after publication: objection, circular, late rectification, exemplary file, 第十九条 notice', async () => {
    await year.afterPublication();
    const proposals = await year.thirdQuarterProposals();
    expect(proposals.added).toBeGreaterThan(0);
  });

  it('supervision: the notice answered late, the government decision, a referral from a justice office', async () => {
    await year.supervisionNotice();
  });

  it('coordination: an opinion, a shirking agency marked, another dispute decided by the government', async () => {
    await year.disputes();
  });

  it('the audit chain verifies at the end of the year', async () => {
    const verdict = await verifyAuditChain(ctx.db);
    expect(verdict).toMatchObject({ ok: true });
  });
});
