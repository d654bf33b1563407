import type { CommandResultType } from '@chargebridge/ocpi';

/** What the EVSE looked like when a station refused (to refine REJECTED, mod_commands §CommandResultType). */
export interface EvseCondition {
  occupied: boolean;
  inoperative: boolean;
}

function status(response: unknown): string | undefined {
  const s = (response as { status?: unknown } | null)?.status;
  return typeof s === 'string' ? s : undefined;
}

/**
 * The station's answer to the OCPP call an OCPI command became → OCPI CommandResultType. One
 * table for both OCPP versions (their enums spell these statuses alike):
 * - RequestStart / RemoteStart, RequestStop / RemoteStop: Accepted → ACCEPTED; Rejected →
 *   EVSE_OCCUPIED / EVSE_INOPERATIVE when the EVSE is, else REJECTED;
 * - ReserveNow: Occupied → EVSE_OCCUPIED, Faulted / Unavailable → EVSE_INOPERATIVE;
 * - CancelReservation: Rejected (no such reservation at the station) → UNKNOWN_RESERVATION;
 * - UnlockConnector: Unlocked → ACCEPTED, UnlockFailed → FAILED, NotSupported → NOT_SUPPORTED,
 *   OngoingAuthorizedTransaction (2.x) → EVSE_OCCUPIED, UnknownConnector (2.x) → REJECTED.
 */
export function toCommandResult(ocpiCommand: string, response: unknown, evse?: EvseCondition): CommandResultType {
  const s = status(response);
  switch (ocpiCommand) {
    case 'UNLOCK_CONNECTOR':
      if (s === 'Unlocked') return 'ACCEPTED';
      if (s === 'UnlockFailed') return 'FAILED';
      if (s === 'NotSupported') return 'NOT_SUPPORTED';
      if (s === 'OngoingAuthorizedTransaction') return 'EVSE_OCCUPIED';
      return 'REJECTED';
    case 'RESERVE_NOW':
      if (s === 'Accepted') return 'ACCEPTED';
      if (s === 'Occupied') return 'EVSE_OCCUPIED';
      if (s === 'Faulted' || s === 'Unavailable') return 'EVSE_INOPERATIVE';
      return 'REJECTED';
    case 'CANCEL_RESERVATION':
      return s === 'Accepted' ? 'ACCEPTED' : 'UNKNOWN_RESERVATION';
    default:
      if (s === 'Accepted') return 'ACCEPTED';
      if (evse?.occupied) return 'EVSE_OCCUPIED';
      if (evse?.inoperative) return 'EVSE_INOPERATIVE';
      return 'REJECTED';
  }
}

/**
 * Charging profile answers → OCPI ChargingProfileResultType (mod_charging_profiles
 * §ChargingProfileResultType): Accepted → ACCEPTED; ClearChargingProfile Unknown → UNKNOWN;
 * anything else REJECTED.
 */
export function toChargingProfileResult(response: unknown): 'ACCEPTED' | 'REJECTED' | 'UNKNOWN' {
  const s = status(response);
  if (s === 'Accepted') return 'ACCEPTED';
  if (s === 'Unknown') return 'UNKNOWN';
  return 'REJECTED';
}

/** Whether an OCPI command name is a charging-profile request (results have their own shapes). */
export function isChargingProfileCommand(ocpiCommand: string | null): boolean {
  return ocpiCommand?.startsWith('CHARGING_PROFILE_') ?? false;
}

/**
 * The result object POSTed when the command ended without a station answer: CommandResult
 * (TIMEOUT / FAILED / REJECTED) or, for charging profiles, the module's result with REJECTED
 * (its result type has no TIMEOUT / FAILED; mod_charging_profiles §ChargingProfileResultType).
 */
export function resultWithoutAnswer(
  ocpiCommand: string | null,
  result: 'TIMEOUT' | 'FAILED' | 'REJECTED' | 'UNKNOWN_RESERVATION',
  message?: string,
): Record<string, unknown> {
  if (isChargingProfileCommand(ocpiCommand)) return { result: result === 'TIMEOUT' ? 'UNKNOWN' : 'REJECTED' };
  return message ? { result, message: [{ language: 'en', text: message.slice(0, 512) }] } : { result };
}
