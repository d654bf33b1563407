import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatViolations, seriousAxeViolations } from './support/axe.js';
import { type ColorScheme, type GuardedContext, guardedContext, launchBrowser } from './support/browser.js';
import { repoRoot } from './support/dashboard-build.js';
import { ADMIN_TOKEN } from './support/dashboard-hub.js';
import { type DashboardNetwork, startDashboardNetwork } from './support/dashboard-network.js';
import { mapHoldsEveryStation } from './support/map-state.js';
import { screenReady } from './support/screen-ready.js';
import { type FinishedSession, runSession } from './support/seed-session.js';
import { reportStatus } from './support/sim-fleet.js';

/**
 * The dashboard in a real browser (Debian's Chromium through playwright-core) against the real
 * hub with simulated stations and an OCPI partner: signing in, the network guard (no request
 * may leave localhost), axe-core on every screen in the light and the dark theme, and
 * full-page screenshots of the main screens (docs/screenshots, with UPDATE_SCREENSHOTS=1).
 */

let network: DashboardNetwork;
let browser: Browser;
let session: FinishedSession;
const contexts: GuardedContext[] = [];

async function context(colorScheme?: ColorScheme): Promise<GuardedContext> {
  const guarded = await guardedContext(browser, network.hub, { colorScheme });
  contexts.push(guarded);
  return guarded;
}

beforeAll(async () => {
  [network, browser] = await Promise.all([
    startDashboardNetwork({ protocols: ['1.6', '2.0.1', '2.1'], prefix: 'AXE', partner: true }),
    launchBrowser(),
  ]);
  // Something on every screen: a finished session with its CDR, a Faulted connector (an open
  // alert), a partner that received pushes.
  session = await runSession(network.hub, network.sim.stations[0]!);
  await reportStatus(network.sim.stations[1]!, 'Faulted');
}, 180_000);

afterEach(() => {
  for (const guarded of contexts) guarded.assertClean();
});

afterAll(async () => {
  for (const guarded of contexts) await guarded.close().catch(() => {});
  await browser?.close();
  await network?.stop();
});

describe('signing in and the network guard', () => {
  it('the login page signs in with the admin token and opens the overview', async () => {
    const guarded = await context('light');
    const page = await guarded.newPage();
    await page.goto('/');
    await page.waitForURL(/\/login/, { timeout: 15_000 });
    await page.getByRole('tab', { name: 'Admin token' }).click();
    await page.getByRole('textbox', { name: 'Admin token' }).fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Sign in with token' }).click();
    await page.waitForURL((url) => url.pathname === '/', { timeout: 15_000 });
    await expect.poll(() => page.locator('h1').first().textContent(), { timeout: 15_000 }).toBeTruthy();
    await page.close();
  });

  it('a request to a host other than localhost is aborted and recorded', async () => {
    const guarded = await context();
    const page = await guarded.newPage();
    await expect(page.goto('http://example.com/outside')).rejects.toThrow(/ERR_BLOCKED_BY_CLIENT/);
    expect(guarded.blocked).toEqual(['http://example.com/outside']);
    expect(() => guarded.assertClean()).toThrow(/request left localhost: http:\/\/example\.com\/outside/);
    await page.close();
  });
});

/** PNG signature. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';
const SCREENSHOT_DIR = join(repoRoot, 'docs', 'screenshots');

/**
 * Every signed-in screen; `shot` names its docs/screenshots file (light theme; `dark` also in
 * the dark theme).
 */
const SCREENS: Array<{ name: string; path: () => string; shot?: string; dark?: string }> = [
  { name: '/', path: () => '/', shot: 'overview', dark: 'overview-dark' },
  { name: '/map', path: () => '/map', shot: 'map' },
  { name: '/stations', path: () => '/stations', shot: 'stations' },
  {
    name: '/stations/<identity>',
    path: () => `/stations/${network.sim.stations[0]!.identity}`,
    shot: 'station-detail',
  },
  {
    name: '/stations/<identity>?tab=events',
    path: () => `/stations/${network.sim.stations[0]!.identity}?tab=events`,
  },
  { name: '/sessions', path: () => '/sessions' },
  { name: '/sessions/<id>', path: () => `/sessions/${session.transactionId}`, shot: 'session-detail' },
  { name: '/cdrs', path: () => '/cdrs', shot: 'cdrs' },
  { name: '/partners', path: () => '/partners', shot: 'partners' },
  { name: '/tariffs', path: () => '/tariffs', shot: 'tariffs' },
  { name: '/tokens', path: () => '/tokens' },
  { name: '/alerts', path: () => '/alerts', shot: 'alerts' },
  { name: '/system', path: () => '/system' },
  { name: '/access', path: () => '/access' },
];

async function schemeOf(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('data-mantine-color-scheme');
}

/** Switches the theme with the header's toggle (no reload) and waits until it applies. */
async function switchTheme(page: Page, to: ColorScheme): Promise<void> {
  if ((await schemeOf(page)) === to) return;
  await page.getByTestId('theme-toggle').click();
  await expect.poll(() => schemeOf(page), { timeout: 5_000 }).toBe(to);
  // Leave the toggle: its tooltip must not be part of what axe and the screenshot see.
  await page.mouse.move(1, 1);
  await page.locator('[role="tooltip"]').waitFor({ state: 'detached', timeout: 5_000 });
  await page.waitForTimeout(250);
}

/** A full-page PNG of the screen once live; written to docs/screenshots with UPDATE_SCREENSHOTS=1. */
async function screenshot(page: Page, name: string): Promise<void> {
  await expect.poll(() => page.getByTestId('live-state').innerText(), { timeout: 10_000 }).toMatch(/^live$/i);
  await page.waitForTimeout(500);
  const png = await page.screenshot({ fullPage: true, animations: 'disabled' });
  expect(png.subarray(0, 8).equals(PNG), name).toBe(true);
  expect(png.length, `${name} is not a blank page`).toBeGreaterThan(20_000);
  if (UPDATE_SCREENSHOTS) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(join(SCREENSHOT_DIR, `${name}.png`), png);
  }
}

describe('axe-core: no serious or critical issue on any screen, in the light and the dark theme', () => {
  let page: Page;

  beforeAll(async () => {
    const guarded = await context('light');
    await guarded.signIn();
    page = await guarded.newPage();
  });

  it('the login page (signed out)', { timeout: 60_000 }, async () => {
    const failures: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      const anonymous = await context(scheme);
      const loginPage = await anonymous.newPage();
      await loginPage.goto('/login');
      await screenReady(loginPage);
      expect(await schemeOf(loginPage)).toBe(scheme);
      const violations = await seriousAxeViolations(loginPage);
      if (violations.length > 0) failures.push(formatViolations(`/login (${scheme})`, violations));
      await loginPage.close();
    }
    expect(failures.join('\n\n')).toBe('');
  });

  for (const screen of SCREENS) {
    it(`${screen.name}${screen.shot ? ' (and its screenshot)' : ''}`, { timeout: 60_000 }, async () => {
      const path = screen.path();
      const failures: string[] = [];
      await page.goto(path);
      await screenReady(page);
      const wanted = new URL(path, page.url());
      const landed = new URL(page.url());
      expect(landed.pathname, `${path} redirected`).toBe(wanted.pathname);
      for (const [key, value] of wanted.searchParams)
        expect(landed.searchParams.get(key), `${path}: ${key}`).toBe(value);
      if (path === '/map') await mapHoldsEveryStation(page);
      for (const scheme of ['light', 'dark'] as const) {
        await switchTheme(page, scheme);
        const violations = await seriousAxeViolations(page);
        if (violations.length > 0) failures.push(formatViolations(`${path} (${scheme})`, violations));
        const shot = scheme === 'light' ? screen.shot : screen.dark;
        if (shot) await screenshot(page, shot);
      }
      await switchTheme(page, 'light');
      expect(failures.join('\n\n')).toBe('');
    });
  }
});
