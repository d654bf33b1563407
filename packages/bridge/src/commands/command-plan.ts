import { createHash } from 'node:crypto';
import { toOcppIdTokenType } from '@chargebridge/domain';
import type {
  CancelReservation,
  ChargingProfile,
  ReserveNow,
  StartSession,
  StopSession,
  UnlockConnector,
} from '@chargebridge/ocpi';
import { type ProtocolVersion, type StationCommand, stationCommands } from '@chargebridge/routing';
import type { CommandRow, Repositories } from '@chargebridge/store';
import { fromCompositeSchedule, toOcppChargingProfile } from './charging-profile.mapping.js';
import {
  type EvseCondition,
  resultWithoutAnswer,
  toChargingProfileResult,
  toCommandResult,
} from './command-result.mapping.js';
import { reservationHeldAtStation } from './reservation-state.js';

/** How a command ends: its state and the body POSTed to `response_url`. */
export interface PlannedOutcome {
  state: 'accepted' | 'rejected' | 'failed';
  result: Record<string, unknown>;
  error?: string;
}

/** A command ready to send: the CALL, what to remember, and how to read the station's answer. */
export type CommandPlan =
  | { kind: 'answer'; outcome: PlannedOutcome }
  | {
      kind: 'call';
      call: StationCommand;
      /** Stored on the command row when it is sent (ids the station will echo). */
      sent: Record<string, unknown>;
      interpret(response: unknown): Promise<PlannedOutcome>;
    };

const CONNECTOR_REQUIRED = 'START_SESSION_CONNECTOR_REQUIRED';

/** A positive int32 from the command id: the 2.x `remoteStartId` the transaction will echo. */
export function remoteStartIdOf(commandId: string): number {
  return createHash('sha256').update(commandId).digest().readUInt32BE(0) % 2_147_483_647 || 1;
}

function refused(result: string, message: string, ocpiCommand: string | null): CommandPlan {
  const body = resultWithoutAnswer(ocpiCommand, result === 'UNKNOWN_RESERVATION' ? result : 'REJECTED', message);
  return { kind: 'answer', outcome: { state: 'rejected', result: body, error: message } };
}

function commandOutcome(result: string): PlannedOutcome {
  return { state: result === 'ACCEPTED' ? 'accepted' : 'rejected', result: { result } };
}

/**
 * Translates a stored OCPI command (commands row: `ocpi_command`, `payload` = the OCPI body)
 * into the OCPP call for the station's version (packages/routing `stationCommands`), or into an
 * immediate answer when the hub can tell without asking the station.
 */
export async function planCommand(
  repos: Repositories,
  row: CommandRow,
  station: { id: number; protocol: ProtocolVersion },
): Promise<CommandPlan> {
  const v = station.protocol;
  const ex = repos.commandExecution;
  const condition = async (evseDbId: number | undefined, ocppEvseId: number | undefined): Promise<EvseCondition> => {
    if (evseDbId === undefined || ocppEvseId === undefined) return { occupied: false, inoperative: false };
    const statuses = await ex.connectorStatuses(evseDbId);
    return {
      occupied: await ex.hasActiveTransaction(station.id, ocppEvseId),
      inoperative: statuses.length > 0 && statuses.every((s) => s === 'Unavailable' || s === 'Faulted'),
    };
  };

  switch (row.ocpi_command) {
    case 'START_SESSION': {
      const body = row.payload as StartSession;
      const evse = body.evse_uid ? await ex.evseByUid(station.id, body.evse_uid) : await ex.firstEvse(station.id);
      if (body.evse_uid && !evse) return refused('REJECTED', `unknown EVSE ${body.evse_uid}`, row.ocpi_command);
      const capabilities = (evse?.data as { capabilities?: unknown } | undefined)?.capabilities;
      // mod_locations §Capability START_SESSION_CONNECTOR_REQUIRED: without connector_id, REJECTED.
      if (Array.isArray(capabilities) && capabilities.includes(CONNECTOR_REQUIRED) && !body.connector_id)
        return refused('REJECTED', 'this EVSE needs a connector_id', row.ocpi_command);
      const remoteStartId = remoteStartIdOf(row.id);
      const call = stationCommands.remoteStart(v, {
        evseId: body.evse_uid ? evse?.ocpp_evse_id : undefined,
        idToken: { idToken: body.token.uid, type: toOcppIdTokenType(body.token.type) },
        remoteStartId,
      });
      return {
        kind: 'call',
        call,
        sent: { remoteStartId },
        interpret: async (response) =>
          commandOutcome(
            toCommandResult('START_SESSION', response, await condition(evse?.id, evse?.ocpp_evse_id ?? undefined)),
          ),
      };
    }
    case 'STOP_SESSION': {
      const body = row.payload as StopSession;
      const tx = await ex.transactionForSession(station.id, body.session_id);
      if (tx?.status !== 'active') return refused('REJECTED', 'no running session with that id', row.ocpi_command);
      return {
        kind: 'call',
        call: stationCommands.remoteStop(v, { transactionUid: tx.transaction_uid }),
        sent: { transactionId: tx.id },
        interpret: async (response) => commandOutcome(toCommandResult('STOP_SESSION', response)),
      };
    }
    case 'RESERVE_NOW': {
      const body = row.payload as ReserveNow;
      const evse = body.evse_uid ? await ex.evseByUid(station.id, body.evse_uid) : undefined;
      if (body.evse_uid && !evse) return refused('REJECTED', `unknown EVSE ${body.evse_uid}`, row.ocpi_command);
      // Our serial id is the OCPP reservationId: unique on our side whatever the eMSPs send.
      const reservation = await ex.upsertReservation({
        stationId: station.id,
        partnerId: row.partner_id,
        ocpiReservationId: body.reservation_id,
        ocppEvseId: evse?.ocpp_evse_id ?? null,
        idToken: body.token.uid,
        expiresAt: new Date(body.expiry_date),
      });
      return {
        kind: 'call',
        call: stationCommands.reserve(v, {
          reservationId: reservation.id,
          evseId: evse?.ocpp_evse_id,
          idToken: { idToken: body.token.uid, type: toOcppIdTokenType(body.token.type) },
          expiresAt: new Date(body.expiry_date),
        }),
        // The reservation row's status follows when the command ends (finishCommand).
        sent: { reservationId: reservation.id },
        interpret: async (response) => commandOutcome(toCommandResult('RESERVE_NOW', response)),
      };
    }
    case 'CANCEL_RESERVATION': {
      const body = row.payload as CancelReservation;
      const reservation = await ex.findReservation(row.partner_id, body.reservation_id);
      if (!reservation || reservation.station_id !== station.id)
        return refused('UNKNOWN_RESERVATION', 'unknown reservation', row.ocpi_command);
      // Its RESERVE_NOW ended without ACCEPTED, or a transaction used it, while this cancel was queued.
      if (!reservationHeldAtStation(reservation.status))
        return refused(
          'REJECTED',
          `the reservation is ${reservation.status}, not held at the station`,
          row.ocpi_command,
        );
      return {
        kind: 'call',
        call: stationCommands.cancelReservation(v, { reservationId: reservation.id }),
        sent: { reservationId: reservation.id },
        interpret: async (response) => {
          const outcome = commandOutcome(toCommandResult('CANCEL_RESERVATION', response));
          if (outcome.state === 'accepted') await ex.setReservationStatus(reservation.id, 'cancelled');
          return outcome;
        },
      };
    }
    case 'UNLOCK_CONNECTOR': {
      const body = row.payload as UnlockConnector;
      const evse = await ex.evseByUid(station.id, body.evse_uid);
      const connector = evse ? await ex.connector(evse.id, body.connector_id) : undefined;
      if (!evse || !connector) return refused('REJECTED', 'unknown EVSE or connector', row.ocpi_command);
      return {
        kind: 'call',
        call: stationCommands.unlock(v, { evseId: evse.ocpp_evse_id, connectorId: connector.ocpp_connector_id }),
        sent: {},
        interpret: async (response) => {
          const result = toCommandResult('UNLOCK_CONNECTOR', response);
          return { ...commandOutcome(result), ...(result === 'FAILED' ? { state: 'failed' as const } : {}) };
        },
      };
    }
    case 'CHARGING_PROFILE_SET':
    case 'CHARGING_PROFILE_CLEAR':
    case 'CHARGING_PROFILE_GET':
      return planChargingProfile(repos, row, station);
    default:
      return refused('REJECTED', `unsupported command ${row.ocpi_command}`, row.ocpi_command);
  }
}

/** SetChargingProfile / ClearChargingProfile / GetCompositeSchedule for a session's transaction. */
async function planChargingProfile(
  repos: Repositories,
  row: CommandRow,
  station: { id: number; protocol: ProtocolVersion },
): Promise<CommandPlan> {
  const v = station.protocol;
  const body = row.payload as { session_id: string; charging_profile?: ChargingProfile; duration?: number };
  const tx = await repos.commandExecution.transactionForSession(station.id, body.session_id);
  if (tx?.status !== 'active') return refused('REJECTED', 'no running session with that id', row.ocpi_command);
  const evseId = tx.ocpp_evse_id ?? 0;
  const outcome = (result: Record<string, unknown>): PlannedOutcome => ({
    state: result.result === 'ACCEPTED' ? 'accepted' : 'rejected',
    result,
  });
  if (row.ocpi_command === 'CHARGING_PROFILE_SET') {
    const profile = toOcppChargingProfile(v, body.charging_profile as ChargingProfile, {
      id: tx.id,
      transactionUid: tx.transaction_uid,
    });
    return {
      kind: 'call',
      call: stationCommands.setChargingProfile(v, { evseId, profile }),
      sent: { chargingProfileId: tx.id },
      interpret: async (response) => outcome({ result: toChargingProfileResult(response) }),
    };
  }
  if (row.ocpi_command === 'CHARGING_PROFILE_CLEAR') {
    return {
      kind: 'call',
      call: stationCommands.clearChargingProfile(v, { profileId: tx.id }),
      sent: { chargingProfileId: tx.id },
      interpret: async (response) => outcome({ result: toChargingProfileResult(response) }),
    };
  }
  return {
    kind: 'call',
    call: stationCommands.getCompositeSchedule(v, { evseId, durationS: Number(body.duration ?? 0) }),
    sent: {},
    interpret: async (response) => {
      const result = toChargingProfileResult(response);
      const profile = result === 'ACCEPTED' ? fromCompositeSchedule(response) : undefined;
      return outcome(profile ? { result, profile } : { result });
    },
  };
}
