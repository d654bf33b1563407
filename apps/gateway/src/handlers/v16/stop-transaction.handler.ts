import { fromIdTag16, normalizeMeterValues16, toAuthorizationStatus16 } from '@chargebridge/domain';
import type { MessageHandler } from '../handler.types.js';
import { recordAuthorization, resolveToken } from '../shared/authorize-token.js';
import { queueCdrCreate } from '../shared/bridge-outbox.js';
import { refreshEnergy, storeSamples } from '../shared/transaction-energy.js';

/**
 * 1.6 §4.11 StopTransaction with `transactionData`. An unknown transactionId (start lost or sent
 * to another system) still gets a transaction row, so the energy is never dropped; a repeat
 * changes nothing (same stop values, samples deduplicated).
 */
export const stopTransaction: MessageHandler = async (p, ctx) => {
  const stoppedAt = new Date(p.timestamp);
  // The stopping idTag is resolved before the batch (the authorizer may ask the eMSP).
  const resolved =
    typeof p.idTag === 'string' ? await resolveToken(ctx, fromIdTag16(p.idTag), 'StopTransaction') : undefined;
  // Which transaction is active on which EVSE changes now (the MeterValues cache forgets it).
  ctx.session.transactionRefs.invalidateActive();
  try {
    return await ctx.commit(async (repos, writes) => {
      let { row } = await repos.transactions.ensure(ctx.session.stationId, String(p.transactionId), '1.6');
      const samples = normalizeMeterValues16(Array.isArray(p.transactionData) ? p.transactionData : []);
      storeSamples(writes, ctx.session.stationId, row.id, row.ocpp_evse_id ?? 0, samples);
      const wasActive = row.status === 'active';
      row = await repos.transactions.update(row.id, {
        status: 'completed',
        stopped_at: Number.isNaN(stoppedAt.getTime()) ? ctx.receivedAt : stoppedAt,
        meter_stop_wh: Number(p.meterStop),
        // 1.6 §7.40: an absent reason means Local.
        stop_reason: p.reason ?? 'Local',
      });
      if (wasActive) {
        await repos.transactions.addEvent({
          transactionId: row.id,
          seqNo: null,
          eventType: 'Ended',
          triggerReason: p.reason ?? 'Local',
          occurredAt: row.stopped_at ?? ctx.receivedAt,
          offline: false,
          payload: { ...p, transactionData: undefined },
        });
      }
      refreshEnergy(writes, row.id);
      // transactionData carries the final meter values: the CDR can be built now.
      queueCdrCreate(writes, row.id);
      if (!resolved) return {};
      await recordAuthorization(repos, resolved);
      return { idTagInfo: { status: toAuthorizationStatus16(resolved.decision.result) } };
    });
  } finally {
    ctx.session.transactionRefs.invalidateActive();
  }
};
