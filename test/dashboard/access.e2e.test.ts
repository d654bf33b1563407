import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatViolations, seriousAxeViolations } from './support/axe.js';
import { type GuardedContext, guardedContext, launchBrowser } from './support/browser.js';
import { type DashboardHub, startDashboardHub } from './support/dashboard-hub.js';
import { screenReady } from './support/screen-ready.js';

/** Users & access in a real browser: accounts, roles, personal tokens shown once, the audit log. */
let hub: DashboardHub;
let browser: Browser;
const contexts: GuardedContext[] = [];
const ADMIN = { username: 'e2e-admin', password: 'e2e-admin-password-1' };
const VIEWER = { username: 'e2e-viewer', password: 'e2e-viewer-password-1' };

async function signInWithPassword(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Username', exact: true }).fill(user.username);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/', { timeout: 15_000 });
}

async function newContext(colorScheme: 'light' | 'dark' = 'light'): Promise<GuardedContext> {
  const guarded = await guardedContext(browser, hub, { colorScheme });
  contexts.push(guarded);
  return guarded;
}

beforeAll(async () => {
  [hub, browser] = await Promise.all([startDashboardHub(), launchBrowser()]);
  await hub.adminOk('POST', '/users', { ...ADMIN, role: 'admin' });
}, 180_000);

afterEach(() => {
  for (const guarded of contexts) guarded.assertClean();
});

afterAll(async () => {
  for (const guarded of contexts) await guarded.close().catch(() => {});
  await browser?.close();
  await hub?.stop();
});

describe('Users & access', () => {
  it('a wrong password is refused on the login page with a message', { timeout: 90_000 }, async () => {
    const page = await (await newContext()).newPage();
    await page.goto('/login');
    await page.getByRole('textbox', { name: 'Username', exact: true }).fill(ADMIN.username);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('wrong username or password');
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('an admin creates an account, changes its role, and the audit log shows it', { timeout: 90_000 }, async () => {
    const page = await (await newContext()).newPage();
    await signInWithPassword(page, ADMIN);
    await page.goto('/access');
    await screenReady(page);
    const form = page.locator('section', { has: page.getByRole('heading', { name: 'New account' }) });
    await form.getByRole('textbox', { name: 'Username', exact: true }).fill(VIEWER.username);
    await form.getByRole('textbox', { name: 'Display name', exact: true }).fill('E2E Viewer');
    await form.getByRole('textbox', { name: 'Password', exact: true }).fill(VIEWER.password);
    await form.getByRole('button', { name: 'Create account' }).click();
    const row = page.getByTestId(`user-row-${VIEWER.username}`);
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain('Enabled');
    await page.getByRole('combobox', { name: `Role of ${VIEWER.username}` }).click();
    await page.getByRole('option', { name: 'Operator' }).click();
    await expect
      .poll(
        async () =>
          (await hub.adminOk('GET', '/users')).items.find((u: { username: string }) => u.username === VIEWER.username)
            ?.role,
      )
      .toBe('operator');
    await page.getByRole('combobox', { name: `Role of ${VIEWER.username}` }).click();
    await page.getByRole('option', { name: 'Viewer' }).click();
    await expect
      .poll(
        async () =>
          (await hub.adminOk('GET', '/users')).items.find((u: { username: string }) => u.username === VIEWER.username)
            ?.role,
      )
      .toBe('viewer');
    // The audit log names the admin, filtered through the URL.
    await page.getByRole('textbox', { name: 'Actor', exact: true }).fill(ADMIN.username);
    await page.waitForURL((url) => url.searchParams.get('actor') === ADMIN.username, { timeout: 5_000 });
    const audit = page.locator('section', { has: page.getByRole('heading', { name: 'Audit log' }) });
    await expect
      .poll(() => audit.locator('tbody').textContent(), { timeout: 10_000 })
      .toContain('PATCH /api/v1/users/:id');
    expect(await audit.locator('tbody').textContent()).toContain('POST /api/v1/users');
    expect(await audit.locator('tbody').textContent()).not.toContain(VIEWER.password);
  });

  it('a personal token is shown once, works as a bearer token, and stops when revoked', {
    timeout: 60_000,
  }, async () => {
    const page = await (await newContext()).newPage();
    await signInWithPassword(page, ADMIN);
    await page.goto('/access');
    await screenReady(page);
    await page.getByRole('textbox', { name: 'Token name', exact: true }).fill('e2e script');
    await page.getByRole('button', { name: 'Create token' }).click();
    const shown = page.getByTestId('new-api-token');
    await shown.waitFor({ timeout: 10_000 });
    const token = (await shown.textContent())?.trim() ?? '';
    expect(token).toMatch(/^cbt_/);
    expect(await page.getByRole('button', { name: 'Copy token' }).count()).toBe(1);
    const me = () =>
      fetch(`${hub.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
    expect(await me()).toBe(200);
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.getByTestId('new-api-token').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain(token);
    await page.getByRole('button', { name: 'Revoke token e2e script' }).click();
    await expect.poll(me, { timeout: 10_000 }).toBe(401);
    await expect.poll(() => page.getByRole('table', { name: 'My API tokens' }).textContent()).toContain('Revoked');
  });

  it('a viewer sees no "Users & access" link, and the screen holds nothing to manage', {
    timeout: 60_000,
  }, async () => {
    const page = await (await newContext()).newPage();
    await signInWithPassword(page, VIEWER);
    await screenReady(page);
    expect(await page.getByRole('link', { name: 'Users & access' }).count()).toBe(0);
    await page.goto('/access');
    await screenReady(page);
    expect(await page.getByText('Managing accounts needs the admin role').count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Users', exact: true }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Audit log' }).count()).toBe(0);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious accessibility issue in the ${scheme} theme`, { timeout: 90_000 }, async () => {
      const page = await (await newContext(scheme)).newPage();
      await signInWithPassword(page, ADMIN);
      await page.goto('/access');
      await screenReady(page);
      const violations = await seriousAxeViolations(page);
      expect(formatViolations(`/access (${scheme})`, violations)).toBe('');
    });
  }
});
