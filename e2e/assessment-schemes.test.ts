import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMES_DIRECTORY } from '../src/cli/score/presets.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser.ts';
import { buildWebIfStale, type RunningServer, startServer } from './server.ts';
import { DEMO_PASSWORD, logIn } from './support/session.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
const SHOTS = process.env.SHOT_DIR ?? '/tmp/shots';

const BROKEN = [
  'id: broken-demo',
  'name: 坏方案',
  'subjectKind: officer',
  'period: week',
  'components:',
  '  - kind: deduction',
  '    id: demo.daily',
  '    label: 日常考核',
  '    points: 100',
  '    items:',
  '      - { id: demo.late, label: 迟到, points: abc }',
  '',
].join('\n');

describe.skipIf(!hasChromium)('考核方案 page in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    buildWebIfStale();
    server = await startServer();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('admin uploads an invalid file and sees each problem at its line, then views and compares two versions', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await logIn(page, server.baseUrl, 'admin', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: '考核方案' }).click();
    await page.waitForURL((url) => url.pathname === '/assessment/schemes');
    await page.getByText('博湖县行政执法人员平时考核').first().waitFor();
    await page.screenshot({ path: `${SHOTS}/schemes-list-desktop.png` });

    const upload = async (name: string, text: string) => {
      await page.getByRole('button', { name: '上传新版本' }).click();
      const dialog = page.getByRole('dialog', { name: '上传考核方案新版本' });
      await dialog.locator('input[type=file]').setInputFiles({
        name,
        mimeType: 'application/yaml',
        buffer: Buffer.from(text, 'utf8'),
      });
      await dialog.getByText(name).waitFor();
      await dialog.getByRole('button', { name: '校验并上传' }).click();
      return dialog;
    };

    // an invalid file: refused, nothing stored, each problem named with its line
    const dialog = await upload('坏方案.yaml', BROKEN);
    await dialog.getByText(/方案文件有 \d+ 处问题，未保存/).waitFor();
    const periodRow = dialog.getByRole('row').filter({ hasText: 'period' });
    await expect(periodRow.innerText()).resolves.toContain('第 4 行');
    const pointsRow = dialog.getByRole('row').filter({ hasText: 'components[0].items[0].points' });
    await expect(pointsRow.innerText()).resolves.toContain('第 11 行');
    await page.screenshot({ path: `${SHOTS}/schemes-upload-problems-desktop.png` });
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(page.getByText('坏方案').count()).resolves.toBe(0);

    // two versions of one scheme: the second changes a parameter default and drops an item
    const preset = readFileSync(`${SCHEMES_DIRECTORY}/bohu-officer-routine.yaml`, 'utf8').replace(
      'id: bohu-officer-routine\nname: 博湖县行政执法人员平时考核',
      'id: bohu-e2e\nname: 博湖县平时考核（试行）',
    );
    await upload('第一版.yaml', preset);
    await page.getByText('已存为「博湖县平时考核（试行）」第 1 版').waitFor();
    const changed = preset.replace(
      'late: { default: 0.5, label: 迟到每次扣分 }',
      'late: { default: 1, label: 迟到每次扣分 }',
    );
    expect(changed).not.toBe(preset);
    await upload('第二版.yaml', changed);
    await page.getByText('已存为「博湖县平时考核（试行）」第 2 版').waitFor();

    // view: the items with their points, resolved from the parameters
    const second = page
      .getByRole('row')
      .filter({ hasText: '博湖县平时考核（试行）' })
      .filter({ hasText: '第 2 版' });
    await second.getByRole('button', { name: '查看' }).click();
    const view = page.getByRole('dialog').filter({ hasText: '博湖县平时考核（试行） 第 2 版（上传）' });
    await view.getByRole('row').filter({ hasText: 'bohu.001.a4.late' }).first().waitFor();
    await expect(
      view.getByRole('row').filter({ hasText: 'bohu.001.a4.late' }).first().innerText(),
    ).resolves.toContain('1（参数 late）');
    await page.screenshot({ path: `${SHOTS}/schemes-view-desktop.png` });
    await page.keyboard.press('Escape');
    await view.waitFor({ state: 'hidden' });

    // compare: the changed default shows on the parameter and on the item that uses it
    await second.getByRole('button', { name: '与上一版比较' }).click();
    const compare = page.getByRole('dialog', { name: '比较方案版本' });
    await compare.getByText(/修改/).first().waitFor();
    const itemChange = compare
      .getByRole('row')
      .filter({ hasText: '迟到' })
      .filter({ hasText: '分值' })
      .first();
    await expect(itemChange.innerText()).resolves.toMatch(/0\.5（参数 late）\s*→\s*1（参数 late）/);
    await page.screenshot({ path: `${SHOTS}/schemes-compare-desktop.png` });
    await context.close();
  }, 180_000);
});
