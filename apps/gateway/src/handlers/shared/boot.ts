import { STATION_HEARTBEAT_INTERVAL_S } from '@chargebridge/domain';
import type { HandlerContext } from '../handler.types.js';

/** A Pending / Rejected station retries its boot after this many seconds. */
const RETRY_S = 60;
const STATUSES = ['Accepted', 'Pending', 'Rejected'];

/**
 * BootNotification of any version: keeps the boot info and answers with the station's
 * `registration_status` as stored now (set through the admin API, or Accepted by provisioning).
 * A Pending boot queues the station's provisioning (one job per station at a time): the hub reads
 * its configuration, applies its settings and accepts it on a later boot.
 */
export async function bootStation(payload: Record<string, unknown>, ctx: HandlerContext): Promise<object> {
  const { stationId } = ctx.session;
  const stored = await ctx.commit(async (repos, writes) => {
    const status = await repos.stationState.recordBoot(stationId, payload, ctx.receivedAt);
    if (status === 'Pending') {
      writes.addOutbox({
        topic: 'station.provision',
        jobKey: `station.provision:${stationId}`,
        payload: { stationId },
      });
    }
    return status;
  });
  const status = stored !== undefined && STATUSES.includes(stored) ? stored : 'Accepted';
  ctx.session.registrationStatus = status;
  return {
    status,
    currentTime: ctx.receivedAt.toISOString(),
    interval: status === 'Accepted' ? STATION_HEARTBEAT_INTERVAL_S : RETRY_S,
  };
}
