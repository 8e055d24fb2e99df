import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser.ts';
import { buildWebIfStale, type RunningServer, startServer } from './server.ts';
import { apiLogIn } from './support/api.ts';
import { chooseOption } from './support/select.ts';
import { DEMO_PASSWORD, logIn } from './support/session.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
const FLOW_TIMEOUT_MS = 180_000;

/**
 * 培训制度第七、八条 in the browser: the bureau holds a graded session, puts the demo officer (张伟)
 * on its list, records his 考核 score at 结业; 张伟 finds it on his archive and logs his own 法宣在线 study.
 */
describe.skipIf(!hasChromium)('training in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let certificateNumber: string;

  beforeAll(async () => {
    buildWebIfStale();
    server = await startServer();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const officer = await apiLogIn(server.baseUrl, 'officer', DEMO_PASSWORD);
    const me = await officer.call<{ certificate: { number: string } | null }>('GET', '/officers/me');
    expect(me.status).toBe(200);
    certificateNumber = me.body.certificate!.number;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'the bureau creates a graded session, adds 张伟, records his score; 张伟 sees it on his archive',
    async () => {
      const course = `行政执法文书制作专题培训${Date.now() % 100_000}`;
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);

      await logIn(page, server.baseUrl, 'supervisor', DEMO_PASSWORD);
      await page.goto(`${server.baseUrl}/training/sessions`);
      await page.getByRole('heading', { name: '培训班' }).waitFor();
      // the demo's finished county training is listed
      await page.getByText('全县行政执法人员业务培训（行政处罚法）').first().waitFor();

      await page.getByRole('button', { name: /新建培训/ }).click();
      const dialog = page.getByRole('dialog', { name: '新建培训' });
      await dialog.getByLabel('举办单位').click();
      await dialog.getByLabel('举办单位').fill('司法局');
      await page.locator('.ant-select-tree-title', { hasText: /^博湖县司法局$/ }).click();
      await dialog.getByLabel('课程名称').fill(course);
      await chooseOption(page, '培训内容类别（第五条）', '行政法律法规知识');
      await dialog.getByLabel('学时').fill('3');
      await dialog.getByLabel('地点').fill('县司法局三楼会议室');
      await dialog.getByText('结业时考核').click();
      await dialog.getByRole('button', { name: '新建' }).click();
      await page.getByRole('heading', { name: course }).waitFor();
      await page.getByText('县司法局举办').waitFor();

      // the attendee list: 张伟 picked from the officers by name
      const picker = page.locator('.ant-select', { hasText: '输入姓名选择参训人员' });
      await picker.click();
      await picker.locator('input').fill('张伟');
      await page.locator('.ant-select-item-option', { hasText: certificateNumber }).click();
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: '添加', exact: true }).click();
      await page.getByText('已添加 1 名参训人员').waitFor();
      await page.locator('.ant-table-tbody tr', { hasText: certificateNumber }).waitFor();

      // 结业 with his 考核 score (第八条)
      await page.getByRole('button', { name: /结业/ }).click();
      const finish = page.getByRole('dialog', { name: '培训结业' });
      await finish.getByLabel('张伟的成绩').fill('88');
      await finish.getByRole('button', { name: '确认结业' }).click();
      await page.getByText(/培训已结业/).waitFor();
      await page.locator('.ant-table-tbody tr', { hasText: '88 分 · 合格' }).waitFor();
      await page.getByText('已结束').first().waitFor();
      await context.close();

      // 张伟 on his own archive: the record, its score, and a 法宣在线 log of his own
      const officerContext = await browser.newContext({
        viewport: { width: 1366, height: 768 },
        locale: 'zh-CN',
      });
      const mine = await officerContext.newPage();
      mine.setDefaultTimeout(15_000);
      await logIn(mine, server.baseUrl, 'officer', DEMO_PASSWORD);
      await mine.goto(`${server.baseUrl}/my-profile`);
      await mine.getByRole('tab', { name: '培训记录' }).click();
      const row = mine.locator('.ant-table-tbody tr', { hasText: course });
      await row.waitFor();
      expect(await row.textContent()).toContain('88 分 · 合格');

      await mine.getByRole('button', { name: /登记自学/ }).click();
      const study = mine.getByRole('dialog', { name: '登记自学' });
      await study.getByLabel('学习内容').fill('法宣在线：行政执法证据规则');
      await study.getByLabel('学时').fill('1.5');
      await study.getByRole('button', { name: '登记' }).click();
      await mine.getByText('自学记录已登记').waitFor();
      const log = mine.locator('.ant-table-tbody tr', { hasText: '行政执法证据规则' });
      await log.waitFor();
      expect(await log.textContent()).toContain('自学');
      await officerContext.close();
    },
    FLOW_TIMEOUT_MS,
  );
});
