import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser.ts';
import { buildWebIfStale, type RunningServer, startServer } from './server.ts';
import { type ApiSession, apiLogIn } from './support/api.ts';
import { DEMO_PASSWORD, logIn } from './support/session.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
const FLOW_TIMEOUT_MS = 120_000;

interface Page<T> {
  items: T[];
  total: number;
}
interface OfficerRow {
  id: number;
  orgId: number;
  agencyName: string;
}

/** 'YYYY-MM-DD' `days` from today. */
function isoDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A resident ID number with a valid check digit (GB 11643), from its first 17 digits. */
function idNumberOf(base: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...base].reduce((total, digit, index) => total + Number(digit) * (weights[index] ?? 0), 0);
  return base + '10X98765432'[sum % 11];
}

/**
 * Two cases for the test, registered by the legal officer through the API: one handled by the demo
 * officer 张伟 (with a file missing documents), one without him. Their 案号 are unique per run.
 */
async function createCases(legal: ApiSession, officerApi: ApiSession, run: string) {
  const own = await officerApi.call<OfficerRow>('GET', '/officers/me');
  expect(own.status).toBe(200);
  const colleagues = await legal.call<Page<OfficerRow>>(
    'GET',
    '/officers?certificateState=valid&status=active&pageSize=50',
  );
  const others = colleagues.body.items.filter(
    (officer) => officer.id !== own.body.id && officer.agencyName === own.body.agencyName,
  );
  const [second, third] = others;
  if (!second || !third) throw new Error('the demo county needs officers with valid certificates');
  const party = {
    kind: 'person',
    name: '李建国',
    gender: 'male',
    idNumber: idNumberOf('65282919850312201'),
    address: '博湖县博湖镇团结路12号',
    phone: '13909961234',
  };
  const base = {
    orgId: own.body.orgId,
    kind: 'penalty',
    source: '投诉举报',
    filedOn: isoDay(-60),
    closedOn: isoDay(-35),
    parties: [party],
    summary: '当事人销售超过保质期的预包装食品。',
    process: '立案后现场检查，制作笔录，告知陈述申辩权利。',
    opinion: '依据《中华人民共和国食品安全法》第一百二十四条，建议罚款。',
    result: '作出行政处罚决定，当事人已履行。',
  };
  const handled = await legal.call<{ id: number; caseNo: string }>('POST', '/cases', {
    ...base,
    caseNo: `E2E处罚〔${run}〕1号`,
    name: `E2E过期食品案${run}`,
    handlerIds: [own.body.id, second.id],
  });
  expect(handled.status).toBe(201);
  const other = await legal.call<{ id: number }>('POST', '/cases', {
    ...base,
    caseNo: `E2E处罚〔${run}〕2号`,
    name: `E2E他人承办案${run}`,
    handlerIds: [second.id, third.id],
  });
  expect(other.status, JSON.stringify(other.body)).toBe(201);
  const file = await legal.call('PUT', `/cases/${handled.body.id}/file`, { traits: ['statement'] });
  expect(file.status).toBe(200);
  const document = await legal.call('POST', `/cases/${handled.body.id}/file/documents`, {
    volume: 'main',
    sequence: 1,
    kindCode: 'P01',
    pageFrom: 1,
    pageTo: 2,
    isOriginal: true,
  });
  expect(document.status).toBe(201);
  return { handled: handled.body, otherName: `E2E他人承办案${run}`, handledName: `E2E过期食品案${run}` };
}

describe.skipIf(!hasChromium)('cases and case files in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let made: Awaited<ReturnType<typeof createCases>>;
  const run = String(Date.now() % 1_000_000);

  beforeAll(async () => {
    buildWebIfStale();
    server = await startServer();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const legal = await apiLogIn(server.baseUrl, 'legal', DEMO_PASSWORD);
    made = await createCases(legal, await apiLogIn(server.baseUrl, 'officer', DEMO_PASSWORD), run);
  }, FLOW_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'a legal officer filters 执法案件, opens a case, views the record and the file findings',
    async () => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);

      await logIn(page, server.baseUrl, 'legal', DEMO_PASSWORD);
      await page.getByRole('menuitem', { name: '执法案件' }).click();
      await page.getByRole('heading', { name: '执法案件' }).waitFor();
      // the total is counted up to 10,000 ("10,000+" beyond)
      await page.getByText(/共 [\d,]+\+? 件案件/).waitFor();

      await page.getByLabel('按记录表状态筛选').click();
      await page.locator('.ant-select-item-option', { hasText: '逾期' }).click();
      await page.getByLabel('搜索案号、案件名称或当事人').fill(made.handledName);
      await page.getByLabel('搜索案号、案件名称或当事人').press('Enter');
      await page.getByText('共 1 件案件').waitFor();
      const states = page.locator('.ant-table-tbody .ant-tag', { hasText: /^(在办|正常|临期|逾期|已报送)$/ });
      expect(new Set(await states.allInnerTexts())).toEqual(new Set(['逾期']));

      await page.getByRole('link', { name: made.handledName }).click();
      await page.getByRole('heading', { name: made.handledName }).waitFor();
      await page.getByText('案件记录表已逾期').waitFor();
      // the record: masked party ID, both handlers with certificates, the legal unit's row
      await page.getByText(/^652\*+2014$/).waitFor();
      await page.getByText('法制部门案件质量分析意见').waitFor();
      await page.getByRole('button', { name: '查看完整信息' }).click();
      await page.getByText('本次查看将记入审计日志').waitFor();
      await page.getByRole('button', { name: '确认查看' }).click();
      await page.getByText(idNumberOf('65282919850312201')).waitFor();
      await page.getByRole('button', { name: '关闭' }).click();

      await page.getByRole('tab', { name: '案卷' }).click();
      await page.getByText('案卷封面（第十六条）').waitFor();
      const findings = page.getByRole('list', { name: '完整性检查问题' });
      await findings.waitFor();
      const items = await findings.getByRole('listitem').allInnerTexts();
      expect(items.length).toBeGreaterThan(0);
      expect(items.join('\n')).toMatch(/第九条/);
      expect(items.join('\n')).toMatch(/第十六条/);

      // 案卷: one list request carries each case's file state; filter to open files with problems
      await page.getByRole('menuitem', { name: /(^|\s)案卷$/ }).click();
      await page.getByRole('heading', { name: '案卷' }).waitFor();
      await page.getByLabel('按案卷状态筛选').click();
      await page.locator('.ant-select-item-option', { hasText: '立卷中' }).click();
      await page.getByLabel('按完整性检查筛选').click();
      await page.locator('.ant-select-item-option', { hasText: '有问题' }).click();
      await page.getByLabel('搜索案号、案件名称或当事人').fill(made.handledName);
      await page.getByLabel('搜索案号、案件名称或当事人').press('Enter');
      await page.getByText('共 1 件案件').waitFor();
      const row = page.locator('.ant-table-tbody tr', { hasText: made.handledName });
      await row.getByText(`${items.length} 个问题`).waitFor();
      await context.close();
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'the officer account sees only the cases they handle',
    async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await logIn(page, server.baseUrl, 'officer', DEMO_PASSWORD);
      await page.goto(`${server.baseUrl}/cases`);
      await page.getByRole('heading', { name: '执法案件' }).waitFor();
      await page.getByLabel('搜索案号、案件名称或当事人').fill(`E2E`);
      await page.getByLabel('搜索案号、案件名称或当事人').press('Enter');
      await page.getByText(made.handledName).waitFor();
      expect(await page.getByText(made.otherName).count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

      // 新增案件: the form starts on the officer's own team, filed today, and offers as 执法人 the
      // colleagues who may handle it (the officer cannot search the archive)
      await page.getByRole('button', { name: '新增案件' }).click();
      await page.getByLabel('执法人', { exact: true }).click();
      await page.locator('.ant-select-item-option', { hasText: '（本人）' }).waitFor();
      expect(await page.locator('.ant-select-item-option').count()).toBeGreaterThan(1);
      await context.close();
    },
    FLOW_TIMEOUT_MS,
  );
});
