import type { MessageHandler } from '../handler.types.js';

/** 2.0.1 / 2.1 N07 NotifyEvent: one station event per eventData entry. */
export const notifyEvent: MessageHandler = async (p, ctx) => {
  const events = (Array.isArray(p.eventData) ? p.eventData : []).map((e: { timestamp?: string }) => {
    const at = new Date(e.timestamp ?? p.generatedAt);
    return {
      stationId: ctx.session.stationId,
      kind: 'NotifyEvent',
      payload: e,
      occurredAt: Number.isNaN(at.getTime()) ? ctx.receivedAt : at,
    };
  });
  await ctx.commit((repos) => repos.stationActivity.addEvents(events));
  return {};
};
