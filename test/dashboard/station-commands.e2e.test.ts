import { priceSession } from '@chargebridge/tariffs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type GuardedContext, guardedContext, launchBrowser } from './support/browser.js';
import { commandReaches, sendCommandFromUi } from './support/command-form.js';
import { type DashboardNetwork, startDashboardNetwork } from './support/dashboard-network.js';
import { screenReady } from './support/screen-ready.js';
import { CPO, TARIFF, TARIFF_ID, TIME_ZONE, TOKENS } from './support/seed-network.js';

/**
 * Station commands from the station detail's form in a real browser: remote start and stop of a
 * simulated station (live power chart, CDR priced like the tariff engine), a command to an
 * offline station (OFFLINE and why) and to a station that never answers (TIMEOUT).
 */

let network: DashboardNetwork;
let browser: Browser;
let guarded: GuardedContext;

beforeAll(async () => {
  [network, browser] = await Promise.all([
    startDashboardNetwork({ protocols: ['1.6'], prefix: 'CMD', silent: true }),
    launchBrowser(),
  ]);
  guarded = await guardedContext(browser, network.hub);
  await guarded.signIn();
}, 180_000);

afterEach(() => guarded.assertClean());

afterAll(async () => {
  await guarded?.close().catch(() => {});
  await browser?.close();
  await network?.stop();
});

async function openStation(identity: string, tab: string): Promise<Page> {
  const page = await guarded.newPage();
  await page.goto(`/stations/${identity}?tab=${tab}`);
  await screenReady(page);
  return page;
}

/** Polls `read` until it yields a value (not undefined). */
async function eventually<T>(read: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`nothing after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const powerPoints = async (page: Page) => Number(await page.getByTestId('power-chart').getAttribute('data-points'));

async function activeTransaction(identity: string) {
  return network.hub.database.store.db
    .selectFrom('transactions')
    .innerJoin('stations', 'stations.id', 'transactions.station_id')
    .select(['transactions.id', 'transactions.transaction_uid', 'transactions.status'])
    .where('stations.identity', '=', identity)
    .orderBy('transactions.id', 'desc')
    .executeTakeFirst();
}

describe('station commands from the browser', () => {
  it('a remote start reaches the station, the live chart fills, a remote stop ends in a CDR priced like the tariff engine', {
    timeout: 120_000,
  }, async () => {
    const station = network.sim.stations[0]!;
    const connector = station.connectors[0]!;
    const page = await openStation(station.identity, 'commands');

    // Start: the 1.6 start action, the token typed into its idTag field.
    const startId = await sendCommandFromUi(page, 'RemoteStartTransaction', { idTag: TOKENS[0] });
    const startRow = await commandReaches(page, startId, 'ACCEPTED', 15_000);
    expect(startRow).toContain('ACCEPTED');
    expect(startRow).toContain('Accepted');
    await expect.poll(() => connector.state, { timeout: 15_000 }).toBe('Charging');
    expect(connector.session?.idTag).toBe(TOKENS[0]);
    await expect
      .poll(async () => (await activeTransaction(station.identity))?.status, { timeout: 15_000 })
      .toBe('active');

    // The live power chart fills while the station charges (a meter sample every second).
    await page.getByRole('tab', { name: /power/i }).click();
    await page.getByTestId('power-chart').waitFor({ timeout: 15_000 });
    await expect.poll(() => powerPoints(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    const first = await powerPoints(page);
    await expect.poll(() => powerPoints(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(first + 2);
    console.log(`[commands] power chart grew from ${first} to ${await powerPoints(page)} points while charging`);

    // Stop, from the same form, with the transaction id the hub gave the station.
    const transaction = (await activeTransaction(station.identity))!;
    await page.getByRole('tab', { name: /commands/i }).click();
    const stopId = await sendCommandFromUi(page, 'RemoteStopTransaction', {
      transactionId: transaction.transaction_uid,
    });
    expect(await commandReaches(page, stopId, 'ACCEPTED', 15_000)).toContain('ACCEPTED');
    await expect.poll(() => connector.session, { timeout: 15_000 }).toBeUndefined();

    // The CDR, and its price recomputed here by the tariff engine from the CDR's own periods.
    const cdr = await eventually(
      () =>
        network.hub.database.store.db
          .selectFrom('cdrs')
          .selectAll()
          .where('transaction_id', '=', transaction.id)
          .executeTakeFirst(),
      20_000,
    );
    const data = cdr.data as {
      start_date_time: string;
      end_date_time: string;
      charging_periods: never[];
      total_cost: { excl_vat: number; incl_vat: number };
    };
    const engine = priceSession(
      {
        ...TARIFF,
        country_code: CPO.country_code,
        party_id: CPO.party_id,
        id: TARIFF_ID,
        last_updated: new Date().toISOString(),
      } as never,
      {
        start_date_time: data.start_date_time,
        end_date_time: data.end_date_time,
        charging_periods: data.charging_periods,
        time_zone: TIME_ZONE,
      },
    ).cdr;
    expect(data.total_cost).toEqual(engine.total_cost);

    await page.goto(`/sessions/${transaction.id}`);
    await screenReady(page);
    const total = page.getByTestId('cdr-total-cost');
    await expect.poll(() => total.innerText(), { timeout: 15_000 }).toMatch(/\d/);
    const shown = await total.innerText();
    console.log(
      `[commands] CDR ${cdr.cdr_id}: UI shows "${shown}", engine ${JSON.stringify(engine.total_cost)} for ${engine.total_energy} kWh`,
    );
    expect(shown).toMatch(/EUR/);
    expect(Number(/-?\d+(\.\d+)?/.exec(shown)?.[0])).toBe(engine.total_cost.incl_vat);
    await page.close();
  });

  it('a command to an offline station shows OFFLINE and why', { timeout: 60_000 }, async () => {
    const page = await openStation(network.offlineIdentity, 'commands');
    const id = await sendCommandFromUi(page, 'Reset');
    const row = await commandReaches(page, id, 'OFFLINE', 15_000);
    console.log(`[commands] offline row: ${row.replace(/\s+/g, ' ')}`);
    expect(row).toContain('OFFLINE');
    expect(row).toMatch(/offline|not connected/i);
    await page.close();
  });

  it('a command to a station that never answers ends in TIMEOUT', { timeout: 60_000 }, async () => {
    const silent = network.silent!;
    const page = await openStation(silent.identity, 'commands');
    const started = Date.now();
    const id = await sendCommandFromUi(page, 'Reset', {}, 2);
    const row = await commandReaches(page, id, 'TIMEOUT', 20_000);
    console.log(`[commands] silent station: TIMEOUT shown after ${Date.now() - started} ms (timeout 2 s)`);
    expect(row).toContain('TIMEOUT');
    expect(silent.ignored).toContain('Reset');
    await page.close();
  });

  it('the event log lists what the station reported and filters by kind from the URL', {
    timeout: 60_000,
  }, async () => {
    const identity = network.sim.stations[0]!.identity;
    const station = await network.hub.database.store.db
      .selectFrom('stations')
      .select('id')
      .where('identity', '=', identity)
      .executeTakeFirstOrThrow();
    await network.hub.database.store.db
      .insertInto('station_events')
      .values({
        station_id: station.id,
        kind: 'FirmwareStatusNotification',
        payload: JSON.stringify({ status: 'Installed' }),
        occurred_at: new Date(),
      })
      .execute();
    const page = await openStation(identity, 'events');
    const firmware = page.locator('[data-kind="FirmwareStatusNotification"]');
    await expect.poll(() => firmware.count(), { timeout: 10_000 }).toBe(1);
    expect(await firmware.textContent()).toContain('firmware: Installed');
    expect(await page.locator('[data-kind="Connected"]').count()).toBeGreaterThan(0);
    // The payload on expand.
    await firmware.getByRole('button', { name: /Show the payload/ }).click();
    await expect.poll(() => page.getByText('"status": "Installed"').count(), { timeout: 5_000 }).toBe(1);

    await page.goto(`/stations/${identity}?tab=events&kind=Connected`);
    await screenReady(page);
    await expect.poll(() => page.locator('[data-kind="Connected"]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.locator('[data-kind="FirmwareStatusNotification"]').count()).toBe(0);
    await page.close();
  });
});
