import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { PageGlobals } from './page-globals.js';

/**
 * The map shows what it lists: once MapLibre has taken over from the canvas drawing, its stations
 * source holds every drawn station (a live recolouring while MapLibre loaded once left it empty).
 */
export async function mapHoldsEveryStation(page: Page): Promise<void> {
  const webgl = await page.evaluate(() =>
    Boolean((globalThis as unknown as PageGlobals).document.createElement('canvas').getContext('webgl2')),
  );
  if (!webgl) return; // The canvas drawing is all there is.
  const map = page.getByTestId('fleet-map');
  await expect.poll(() => map.getAttribute('data-renderer'), { timeout: 15_000 }).toBe('webgl');
  const drawn = await map.getAttribute('data-drawn');
  expect(Number(drawn)).toBeGreaterThan(0);
  await expect
    .poll(() => map.locator('[data-stations]').getAttribute('data-stations'), { timeout: 10_000 })
    .toBe(drawn);
}
