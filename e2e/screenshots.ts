/**
 * Screenshots of every page at desktop (1366×768) and phone (390×844) width, for a human to look at.
 * Usage: npx tsx e2e/screenshots.ts [baseUrl] [outDir]  (server running with the demo county).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser.ts';

const baseUrl = process.argv[2] ?? 'http://127.0.0.1:3000';
const outDir = process.argv[3] ?? '/tmp/shots';
const username = process.env.SHOT_USER ?? 'admin';
const password = process.env.SHOT_PASSWORD ?? 'Fazhi@2025';

const VIEWPORTS = [
  { name: 'desktop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;

const PAGES = [
  ['home', '/'],
  ['orgs', '/orgs'],
  ['users', '/users'],
  ['schemes', '/assessment/schemes'],
  ['audit', '/audit'],
  ['calendar', '/calendar'],
  ['account', '/account'],
] as const;

/** The officer archive as the roles that use it see it: officers-<page>-<viewport>.png. */
const OFFICER_PAGES = [
  ['list', 'legal', '/officers'],
  ['warnings', 'legal', '/certificate-warnings'],
  ['training', 'supervisor', '/training-compliance'],
  ['worklog', 'officer', '/work-logs'],
  ['my-profile', 'officer', '/my-profile'],
] as const;

/** Cases and case files as the roles that use them: cases-<page>-<viewport>.png. */
const CASE_PAGES = [
  ['list', 'legal', '/cases'],
  ['due', 'legal', '/case-records-due'],
  ['files', 'legal', '/case-files'],
  ['complaints', 'supervisor', '/complaints'],
  ['rules', 'admin', '/file-requirement-rules'],
  ['officer-list', 'officer', '/cases'],
] as const;

async function logInAs(page: Page, account: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(account);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** Officer pages, a profile reached from the list, and the public lookup with a found certificate. */
async function shootOfficerPages(viewport: (typeof VIEWPORTS)[number]): Promise<void> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  let account = '';
  for (const [name, user, path] of OFFICER_PAGES) {
    if (user !== account) {
      await context.clearCookies();
      await logInAs(page, user);
      account = user;
    }
    await page.goto(`${baseUrl}${path}`);
    await shoot(page, `officers-${name}-${viewport.name}.png`);
  }
  await context.clearCookies();
  await logInAs(page, 'legal');
  const found = await page.evaluate(async () => {
    const response = await fetch('/api/officers?certificateState=valid&pageSize=1');
    const body = (await response.json()) as {
      items: { id: number; name: string; certificate: { number: string } }[];
    };
    return body.items[0] ?? null;
  });
  if (found) {
    await page.goto(`${baseUrl}/officers/${found.id}`);
    await shoot(page, `officers-profile-${viewport.name}.png`);
    await page.getByRole('tab', { name: '培训记录' }).click();
    await shoot(page, `officers-profile-training-${viewport.name}.png`);
    await context.clearCookies();
    await page.goto(`${baseUrl}/public/certificate`);
    await shoot(page, `officers-public-${viewport.name}.png`);
    await page.getByLabel('执法证号码').fill(found.certificate.number);
    await page.getByLabel('持证人姓名').fill(found.name);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('查询结果').waitFor();
    await shoot(page, `officers-public-result-${viewport.name}.png`);
  }
  await context.close();
}

/** Case pages, then the first listed case's record and file as the legal officer sees them. */
async function shootCasePages(viewport: (typeof VIEWPORTS)[number]): Promise<void> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  let account = '';
  for (const [name, user, path] of CASE_PAGES) {
    if (user !== account) {
      await context.clearCookies();
      await logInAs(page, user);
      account = user;
    }
    await page.goto(`${baseUrl}${path}`);
    await shoot(page, `cases-${name}-${viewport.name}.png`);
  }
  await context.clearCookies();
  await logInAs(page, 'legal');
  const found = await page.evaluate(async () => {
    const response = await fetch('/api/cases?pageSize=50');
    const body = (await response.json()) as { items: { id: number; closedOn: string | null }[] };
    for (const item of body.items) {
      if (item.closedOn && (await fetch(`/api/cases/${item.id}/file`)).ok) return item;
    }
    return body.items.find((item) => item.closedOn) ?? body.items[0] ?? null;
  });
  if (found) {
    await page.goto(`${baseUrl}/cases/${found.id}`);
    await shoot(page, `cases-detail-${viewport.name}.png`);
    await page.goto(`${baseUrl}/cases/${found.id}?tab=file`);
    await shoot(page, `cases-file-${viewport.name}.png`);
  }
  await context.close();
}

async function shoot(page: Page, file: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(outDir, file), fullPage: process.env.SHOT_FULL === '1' });
  console.log(`saved ${join(outDir, file)}`);
}

mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`);
    await shoot(page, `${viewport.name}-login.png`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => url.pathname !== '/login');
    for (const [name, path] of PAGES) {
      await page.goto(`${baseUrl}${path}`);
      await shoot(page, `${viewport.name}-${name}.png`);
    }
    if (viewport.name === 'phone') {
      await page.getByRole('button', { name: '打开菜单' }).click();
      await shoot(page, 'phone-menu.png');
    }
    await context.close();
    await shootOfficerPages(viewport);
    await shootCasePages(viewport);
  }
} finally {
  await browser.close();
}
