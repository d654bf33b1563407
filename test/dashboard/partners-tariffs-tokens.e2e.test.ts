import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AxeViolation, formatViolations } from './support/axe.js';
import { type GuardedContext, guardedContext, launchBrowser } from './support/browser.js';
import { type DashboardHub, startDashboardHub } from './support/dashboard-hub.js';
import { OcpiPartner } from './support/ocpi-partner.js';
import type { PageGlobals } from './support/page-globals.js';
import { screenReady } from './support/screen-ready.js';
import { CPO, LOCATION_ID, seedNetwork, TARIFF_ID, TIME_ZONE, TOKENS } from './support/seed-network.js';

/** Serious and critical axe-core findings inside `main` (WCAG 2.0–2.2 A/AA and best practice). */
async function screenAxeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as unknown as PageGlobals).axe === 'object');
  if (!loaded) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const { axe: runner } = globalThis as unknown as PageGlobals & { axe: typeof import('axe-core') };
    const result = await runner.run(
      { include: [['main']] },
      {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        resultTypes: ['violations'],
      },
    );
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.slice(0, 8).map((n) => ({
        target: n.target.map(String).join(' '),
        html: n.html.slice(0, 300),
        summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 400),
      })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

let hub: DashboardHub;
let browser: Browser;
let partner: OcpiPartner;
const contexts: GuardedContext[] = [];

async function signedIn(scheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const guarded = await guardedContext(browser, hub, { colorScheme: scheme });
  contexts.push(guarded);
  await guarded.signIn();
  return guarded.newPage();
}

const location = {
  publish: true,
  name: 'Utrecht Central',
  address: 'Stationsplein 1',
  city: 'Utrecht',
  country: 'NLD',
  coordinates: { latitude: '52.089444', longitude: '5.110278' },
  time_zone: TIME_ZONE,
};

beforeAll(async () => {
  [hub, browser] = await Promise.all([startDashboardHub(), launchBrowser()]);
  partner = new OcpiPartner('DE', 'PTT');
  await partner.start();
  await seedNetwork(hub, []);
  await partner.registerWith(hub);
  // A station presented a token the hub does not know, and one of the CPO's own cards.
  await hub.database.store.db
    .insertInto('authorizations')
    .values([
      { id_token: TOKENS[0], token_type: 'ISO14443', result: 'accepted', source: 'local', reason: 'Authorize' },
      {
        id_token: TOKENS[0],
        token_type: 'ISO14443',
        result: 'blocked',
        source: 'local',
        reason: 'StartTransaction: local token not valid',
      },
    ])
    .execute();
}, 180_000);

afterEach(() => {
  for (const guarded of contexts) guarded.assertClean();
});

afterAll(async () => {
  for (const guarded of contexts) await guarded.close().catch(() => {});
  await browser?.close();
  await partner?.stop();
  await hub?.stop();
});

describe('partners screen', () => {
  it('shows a failing partner with its error body per module, and re-pushes', async () => {
    partner.pushStatus = 500;
    await hub.adminOk('PUT', `/locations/${CPO.country_code}/${CPO.party_id}/${LOCATION_ID}`, location);
    await expect.poll(() => partner.calls.some((c) => c.answered === 500), { timeout: 20_000 }).toBe(true);

    const page = await signedIn();
    await page.goto('/partners');
    await screenReady(page);
    const health = page.locator(`[data-testid="partner-health-${partner.partnerId}"]`);
    await expect.poll(() => health.getAttribute('data-health'), { timeout: 20_000 }).toBe('failing');
    expect(await health.innerText()).toMatch(/failing/i);

    const row = page.locator(`[data-testid="partner-module-${partner.partnerId}-locations"]`);
    await expect.poll(() => row.innerText(), { timeout: 20_000 }).toMatch(/HTTP 500/);
    await row.getByRole('button', { name: /show the partner's answer/i }).click();
    await expect.poll(() => row.locator('pre, code').first().innerText()).toContain('partner is broken on purpose');

    partner.pushStatus = 200;
    await row.getByRole('button', { name: /re-push locations/i }).click();
    await page.getByRole('menuitem', { name: /not delivered/i }).click();
    await expect.poll(() => row.getByRole('status').innerText(), { timeout: 10_000 }).toMatch(/queued/);
    await expect.poll(() => health.getAttribute('data-health'), { timeout: 30_000 }).toBe('degraded');
    await page.close();
  });
});

describe('tariffs screen', () => {
  it('edits a tariff in the form or as JSON, previews its price element by element, and draws the week', async () => {
    const page = await signedIn();
    await page.goto(`/tariffs?tariff=${CPO.country_code}/${CPO.party_id}/${TARIFF_ID}`);
    await screenReady(page);
    const total = page.getByTestId('preview-total-incl-vat');
    await expect.poll(() => total.innerText(), { timeout: 20_000 }).toMatch(/EUR/);
    const before = await total.innerText();
    const heatmap = page.getByTestId('tariff-heatmap');
    await expect.poll(() => heatmap.getAttribute('data-cells'), { timeout: 20_000 }).toBe('168');
    expect(await page.getByRole('table', { name: /which element priced what/i }).innerText()).toMatch(/ENERGY/);

    // Raw JSON: raise the energy price; the form and the preview follow.
    await page.getByRole('tab', { name: 'Raw JSON' }).click();
    const json = page.getByRole('textbox', { name: /OCPI Tariff \(JSON\)/ });
    const text = (await json.inputValue()).replace('"price": 0.3', '"price": 0.6');
    await json.fill(text);
    await expect.poll(() => total.innerText(), { timeout: 20_000 }).not.toBe(before);
    await page.getByRole('tab', { name: 'Form' }).click();
    const prices = page.getByRole('textbox', { name: /Price excl\. VAT \(per kWh\)/ });
    expect(await prices.first().inputValue()).toBe('0.6');
    await page.close();
  });
});

describe('tokens screen', () => {
  it('finds a token and shows its recent authorizations with why', async () => {
    const page = await signedIn();
    await page.goto('/tokens');
    await screenReady(page);
    await page.getByRole('textbox', { name: /search uid/i }).fill(TOKENS[0].slice(-4));
    await expect.poll(() => page.getByTestId(`token-row-${TOKENS[1]}`).count(), { timeout: 10_000 }).toBe(0);
    await page.getByRole('button', { name: `Show token ${TOKENS[0]}` }).click();
    const detail = page.getByTestId('token-detail');
    await expect.poll(() => detail.innerText(), { timeout: 10_000 }).toMatch(/Refused: blocked/);
    expect(await detail.innerText()).toMatch(/not valid in the local card list/);
    expect(new URL(page.url()).searchParams.get('uid')).toBe(TOKENS[0]);
    await page.close();
  });
});

describe('axe-core on these screens with their panels open', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`partners, tariffs (editor, preview, heatmap) and tokens (detail) in the ${scheme} theme`, {
      timeout: 90_000,
    }, async () => {
      const page = await signedIn(scheme);
      const failures: string[] = [];
      for (const path of [
        '/partners',
        `/tariffs?tariff=${CPO.country_code}/${CPO.party_id}/${TARIFF_ID}`,
        `/tokens?uid=${TOKENS[0]}`,
      ]) {
        await page.goto(path);
        await screenReady(page, 30_000);
        if (path.startsWith('/tariffs')) {
          await page.getByTestId('tariff-heatmap').waitFor({ timeout: 20_000 });
          await page.getByTestId('preview-total-incl-vat').waitFor({ timeout: 20_000 });
        }
        if (path.startsWith('/tokens')) await page.getByTestId('token-detail').locator('table').waitFor();
        // These screens' own content (the shell has its own test in accessibility.e2e.test.ts).
        const violations = await screenAxeViolations(page);
        if (violations.length > 0) failures.push(formatViolations(`${path} (${scheme})`, violations));
      }
      await page.close();
      expect(failures.join('\n\n')).toBe('');
    });
  }
});
