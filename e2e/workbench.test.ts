import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser.ts';
import { buildWebIfStale, type RunningServer, startServer } from './server.ts';
import { apiLogIn } from './support/api.ts';
import { DEMO_PASSWORD, logIn } from './support/session.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
const FLOW_TIMEOUT_MS = 180_000;
/** web build and a fresh embedded server: minutes on a loaded machine */
const SETUP_TIMEOUT_MS = 600_000;

/** 'YYYY-MM-DD' `days` from today. */
const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

function idNumberOf(base: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...base].reduce((total, digit, index) => total + Number(digit) * (weights[index] ?? 0), 0);
  return base + '10X98765432'[sum % 11];
}

describe.skipIf(!hasChromium)('workbench: to-dos and the cockpit in the browser (issue 17)', () => {
  let server: RunningServer;
  let browser: Browser;
  const run = String(Date.now() % 1_000_000);
  const caseNo = `E2E待办〔${run}〕1号`;

  beforeAll(async () => {
    buildWebIfStale();
    server = await startServer();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    // a penalty case handled by the demo officer 张伟, closed 25 days ago: its record is due in 5 days (临期)
    const legal = await apiLogIn(server.baseUrl, 'legal', DEMO_PASSWORD);
    const officer = await apiLogIn(server.baseUrl, 'officer', DEMO_PASSWORD);
    const own = await officer.call<{ id: number; orgId: number; agencyName: string }>('GET', '/officers/me');
    const colleagues = await legal.call<{ items: { id: number; agencyName: string }[] }>(
      'GET',
      '/officers?certificateState=valid&status=active&pageSize=50',
    );
    const second = colleagues.body.items.find(
      (item) => item.id !== own.body.id && item.agencyName === own.body.agencyName,
    );
    if (!second) throw new Error('the demo county needs a second officer with a valid certificate');
    const created = await legal.call('POST', '/cases', {
      orgId: own.body.orgId,
      kind: 'penalty',
      caseNo,
      name: `E2E待办案${run}`,
      source: '日常检查',
      filedOn: isoDay(-60),
      closedOn: isoDay(-25),
      handlerIds: [own.body.id, second.id],
      parties: [{ kind: 'person', name: '王某', gender: 'male', idNumber: idNumberOf('65282919850312201') }],
      summary: '当事人销售超过保质期的预包装食品。',
      process: '立案后现场检查，制作笔录，告知陈述申辩权利。',
      opinion: '事实清楚，证据确凿，建议警告并处罚款。',
      result: '作出行政处罚决定，当事人已履行。',
      penaltyTypes: ['warning', 'fine'],
      fineAmount: 2000,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'an officer sees the case record due in the to-do list (phone width), hands it in, and the item is gone',
    async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
      const page = await context.newPage();
      await logIn(page, server.baseUrl, 'officer', DEMO_PASSWORD);
      // the to-do card's 临期 filter (the list shows every item, overdue first, ten a page)
      const dueSoon = page.getByText(/^临期 \d+$/);
      await dueSoon.waitFor({ timeout: 90_000 });
      await dueSoon.click();
      const item = page.getByRole('link', { name: `填写并报送案件记录表：${caseNo}` });
      await item.waitFor();
      await item.click();
      // writing the record: the handler signs 办案意见 and 办案结果 (both are needed to hand it in)
      await page
        .getByRole('button', { name: /签\s*字/ })
        .first()
        .click();
      await page.getByText('已在办案意见栏签字').waitFor();
      await page
        .getByRole('button', { name: /签\s*字/ })
        .first()
        .click();
      await page.getByText('已在办案结果栏签字').waitFor();
      await page.getByRole('button', { name: /报送记录表/ }).click();
      await page
        .getByRole('button', { name: '报 送' })
        .or(page.getByRole('button', { name: '报送', exact: true }))
        .click();
      await page.getByText('案件记录表已报送').waitFor();
      await page.goto(`${server.baseUrl}/`);
      await dueSoon.waitFor({ timeout: 90_000 });
      await dueSoon.click();
      await page.waitForTimeout(1000);
      expect(await page.getByRole('link', { name: `填写并报送案件记录表：${caseNo}` }).count()).toBe(0);
      await context.close();
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'a supervisor clicks a cockpit figure and lands on the matching filtered case list',
    async () => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      await logIn(page, server.baseUrl, 'supervisor', DEMO_PASSWORD);
      await page.goto(`${server.baseUrl}/cockpit`);
      const figure = page.getByRole('link', { name: '记录表逾期未报，查看明细' });
      await figure.waitFor();
      const shown = Number(
        ((await figure.textContent()) ?? '').match(/记录表逾期未报\s*([\d,]+)/)?.[1]?.replace(/,/g, ''),
      );
      await figure.click();
      await page.waitForURL((url) => url.pathname === '/cases');
      const url = new URL(page.url());
      expect(url.searchParams.get('state')).toBe('overdue');
      expect(url.searchParams.get('closedFrom')).toMatch(/^\d{4}-01-01$/);
      await page.getByRole('heading', { name: '执法案件' }).waitFor();
      // the list carries the filter and shows only overdue records, as many as the figure said
      const tags = page.locator('.ant-table-tbody .ant-tag', { hasText: /^(在办|正常|临期|逾期|已报送)$/ });
      await tags.first().waitFor();
      expect(new Set(await tags.allInnerTexts())).toEqual(new Set(['逾期']));
      await page
        .getByText(new RegExp(`共\\s*${shown.toLocaleString('en')}|共\\s*${shown}`))
        .first()
        .waitFor();
      await context.close();
    },
    FLOW_TIMEOUT_MS,
  );
});
