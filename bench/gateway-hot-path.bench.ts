// Gateway hot path in isolation (not a test; see docs/benchmarks.md "Where the time goes"):
// msg/s of MeterValues with ack after commit, and heap per idle socket, one gateway in-process.
//   N=300 IDLE=0 [TX=1] [CC=4] node --expose-gc --import tsx bench/gateway-hot-path.bench.ts
// BENCH_DATABASE_URL (default the local PostgreSQL) names a server where it may create and drop
// the database cb_gw_bench; the load clients share the process, so numbers are a floor.

import { loadConfig } from '@chargebridge/config';
import { build } from '@chargebridge/gateway';
import { InProcessJobRunner } from '@chargebridge/jobs';
import { createStationCalls } from '@chargebridge/routing';
import { migrateToLatest, openStore, repositories } from '@chargebridge/store';
import { Client } from 'pg';
import pino from 'pino';
import { WebSocket } from 'ws';

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const admin = new Client({ connectionString: adminUrl });
await admin.connect();
await admin.query('drop database if exists cb_gw_bench');
await admin.query('create database cb_gw_bench');
await admin.end();
const url = Object.assign(new URL(adminUrl), { pathname: '/cb_gw_bench' }).toString();
const store = await openStore({ databaseUrl: url, maxConnections: 20 });
await migrateToLatest(store.db);
const N = Number(process.env.N ?? 300);
const TX = process.env.TX === '1';
const IDLE = Number(process.env.IDLE ?? 3000);
const repos = repositories(store.db);
await repos.parties.upsertHosted('NL', 'TST', 'x', ['CPO']);
for (let i = 0; i < N + IDLE; i++)
  await repos.stations.upsert({ identity: `B${i}`, country_code: 'NL', party_id: 'TST', security_profile: 0 });
const config = loadConfig({
  OCPP_PORT: '0',
  HOST: '127.0.0.1',
  DATABASE_URL: url,
  LOG_LEVEL: 'silent',
  OCPP_PING_INTERVAL_S: '0',
});
const gw = await build({
  config,
  store,
  runner: new InProcessJobRunner(),
  logger: pino({ level: 'silent' }),
  nodeId: 'bench',
  stationCalls: createStationCalls({ nodeId: 'bench', defaultTimeoutMs: 30_000 }),
  tuning: { commitConcurrency: Number(process.env.CC ?? 4) },
});
const { port } = await gw.listen();
const open = (id: string) =>
  new Promise<WebSocket>((res, rej) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ocpp/${id}`, ['ocpp1.6']);
    ws.on('open', () => res(ws));
    ws.on('error', rej);
  });
// Idle memory: the gateway's heap + external per idle socket (client sockets live in this process too, measured apart).
global.gc?.();
const before = process.memoryUsage();
const idle: WebSocket[] = [];
for (let i = 0; i < IDLE; i++) idle.push(await open(`B${N + i}`));
await new Promise((r) => setTimeout(r, 1000));
global.gc?.();
const after = process.memoryUsage();
console.log(
  `idle sockets ${IDLE}: heap+external delta per socket (gateway AND client side) ${((after.heapUsed + after.external - (before.heapUsed + before.external)) / IDLE / 1024).toFixed(1)} kB, rss delta ${((after.rss - before.rss) / IDLE / 1024).toFixed(1)} kB`,
);
const sockets = await Promise.all(Array.from({ length: N }, (_, i) => open(`B${i}`)));
let done = 0;
let last = { ...gw.commitStats };
const tick = setInterval(() => {
  const c = gw.commitStats;
  console.log(`batches +${c.batches - last.batches} items +${c.items - last.items} done ${done}`);
  last = { ...c };
}, 1000);
const until = Date.now() + 10_000;
const t0 = Date.now();
await Promise.all(
  sockets.map(
    (ws, i) =>
      new Promise<void>((resolve) => {
        let n = 0;
        const send = () => {
          if (Date.now() > until) return resolve();
          ws.send(
            JSON.stringify([
              2,
              `m${n++}`,
              'MeterValues',
              {
                connectorId: 1,
                ...(TX ? { transactionId: txId } : {}),
                meterValue: [
                  {
                    timestamp: new Date(Date.now() + n).toISOString(),
                    sampledValue: [{ value: String(n), measurand: 'Energy.Active.Import.Register', unit: 'Wh' }],
                  },
                ],
              },
            ]),
          );
        };
        // TX=1: the realistic case — StartTransaction first, then MeterValues carrying its transactionId.
        let txId: number | undefined;
        ws.on('message', (data) => {
          if (TX && txId === undefined) {
            txId = JSON.parse(String(data))[2].transactionId;
            send();
            return;
          }
          done++;
          send();
        });
        if (TX)
          ws.send(
            JSON.stringify([
              2,
              'start',
              'StartTransaction',
              { connectorId: 1, idTag: `T${i}`, meterStart: 0, timestamp: new Date().toISOString() },
            ]),
          );
        else send();
      }),
  ),
);
clearInterval(tick);
const secs = (Date.now() - t0) / 1000;
console.log(
  `${N} stations, MeterValues${TX ? ' in a transaction' : ''} with ack after commit: ${(done / secs).toFixed(0)} msg/s; batches ${gw.commitStats.batches}, avg ${(gw.commitStats.items / gw.commitStats.batches).toFixed(1)} items/batch`,
);
for (const ws of [...sockets, ...idle]) ws.terminate();
await gw.close();
await store.close();
process.exit(0);
