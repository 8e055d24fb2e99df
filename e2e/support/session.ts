import type { Page } from 'playwright-core';

/** The demo county's accounts all start with this password (src/server/seed). */
export const DEMO_PASSWORD = 'Fazhi@2025';

/** Logs in through the login form and waits to leave /login. */
export async function logIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** The labels of the main menu (side menu on desktop, drawer on phones). */
export async function menuLabels(page: Page): Promise<string[]> {
  const menu = page.getByRole('menu', { name: '主菜单' });
  await menu.waitFor();
  return (await menu.getByRole('menuitem').allInnerTexts()).map((text) => text.trim());
}
