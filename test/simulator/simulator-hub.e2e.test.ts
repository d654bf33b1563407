import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../../apps/hub/test/run-cli.js';
import { benchToken } from '../../bench/support/hub-under-test.js';
import { DEFAULT_OPTIONS, Simulator } from '../../packages/simulator/src/index.js';
import { createTestDatabase, type TestDatabase, testRedis } from '../support/database.js';
import { freePort } from '../support/free-port.js';

const ADMIN_TOKEN = 'simulator-e2e-admin-token';

/**
 * Ten simulated stations (1.6, 2.0.1 and 2.1 mixed) against the real hub from
 * `chargebridge start` in server mode: all online, and their transactions in the database.
 */
describe('simulator against chargebridge start', () => {
  let database: TestDatabase;
  let hub: ReturnType<typeof spawnCli>;
  let sim: Simulator;
  let api: string;
  const headers = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };

  beforeAll(async () => {
    database = await createTestDatabase();
    const [port, ocppPort] = [await freePort(), await freePort()];
    api = `http://127.0.0.1:${port}/api/v1`;
    hub = spawnCli(['start'], {
      DATABASE_URL: database.url,
      REDIS_URL: testRedis().url,
      REDIS_PREFIX: testRedis().prefix,
      PORT: String(port),
      OCPP_PORT: String(ocppPort),
      ADMIN_TOKEN,
    });
    const deadline = Date.now() + 60_000;
    while (
      (await fetch(`http://127.0.0.1:${port}/health/ready`).then(
        (r) => r.status,
        () => 0,
      )) !== 200
    ) {
      if (Date.now() > deadline) throw new Error('hub not ready within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const put = (path: string, body: object) =>
      fetch(`${api}${path}`, { method: 'PUT', headers, body: JSON.stringify(body) }).then((r) => r.status);
    const party = await put('/parties/NL/SIM', { name: 'Simulated CPO', roles: ['CPO'] });
    if (party >= 300) throw new Error(`PUT party: ${party}`);
    for (const uid of DEFAULT_OPTIONS.tokens) {
      const status = await put(`/tokens/NL/SIM/${uid}`, benchToken(uid));
      if (status >= 300) throw new Error(`PUT token: ${status}`);
    }
    sim = new Simulator({
      url: `ws://127.0.0.1:${ocppPort}/ocpp`,
      stations: 10,
      connectors: 1,
      protocol: 'mix',
      idPrefix: 'E2E',
      rampPerSecond: 0,
      idleSeconds: [0.1, 0.3],
      sessionSeconds: [1.5, 2],
      meterIntervalSeconds: 0.3,
      suspendProbability: 0.5,
    });
    for (const station of sim.stations) {
      const status = await put(`/stations/${station.identity}`, {
        country_code: 'NL',
        party_id: 'SIM',
        security_profile: 0,
      });
      if (status !== 201) throw new Error(`PUT station: ${status}`);
    }
    sim.start();
  });

  afterAll(async () => {
    await sim?.stop();
    if (hub && hub.exitCode === null) {
      hub.kill('SIGTERM');
      await once(hub, 'exit');
    }
    await database?.drop();
  });

  it('every station boots and shows online in the admin API', async () => {
    await expect.poll(() => sim.stats.booted, { timeout: 15_000 }).toBe(10);
    await expect
      .poll(
        async () => {
          const stations = await Promise.all(
            sim.stations.map((s) => fetch(`${api}/stations/${s.identity}`, { headers }).then((r) => r.json())),
          );
          return stations.filter((s) => (s as { online?: boolean }).online === true).length;
        },
        { timeout: 15_000 },
      )
      .toBe(10);
  });

  it('sessions of every version end up as transactions in the database, without CALLERRORs', async () => {
    await expect.poll(() => sim.stats.transactionsStopped, { timeout: 20_000 }).toBeGreaterThanOrEqual(10);
    await sim.stop(10_000);
    expect(sim.queuedTransactionMessages()).toBe(0);
    expect(sim.stats.callErrors).toBe(0);
    const rows = await database.store.db.selectFrom('transactions').select(['protocol', 'stopped_at']).execute();
    expect(rows.length).toBe(sim.stats.transactionsStarted);
    expect(new Set(rows.map((r) => r.protocol)).size).toBe(3);
    expect(rows.filter((r) => r.stopped_at !== null).length).toBe(sim.stats.transactionsStopped);
  });
});
