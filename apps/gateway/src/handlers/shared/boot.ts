import type { HandlerContext } from '../handler.types.js';

/** Heartbeat interval (s) we hand out; a Pending / Rejected station retries boot after `RETRY_S`. */
export const HEARTBEAT_INTERVAL_S = 300;
const RETRY_S = 60;

/**
 * BootNotification of any version: keeps the boot info, answers with the station's
 * `registration_status` (Accepted / Pending / Rejected, set through the admin API).
 */
export async function bootStation(payload: Record<string, unknown>, ctx: HandlerContext): Promise<object> {
  await ctx.commit((repos) => repos.stationState.recordBoot(ctx.session.stationId, payload, ctx.receivedAt));
  const status = ['Accepted', 'Pending', 'Rejected'].includes(ctx.session.registrationStatus)
    ? ctx.session.registrationStatus
    : 'Accepted';
  return {
    status,
    currentTime: ctx.receivedAt.toISOString(),
    interval: status === 'Accepted' ? HEARTBEAT_INTERVAL_S : RETRY_S,
  };
}
