import { type StationSetting, settingsToApply } from '@chargebridge/domain';
import { StationCallError, type StationCalls } from '@chargebridge/routing';
import { configurationRows, type Repositories } from '@chargebridge/store';
import type { Logger } from 'pino';
import { readConfiguration, type StationRef, storedValues } from './configuration-read.js';
import { refusableCall } from './refusable-call.js';

type Json = Record<string, unknown>;

export interface ProvisioningDeps {
  repos: Repositories;
  calls: Pick<StationCalls, 'call'>;
  logger: Logger;
  callTimeoutMs: number;
  reportWaitMs: number;
}

/** How one setting write ended: the station's status, or why it was not answered. */
interface SettingOutcome {
  setting: string;
  value: string;
  status: string;
}

/** How a provisioning run ended. */
export type ProvisioningResult = 'skipped' | 'accepted' | 'provisioned' | 'unreachable';

/**
 * Provisions a station that booted while Pending (interfaces.md, `registration_status`): reads
 * its configuration (1.6 GetConfiguration / 2.x GetBaseReport), writes the hub's settings where
 * they differ, then — for a station an operator registered, not one OCPP_AUTO_REGISTER created —
 * sets it Accepted and asks it to boot again (TriggerMessage BootNotification; otherwise its next
 * boot retry gets Accepted). A CALLERROR is an answer (the station does not support that call):
 * provisioning goes on without it. A station that does not answer at all stays Pending: its next
 * Pending boot queues provisioning again. Each run leaves a `Provisioned` or `ProvisioningFailed`
 * station event. Store errors throw (the job retries).
 */
export async function provisionStation(deps: ProvisioningDeps, stationId: number): Promise<ProvisioningResult> {
  const row = await deps.repos.stations.findById(stationId);
  if (row === undefined || row.registration_status !== 'Pending') return 'skipped';
  // An auto-registered station waits for an operator: read once, not at every boot retry.
  if (row.auto_registered && (await deps.repos.stationHistory.lastProvisioning(row.id))?.kind === 'Provisioned') {
    return 'skipped';
  }
  const station: StationRef = { id: row.id, identity: row.identity, version: row.protocol ?? '1.6' };
  const log = deps.logger.child({ stationId: row.identity });
  try {
    const read = await readConfiguration(deps, station);
    const values = await storedValues(deps.repos, station.id);
    const reported = (s: StationSetting) =>
      values.get(station.version === '1.6' ? s.key16 : `${s.component}.${s.variable}`);
    const settings = await writeSettings(deps, station, settingsToApply(reported));
    const accepted = await deps.repos.stationState.acceptProvisioned(station.id, new Date());
    const bootTrigger = accepted
      ? await triggerBoot(deps, station)
      : 'not accepted: auto-registered, waiting for an operator to register it';
    await event(deps, station.id, 'Provisioned', {
      configuration: read.values,
      ...(read.refused === undefined ? {} : { configuration_refused: read.refused }),
      settings,
      accepted,
      boot_trigger: bootTrigger,
    });
    log.info({ configuration: read.values, settings: settings.length, accepted }, 'station provisioned');
    return accepted ? 'accepted' : 'provisioned';
  } catch (error) {
    if (!(error instanceof StationCallError)) throw error;
    log.info({ code: error.code }, 'station provisioning did not finish; retried on its next boot');
    await event(deps, station.id, 'ProvisioningFailed', { reason: error.message, code: error.code });
    return 'unreachable';
  }
}

/** Writes each setting (1.6 ChangeConfiguration, 2.x SetVariables); stores the accepted values. */
async function writeSettings(
  deps: ProvisioningDeps,
  station: StationRef,
  settings: readonly StationSetting[],
): Promise<SettingOutcome[]> {
  if (settings.length === 0) return [];
  const call = (action: string, payload: Json) =>
    refusableCall(deps.calls, station.identity, action, payload, deps.callTimeoutMs);
  const written = (status: string) => status === 'Accepted' || status === 'RebootRequired';
  if (station.version === '1.6') {
    const outcomes: SettingOutcome[] = [];
    for (const s of settings) {
      const { answer, refused } = await call('ChangeConfiguration', { key: s.key16, value: s.value });
      outcomes.push({ setting: s.key16, value: s.value, status: refused ?? String(answer.status) });
    }
    const configurationKey = settings
      .filter((_, i) => written(outcomes[i]!.status))
      .map((s) => ({ key: s.key16, value: s.value, readonly: false }));
    await deps.repos.stationHistory.recordConfiguration(
      configurationRows(station.id, 'GetConfiguration', { configurationKey }),
    );
    return outcomes;
  }
  const { answer, refused } = await call('SetVariables', {
    setVariableData: settings.map((s) => ({
      component: { name: s.component },
      variable: { name: s.variable },
      attributeValue: s.value,
    })),
  });
  const results = Array.isArray(answer?.setVariableResult) ? (answer.setVariableResult as Json[]) : [];
  const outcomes = settings.map((s) => {
    const result = results.find(
      (r) => (r.component as Json)?.name === s.component && (r.variable as Json)?.name === s.variable,
    );
    return {
      setting: `${s.component}.${s.variable}`,
      value: s.value,
      status: refused ?? String(result?.attributeStatus ?? 'no result'),
    };
  });
  const getVariableResult = settings
    .filter((_, i) => written(outcomes[i]!.status))
    .map((s) => ({
      attributeStatus: 'Accepted',
      component: { name: s.component },
      variable: { name: s.variable },
      attributeValue: s.value,
    }));
  await deps.repos.stationHistory.recordConfiguration(
    configurationRows(station.id, 'GetVariables', { getVariableResult }),
  );
  return outcomes;
}

/**
 * Asks the station to boot now; its answer (or why there was none) goes into the event. The
 * station is accepted already: a missing answer only means it is accepted on its own retry.
 */
async function triggerBoot(deps: ProvisioningDeps, station: StationRef): Promise<string> {
  try {
    const { answer, refused } = await refusableCall(
      deps.calls,
      station.identity,
      'TriggerMessage',
      { requestedMessage: 'BootNotification' },
      deps.callTimeoutMs,
    );
    return refused ?? String(answer.status);
  } catch (error) {
    if (!(error instanceof StationCallError)) throw error;
    return error.message;
  }
}

async function event(deps: ProvisioningDeps, stationId: number, kind: string, payload: Json): Promise<void> {
  await deps.repos.stationActivity.addEvents([{ stationId, kind, payload, occurredAt: new Date() }]);
}
