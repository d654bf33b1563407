import { randomInt } from 'node:crypto';
import type { StationCalls } from '@chargebridge/routing';
import { configurationRows, OCPP16_CONFIGURATION_COMPONENT, type Repositories } from '@chargebridge/store';
import { refusableCall } from './refusable-call.js';

type Json = Record<string, unknown>;

/** What reading a station's configuration needs. */
export interface ConfigurationReadDeps {
  repos: Repositories;
  calls: Pick<StationCalls, 'call'>;
  callTimeoutMs: number;
  /** How long a 2.x station may take to send its whole report (NotifyReport … tbc: false). */
  reportWaitMs: number;
  /** Poll interval while waiting for the report. */
  pollMs?: number;
}

/** A station to read: its row id, identity and protocol version. */
export interface StationRef {
  id: number;
  identity: string;
  version: '1.6' | '2.0.1' | '2.1';
}

/** What a configuration read found: how many values, or why the station gave none. */
export interface ConfigurationRead {
  values: number;
  refused?: string;
}

/**
 * Reads a station's whole configuration into `station_variables`: 1.6 GetConfiguration without
 * keys; 2.x GetBaseReport FullInventory, then waits for its NotifyReport messages (stored by the
 * gateway) to end with `tbc: false`. A station that refuses (CALLERROR, or a report status other
 * than Accepted) has nothing read; one that does not answer throws a `StationCallError`.
 */
export async function readConfiguration(deps: ConfigurationReadDeps, station: StationRef): Promise<ConfigurationRead> {
  const call = (action: string, payload: Json) =>
    refusableCall(deps.calls, station.identity, action, payload, deps.callTimeoutMs);
  if (station.version === '1.6') {
    const { answer, refused } = await call('GetConfiguration', {});
    if (refused !== undefined) return { values: 0, refused };
    const rows = configurationRows(station.id, 'GetConfiguration', answer);
    await deps.repos.stationHistory.recordConfiguration(rows);
    return { values: rows.length };
  }
  const requestId = randomInt(1, 2 ** 31 - 1);
  const { answer, refused } = await call('GetBaseReport', { requestId, reportBase: 'FullInventory' });
  if (refused !== undefined) return { values: 0, refused };
  if (answer.status !== 'Accepted') return { values: 0, refused: `GetBaseReport answered ${String(answer.status)}` };
  return { values: await waitForReport(deps, station.id, requestId) };
}

/** Waits until the report `requestId` is complete (or the wait ends); returns its variable count. */
async function waitForReport(deps: ConfigurationReadDeps, stationId: number, requestId: number): Promise<number> {
  const deadline = Date.now() + deps.reportWaitMs;
  for (;;) {
    const parts = (await deps.repos.stationActivity.listEvents(stationId, 'NotifyReport'))
      .map((e) => e.payload as Json)
      .filter((p) => p.requestId === requestId);
    const count = parts.reduce((n, p) => n + (typeof p.variables === 'number' ? p.variables : 0), 0);
    if (parts.some((p) => p.tbc === false) || Date.now() >= deadline) return count;
    await new Promise((resolve) => setTimeout(resolve, deps.pollMs ?? 250));
  }
}

/** The station's stored values by 1.6 key and by 2.x `Component.Variable` (station-wide, Actual). */
export async function storedValues(repos: Repositories, stationId: number): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  for (const row of await repos.stationActivity.listVariables(stationId)) {
    if (row.value === null || row.evse_id !== 0 || row.component_instance !== '' || row.variable_instance !== '') {
      continue;
    }
    if (row.component === OCPP16_CONFIGURATION_COMPONENT) values.set(row.variable, row.value);
    else if (row.attribute_type === 'Actual') values.set(`${row.component}.${row.variable}`, row.value);
  }
  return values;
}
