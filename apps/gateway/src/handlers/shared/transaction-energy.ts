import type { NormalizedSample } from '@chargebridge/domain';
import type { BatchWrites } from '../../persistence/batch-writes.js';

/** Queues normalized samples of a station (and transaction) for the batch's one multi-row insert. */
export function storeSamples(
  writes: BatchWrites,
  stationId: number,
  transactionId: number | null,
  evseId: number,
  samples: readonly NormalizedSample[],
): void {
  writes.addSamples(
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
 * Marks a transaction's energy (Wh) for recomputation from register readings once per batch,
 * after the batch's samples are in (`TransactionsRepository.refreshEnergy`): stop (or the latest
 * reading) minus start (or the earliest reading), by sample time — so out-of-order and replayed
 * events give the same answer.
 */
export function refreshEnergy(writes: BatchWrites, transactionId: number): void {
  writes.refreshEnergy(transactionId);
}
