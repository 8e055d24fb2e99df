import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser.ts';
import { buildWebIfStale, type RunningServer, startServer } from './server.ts';
import { apiLogIn } from './support/api.ts';
import { DEMO_PASSWORD, logIn } from './support/session.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
const FLOW_TIMEOUT_MS = 300_000;
const SHOT_DIR = process.env.E2E_SHOT_DIR ?? join(tmpdir(), 'fazhi-e2e-shots');
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const PNG_BYTES = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
/** 附件一 items the spot check finds: 3 + 0.5 + 4 + 3 + 2 + 2 + 1 = 15.5 → year-end 84.5 × 70 % = 59.15 → 不合格. */
const SPOT_CHECK_ITEMS = [
  '中心镇4月30日前、非中心乡镇9月30日前未完成',
  '村(社区)便民服务代办站11月30日前未完成(每个)',
  '违法决策不开展听证、专家论证',
  '未公开决策结果',
  '制发规范性文件不符合法定程序',
  '文件与法律相抵触',
  '未及时报送备查(每件)',
];

function todayInShanghai(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

async function shoot(page: Page, name: string, width: number): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SHOT_DIR, `units-${name}-${width}.png`), fullPage: true });
}

describe.skipIf(!hasChromium)('unit assessment in the browser (seed 002)', () => {
  let server: RunningServer;
  let browser: Browser;
  let bohuId: number;
  let periodId: number;
  const year = Number(todayInShanghai().slice(0, 4));
  const contexts: BrowserContext[] = [];

  async function signedIn(username: string, viewport: typeof DESKTOP): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await logIn(page, server.baseUrl, username, DEMO_PASSWORD);
    return page;
  }

  /** Fills the open modal's field by its label. */
  async function fill(page: Page, label: string, value: string) {
    await page.getByRole('dialog').getByLabel(label, { exact: true }).fill(value);
  }

  beforeAll(async () => {
    mkdirSync(SHOT_DIR, { recursive: true });
    buildWebIfStale();
    server = await startServer();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const supervisor = await apiLogIn(server.baseUrl, 'supervisor', DEMO_PASSWORD);
    const units = await supervisor.call<{ items: { orgId: number; name: string }[] }>(
      'GET',
      `/units?year=${year}&pageSize=50`,
    );
    bohuId = units.body.items.find((unit) => unit.name === '博湖镇人民政府')!.orgId;
    const periods = await supervisor.call<{ items: { id: number; label: string; status: string }[] }>(
      'GET',
      '/unit-periods',
    );
    periodId = periods.body.items.find((period) => period.status === 'open')!.id;
  }, FLOW_TIMEOUT_MS);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  it(
    'a township adds to its dossier and reports; the office spot-checks, computes; the leading group approves; the failing township files its plan on a phone',
    async () => {
      // 1. 博湖镇 (sifasuo 马晓东) on a phone: its own unit only, adds a meeting record, submits its report
      const township = await signedIn('sifasuo', PHONE);
      await township.goto(`${server.baseUrl}/units`);
      await township.locator('.ant-list-item', { hasText: '博湖镇人民政府' }).first().click();
      await township.waitForURL(new RegExp(`/units/${bohuId}`));
      await township.getByRole('button', { name: '添加档案材料' }).click();
      await township.getByRole('dialog').getByLabel('类别', { exact: true }).click();
      await township
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '会议记录' })
        .click();
      await fill(township, '标题', '第四季度依法行政专题会议记录');
      await township.getByRole('dialog').getByLabel('日期', { exact: true }).fill(todayInShanghai());
      await township.getByRole('dialog').getByLabel('日期', { exact: true }).press('Enter');
      await fill(township, '内容摘要', '研究年度依法行政报告和年终考核迎检工作');
      await shoot(township, 'dossier-form', PHONE.width);
      await township.getByRole('dialog').getByRole('button', { name: '提交' }).click();
      await township.getByText('第四季度依法行政专题会议记录').waitFor();
      expect(await township.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      await shoot(township, 'dossier', PHONE.width);
      await township.getByRole('tab', { name: '自评报告' }).click();
      await township
        .getByLabel('依法行政年度报告（对照考核评分标准自查自评）')
        .fill(`${year}年度依法行政工作报告：基础工作、重大行政决策、规范性文件备案逐项自查……`);
      await township.getByRole('button', { name: '报送年度报告' }).click();
      await township.getByText(/^已于.*报送/).waitFor();
      await township
        .locator('input[type="file"]')
        .setInputFiles({ name: '会议签到表.png', mimeType: 'image/png', buffer: PNG_BYTES });
      await township.getByText('会议签到表.png', { exact: true }).waitFor();
      await shoot(township, 'report', PHONE.width);

      // 2. the office (supervisor 李建国) records a spot check whose deductions go into the period
      const office = await signedIn('supervisor', DESKTOP);
      await office.goto(`${server.baseUrl}/units/${bohuId}?year=${year}`);
      await office.getByRole('tab', { name: '年终考核和抽查' }).click();
      await office.getByRole('button', { name: '记录年终考核或抽查' }).click();
      await fill(office, '考核人员', '李建国、赵敏');
      await office.getByRole('dialog').getByLabel('查阅行政执法案卷').check();
      await office.getByRole('dialog').getByLabel('网上核查').check();
      await fill(
        office,
        '考核情况和发现的问题',
        '便民服务中心未建成；征地补偿决策未听证；规范性文件未审查、未备案。',
      );
      await office.getByLabel('记入考核周期').click();
      await office
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `${year}年` })
        .first()
        .click();
      await office.getByLabel('扣分项目').click();
      for (const item of SPOT_CHECK_ITEMS) {
        await office
          .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: item })
          .first()
          .click();
      }
      await office.keyboard.press('Escape');
      await shoot(office, 'check-form', DESKTOP.width);
      await office.getByRole('dialog').getByRole('button', { name: '提交' }).click();
      await office.getByText('已记入考核周期').waitFor();
      await shoot(office, 'checks', DESKTOP.width);

      // 3. the office computes (the assessment period page); publishing is refused until 审定
      await office.goto(`${server.baseUrl}/assessment/periods/${periodId}`);
      await office.getByRole('button', { name: '计分', exact: true }).click();
      await office.getByRole('dialog').getByRole('button', { name: '计分' }).click();
      await office.getByRole('button', { name: '公示', exact: true }).waitFor();
      await office.goto(`${server.baseUrl}/unit-periods/${periodId}`);
      await office.getByText('乡镇的考核结果尚未经领导小组审定，不能公示').waitFor();
      await office.getByRole('button', { name: '报送领导小组审定' }).click();
      await fill(office, '报审说明', '乡镇类考核结果，请审定。');
      await office.getByRole('dialog').getByRole('button', { name: '提交' }).click();
      await office.getByText('待审定').waitFor();

      // 4. the leading group (局长 周海涛) approves
      const leader = await signedIn('juzhang', DESKTOP);
      await leader.goto(`${server.baseUrl}/unit-periods/${periodId}`);
      await leader.getByRole('button', { name: '审定', exact: true }).click();
      await leader.getByRole('dialog').getByRole('button', { name: '提交' }).click();
      await leader.getByText('已审定').waitFor();
      await shoot(leader, 'approved', DESKTOP.width);

      // 5. the office publishes
      await office.goto(`${server.baseUrl}/assessment/periods/${periodId}`);
      await office.getByRole('button', { name: '公示', exact: true }).click();
      await office.getByRole('dialog').getByRole('button', { name: '公示' }).click();
      await office.getByRole('button', { name: '定档', exact: true }).waitFor();

      // 6. 博湖镇, graded 不合格, files its written rectification plan on the phone: one tap on the
      // 整改 tab opens it (the tab bar fits at 390 px; a tab folded behind 「…」 took two taps)
      await township.goto(`${server.baseUrl}/units/${bohuId}?year=${year}`);
      await township.getByRole('tab', { name: '整改' }).click();
      await township.waitForURL(/tab=rectifications/);
      expect(await township.locator('.ant-tabs-nav-operations-hidden').count()).toBe(1);
      // the year's card (last year's plan, in progress, is the other one)
      const card = township.locator('.ant-card-small', { hasText: `${year}年度` });
      await card.getByRole('button', { name: '提交整改方案' }).click();
      await fill(
        township,
        '书面整改方案',
        '一、年内建成便民服务中心；二、重大决策一律听证；三、规范性文件报备。',
      );
      await township.getByRole('dialog').getByRole('button', { name: '提交' }).click();
      await card.getByText('已提交', { exact: true }).waitFor();
      expect(await card.getByRole('button', { name: '提交整改方案' }).count()).toBe(0);
      expect(await township.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      await shoot(township, 'rectification', PHONE.width);

      // 7. the office sees the plan waiting for its review on the period's follow-up
      await office.goto(`${server.baseUrl}/unit-periods/${periodId}`);
      await office.getByRole('button', { name: '审核整改方案' }).first().waitFor();
    },
    FLOW_TIMEOUT_MS,
  );
});
