import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser.ts';
import { buildWebIfStale, type RunningServer, startServer } from './server.ts';
import { type ApiSession, apiLogIn } from './support/api.ts';
import { DEMO_PASSWORD, logIn } from './support/session.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
const FLOW_TIMEOUT_MS = 120_000;

interface OfficerRow {
  id: number;
  name: string;
  certificate: { number: string; state: string } | null;
}
interface Page<T> {
  items: T[];
  total: number;
}

/** 'YYYY-MM-DD' `days` from today. */
function isoDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The demo officer account (张伟) must have a linked profile with a valid certificate. The demo
 * seed provides one; if this build's seed does not, the test creates it through the API.
 */
async function ensureLinkedOfficer(admin: ApiSession, officerApi: ApiSession): Promise<void> {
  const own = await officerApi.call<{ id: number }>('GET', '/officers/me');
  if (own.status === 200) return;
  const users = await admin.call<Page<{ id: number; orgId: number; displayName: string }>>(
    'GET',
    '/users?keyword=officer',
  );
  const account = users.body.items.find((user) => user.displayName === '张伟') ?? users.body.items[0];
  if (!account) throw new Error('demo account "officer" not found');
  const created = await admin.call<{ id: number }>('POST', '/officers', {
    name: account.displayName,
    gender: 'male',
    orgId: account.orgId,
    post: '综合执法岗',
    userId: account.id,
    status: 'active',
  });
  expect(created.status).toBe(201);
  const certificate = await admin.call('POST', `/officers/${created.body.id}/certificates`, {
    number: `E2E${Date.now() % 1_000_000}`,
    issuer: '新疆维吾尔自治区人民政府',
    area: '博湖县',
    categories: ['市场监督管理'],
    issuedOn: isoDay(-365),
    validUntil: isoDay(700),
  });
  expect(certificate.status).toBe(201);
}

describe.skipIf(!hasChromium)('officer archive in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiSession;

  beforeAll(async () => {
    buildWebIfStale();
    server = await startServer();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    admin = await apiLogIn(server.baseUrl, 'admin', DEMO_PASSWORD);
    await ensureLinkedOfficer(admin, await apiLogIn(server.baseUrl, 'officer', DEMO_PASSWORD));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'a legal officer filters 执法人员 by status, opens a profile, adds a training record and corrects it',
    async () => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const content = `执法文书规范专题培训${Date.now() % 100_000}`;

      await logIn(page, server.baseUrl, 'legal', DEMO_PASSWORD);
      await page.getByRole('menuitem', { name: '执法人员' }).click();
      await page.getByRole('heading', { name: '执法人员' }).waitFor();
      await page.getByText(/共 \d+ 名执法人员/).waitFor();

      await page.getByLabel('按人员状态筛选').click();
      await page.locator('.ant-select-item-option', { hasText: '在岗' }).click();
      await page.getByText(/共 \d+ 名执法人员/).waitFor();
      const statusTags = page.locator('.ant-table-tbody .ant-tag', { hasText: /^(在岗|调离|退休|停职)$/ });
      await statusTags.first().waitFor();
      expect(new Set(await statusTags.allInnerTexts())).toEqual(new Set(['在岗']));

      const firstName = page.locator('.ant-table-tbody a').first();
      const name = ((await firstName.textContent()) ?? '').trim();
      await firstName.click();
      await page.getByRole('heading', { name }).waitFor();
      await page.getByText('基本信息', { exact: true }).waitFor();

      await page.getByRole('tab', { name: '培训记录' }).click();
      await page.getByRole('button', { name: '登记培训' }).click();
      const dialog = page.getByRole('dialog', { name: '登记培训' });
      await dialog.getByLabel('学时').fill('8');
      await dialog.getByLabel('培训内容').fill(content);
      await dialog.getByLabel('举办单位').fill('博湖县司法局');
      await dialog.getByRole('button', { name: '登记' }).click();
      await page.getByText('培训记录已登记').waitFor();
      const row = page.locator('.ant-table-tbody tr', { hasText: content });
      await row.waitFor();
      expect(await row.textContent()).toContain('县司法局');

      // a typo in the hours is corrected in place
      await row.getByRole('button', { name: '修改' }).click();
      const editor = page.getByRole('dialog', { name: '修改培训记录' });
      await editor.getByLabel('学时').fill('6.5');
      await editor.getByRole('button', { name: '保存' }).click();
      await page.getByText('培训记录已修改').waitFor();
      await row.locator('td', { hasText: /^6\.5$/ }).waitFor();
      await context.close();
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'the officer writes a work-log entry at phone width and sees it among their entries',
    async () => {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        locale: 'zh-CN',
        isMobile: true,
        hasTouch: true,
      });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const text = `上午对辖区餐饮单位开展食品安全检查，记实编号${Date.now() % 100_000}。`;

      await logIn(page, server.baseUrl, 'officer', DEMO_PASSWORD);
      await page.getByRole('button', { name: '打开菜单' }).click();
      await page.getByRole('menuitem', { name: '工作记实' }).click();
      await page.getByRole('heading', { name: '工作记实' }).waitFor();
      await page.getByLabel('记实内容').fill(text);
      await page.getByRole('button', { name: '保存记实' }).click();
      await page.getByText('工作记实已保存').waitFor();
      await page.getByText(text).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await context.close();
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'the public lookup finds a certificate by number and name and refuses a wrong name',
    async () => {
      const valid = await admin.call<Page<OfficerRow>>('GET', '/officers?certificateState=valid&pageSize=1');
      const holder = valid.body.items[0];
      expect(holder?.certificate).toBeTruthy();
      const number = holder!.certificate!.number;
      const refusal = await fetch(
        `${server.baseUrl}/api/public/certificates?number=${encodeURIComponent(number)}&name=${encodeURIComponent('查无此人')}`,
      );
      const genericMessage = ((await refusal.json()) as { error: { message: string } }).error.message;

      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(`${server.baseUrl}/login`);
      await page.getByRole('link', { name: /执法证查询/ }).click();
      await page.getByRole('heading', { name: '行政执法证查询' }).waitFor();

      await page.getByLabel('执法证号码').fill(number);
      await page.getByLabel('持证人姓名').fill(holder!.name);
      await page.getByRole('button', { name: '查询' }).click();
      const card = page.locator('.ant-card', { hasText: '查询结果' });
      await card.waitFor();
      expect(await card.textContent()).toContain(holder!.name);
      expect(await card.textContent()).toContain('有效');

      await page.getByLabel('持证人姓名').fill('查无此人');
      await page.getByRole('button', { name: '查询' }).click();
      await page.getByRole('alert').filter({ hasText: genericMessage }).waitFor();
      expect(await card.count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await context.close();
    },
    FLOW_TIMEOUT_MS,
  );
});
