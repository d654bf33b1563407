// TEMPORARY debug file of the station-detail helper; deleted before handing back.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatViolations, seriousAxeViolations } from './support/axe.js';
import { guardedContext, launchBrowser } from './support/browser.js';
import { commandReaches, sendCommandFromUi } from './support/command-form.js';
import { type DashboardNetwork, startDashboardNetwork } from './support/dashboard-network.js';
import { screenReady } from './support/screen-ready.js';

let network: DashboardNetwork;
let browser: Browser;
beforeAll(async () => {
  [network, browser] = await Promise.all([
    startDashboardNetwork({ protocols: ['2.0.1'], prefix: 'DBG', silent: true }),
    launchBrowser(),
  ]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await network?.stop();
});

it('axe on every tab, both themes; offline and silent commands', async () => {
  const failures: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    const guarded = await guardedContext(browser, network.hub, { colorScheme });
    await guarded.signIn();
    const page = await guarded.newPage();
    const id = network.sim.stations[0]!.identity;
    for (const tab of ['status', 'power', 'frames', 'commands', 'configuration', 'sessions']) {
      await page.goto(`/stations/${id}?tab=${tab}`);
      await screenReady(page);
      await page.waitForTimeout(1500);
      if (tab === 'frames') {
        await page.getByRole('button', { name: /Show raw JSON/ }).first().click();
      }
      if (tab === 'commands') {
        await page.getByRole('combobox', { name: 'Command', exact: true }).click();
        await page.getByRole('combobox', { name: 'Command', exact: true }).fill('RequestStart');
        await page.getByRole('option', { name: 'RequestStartTransaction', exact: true }).click();
      }
      await page.screenshot({ path: `.tmp/station-${colorScheme}-${tab}.png`, fullPage: true });
      const v = await seriousAxeViolations(page);
      if (v.length) failures.push(formatViolations(`${tab} ${colorScheme}`, v));
    }
    if (colorScheme === 'light') {
      await page.goto(`/stations/${network.offlineIdentity}?tab=commands`);
      await screenReady(page);
      const off = await sendCommandFromUi(page, 'Reset');
      console.log('offline row', (await commandReaches(page, off, 'OFFLINE', 15_000)).replace(/\s+/g, ' '));
      await page.goto(`/stations/${network.silent!.identity}?tab=commands`);
      await screenReady(page);
      const silent = await sendCommandFromUi(page, 'Reset', {}, 2);
      console.log('silent row', (await commandReaches(page, silent, 'TIMEOUT', 20_000)).replace(/\s+/g, ' '));
      await page.screenshot({ path: '.tmp/station-commands-history.png', fullPage: true });
    }
    console.log('errors', guarded.errors);
    await guarded.close();
  }
  expect(failures.join('\n\n')).toBe('');
}, 240_000);
