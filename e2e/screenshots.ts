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
  ['audit', '/audit'],
  ['calendar', '/calendar'],
  ['account', '/account'],
] as const;

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
  }
} finally {
  await browser.close();
}
