import { fromConnector16, normalizeMeterValues16 } from '@chargebridge/domain';
import type { MessageHandler } from '../handler.types.js';
import { queueSessionPush } from '../shared/bridge-outbox.js';
import { refreshEnergy, storeSamples } from '../shared/transaction-energy.js';

/** 1.6 §4.7 MeterValues: samples normalized to Wh/W/A/V/…, linked to their transaction. */
export const meterValues: MessageHandler = async (p, ctx) => {
  const evseId = fromConnector16(Number(p.connectorId))?.evseId ?? 0;
  const samples = normalizeMeterValues16(Array.isArray(p.meterValue) ? p.meterValue : []);
  await ctx.commit(async (repos) => {
    const stationId = ctx.session.stationId;
    const tx =
      p.transactionId !== undefined
        ? (await repos.transactions.ensure(stationId, String(p.transactionId), '1.6')).row
        : evseId > 0
          ? await repos.transactions.findActiveOnEvse(stationId, evseId)
          : undefined;
    await storeSamples(repos, stationId, tx?.id ?? null, evseId, samples);
    if (tx) {
      await refreshEnergy(repos, tx);
      await queueSessionPush(repos, tx.id);
    }
  });
  return {};
};
