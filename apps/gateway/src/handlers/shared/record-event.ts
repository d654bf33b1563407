import type { HandlerContext } from '../handler.types.js';

/** Records a station event (firmware, logs, security, data transfer, …) and commits. */
export async function recordEvent(
  ctx: HandlerContext,
  kind: string,
  payload: unknown,
  occurredAt?: string,
): Promise<void> {
  const at = occurredAt ? new Date(occurredAt) : ctx.receivedAt;
  await ctx.commit((repos) =>
    repos.stationActivity.addEvents([
      { stationId: ctx.session.stationId, kind, payload, occurredAt: Number.isNaN(at.getTime()) ? ctx.receivedAt : at },
    ]),
  );
}

/** A handler that records the message as an event and answers with a fixed response. */
export function recordingHandler(kind: string, response: object = {}, timeField = 'timestamp') {
  return async (payload: Record<string, unknown>, ctx: HandlerContext) => {
    await recordEvent(
      ctx,
      kind,
      payload,
      typeof payload?.[timeField] === 'string' ? (payload[timeField] as string) : undefined,
    );
    return response;
  };
}
