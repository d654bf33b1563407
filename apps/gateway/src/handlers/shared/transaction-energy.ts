import type { NormalizedSample } from '@chargebridge/domain';
import type { Repositories, TransactionRow } from '@chargebridge/store';

/** Stores normalized samples of a station (and transaction) with one multi-row insert. */
export async function storeSamples(
  repos: Repositories,
  stationId: number,
  transactionId: number | null,
  evseId: number,
  samples: readonly NormalizedSample[],
): Promise<void> {
  await repos.meterSamples.append(
    samples.map((s) => ({
      station_id: stationId,
      transaction_id: transactionId,
      ocpp_evse_id: evseId,
      sampled_at: s.sampledAt,
      measurand: s.measurand,
      phase: s.phase,
      context: s.context,
      location: s.location,
      unit: s.unit,
      value: s.value,
    })),
  );
}

/**
 * Recomputes a transaction's energy (Wh) from register readings: stop (or the latest reading)
 * minus start (or the earliest reading), by sample time — so out-of-order and replayed events
 * give the same answer.
 */
export async function refreshEnergy(repos: Repositories, tx: TransactionRow): Promise<TransactionRow> {
  const bounds = await repos.meterSamples.energyBounds(tx.id);
  const start = tx.meter_start_wh ?? bounds.first;
  const stop = tx.meter_stop_wh ?? bounds.last;
  const energy =
    start !== undefined && start !== null && stop !== undefined && stop !== null ? Math.max(0, stop - start) : 0;
  if (energy === tx.energy_wh) return tx;
  return repos.transactions.update(tx.id, { energy_wh: energy });
}
