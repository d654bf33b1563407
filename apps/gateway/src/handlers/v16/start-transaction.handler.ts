import { transactionAuthorization } from '@chargebridge/bridge';
import { fromConnector16, fromIdTag16, toAuthorizationStatus16 } from '@chargebridge/domain';
import type { MessageHandler } from '../handler.types.js';
import { recordAuthorization, resolveToken } from '../shared/authorize-token.js';
import { queueSessionPush } from '../shared/bridge-outbox.js';

/**
 * 1.6 §4.10 StartTransaction, idempotent on (station, connector, idTag, timestamp, meterStart):
 * a retry gets the same transactionId (architecture.md "Idempotency on business keys").
 * Never a CALLERROR for a business reason: an unknown tag is answered Invalid, the transaction kept.
 */
export const startTransaction: MessageHandler = async (p, ctx) => {
  const connectorId = Number(p.connectorId);
  const ref = fromConnector16(connectorId) ?? { evseId: 0, connectorId: 0 };
  const token = fromIdTag16(String(p.idTag));
  const startedAt = new Date(p.timestamp);
  const startKey = `${connectorId}|${p.idTag}|${p.timestamp}|${p.meterStart}`;
  // Resolved before the batch: the authorizer may ask the eMSP (never inside a transaction).
  const resolved = await resolveToken(ctx, token, 'StartTransaction', { evseId: ref.evseId || undefined });
  const result = resolved.decision.result;
  // Which transaction is active on which EVSE changes now (the MeterValues cache forgets it).
  ctx.session.transactionRefs.invalidateActive();
  try {
    return await ctx.commit(async (repos, writes) => {
      await recordAuthorization(repos, resolved);
      const { row, created } = await repos.transactions.startByKey({
        stationId: ctx.session.stationId,
        startKey,
        values: {
          ocpp_evse_id: ref.evseId,
          ocpp_connector_id: ref.connectorId,
          id_token: token.idToken,
          token_type: token.type,
          started_at: Number.isNaN(startedAt.getTime()) ? ctx.receivedAt : startedAt,
          meter_start_wh: Number(p.meterStart),
          reservation_id: p.reservationId ?? null,
          ...transactionAuthorization(resolved.decision),
        },
      });
      if (created) {
        await repos.transactions.addEvent({
          transactionId: row.id,
          seqNo: null,
          eventType: 'Started',
          triggerReason: null,
          occurredAt: row.started_at ?? ctx.receivedAt,
          offline: false,
          payload: p,
        });
      }
      queueSessionPush(writes, row.id);
      return { transactionId: Number(row.transaction_uid), idTagInfo: { status: toAuthorizationStatus16(result) } };
    });
  } finally {
    ctx.session.transactionRefs.invalidateActive();
  }
};
