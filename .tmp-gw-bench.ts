// Throwaway measurement (not part of the repo): msg/s with ack after commit, and memory per idle socket.
import { Client } from 'pg';
import pino from 'pino';
import { WebSocket } from 'ws';
import { loadConfig } from '@chargebridge/config';
import { build } from '@chargebridge/gateway';
import { InProcessJobRunner } from '@chargebridge/jobs';
import { migrateToLatest, openStore, repositories } from '@chargebridge/store';

const admin = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
await admin.connect();
await admin.query('drop database if exists cb_gw_bench');
await admin.query('create database cb_gw_bench');
await admin.end();
const url = 'postgres://postgres@127.0.0.1:5432/cb_gw_bench';
const store = await openStore({ databaseUrl: url, maxConnections: 10 });
await migrateToLatest(store.db);
const N = Number(process.env.N ?? 300);
const IDLE = Number(process.env.IDLE ?? 3000);
const repos = repositories(store.db);
await repos.parties.upsertHosted('NL', 'TST', 'x', ['CPO']);
for (let i = 0; i < N + IDLE; i++) await repos.stations.upsert({ identity: `B${i}`, country_code: 'NL', party_id: 'TST', security_profile: 0 });
const config = loadConfig({ OCPP_PORT: '0', HOST: '127.0.0.1', DATABASE_URL: url, LOG_LEVEL: 'silent', OCPP_PING_INTERVAL_S: '0' });
const gw = await build({ config, store, runner: new InProcessJobRunner(), logger: pino({ level: 'silent' }), nodeId: 'bench' });
const { port } = await gw.listen();
const open = (id: string) => new Promise<WebSocket>((res, rej) => { const ws = new WebSocket(`ws://127.0.0.1:${port}/ocpp/${id}`, ['ocpp1.6']); ws.on('open', () => res(ws)); ws.on('error', rej); });
// Idle memory: the gateway's heap + external per idle socket (client sockets live in this process too, measured apart).
global.gc?.();
const before = process.memoryUsage();
const idle: WebSocket[] = [];
for (let i = 0; i < IDLE; i++) idle.push(await open(`B${N + i}`));
await new Promise((r) => setTimeout(r, 1000));
global.gc?.();
const after = process.memoryUsage();
console.log(`idle sockets ${IDLE}: heap+external delta per socket (gateway AND client side) ${(((after.heapUsed + after.external) - (before.heapUsed + before.external)) / IDLE / 1024).toFixed(1)} kB, rss delta ${((after.rss - before.rss) / IDLE / 1024).toFixed(1)} kB`);
const sockets = await Promise.all(Array.from({ length: N }, (_, i) => open(`B${i}`)));
let done = 0;
let last = { ...gw.commitStats };
const tick = setInterval(() => { const c = gw.commitStats; console.log(`batches +${c.batches - last.batches} items +${c.items - last.items} done ${done}`); last = { ...c }; }, 1000);
const until = Date.now() + 10_000;
const t0 = Date.now();
await Promise.all(sockets.map((ws, i) => new Promise<void>((resolve) => {
  let n = 0;
  const send = () => {
    if (Date.now() > until) return resolve();
    ws.send(JSON.stringify([2, `m${n++}`, 'MeterValues', { connectorId: 1, meterValue: [{ timestamp: new Date(Date.now() + n).toISOString(), sampledValue: [{ value: String(n) }] }] }]));
  };
  ws.on('message', () => { done++; send(); });
  send();
})));
clearInterval(tick);
const secs = (Date.now() - t0) / 1000;
console.log(`${N} stations, MeterValues with ack after commit: ${(done / secs).toFixed(0)} msg/s; batches ${gw.commitStats.batches}, avg ${(gw.commitStats.items / gw.commitStats.batches).toFixed(1)} items/batch`);
for (const ws of [...sockets, ...idle]) ws.terminate();
await gw.close();
await store.close();
process.exit(0);
