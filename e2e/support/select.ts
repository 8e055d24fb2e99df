import type { Page } from 'playwright-core';

/**
 * Picks an option of the antd Select labelled `label` (typing `typed` first, for searched
 * selects) and waits until the field shows it. On a loaded machine a click can land while the
 * drop-down is still animating in and pick nothing; the form then refuses 确定 and the dialog
 * stays open, so the pick is retried until it took.
 */
export async function chooseOption(
  page: Page,
  label: string,
  option: RegExp | string,
  typed?: string,
): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  const select = field.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
  const shown = select.locator('.ant-select-content, .ant-select-selection-item', { hasText: option });
  for (let attempt = 0; attempt < 4; attempt += 1) {
    if (!(await page.locator('.ant-select-dropdown:visible').first().isVisible())) await field.click();
    if (typed !== undefined) await field.fill(typed);
    const item = page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
      .first();
    // a short try: if the drop-down closed under the pointer, open it again rather than wait
    const clicked = await item.click({ timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (clicked && (await shown.first().isVisible())) return;
    await page.waitForTimeout(500);
    if (await shown.first().isVisible()) return;
  }
  await shown.first().waitFor({ timeout: 5_000 });
}
