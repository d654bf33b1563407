import { normalizeMeterValues2 } from '@chargebridge/domain';
import type { MessageHandler } from '../handler.types.js';
import { storeSamples } from '../shared/transaction-energy.js';

/** 2.0.1 / 2.1 J01 MeterValues: outside transactions (those come in TransactionEvent). */
export const meterValues: MessageHandler = async (p, ctx) => {
  const samples = normalizeMeterValues2(Array.isArray(p.meterValue) ? p.meterValue : []);
  await ctx.commit(async (_repos, writes) =>
    storeSamples(writes, ctx.session.stationId, null, Number(p.evseId) || 0, samples),
  );
  return {};
};
