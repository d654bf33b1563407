import { reservationHeldAtStation } from '@chargebridge/bridge';
import {
  type CancelReservation,
  CommandRequestSchemas,
  type CommandResponse,
  ciEquals,
  OcpiError,
  ocpiSuccess,
  type ReserveNow,
  type StartSession,
  type StopSession,
  type UnlockConnector,
} from '@chargebridge/ocpi';
import { repositories } from '@chargebridge/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { OcpiModuleDeps } from '../ocpi.plugin.js';
import { COMMAND_TIMEOUT_S, queueOcpiCommand } from './command-queue.js';

type CommandName = keyof typeof CommandRequestSchemas;

/** OCPP action each OCPI command becomes (the bridge maps it per protocol version). */
const ACTIONS: Record<CommandName, string> = {
  START_SESSION: 'RequestStartTransaction',
  STOP_SESSION: 'RequestStopTransaction',
  RESERVE_NOW: 'ReserveNow',
  CANCEL_RESERVATION: 'CancelReservation',
  UNLOCK_CONNECTOR: 'UnlockConnector',
};

function response(result: CommandResponse['result']): CommandResponse {
  return { result, timeout: COMMAND_TIMEOUT_S };
}

/** A token in a command must be one of the caller's own (mod_commands §StartSession: the eMSP's token). */
function assertOwnToken(request: FastifyRequest, token: { country_code: string; party_id: string }): void {
  const own = request.ocpi.callerParties.some(
    (p) => ciEquals(p.country_code, token.country_code) && ciEquals(p.party_id, token.party_id),
  );
  if (!own) throw OcpiError.invalidParameters('The token does not belong to a party of these credentials');
}

/**
 * Commands, Receiver interface (mod_commands §Receiver Interface): the five commands are
 * checked, stored and handed to the job runner; the synchronous answer is a CommandResponse
 * with a timeout, the CommandResult follows at `response_url` (the bridge sends it).
 */
export async function commandsRoutes(app: FastifyInstance, deps: OcpiModuleDeps): Promise<void> {
  const repos = repositories(deps.store.db);
  for (const name of Object.keys(CommandRequestSchemas) as CommandName[]) {
    app.post(`/2.2.1/commands/${name}`, { schema: { body: CommandRequestSchemas[name] } }, async (request) => {
      const { parties } = await deps.router.hostedScope(request.ocpi.routing.to);
      const body = request.body as Record<string, unknown>;
      let stationId: number | null = null;
      if (name === 'STOP_SESSION') {
        const { session_id } = body as unknown as StopSession;
        const found = await repos.ocpiCommands.stationForSession(parties, request.ocpi.callerParties, session_id);
        if (!found.found) return ocpiSuccess(response('UNKNOWN_SESSION'));
        stationId = found.stationId;
      } else if (name === 'CANCEL_RESERVATION') {
        const { reservation_id } = body as unknown as CancelReservation;
        const reservation = await repos.ocpiCommands.stationForReservation(
          request.ocpi.caller.partner.id,
          reservation_id,
        );
        // Never made, refused by the station or already used: nothing to cancel at the station.
        if (reservation === undefined || !reservationHeldAtStation(reservation.status))
          return ocpiSuccess(response('REJECTED'));
        stationId = reservation.station_id;
      } else {
        const target = body as unknown as StartSession | ReserveNow | UnlockConnector;
        if ('token' in target) assertOwnToken(request, target.token);
        const found = await repos.ocpiCommands.stationFor(parties, target.location_id, target.evse_uid);
        // status_codes §2xxx: an unknown Location in a command body is 2003 with HTTP 200.
        if (!found.location) throw OcpiError.unknownLocation(`Unknown location ${target.location_id}`, 200);
        if (found.stationId === null) return ocpiSuccess(response('REJECTED'));
        stationId = found.stationId;
      }
      await queueOcpiCommand(deps.store, {
        stationId,
        action: ACTIONS[name],
        ocpiCommand: name,
        payload: body,
        partnerId: request.ocpi.caller.partner.id,
        responseUrl: String(body.response_url),
      });
      return ocpiSuccess(response('ACCEPTED'));
    });
  }
}
