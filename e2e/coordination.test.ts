import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser.ts';
import { buildWebIfStale, type RunningServer, startServer } from './server.ts';
import { chooseOption } from './support/select.ts';
import { DEMO_PASSWORD, logIn } from './support/session.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
const FLOW_TIMEOUT_MS = 300_000;
const SHOT_DIR = process.env.E2E_SHOT_DIR ?? join(tmpdir(), 'fazhi-e2e-shots');
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const MATTER = '农贸市场内活禽屠宰点的监管职责（端到端）';

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: join(SHOT_DIR, `coordination-${name}-${width}.png`), fullPage: true });
}

/** Runs one step from the dispute page: the button, the dialog's fields, 确定. */
async function step(
  page: Page,
  button: string | RegExp,
  fill: (page: Page) => Promise<void> = async () => {},
) {
  // a string is the exact name; a button with an icon is named by a pattern (its icon adds 'plus')
  await page
    .getByRole('button', typeof button === 'string' ? { name: button, exact: true } : { name: button })
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill(page);
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 20_000 }).catch(async (error) => {
    throw new Error(`the dialog stayed open: ${await dialog.textContent()}`, { cause: error });
  });
}

describe.skipIf(!hasChromium)('a jurisdiction dispute in the browser (第七条)', () => {
  let server: RunningServer;
  let browser: Browser;
  let disputePath = '';

  beforeAll(async () => {
    mkdirSync(SHOT_DIR, { recursive: true });
    buildWebIfStale();
    server = await startServer();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  }, FLOW_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 60_000);

  async function as(username: string, viewport = DESKTOP) {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    await logIn(page, server.baseUrl, username, DEMO_PASSWORD);
    return { page, close: () => context.close() };
  }

  it(
    'the market bureau files against the agriculture bureau, which answers; the opinion is signed by juzhang and served; both confirm',
    async () => {
      // 1. the market bureau's legal officer (legal) files the written application
      const market = await as('legal');
      await market.page.goto(`${server.baseUrl}/coordination/disputes`);
      await market.page.getByRole('button', { name: '提交协调申请' }).click();
      const drawer = market.page.getByRole('dialog');
      await drawer.getByLabel('争议事项').fill(MATTER);
      await drawer.getByLabel('本单位主张', { exact: true }).fill('屠宰检疫属于动物防疫职责，不属市场监管');
      await drawer.getByLabel('本单位主张的法律依据').fill('《中华人民共和国动物防疫法》第八条');
      await drawer.getByLabel(/^协商情况/).fill('双方分管领导于上周协商，未达成一致。');
      await chooseOption(market.page, '单位', '博湖县农业农村局');
      await drawer.getByLabel('对方主张', { exact: true }).fill('对方认为属于市场经营秩序');
      await drawer.getByLabel('对方主张的法律依据').fill('《农产品质量安全法》');
      await shoot(market.page, 'application');
      await drawer.getByRole('button', { name: '提交', exact: true }).click();
      await market.page.waitForURL(/\/coordination\/disputes\/\d+$/);
      disputePath = new URL(market.page.url()).pathname;
      await expect
        .poll(() => market.page.getByText('待审核').first().isVisible(), { timeout: 30_000 })
        .toBe(true);

      // 2. the bureau accepts it and asks the agriculture bureau for its written view
      const supervisor = await as('supervisor');
      await supervisor.page.goto(`${server.baseUrl}${disputePath}`);
      await step(supervisor.page, '受理');
      await expect
        .poll(() => supervisor.page.getByText('协调中').first().isVisible(), { timeout: 30_000 })
        .toBe(true);

      // 3. the other party (nongye, agriculture's legal officer) answers
      const agri = await as('nongye');
      await agri.page.goto(`${server.baseUrl}${disputePath}`);
      await step(agri.page, '答复书面意见', async (page) => {
        await chooseOption(page, '答复单位', '博湖县农业农村局');
        await page
          .getByRole('dialog')
          .getByLabel('书面意见')
          .fill('屠宰环节检疫由本局负责，经营环节由市场监管局负责');
        await page.getByRole('dialog').getByLabel('法律依据').fill('《动物防疫法》第八条');
      });
      await expect
        .poll(() => agri.page.getByText('屠宰环节检疫由本局负责').first().isVisible(), { timeout: 30_000 })
        .toBe(true);

      // 4. the supervisor drafts the opinion and sends it for sign-off
      await supervisor.page.reload();
      await supervisor.page.getByRole('button', { name: '起草协调意见书' }).click();
      const editor = supervisor.page.getByRole('dialog');
      await editor
        .getByLabel(/^正文/)
        .fill('一、职责划分\n屠宰环节的检疫由县农业农村局负责。\n二、协作要求\n双方每季度互通情况。');
      // the preview names the real bureau, the number left to 签发
      await editor.getByText('博湖县司法局').first().waitFor();
      await editor.getByText(/文号待签发时编号/).waitFor();
      await shoot(supervisor.page, 'opinion-editor');
      await editor.getByRole('button', { name: '保存草稿' }).click();
      await editor.waitFor({ state: 'hidden' });
      await step(supervisor.page, '送签');
      await expect
        .poll(() => supervisor.page.getByText('协调意见待签发').first().isVisible(), { timeout: 30_000 })
        .toBe(true);

      // 5. juzhang signs it in 公文 › 待签发: it takes its 博司协 number
      const head = await as('juzhang');
      await head.page.goto(`${server.baseUrl}/documents/sign-offs`);
      const row = head.page.locator('tr', { hasText: MATTER });
      await row.getByRole('button', { name: '签发' }).click();
      await expect
        .poll(() => head.page.getByText('已签发，文件已编号登记').first().isVisible(), { timeout: 30_000 })
        .toBe(true);

      // 6. the supervisor serves it on both parties
      await supervisor.page.reload();
      await expect
        .poll(
          () =>
            supervisor.page
              .getByText(/博司协〔\d{4}〕\d+号/)
              .first()
              .isVisible(),
          { timeout: 30_000 },
        )
        .toBe(true);
      await step(supervisor.page, '送达');
      await expect
        .poll(() => supervisor.page.getByText('协调意见已送达').first().isVisible(), { timeout: 30_000 })
        .toBe(true);

      // 7. both confirm execution
      await market.page.reload();
      await step(market.page, '确认执行', async (page) => {
        await chooseOption(page, '确认单位', '博湖县市场监督管理局');
        await page.getByRole('dialog').getByLabel('执行情况').fill('已按协调意见调整监管分工');
      });
      await agri.page.reload();
      await step(agri.page, '确认执行', async (page) => {
        await chooseOption(page, '确认单位', '博湖县农业农村局');
        await page.getByRole('dialog').getByLabel('执行情况').fill('已落实屠宰环节检疫');
      });
      await expect
        .poll(() => agri.page.getByText('已执行完毕').first().isVisible(), { timeout: 30_000 })
        .toBe(true);
      await shoot(agri.page, 'executed');

      // the list and the dispute at phone width
      const phone = await as('legal', PHONE);
      await phone.page.goto(`${server.baseUrl}/coordination/disputes`);
      await expect
        .poll(() => phone.page.getByText(MATTER).first().isVisible(), { timeout: 30_000 })
        .toBe(true);
      await shoot(phone.page, 'list');
      await phone.page.goto(`${server.baseUrl}${disputePath}`);
      await expect
        .poll(() => phone.page.getByText('已执行完毕').first().isVisible(), { timeout: 30_000 })
        .toBe(true);
      await shoot(phone.page, 'executed');
      for (const session of [market, supervisor, agri, head, phone]) await session.close();
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'the bureau logs a major matter and its meeting, a lead reported to the supervisory organ and its receipt (第九、十条)',
    async () => {
      const supervisor = await as('supervisor');
      const page = supervisor.page;
      // 重大疑难事项: logged, discussed
      await page.goto(`${server.baseUrl}/coordination/major-matters`);
      await step(page, /登记事项$/, async (p) => {
        const dialog = p.getByRole('dialog');
        await dialog.getByLabel('事项名称').fill('城区违建拆除职责交叉（端到端）');
        await dialog.getByLabel('事项情况').fill('住建、城管对违建拆除的分工有不同理解。');
      });
      const matterRow = page.locator('.ant-table-tbody tr', { hasText: '城区违建拆除职责交叉（端到端）' });
      await matterRow.waitFor();
      await matterRow.getByRole('button', { name: '记录会议' }).click();
      await page.getByRole('dialog').getByLabel('参会人员').fill('司法局、住建局、城管局');
      await page.getByRole('dialog').getByLabel('会议记录').fill('明确由城管局牵头拆除。');
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /确\s*定/ })
        .click();
      await expect
        .poll(async () => (await matterRow.textContent()) ?? '', { timeout: 30_000 })
        .toContain('已研究');
      await shoot(page, 'major-matters');

      // 工作衔接: a lead reported to the supervisory organ, then its receipt; an empty receiver is named at its field
      await page.goto(`${server.baseUrl}/coordination/liaison`);
      await step(page, /登记衔接事项$/, async (p) => {
        const dialog = p.getByRole('dialog');
        // a lead reported to the supervisory organ (问题反映): a 案件移送 would also name the case
        await chooseOption(p, '类型', '问题反映');
        await chooseOption(p, '衔接机关', '监察机关');
        await dialog.getByLabel('接收机关名称').fill('博湖县监察委员会');
        await chooseOption(p, '涉及单位', '博湖县市场监督管理局');
        await dialog.getByLabel('事项', { exact: true }).fill('执法人员涉嫌滥用职权线索移送（端到端）');
        await dialog.getByLabel('移送或反映理由').fill('评查中发现处罚明显畸轻。');
      });
      const row = page.locator('.ant-table-tbody tr', { hasText: '执法人员涉嫌滥用职权线索移送（端到端）' });
      await row.waitFor();
      await row.getByRole('button', { name: '登记回执' }).click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /确\s*定/ })
        .click();
      await page.locator('.ant-form-item-explain-error', { hasText: '请填写接收人' }).waitFor();
      await page.getByRole('dialog').getByLabel('接收人').fill('刘明');
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /确\s*定/ })
        .click();
      await expect.poll(async () => (await row.textContent()) ?? '', { timeout: 30_000 }).toContain('已接收');
      await shoot(page, 'liaison');

      const phone = await as('supervisor', PHONE);
      await phone.page.goto(`${server.baseUrl}/coordination/liaison`);
      await phone.page.getByText('执法人员涉嫌滥用职权线索移送（端到端）').waitFor();
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      await shoot(phone.page, 'liaison');
      await supervisor.close();
      await phone.close();
    },
    FLOW_TIMEOUT_MS,
  );
});
