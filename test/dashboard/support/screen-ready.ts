import type { Page } from 'playwright-core';
import type { PageGlobals } from './page-globals.js';

/**
 * Waits until a screen has rendered: its one `h1` is visible and no Mantine loader or skeleton
 * is left, then lets the layout settle for a moment (fonts, transitions).
 */
export async function screenReady(page: Page, timeoutMs = 15_000): Promise<void> {
  await page.locator('h1').first().waitFor({ state: 'visible', timeout: timeoutMs });
  await page.waitForFunction(
    () =>
      (globalThis as unknown as PageGlobals).document.querySelectorAll(
        '.mantine-Loader-root, .mantine-Skeleton-root[data-visible="true"]',
      ).length === 0,
    undefined,
    { timeout: timeoutMs },
  );
  await page.evaluate(() => (globalThis as unknown as PageGlobals).document.fonts.ready);
  await page.waitForTimeout(300);
}
