import type { Page } from 'playwright-core';
import type { PageGlobals } from './page-globals.js';

/** What to wait for: an element matching `selector` (and, if given, whose text contains `text`). */
export interface DomExpectation {
  selector: string;
  text?: string;
}

/**
 * Polls the page every 25 ms until an element matches `expected` and resolves with the page's
 * `Date.now()` at that poll. The browser and the test share the machine's clock, so this minus a
 * `Date.now()` taken in the test is the latency the operator sees.
 */
export async function whenShown(page: Page, expected: DomExpectation, timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction(
    ({ selector, text }) => {
      const { document } = globalThis as unknown as PageGlobals;
      for (const element of document.querySelectorAll(selector)) {
        if (text === undefined || (element.textContent ?? '').includes(text)) return Date.now();
      }
      return false;
    },
    { selector: expected.selector, text: expected.text },
    { polling: 25, timeout: timeoutMs },
  );
  return (await handle.jsonValue()) as number;
}

/** Marks the document so that a later `stillSameDocument` tells whether the page reloaded. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (globalThis as unknown as PageGlobals).__dashboardE2eMark = true;
  });
}

/** Whether the document marked by `markDocument` is still the one shown (no reload happened). */
export function stillSameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).__dashboardE2eMark === true);
}
