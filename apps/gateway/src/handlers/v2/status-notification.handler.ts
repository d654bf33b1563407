import type { MessageHandler } from '../handler.types.js';
import { applyConnectorStatus } from '../shared/connector-status.js';

/** 2.0.1 / 2.1 G01 StatusNotification (evseId, connectorId kept as given). */
export const statusNotification: MessageHandler = async (p, ctx) => {
  const at = new Date(p.timestamp);
  await ctx.commit((repos, writes) =>
    applyConnectorStatus(repos, writes, {
      stationId: ctx.session.stationId,
      evseId: Number(p.evseId),
      connectorId: Number(p.connectorId),
      status: String(p.connectorStatus),
      errorCode: null,
      info: null,
      at: Number.isNaN(at.getTime()) ? ctx.receivedAt : at,
    }),
  );
  return {};
};
