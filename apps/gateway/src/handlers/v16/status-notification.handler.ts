import { fromConnector16 } from '@chargebridge/domain';
import type { MessageHandler } from '../handler.types.js';
import { applyConnectorStatus } from '../shared/connector-status.js';
import { recordEvent } from '../shared/record-event.js';

/** 1.6 §4.9 StatusNotification; connector 0 is the station itself (kept as an event). */
export const statusNotification: MessageHandler = async (p, ctx) => {
  const at = p.timestamp ? new Date(p.timestamp) : ctx.receivedAt;
  const ref = fromConnector16(Number(p.connectorId));
  if (ref === undefined) {
    await recordEvent(ctx, 'StationStatus', p, p.timestamp);
    return {};
  }
  await ctx.commit((repos, writes) =>
    applyConnectorStatus(repos, writes, {
      stationId: ctx.session.stationId,
      evseId: ref.evseId,
      connectorId: ref.connectorId,
      status: String(p.status),
      errorCode: p.errorCode ?? null,
      info: p.info ?? p.vendorErrorCode ?? null,
      at: Number.isNaN(at.getTime()) ? ctx.receivedAt : at,
    }),
  );
  return {};
};
