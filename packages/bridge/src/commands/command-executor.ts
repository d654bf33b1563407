import type { ReserveNow } from '@chargebridge/ocpi';
import type { ProtocolVersion, StationCalls } from '@chargebridge/routing';
import { StationCallError } from '@chargebridge/routing';
import {
  type CommandRow,
  type CommandState,
  type Database,
  type Repositories,
  repositories,
  type Store,
} from '@chargebridge/store';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { endReservationSession, openReservationSession } from '../sessions/reservation-session.store.js';
import { planCommand } from './command-plan.js';
import { isChargingProfileCommand, resultWithoutAnswer } from './command-result.mapping.js';

/** What the command state machine needs (the worker passes its deps). */
export interface CommandExecutorDeps {
  store: Store;
  /** The narrow seam of `StationCalls`: one CALL to a station, wherever its socket is. */
  calls: Pick<StationCalls, 'call'>;
  logger: Logger;
  /** Longest a station may take to answer (OCPP_CALL_TIMEOUT_MS); the row's deadline caps it too. */
  callTimeoutMs: number;
}

/**
 * Ends a command still open and queues its result for `response_url`, in one transaction: the
 * outbox row makes "finish then deliver" lossless. False when it had already ended.
 */
export async function finishCommand(
  store: Store,
  id: string,
  outcome: { state: CommandState; response: Record<string, unknown>; error?: string },
): Promise<boolean> {
  return store.db.transaction().execute(async (trx) => {
    const repos = repositories(trx);
    const ended = await repos.commandExecution.finish(id, outcome);
    if (!ended) return false;
    if (ended.ocpi_command === 'RESERVE_NOW') await recordReservationOutcome(repos, outcome);
    await followReservationSession(trx, ended, outcome);
    await repos.outbox.add({ topic: 'command.result', jobKey: `command.result:${id}`, payload: { commandId: id } });
    return true;
  });
}

/**
 * How a RESERVE_NOW ended, on its reservation row: `accepted` when the station took it; `unknown`
 * when it never answered (it may hold the reservation: a cancel still goes to it); otherwise
 * (refused, not supported, failed) `rejected` — the reservation never became active, so a later
 * CANCEL_RESERVATION is refused without asking the station.
 */
async function recordReservationOutcome(repos: Repositories, outcome: { state: CommandState; response: object }) {
  const { reservationId } = outcome.response as { reservationId?: unknown };
  // No id: the command ended before its reservation row was written (nothing was sent).
  if (typeof reservationId !== 'number') return;
  await repos.commandExecution.setReservationStatus(
    reservationId,
    outcome.state === 'accepted' ? 'accepted' : outcome.state === 'timeout' ? 'unknown' : 'rejected',
  );
}

/**
 * The reservation's OCPI Session follows its commands: an accepted RESERVE_NOW opens it
 * (RESERVATION), an accepted CANCEL_RESERVATION ends it (COMPLETED) unless a transaction took it over.
 */
async function followReservationSession(
  db: Kysely<Database>,
  command: Pick<CommandRow, 'ocpi_command' | 'payload'>,
  outcome: { state: CommandState; response: object },
) {
  const { reservationId } = outcome.response as { reservationId?: unknown };
  if (outcome.state !== 'accepted' || typeof reservationId !== 'number') return;
  if (command.ocpi_command === 'RESERVE_NOW') {
    await openReservationSession(db, { reservationId, reserveNow: command.payload as ReserveNow, now: new Date() });
  } else if (command.ocpi_command === 'CANCEL_RESERVATION') {
    await endReservationSession(db, reservationId, new Date(), 'cancelled');
  }
}

/** The TIMEOUT ending of a command whose station stayed silent past its deadline. */
export function timeoutOutcome(row: Pick<CommandRow, 'ocpi_command' | 'response'>) {
  return {
    state: 'timeout' as const,
    response: { ...((row.response as object | null) ?? {}), result: resultWithoutAnswer(row.ocpi_command, 'TIMEOUT') },
    error: 'the station did not answer before the deadline',
  };
}

/** A station-call failure → how the command ends (offline → failed, silent → timeout). */
function failureOutcome(row: CommandRow, sent: Record<string, unknown>, error: StationCallError) {
  if (error.code === 'call_timeout') return { ...timeoutOutcome({ ...row, response: sent }), error: error.message };
  const unsupported = error.details.ocppCode === 'NotImplemented' || error.details.ocppCode === 'NotSupported';
  const result =
    unsupported && !isChargingProfileCommand(row.ocpi_command)
      ? { result: 'NOT_SUPPORTED' }
      : resultWithoutAnswer(
          row.ocpi_command,
          'FAILED',
          error.code === 'station_offline' ? 'station offline' : undefined,
        );
  return { state: 'failed' as const, response: { ...sent, result }, error: `${error.code}: ${error.message}` };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The command state machine (queued → sent → accepted / rejected / failed / timeout): runs one
 * stored command against its station and records how it ended. Idempotent: a command already
 * taken by an earlier run is not sent twice — if that run died mid-call (row still `sent`), this
 * run waits for the row's deadline and ends it TIMEOUT, so a command always ends.
 */
export async function executeCommand(deps: CommandExecutorDeps, commandId: string): Promise<CommandState | undefined> {
  const repos = repositories(deps.store.db);
  const log = deps.logger.child({ component: 'command', commandId });
  const row = await repos.commands.find(commandId);
  if (!row) return undefined;
  const deadline = row.deadline_at?.getTime() ?? row.created_at.getTime() + deps.callTimeoutMs * 2;

  if (row.state === 'sent') {
    await sleep(Math.max(0, deadline - Date.now()));
    const again = await repos.commands.find(commandId);
    if (again?.state === 'sent') await finishCommand(deps.store, commandId, timeoutOutcome(again));
    return (await repos.commands.find(commandId))?.state;
  }
  if (row.state !== 'queued') return row.state;
  if (deadline <= Date.now()) {
    await finishCommand(deps.store, commandId, timeoutOutcome(row));
    return 'timeout';
  }

  const station = row.station_id === null ? undefined : await repos.commandExecution.station(row.station_id);
  if (!station?.protocol) {
    const reason = station ? 'the station has never connected' : 'no station for this command';
    await finishCommand(deps.store, commandId, {
      state: 'failed',
      response: { result: resultWithoutAnswer(row.ocpi_command, 'FAILED', reason) },
      error: reason,
    });
    return 'failed';
  }

  const plan = await planCommand(repos, row, { id: station.id, protocol: station.protocol as ProtocolVersion });
  if (plan.kind === 'answer') {
    await finishCommand(deps.store, commandId, {
      state: plan.outcome.state,
      response: { result: plan.outcome.result },
      error: plan.outcome.error,
    });
    return plan.outcome.state;
  }
  if (!(await repos.commandExecution.claim(commandId, plan.sent))) return undefined;

  const timeoutMs = Math.max(1, Math.min(deps.callTimeoutMs, deadline - Date.now()));
  let response: unknown;
  try {
    response = await deps.calls.call(station.identity, plan.call.action, plan.call.payload, { timeoutMs });
  } catch (error) {
    if (!(error instanceof StationCallError)) throw error;
    const outcome = failureOutcome(row, plan.sent, error);
    log.info({ station: station.identity, action: plan.call.action, code: error.code }, 'command failed');
    await finishCommand(deps.store, commandId, outcome);
    return outcome.state;
  }
  const outcome = await plan.interpret(response);
  await finishCommand(deps.store, commandId, {
    state: outcome.state,
    response: { ...plan.sent, ocpp: response, result: outcome.result },
    error: outcome.error,
  });
  log.info({ station: station.identity, action: plan.call.action, result: outcome.result.result }, 'command done');
  return outcome.state;
}

/**
 * Ends every open command past its deadline with TIMEOUT (for a periodic sweep, e.g. the
 * reconciliation job): covers a worker that died mid-call and never came back. Returns how many.
 */
export async function sweepOverdueCommands(store: Store, now = new Date()): Promise<number> {
  let ended = 0;
  for (const row of await repositories(store.db).commandExecution.overdue(now)) {
    if (await finishCommand(store, row.id, timeoutOutcome(row))) ended++;
  }
  return ended;
}
