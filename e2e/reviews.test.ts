import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser.ts';
import { buildWebIfStale, type RunningServer, startServer } from './server.ts';
import { apiLogIn } from './support/api.ts';
import { DEMO_PASSWORD, logIn, menuLabels } from './support/session.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
const FLOW_TIMEOUT_MS = 300_000;
/** Where the flow's screenshots go (1366 and 390 px wide), for a person to look at. */
const SHOT_DIR = process.env.E2E_SHOT_DIR ?? join(tmpdir(), 'fazhi-e2e-shots');
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const CAMPAIGN_NAME = '2026年行政处罚案卷随机评查（e2e）';

async function shoot(page: Page, name: string, width: number): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SHOT_DIR, `reviews-${name}-${width}.png`), fullPage: true });
}

const pageText = async (page: Page) => (await page.locator('body').textContent()) ?? '';

describe.skipIf(!hasChromium)('case-file reviews in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function signedIn(username: string, viewport: typeof DESKTOP): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await logIn(page, server.baseUrl, username, DEMO_PASSWORD);
    return page;
  }

  /** Picks an option of an antd multiple Select by typing part of its label. */
  async function pickOption(page: Page, field: ReturnType<Page['getByLabel']>, typed: string): Promise<void> {
    await field.click();
    await field.fill(typed);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: typed })
      .first()
      .click();
  }

  /** The sheet's running total (合计 N 分), as the sticky bar shows it. */
  async function sheetTotal(page: Page): Promise<number> {
    const bar = page.getByLabel('合计得分');
    await bar.waitFor();
    return Number(((await bar.textContent()) ?? '').match(/合计 ([\d.]+) 分/)?.[1]);
  }

  /**
   * Opens the file in one's own queue and deducts `points` more on `criterion` with `reason`;
   * answers the total before (criteria 8 and 12 may come pre-filled from the completeness check).
   */
  async function scoreFile(page: Page, caseNo: string, criterion: number, points: string, reason: string) {
    await page.goto(`${server.baseUrl}/reviews?tab=mine`);
    const item = page.locator('.ant-table-tbody tr, .ant-list-item', { hasText: caseNo }).first();
    await item.waitFor();
    const link = item.getByRole('link');
    if ((await link.count()) > 0) await link.first().click();
    else await item.click();
    await page.waitForURL(/\/reviews\/assignments\/\d+$/);
    await page.getByText('案卷封面', { exact: true }).waitFor();
    const before = await sheetTotal(page);
    await page.getByLabel(`第${criterion}项扣分`, { exact: true }).fill(points);
    await page.getByLabel(`第${criterion}项扣分理由`, { exact: true }).fill(reason);
    await expect.poll(() => sheetTotal(page)).toBe(before - Number(points));
    return before;
  }

  beforeAll(async () => {
    mkdirSync(SHOT_DIR, { recursive: true });
    buildWebIfStale();
    server = await startServer();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    // the pool (第九条) as the bureau keeps it: two members with accounts (the demo county's pool
    // may already hold them — the demo seeds its own campaigns — so an existing member is kept)
    const supervisor = await apiLogIn(server.baseUrl, 'supervisor', DEMO_PASSWORD);
    const users = await supervisor.call<{ items: Array<{ id: number; username: string }> }>(
      'GET',
      '/users?pageSize=100',
    );
    const idOf = (username: string) => users.body.items.find((user) => user.username === username)!.id;
    for (const [name, username, category] of [
      ['陈静', 'reviewer', 'officer'],
      ['李建国', 'supervisor', 'supervisor'],
    ] as const) {
      const created = await supervisor.call('POST', '/review-experts', {
        name,
        category,
        userId: idOf(username),
        expertise: ['penalty'],
      });
      const isAlreadyMember = created.status === 409 && JSON.stringify(created.body).includes('已在专家库中');
      if (!isAlreadyMember) expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
  }, FLOW_TIMEOUT_MS);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  it(
    'a supervisor plans and draws a campaign, applies the assignment, two reviewers score a file blind (one on a phone) and the divergence is flagged',
    async () => {
      // 1. the supervisor plans the campaign in the wizard (第十二条(一)); the server's field errors show
      const office = await signedIn('supervisor', DESKTOP);
      expect(await menuLabels(office)).toContain('案卷评查');
      await office.goto(`${server.baseUrl}/reviews`);
      await office.getByRole('button', { name: '新建评查活动' }).click();
      await office.getByLabel('评查活动名称').fill(CAMPAIGN_NAME);
      await office.getByRole('button', { name: '下一步' }).click();
      const units = office.getByLabel('被评查单位');
      await units.click();
      for (const unit of ['博湖县市场监督管理局', '博湖县农业农村局']) {
        await units.fill(unit.slice(3, 7));
        await office
          .locator('.ant-select-dropdown:visible .ant-select-tree-treenode', { hasText: unit })
          .first()
          .locator('.ant-select-tree-checkbox')
          .click();
      }
      await office.keyboard.press('Escape');
      await office.getByRole('button', { name: '下一步' }).click();
      // one reviewer per file: refused by the server (第十一条), shown under the field
      await office.getByLabel('每卷评查人数').fill('1');
      await office.getByRole('button', { name: '创建评查活动' }).click();
      await office.getByText('每件案卷的评查人员不得少于 2 名（第十一条）').waitFor();
      await shoot(office, 'wizard-error', DESKTOP.width);
      await office.getByLabel('每卷评查人数').fill('2');
      await office.getByRole('button', { name: '创建评查活动' }).click();
      await office.waitForURL(/\/reviews\/campaigns\/\d+$/);
      const campaignUrl = office.url();
      await office.getByText('未报送 · 正常').first().waitFor();
      await shoot(office, 'board', DESKTOP.width);

      // 2. the draw: preview with a seed, the same seed again gives the same files, then confirm
      await office.getByRole('tab', { name: '抽取案卷' }).click();
      await office.getByLabel('抽取件数').fill('2');
      await office.getByRole('button', { name: '预览抽取结果' }).click();
      await office.getByText('抽取预览（尚未保存）').waitFor();
      const drawnBefore = await office
        .locator('.ant-card', { hasText: '抽取预览' })
        .locator('tbody')
        .last()
        .textContent();
      await office.getByRole('button', { name: '用同一种子重新运行' }).click();
      await office.getByText('同一种子重新运行，抽取结果相同').waitFor();
      expect(
        await office.locator('.ant-card', { hasText: '抽取预览' }).locator('tbody').last().textContent(),
      ).toBe(drawnBefore);
      await shoot(office, 'draw-preview', DESKTOP.width);
      await office.getByRole('button', { name: '确认抽取' }).click();
      await office.getByRole('dialog').getByRole('button', { name: '确认抽取' }).click();
      await office.getByText('评查案卷（2 件）').waitFor();
      // the first drawn file's case number, e.g. 博市监罚〔2026〕14号 (the files table lists no other 博)
      const firstCaseNo = (await pageText(office)).match(/博[^〔博]{1,6}〔\d{4}〕\d+号/)?.[0] ?? '';
      expect(firstCaseNo).toMatch(/〔\d{4}〕\d+号/);

      // 3. the panel of two, then the conflicts listed with reasons
      await office.getByRole('tab', { name: '评查小组与回避' }).click();
      const members = office.getByLabel('评查小组成员');
      await pickOption(office, members, '陈静');
      await pickOption(office, members, '李建国');
      await office.keyboard.press('Escape');
      await office.getByRole('button', { name: '保存评查小组' }).click();
      await office.getByText('评查小组（2 人）').waitFor();

      // 4. the assignment preview (diff against the empty current one) is applied
      await office.getByRole('tab', { name: '分配评查任务' }).click();
      await office.getByRole('button', { name: '预览自动分配' }).click();
      await office.getByText('每件案卷都已配齐评查人员。').waitFor();
      await shoot(office, 'assignment-preview', DESKTOP.width);
      await office.getByRole('button', { name: '确认分配' }).click();
      await office.getByRole('dialog').getByRole('button', { name: '确认分配' }).click();
      await office.getByText('当前分配（2 件案卷）').waitFor();

      // 5. 陈静 scores on her phone; before her own submission nothing of others shows
      const reviewer = await signedIn('reviewer', PHONE);
      // an outside reviewer's menu: 案卷评查 (only the own queue) and nothing of the county's data
      await reviewer.getByRole('button', { name: '打开菜单' }).click();
      expect(await menuLabels(reviewer)).toEqual(['首页', '案卷评查', '我的账号']);
      await reviewer.getByRole('menuitem', { name: '案卷评查' }).click();
      await reviewer.getByText('我的评查任务').first().waitFor();
      const full = await scoreFile(reviewer, firstCaseNo, 1, '2', '执法人员执法证件信息未附卷');
      const first = full - 2;
      const othersCard = (page: Page) =>
        page.locator('.ant-card-head-title', { hasText: '其他评查人员的评分' });
      expect(await othersCard(reviewer).count()).toBe(0);
      expect(await reviewer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      await shoot(reviewer, 'sheet', PHONE.width);
      await reviewer.getByRole('button', { name: '提交并签名' }).click();
      await reviewer.getByRole('dialog').getByRole('button', { name: '提交并签名' }).click();
      await reviewer.getByText(/已提交并签名：陈静/).waitFor();

      // 6. 李建国 scores the same file at his desk: blind until he submits, then he sees hers
      expect(
        await scoreFile(office, firstCaseNo, 2, '15', '主要违法事实仅有当事人陈述，无其他证据印证'),
      ).toBe(full);
      expect(await othersCard(office).count()).toBe(0);
      expect(await pageText(office)).not.toContain(`陈静：${first}`);
      await office.getByRole('button', { name: '提交并签名' }).click();
      await office.getByRole('dialog').getByRole('button', { name: '提交并签名' }).click();
      await office.getByText(/已提交并签名：李建国/).waitFor();
      await office.getByText(`陈静：${first} 分`, { exact: false }).waitFor();
      await shoot(office, 'sheet-after', DESKTOP.width);

      // 7. the organiser's scores: the exact mean, flagged for 复评 (分差 13 > 10)
      await office.goto(`${campaignUrl}?tab=scores`);
      const row = office.locator('.ant-table-tbody tr', { hasText: firstCaseNo }).first();
      await expect.poll(() => row.textContent()).toContain((full - 8.5).toFixed(2));
      const text = (await row.textContent()) ?? '';
      expect(text).toContain('评分差距超过阈值');
      await shoot(office, 'scores', DESKTOP.width);
      await office.goto(campaignUrl);
      await office.getByText('需复评').first().waitFor();
      await shoot(office, 'board-scored', DESKTOP.width);
    },
    FLOW_TIMEOUT_MS,
  );
});
