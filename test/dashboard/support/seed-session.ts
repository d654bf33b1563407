import type { SimStation } from '../../../packages/simulator/src/index.js';
import type { DashboardHub } from './dashboard-hub.js';
import { TOKENS } from './seed-network.js';

/** A finished charging session: its transaction row id (the dashboard's session id) and CDR. */
export interface FinishedSession {
  transactionId: number;
  cdrId: string;
}

async function eventually<T>(read: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`no ${what} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Runs one real session on a simulated station through the admin API (remote start, meter
 * values every second for `chargeSeconds`, remote stop) and waits for its CDR.
 */
export async function runSession(hub: DashboardHub, station: SimStation, chargeSeconds = 4): Promise<FinishedSession> {
  const v16 = station.version === '1.6';
  await hub.adminOk('POST', `/stations/${station.identity}/calls`, {
    action: v16 ? 'RemoteStartTransaction' : 'RequestStartTransaction',
    payload: v16
      ? { connectorId: 1, idTag: TOKENS[1] }
      : { evseId: 1, remoteStartId: 1, idToken: { idToken: TOKENS[1], type: 'ISO14443' } },
  });
  const row = await eventually(
    () =>
      hub.database.store.db
        .selectFrom('transactions')
        .innerJoin('stations', 'stations.id', 'transactions.station_id')
        .select(['transactions.id', 'transactions.transaction_uid'])
        .where('stations.identity', '=', station.identity)
        .where('transactions.status', '=', 'active')
        .executeTakeFirst(),
    `active transaction on ${station.identity}`,
  );
  await new Promise((resolve) => setTimeout(resolve, chargeSeconds * 1000));
  await hub.adminOk('POST', `/stations/${station.identity}/calls`, {
    action: v16 ? 'RemoteStopTransaction' : 'RequestStopTransaction',
    payload: v16 ? { transactionId: Number(row.transaction_uid) } : { transactionId: row.transaction_uid },
  });
  const cdr = await eventually(
    () =>
      hub.database.store.db.selectFrom('cdrs').select('cdr_id').where('transaction_id', '=', row.id).executeTakeFirst(),
    `CDR of transaction ${row.id}`,
  );
  return { transactionId: row.id, cdrId: cdr.cdr_id };
}
