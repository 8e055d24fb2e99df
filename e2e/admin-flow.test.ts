import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser.ts';
import { buildWebIfStale, type RunningServer, startServer } from './server.ts';
import { DEMO_PASSWORD, logIn, menuLabels } from './support/session.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
const FLOW_TIMEOUT_MS = 120_000;

if (!hasChromium) {
  console.warn(
    `e2e skipped: ${CHROMIUM_PATH} not found (install Debian's chromium with apt to run browser tests)`,
  );
}

describe.skipIf(!hasChromium)('admin flow in the browser', () => {
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

  it(
    'admin creates a section and an officer account; the officer changes the password and sees only its menu',
    async () => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const suffix = String(Date.now() % 100_000);
      const sectionName = `网络交易监管科${suffix}`;
      const username = `e2e.officer${suffix}`;
      const initialPassword = `Init#${suffix}ab`;
      const newPassword = `Zfry@${suffix}xy`;

      await logIn(page, server.baseUrl, 'admin', DEMO_PASSWORD);
      await page.getByText('系统管理员，您好').waitFor();
      // the menu in its groups (src/web/app/menu-groups.ts): each group's title, then its pages
      expect(await menuLabels(page)).toEqual([
        '首页',
        '驾驶舱',
        '执法主体与人员',
        '执法人员',
        '工作记实',
        '证件预警',
        '培训班',
        '培训计划',
        '培训达标',
        '案件与案卷',
        '执法案件',
        '记录到期',
        '案卷',
        '投诉举报',
        '卷内文书规则',
        '执法监督',
        '监督事项',
        '案卷评查',
        '职责争议协调',
        '联合执法',
        '重大疑难事项',
        '工作衔接',
        '公文与发文登记',
        '考核评价',
        '绩效考核',
        '依法行政考核',
        '汇总表报送',
        '执法数据年报',
        '系统管理',
        '机构管理',
        '账号管理',
        '预警规则',
        '考核方案',
        '审计日志',
        '工作日历',
        '我的账号',
      ]);

      // 机构管理: a 科室 under 博湖县市场监督管理局
      await page.getByRole('menuitem', { name: '机构管理' }).click();
      await page.getByPlaceholder('搜索机构名称或简称').fill('博湖县市场监督管理局');
      await page
        .locator('.ant-tree-node-content-wrapper', { hasText: '博湖县市场监督管理局' })
        .first()
        .click();
      await page.getByRole('button', { name: '新增下级机构' }).click();
      const orgDialog = page.getByRole('dialog');
      await orgDialog.getByLabel('机构类型').click();
      await page.locator('.ant-select-item-option', { hasText: '科室/执法机构' }).click();
      await orgDialog.getByLabel('机构名称').fill(sectionName);
      await orgDialog.getByRole('button', { name: '新增', exact: true }).click();
      await page.getByText(`已新增机构“${sectionName}”`).waitFor();
      await page.locator('.ant-tree-node-content-wrapper', { hasText: sectionName }).waitFor();

      // 账号管理: an 执法人员 account in that section
      await page.getByRole('menuitem', { name: '账号管理' }).click();
      await page.getByRole('button', { name: '新增账号' }).click();
      const drawer = page.getByRole('dialog').filter({ hasText: '新增账号' });
      await drawer.getByLabel('用户名').fill(username);
      await drawer.getByLabel('姓名').fill('测试执法员');
      await drawer.getByLabel('所属机构').click();
      await drawer.getByLabel('所属机构').fill(sectionName);
      // the tree may re-render under the pointer while the org list reloads: click until the
      // field shows the section, then make sure its drop-down is closed before the next field
      const sectionNode = page.locator('.ant-select-tree-node-content-wrapper', { hasText: sectionName });
      const chosen = drawer.locator('.ant-select-content, .ant-select-selection-item', {
        hasText: sectionName,
      });
      for (let attempt = 0; attempt < 3 && !(await chosen.first().isVisible()); attempt += 1) {
        if (await sectionNode.isVisible()) await sectionNode.click();
        await page.waitForTimeout(300);
      }
      await chosen.first().waitFor();
      if (await page.locator('.ant-select-tree').isVisible()) await page.keyboard.press('Escape');
      await page.locator('.ant-select-tree').waitFor({ state: 'hidden' });
      await drawer.getByLabel('角色').click();
      await page.locator('.ant-select-item-option', { hasText: '执法人员' }).click();
      await page.keyboard.press('Escape');
      await drawer.getByLabel('初始密码').fill(initialPassword);
      await drawer.getByRole('button', { name: '创建', exact: true }).click();
      await page.getByText(`已创建账号“${username}”`).waitFor();
      await page.getByRole('cell', { name: sectionName }).waitFor();

      // log out
      await page.getByTestId('user-menu').click();
      await page.getByRole('menuitem', { name: '退出登录' }).click();
      await page.waitForURL('**/login');

      // the new account must change its password first
      await logIn(page, server.baseUrl, username, initialPassword);
      await page.waitForURL('**/change-password');
      await page.getByLabel('当前密码', { exact: true }).fill(initialPassword);
      await page.getByLabel('新密码', { exact: true }).fill(newPassword);
      await page.getByLabel('确认新密码', { exact: true }).fill(newPassword);
      await page.getByRole('button', { name: '修改密码' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByText('测试执法员，您好').waitFor();

      const labels = await menuLabels(page);
      expect(labels).toEqual([
        '首页',
        '执法主体与人员',
        '我的档案',
        '工作记实',
        '培训班',
        '培训计划',
        '案件与案卷',
        '执法案件',
        '案卷',
        '案卷评查',
        '绩效考核',
        '我的账号',
      ]);
      expect(labels).not.toContain('账号管理');
      expect(labels).not.toContain('审计日志');
      // 常用功能 on the home page: the shell's menu entries (src/web/app/menu-links.ts) without 首页, in
      // page-list order
      const quickLinks = page.locator('.ant-card', { hasText: '常用功能' }).locator('a');
      await expect
        .poll(() => quickLinks.allTextContents())
        .toEqual([
          '我的档案',
          '工作记实',
          '培训班',
          '培训计划',
          '执法案件',
          '案卷',
          '绩效考核',
          '案卷评查',
          '我的账号',
        ]);

      // a page outside its roles answers 无权访问, not a broken screen
      await page.goto(`${server.baseUrl}/users`);
      await page.getByText('无权访问').waitFor();
      await context.close();
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'at phone width the login fits and the menu opens as a drawer',
    async () => {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        locale: 'zh-CN',
        isMobile: true,
        hasTouch: true,
      });
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/login`);
      const loginButton = page.getByRole('button', { name: '登录', exact: true });
      const box = await loginButton.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

      await logIn(page, server.baseUrl, 'supervisor', DEMO_PASSWORD);
      await page.getByRole('menu', { name: '主菜单' }).waitFor({ state: 'hidden' });
      await page.getByRole('button', { name: '打开菜单' }).click();
      const labels = await menuLabels(page);
      expect(labels).toEqual([
        '首页',
        '驾驶舱',
        '执法主体与人员',
        '执法人员',
        '证件预警',
        '培训班',
        '培训计划',
        '培训达标',
        '案件与案卷',
        '执法案件',
        '记录到期',
        '案卷',
        '投诉举报',
        '执法监督',
        '监督事项',
        '监督通知书',
        '监督决定与通报',
        '司法所提请',
        '案卷评查',
        '职责争议协调',
        '联合执法',
        '重大疑难事项',
        '工作衔接',
        '定期通报',
        '公文与发文登记',
        '考核评价',
        '绩效考核',
        '依法行政考核',
        '汇总表报送',
        '执法数据年报',
        '系统管理',
        '机构管理',
        '账号管理',
        '预警规则',
        '我的账号',
      ]);
      await page.getByRole('menuitem', { name: '机构管理' }).click();
      await page.getByRole('heading', { name: '机构管理' }).waitFor();
      await page.getByRole('menu', { name: '主菜单' }).waitFor({ state: 'hidden' });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await context.close();
    },
    FLOW_TIMEOUT_MS,
  );
});
