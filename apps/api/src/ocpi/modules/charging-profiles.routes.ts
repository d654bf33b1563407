import { type ChargingProfileResponse, OcpiError, ocpiSuccess, SetChargingProfile } from '@chargebridge/ocpi';
import { repositories } from '@chargebridge/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { OcpiModuleDeps } from '../ocpi.plugin.js';
import { COMMAND_TIMEOUT_S, queueOcpiCommand } from './command-queue.js';

type Params = { session_id: string };
type Query = { duration?: string; response_url?: string };

function response(result: ChargingProfileResponse['result']): ChargingProfileResponse {
  return { result, timeout: COMMAND_TIMEOUT_S };
}

/**
 * ChargingProfiles, Receiver interface (mod_charging_profiles §Receiver Interface): GET the
 * active profile, PUT a profile, DELETE it — each accepted for a session of the caller's token,
 * stored and handed to the job runner like a command; the result goes to `response_url`.
 */
export async function chargingProfilesRoutes(app: FastifyInstance, deps: OcpiModuleDeps): Promise<void> {
  const repos = repositories(deps.store.db);
  const url = '/2.2.1/chargingprofiles/:session_id';

  const queue = async (
    request: FastifyRequest,
    action: string,
    ocpiCommand: string,
    payload: unknown,
    responseUrl: string,
  ) => {
    const { session_id } = request.params as Params;
    const { parties } = await deps.router.hostedScope(request.ocpi.routing.to);
    const found = await repos.ocpiCommands.stationForSession(parties, request.ocpi.callerParties, session_id);
    if (!found.found) return ocpiSuccess(response('UNKNOWN_SESSION'));
    await queueOcpiCommand(deps.store, {
      stationId: found.stationId,
      action,
      ocpiCommand,
      payload: { session_id, ...(payload as object) },
      partnerId: request.ocpi.caller.partner.id,
      responseUrl,
    });
    return ocpiSuccess(response('ACCEPTED'));
  };

  const requireResponseUrl = (query: Query): string => {
    if (!query.response_url) throw OcpiError.invalidParameters('Query parameter response_url is required');
    return query.response_url;
  };

  app.get<{ Params: Params; Querystring: Query }>(url, async (request) => {
    const duration = Number(request.query.duration);
    if (!Number.isInteger(duration) || duration < 0) {
      throw OcpiError.invalidParameters('Query parameter duration must be a whole number of seconds');
    }
    return queue(
      request,
      'GetCompositeSchedule',
      'CHARGING_PROFILE_GET',
      { duration },
      requireResponseUrl(request.query),
    );
  });
  app.put<{ Params: Params }>(url, { schema: { body: SetChargingProfile } }, async (request) => {
    const body = request.body as SetChargingProfile;
    // The schema lets the list out (mod_charging_profiles §ChargingProfile), but a station's
    // schedule needs a period: guessing one would set a limit nobody asked for.
    if (!body.charging_profile.charging_profile_period?.length) {
      throw OcpiError.invalidParameters('charging_profile.charging_profile_period must hold at least one period');
    }
    return queue(request, 'SetChargingProfile', 'CHARGING_PROFILE_SET', body, body.response_url);
  });
  app.delete<{ Params: Params; Querystring: Query }>(url, async (request) =>
    queue(request, 'ClearChargingProfile', 'CHARGING_PROFILE_CLEAR', {}, requireResponseUrl(request.query)),
  );
}
