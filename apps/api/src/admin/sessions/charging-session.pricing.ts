import {
  buildChargingPeriods,
  type MeterSampleInput,
  priceBuilt,
  type SessionSource,
  sessionSpan,
} from '@chargebridge/bridge';
import type { ChargingSessionRow } from '@chargebridge/store';
import type { OcpiChargingPeriod, PricingResult } from '@chargebridge/tariffs';

/** A tariff row of a CPO, as the repository lists them (oldest first). */
export interface PartyTariff {
  country_code: string;
  party_id: string;
  tariff_id: string;
  data: Record<string, unknown>;
}

/**
 * The tariff a transaction is priced with — the bridge's rule: the session's snapshot (taken at
 * session start) once the session row exists, even when that is "none"; before that, the first
 * of the connector's (else station's) `tariff_ids` that exists, else the CPO's first tariff.
 */
export function tariffOf(
  row: ChargingSessionRow,
  partyTariffs: readonly PartyTariff[],
): Record<string, unknown> | null {
  if (row.session_row_id !== null) return row.tariff_snapshot;
  const own = partyTariffs.filter((t) => t.country_code === row.country_code && t.party_id === row.party_id);
  const ids =
    row.connector_tariff_ids && row.connector_tariff_ids.length > 0 ? row.connector_tariff_ids : row.station_tariff_ids;
  for (const id of ids) {
    const found = own.find((t) => t.tariff_id === id);
    if (found) return found.data;
  }
  return own[0]?.data ?? null;
}

/** What the bridge builds a Session from, reduced to what pricing reads. */
function pricingSource(
  row: ChargingSessionRow,
  samples: readonly MeterSampleInput[],
  tariff: Record<string, unknown> | null,
): SessionSource {
  return {
    sessionId: row.session_id ?? '',
    transaction: {
      id: row.id,
      status: row.status,
      started_at: row.started_at,
      stopped_at: row.stopped_at,
      created_at: row.created_at,
      meter_start_wh: row.meter_start_wh,
      meter_stop_wh: row.meter_stop_wh,
      energy_wh: row.energy_wh,
      id_token: row.id_token,
      token_type: row.token_type,
      charging_state: row.charging_state,
      remote_start_id: row.remote_start_id,
      authorization_reference: row.authorization_reference,
      auth_method: row.auth_method,
    },
    cpo: { country_code: row.country_code, party_id: row.party_id },
    token: null,
    authorized: true,
    location: row.location_id ? { location_id: row.location_id, time_zone: row.time_zone ?? 'UTC', data: {} } : null,
    evse: null,
    samples,
    tariff,
  };
}

/** A transaction priced by the tariff engine the way the bridge prices its Session. */
export interface TransactionPricing {
  result: PricingResult | undefined;
  /** The session's charging periods (as the bridge builds them from the meter samples). */
  periods: OcpiChargingPeriod[];
  /** Start and end of the priced span (end: stop time, or the newest sample while running). */
  span: { start: Date; end: Date };
  /** Why the engine could not price it. */
  error: string | null;
}

/**
 * Prices a transaction with the same pieces as the bridge's Session (`buildChargingPeriods`,
 * `sessionSpan`, `priceBuilt`): the running-cost estimate up to the newest sample while active,
 * the final price once completed — so the number equals the Session's `total_cost` and, at the
 * end, the CDR's.
 */
export function priceTransaction(
  row: ChargingSessionRow,
  samples: readonly MeterSampleInput[],
  tariff: Record<string, unknown> | null,
): TransactionPricing {
  const source = pricingSource(row, samples, tariff);
  const span = sessionSpan(source);
  const periods = buildChargingPeriods({
    start: span.start,
    end: span.end,
    meterStartWh: row.meter_start_wh,
    meterStopWh: row.status === 'completed' ? row.meter_stop_wh : null,
    samples,
  });
  try {
    return { result: priceBuilt(source, periods, span), periods, span, error: null };
  } catch (error) {
    return { result: undefined, periods, span, error: error instanceof Error ? error.message : String(error) };
  }
}
