import { fromConnector16, normalizeMeterValues16 } from '@chargebridge/domain';
import type { MessageHandler } from '../handler.types.js';
import { queueSessionUpdate } from '../shared/bridge-outbox.js';
import { refreshEnergy, storeSamples } from '../shared/transaction-energy.js';

/**
 * 1.6 §4.7 MeterValues: samples normalized to Wh/W/A/V/…, linked to their transaction (by
 * transactionId, else the active one on the connector). The transaction's row id comes from the
 * session's cache when known (no statement of its own); samples, energy and the session push are
 * set-based batch writes; the session push waits a moment for the values that follow.
 */
export const meterValues: MessageHandler = async (p, ctx) => {
  const evseId = fromConnector16(Number(p.connectorId))?.evseId ?? 0;
  const samples = normalizeMeterValues16(Array.isArray(p.meterValue) ? p.meterValue : []);
  const stationId = ctx.session.stationId;
  const refs = ctx.session.transactionRefs;
  const uid = p.transactionId !== undefined ? String(p.transactionId) : undefined;
  const epoch = refs.epoch;
  const known = uid !== undefined ? refs.idOf(uid) : evseId > 0 ? refs.activeOn(evseId) : null;
  const txId = await ctx.commit(async (repos, writes) => {
    let id = known;
    if (id === undefined) {
      id =
        uid !== undefined
          ? (await repos.transactions.ensure(stationId, uid, '1.6')).row.id
          : ((await repos.transactions.findActiveOnEvse(stationId, evseId))?.id ?? null);
    }
    storeSamples(writes, stationId, id, evseId, samples);
    if (id !== null) {
      refreshEnergy(writes, id);
      queueSessionUpdate(writes, id);
    }
    return id;
  });
  // Committed: now the row id may be cached.
  if (known === undefined) {
    if (uid !== undefined && txId !== null) refs.rememberUid(uid, txId);
    else if (uid === undefined) refs.rememberActive(evseId, txId, epoch);
  }
  return {};
};
