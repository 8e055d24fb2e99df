import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser.ts';
import { buildWebIfStale, type RunningServer, startServer } from './server.ts';
import { type ApiSession, apiLogIn } from './support/api.ts';
import { chooseOption } from './support/select.ts';
import { DEMO_PASSWORD, logIn } from './support/session.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
const FLOW_TIMEOUT_MS = 240_000;
/** Where the flow's screenshots go (1366 and 390 px wide), for a person to look at. */
const SHOT_DIR = process.env.E2E_SHOT_DIR ?? join(tmpdir(), 'fazhi-e2e-shots');
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
/** The county's version of the routine scheme (seed 001) naming 办公室 as the section that keeps attendance. */
const SCHEME_NAME = '博湖县行政执法人员平时考核（办公室记实）';

/** Small real files for the evidence uploads (the server checks their first bytes). */
const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');
const PNG_BYTES = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);

/** Today in Asia/Shanghai, as the server counts it. */
function todayInShanghai(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
}

/**
 * The scheme and the period the flow works in, made through the API as the assessment office
 * would: the routine preset with 工作记实 owned by 办公室, over the market bureau's officers.
 */
async function openFlowPeriod(supervisor: ApiSession): Promise<{ periodId: number }> {
  const preset = readFileSync(resolve(import.meta.dirname, '../schemes/bohu-officer-routine.yaml'), 'utf8');
  const content = preset
    .replace('id: bohu-officer-routine', 'id: bohu-officer-routine-office')
    .replace('name: 博湖县行政执法人员平时考核', `name: ${SCHEME_NAME}`)
    .replace(
      /^( +)label: 工作记实\n/m,
      (_line, indent: string) => `${indent}label: 工作记实\n${indent}assessor: 办公室\n`,
    );
  const upload = await supervisor.call<{ id: number }>('POST', '/assessment/schemes', { content });
  expect(upload.status, JSON.stringify(upload.body)).toBe(201);
  const orgs = await supervisor.call<{ id: number; name: string }[]>('GET', '/orgs');
  const market = orgs.body.find((org) => org.name === '博湖县市场监督管理局')!;
  const period = await supervisor.call<{ id: number }>('POST', '/assessment/periods', {
    schemeVersionId: upload.body.id,
    periodKey: quarterOf(todayInShanghai()),
    underOrgId: market.id,
  });
  expect(period.status, JSON.stringify(period.body)).toBe(201);
  return { periodId: period.body.id };
}

async function shoot(page: Page, name: string, width: number): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SHOT_DIR, `assessment-${name}-${width}.png`), fullPage: true });
}

describe.skipIf(!hasChromium)('assessment in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let periodId: number;
  const contexts: BrowserContext[] = [];

  async function signedIn(username: string, viewport: typeof DESKTOP): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await logIn(page, server.baseUrl, username, DEMO_PASSWORD);
    return page;
  }

  /** From the 绩效考核 list into a period, by its scheme's name (a row's link; a tap on a phone). */
  async function openPeriodNamed(page: Page, schemeName: string): Promise<void> {
    await page.goto(`${server.baseUrl}/assessment/periods`);
    const row = page.locator('.ant-table-tbody tr, .ant-list-item', { hasText: schemeName }).first();
    await row.waitFor();
    const link = row.getByRole('link');
    if ((await link.count()) > 0) await link.first().click();
    else await row.click();
    await page.waitForURL(/\/assessment\/periods\/\d+$/);
  }

  async function openPeriod(page: Page): Promise<void> {
    await openPeriodNamed(page, SCHEME_NAME);
    expect(page.url()).toMatch(new RegExp(`/assessment/periods/${periodId}$`));
  }

  /** The rank and total of 张伟 in the ranking table. */
  async function ownRow(page: Page): Promise<string> {
    await page.getByRole('tab', { name: '排名与等次' }).click();
    await page.getByLabel('搜索考核对象').fill('张伟');
    await page.getByLabel('搜索考核对象').press('Enter');
    const row = page.locator('.ant-table-tbody tr', { hasText: '张伟' }).first();
    await row.waitFor();
    return (await row.allInnerTexts()).join(' ').replace(/\s+/g, ' ');
  }

  beforeAll(async () => {
    mkdirSync(SHOT_DIR, { recursive: true });
    buildWebIfStale();
    server = await startServer();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    ({ periodId } = await openFlowPeriod(await apiLogIn(server.baseUrl, 'supervisor', DEMO_PASSWORD)));
  }, FLOW_TIMEOUT_MS);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  it(
    'assessor records, officer self-assesses and appeals, the office computes, publishes and upholds, the ranking moves',
    async () => {
      const today = todayInShanghai();

      // 1. 办公室 (assessor 赵敏) records two absences of 张伟 in its own item group
      const assessor = await signedIn('assessor', DESKTOP);
      await openPeriod(assessor);
      await assessor.getByRole('tab', { name: '考核记录' }).click();
      await assessor.getByText('本科室负责：工作记实').waitFor();
      await assessor.getByRole('button', { name: '记录扣分、加分' }).click();
      await chooseOption(assessor, '考核对象', /^张伟（/, '张伟');
      await chooseOption(assessor, '考核项目', '旷工', '旷工');
      await assessor.getByLabel('发生日期').fill(today);
      await assessor.getByLabel('发生日期').press('Enter');
      await assessor.getByLabel('次数（人次）').fill('2');
      await assessor.getByLabel('情况说明').fill('考勤机记录：无故缺勤两个半日');
      // the evidence goes with the record: picked in the form, uploaded when it is saved
      await assessor
        .locator('.ant-drawer input[type="file"]')
        .setInputFiles({ name: '考勤记录.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES });
      await assessor.locator('.ant-drawer .ant-upload-list', { hasText: '考勤记录.pdf' }).waitFor();
      await shoot(assessor, 'record-form', DESKTOP.width);
      await assessor.getByRole('button', { name: '保存' }).click();
      // saving now also uploads the file: wait for the row with it before reading the row
      await assessor.locator('.ant-table-tbody tr', { hasText: '考勤记录.pdf' }).waitFor();
      const recorded = assessor.locator('.ant-table-tbody tr', { hasText: '旷工' }).first();
      await expect.poll(() => recorded.allInnerTexts().then((texts) => texts.join(' '))).toContain('张伟');
      expect(await recorded.allInnerTexts().then((texts) => texts.join(' '))).toContain('赵敏');
      await shoot(assessor, 'records', DESKTOP.width);

      // 2. 张伟 on his phone: the provisional score shows the deduction; he reports his own self-assessment
      const officer = await signedIn('officer', PHONE);
      await openPeriod(officer);
      await officer.getByRole('tab', { name: '自查自评' }).click();
      await officer.getByText('实时预计得分').waitFor();
      await expect
        .poll(() =>
          officer
            .getByText('实时预计得分')
            .locator('..')
            .allInnerTexts()
            .then((texts) => texts.join(' ')),
        )
        // no casework in this fresh period (平时考核制度第五条): 数量 0 + (测评 0 + 办案程序 40) × 30 %
        // + 作风纪律 (100 − 2 × 2) × 50 % = 12 + 48 = 60
        .toContain('60');
      // an empty self-assessment is not sent: the page says what to write
      await officer.getByRole('button', { name: '报送自查自评' }).click();
      await officer.getByText(/^自查自评为空：/).waitFor();
      await officer.getByRole('button', { name: '添加自评条目' }).click();
      await chooseOption(officer, '自评考核项目', '旷工', '旷工');
      await officer.getByLabel('自评次数').fill('2');
      await officer.getByLabel('自评条目说明').fill('两次均因下乡检查未及时打卡');
      await officer.getByLabel('自评说明').fill('本季度按期完成日常检查任务。');
      await officer.getByRole('button', { name: '报送自查自评' }).click();
      await officer.getByText('已报送的自查自评').waitFor();
      await officer.getByText('两次均因下乡检查未及时打卡').waitFor();
      expect(await officer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      await shoot(officer, 'self-assessment', PHONE.width);

      // 3. the assessment office computes and publishes (公示)
      const office = await signedIn('supervisor', DESKTOP);
      await openPeriod(office);
      await office.getByText('自查自评已报送').waitFor();
      await shoot(office, 'board-open', DESKTOP.width);
      await office.getByRole('button', { name: '计分', exact: true }).click();
      await office.getByRole('dialog').getByRole('button', { name: '计分' }).click();
      // computed: the next step, 公示, is offered
      await office.getByRole('button', { name: '公示', exact: true }).waitFor();
      await office.getByRole('button', { name: '公示', exact: true }).click();
      await office.getByRole('dialog').getByRole('button', { name: '公示' }).click();
      await office.getByRole('button', { name: '定档', exact: true }).waitFor();
      await office
        .getByText('申诉截止')
        .locator('..')
        .getByText(/剩 \d+ 天/)
        .waitFor();
      const before = await ownRow(office);
      expect(before).toContain('60');
      const lastRank = Number(before.trim().split(' ')[0]);
      expect(lastRank).toBeGreaterThan(1);
      await shoot(office, 'ranking-published', DESKTOP.width);

      // 4. 张伟 appeals within the window
      await openPeriod(officer);
      await officer.getByRole('tab', { name: '申诉' }).click();
      await officer
        .getByLabel('申诉理由')
        .fill('两次缺勤系下乡开展食品安全检查，有派车单和检查笔录为证，请求撤销旷工扣分。');
      await officer
        .locator('input[type="file"]')
        .first()
        .setInputFiles({ name: '派车单.png', mimeType: 'image/png', buffer: PNG_BYTES });
      await officer.getByRole('button', { name: '提交申诉' }).click();
      await officer.locator('.ant-list-item', { hasText: '待决定' }).first().waitFor();
      await officer.locator('.ant-list-item', { hasText: '派车单.png' }).first().waitFor();
      await shoot(officer, 'appeal', PHONE.width);

      // 5. the leading group's office upholds it, withdrawing the record; the period recomputes
      await office.reload();
      await office.getByRole('tab', { name: '申诉' }).click();
      await office.getByRole('button', { name: '作出决定' }).click();
      const dialog = office.getByRole('dialog');
      // the proof is in front of the decider
      await dialog.getByText('派车单.png').waitFor();
      await dialog.getByText('申诉成立').click();
      await dialog.getByLabel('撤销的考核记录').click();
      await office
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '旷工' })
        .click();
      await dialog.getByLabel('决定理由').click();
      await dialog.getByLabel('决定理由').fill('经核实，派车单与检查笔录相符，缺勤系公务，撤销该项扣分。');
      await shoot(office, 'appeal-decision', DESKTOP.width);
      await dialog.getByRole('button', { name: '作出决定' }).click();
      const outcome = office.locator('.ant-table-tbody tr', { hasText: '张伟' }).first();
      await expect
        .poll(() => outcome.allInnerTexts().then((texts) => texts.join(' ')))
        .toMatch(/60分（第\d+名）→ 62分（第\d+名）/);

      // 6. the ranking has moved: 张伟 is level with the others at 62 (12 + 100 × 50 %)
      const after = await ownRow(office);
      expect(Number(after.trim().split(' ')[0])).toBeLessThan(lastRank);
      expect(after).toContain('62');
      await shoot(office, 'ranking-after-appeal', DESKTOP.width);

      // the officer's scorecard no longer carries the withdrawn deduction
      await officer.goto(`${server.baseUrl}/assessment/periods/${periodId}`);
      await officer.getByRole('tab', { name: '排名与等次' }).click();
      await officer.getByRole('link', { name: '张伟' }).click();
      await officer.getByText('申诉成立').waitFor();
      await officer.getByText('撤销 R').waitFor();
      // his proof downloads from the scorecard, as stored
      const [download] = await Promise.all([
        officer.waitForEvent('download'),
        officer.getByText('派车单.png').click(),
      ]);
      expect(download.suggestedFilename()).toBe('派车单.png');
      expect(await officer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      await shoot(officer, 'scorecard', PHONE.width);
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'the board shows who is late, at desktop and phone width',
    async () => {
      for (const viewport of [DESKTOP, PHONE]) {
        const page = await signedIn('supervisor', viewport);
        // the demo's section period of the current quarter (seed 004): 班子测评 and groups outstanding
        await openPeriodNamed(page, '张家港市行政审批局科室季度绩效考核');
        await page.getByText(/测评未完成：刘志强/).waitFor();
        await page.getByText(/尚无考核记录：/).waitFor();
        // ratings come from the raters' sheets: the 班子测评 group is not "without records"
        await page.getByText('见班子测评').waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          viewport.width,
        );
        await shoot(page, 'board-late', viewport.width);
      }
    },
    FLOW_TIMEOUT_MS,
  );
});
