import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser.ts';
import { buildWebIfStale, type RunningServer, startServer } from './server.ts';
import { DEMO_PASSWORD, logIn } from './support/session.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
const SHOTS = process.env.SHOT_DIR ?? '/tmp/shots';

describe.skipIf(!hasChromium)('本人更正联系方式 in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    buildWebIfStale();
    server = await startServer();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an officer corrects their phone and e-mail; a bad e-mail is shown at its field', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await logIn(page, server.baseUrl, 'officer', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: '我的档案' }).click();
    await page.getByRole('button', { name: '更正联系方式' }).click();
    const dialog = page.getByRole('dialog', { name: '更正联系方式' });
    await dialog.getByLabel('联系电话').fill('13800005678');
    await dialog.getByLabel('电子邮箱').fill('not-an-email');
    await dialog.getByRole('button', { name: '保存' }).click();
    // the server's field error, under 电子邮箱
    await dialog.locator('.ant-form-item-explain-error', { hasText: '电子邮箱格式不正确' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/officer-contact-error-desktop.png` });
    await dialog.getByLabel('电子邮箱').fill('zhang.wei@example.com');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('zhang.wei@example.com').waitFor();
    await expect(page.getByText('13800005678').count()).resolves.toBeGreaterThan(0);
    await context.close();
  }, 120_000);
});
