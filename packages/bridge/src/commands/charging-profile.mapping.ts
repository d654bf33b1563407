import type { ChargingProfile } from '@chargebridge/ocpi';

type Json = Record<string, unknown>;

/**
 * OCPI ChargingProfile (mod_charging_profiles §ChargingProfile) → the OCPP TxProfile for the
 * session's transaction. The profile id is the transaction's internal id: an OCPI PUT replaces
 * the session's one profile (same id and stack level replace, OCPP 1.6 §3.13.2 / 2.0.1 K01.FR.05).
 * Relative when OCPI gives no start time, Absolute otherwise.
 */
export function toOcppChargingProfile(
  version: '1.6' | '2.0.1' | '2.1',
  profile: ChargingProfile,
  tx: { id: number; transactionUid: string },
): Json {
  const schedule: Json = {
    chargingRateUnit: profile.charging_rate_unit,
    // Never a made-up period: an OCPI PUT without one is refused before it is queued.
    chargingSchedulePeriod: (profile.charging_profile_period ?? []).map((p) => ({
      startPeriod: p.start_period,
      limit: p.limit,
    })),
  };
  if (profile.duration !== undefined) schedule.duration = profile.duration;
  if (profile.start_date_time) schedule.startSchedule = new Date(profile.start_date_time).toISOString();
  if (profile.min_charging_rate !== undefined) schedule.minChargingRate = profile.min_charging_rate;
  const common: Json = {
    stackLevel: 0,
    chargingProfilePurpose: 'TxProfile',
    chargingProfileKind: profile.start_date_time ? 'Absolute' : 'Relative',
  };
  if (version === '1.6') {
    return {
      chargingProfileId: tx.id,
      transactionId: Number(tx.transactionUid),
      ...common,
      chargingSchedule: schedule,
    };
  }
  return { id: tx.id, transactionId: tx.transactionUid, ...common, chargingSchedule: [{ id: tx.id, ...schedule }] };
}

/**
 * GetCompositeSchedule response (1.6 `chargingSchedule` + `scheduleStart`, 2.x `schedule`) →
 * OCPI ActiveChargingProfile, or undefined when the station had none to give.
 */
export function fromCompositeSchedule(response: unknown): Json | undefined {
  const r = (response ?? {}) as Json;
  const schedule = (r.schedule ?? r.chargingSchedule) as Json | undefined;
  if (!schedule) return undefined;
  const start = (schedule.scheduleStart ?? r.scheduleStart ?? new Date().toISOString()) as string;
  const periods = Array.isArray(schedule.chargingSchedulePeriod) ? (schedule.chargingSchedulePeriod as Json[]) : [];
  const profile: Json = {
    charging_rate_unit: schedule.chargingRateUnit === 'A' ? 'A' : 'W',
    charging_profile_period: periods.map((p) => ({ start_period: Number(p.startPeriod), limit: Number(p.limit) })),
  };
  if (typeof schedule.duration === 'number') profile.duration = schedule.duration;
  if (typeof schedule.minChargingRate === 'number') profile.min_charging_rate = schedule.minChargingRate;
  return { start_date_time: new Date(start).toISOString(), charging_profile: profile };
}
