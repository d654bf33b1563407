import { StationCallError, type StationCalls } from '@chargebridge/routing';
import { configurationRows, type Repositories, type StationRow } from '@chargebridge/store';
import type { Logger } from 'pino';
import { answeredOutcome } from './command-outcome.js';

/** One admin command to run in the background. */
export interface AdminCommandRun {
  id: string;
  stationId: number;
  identity: string;
  action: string;
  payload: Record<string, unknown>;
  timeoutMs: number;
}

/** Why a station could not be reached, in words an operator can act on. */
export function offlineReason(station: StationRow | undefined, identity: string, message: string): string {
  if (message.includes('disconnected before answering')) return `station ${identity} disconnected before answering`;
  if (!station?.last_seen_at) return `station ${identity} has never connected`;
  const since = station.last_seen_at.toISOString();
  return station.online
    ? `station ${identity} is not connected to any gateway node (last seen ${since})`
    : `station ${identity} is offline since ${since}`;
}

/**
 * Sends a queued admin command and records how it ended: accepted, rejected (an answer whose
 * status is a refusal; the raw answer kept), failed (CALLERROR), timeout, or offline (with why).
 * Configuration it read (GetConfiguration, GetVariables) is stored for the configuration view.
 * Never throws: a failure to record is logged.
 */
export async function runAdminCommand(
  repos: Repositories,
  calls: Pick<StationCalls, 'call'>,
  logger: Logger,
  run: AdminCommandRun,
): Promise<void> {
  const log = logger.child({ commandId: run.id, stationId: run.identity, action: run.action });
  try {
    if (!(await repos.commandHistory.markSent(run.id))) return; // ended meanwhile (overdue sweep)
    let response: unknown;
    try {
      response = await calls.call(run.identity, run.action, run.payload, { timeoutMs: run.timeoutMs });
    } catch (error) {
      if (!(error instanceof StationCallError)) throw error;
      log.info({ code: error.code }, 'admin command did not succeed');
      await repos.commandHistory.finishOpen(run.id, ...(await failure(repos, run.identity, error)));
      return;
    }
    const outcome = answeredOutcome(response);
    await repos.commandHistory.finishOpen(run.id, outcome.state, { response, error: outcome.reason });
    // What a configuration read revealed shows in the station's configuration view.
    await repos.stationHistory.recordConfiguration(configurationRows(run.stationId, run.action, response));
  } catch (error) {
    log.error({ err: error }, 'admin command failed unexpectedly');
    await repos.commandHistory
      .finishOpen(run.id, 'failed', { error: error instanceof Error ? error.message : String(error) })
      .catch((err) => log.error({ err }, 'could not record the admin command failure'));
  }
}

type Finish = Parameters<Repositories['commandHistory']['finishOpen']>;

async function failure(
  repos: Repositories,
  identity: string,
  error: StationCallError,
): Promise<[Finish[1], Finish[2]]> {
  switch (error.code) {
    case 'station_offline': {
      const station = await repos.stations.findByIdentity(identity);
      return ['offline', { error: offlineReason(station, identity, error.message) }];
    }
    case 'call_timeout':
      return ['timeout', { error: error.message }];
    case 'station_error': {
      // A CALLERROR: keep its code and description as the raw answer.
      const { ocppCode, description } = error.details;
      const text = description ? `${error.message}: ${description}` : error.message;
      return [
        'failed',
        { error: text, response: { errorCode: ocppCode ?? null, errorDescription: description ?? null } },
      ];
    }
    default:
      return ['failed', { error: `${error.code}: ${error.message}` }];
  }
}
