import { randomInt } from 'node:crypto';
import type { StationCalls } from '@chargebridge/routing';
import { configurationRows, OCPP16_CONFIGURATION_COMPONENT, type Repositories } from '@chargebridge/store';

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

/**
 * Reads a station's whole configuration into `station_variables`: 1.6 GetConfiguration without
 * keys; 2.x GetBaseReport FullInventory, then waits for its NotifyReport messages (stored by the
 * gateway) to end with `tbc: false`. Returns how many values the station reported; throws a
 * `StationCallError` when the station does not answer.
 */
export async function readConfiguration(deps: ConfigurationReadDeps, station: StationRef): Promise<number> {
  if (station.version === '1.6') {
    const response = await deps.calls.call(station.identity, 'GetConfiguration', {}, { timeoutMs: deps.callTimeoutMs });
    const rows = configurationRows(station.id, 'GetConfiguration', response);
    await deps.repos.stationHistory.recordConfiguration(rows);
    return rows.length;
  }
  const requestId = randomInt(1, 2 ** 31 - 1);
  const answer = await deps.calls.call<Json>(
    station.identity,
    'GetBaseReport',
    { requestId, reportBase: 'FullInventory' },
    { timeoutMs: deps.callTimeoutMs },
  );
  if (answer.status !== 'Accepted') return 0;
  return waitForReport(deps, station.id, requestId);
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
