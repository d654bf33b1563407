import type { Repositories } from '@chargebridge/store';

/**
 * Outbox rows for the bridge (issue 5), written in the same batch transaction as the state they
 * describe, so "commit then enqueue" loses nothing when a process dies in between. Job keys are
 * deterministic: a burst for one session / EVSE coalesces into one queued job that reads the
 * latest state when it runs.
 */

/** The transaction changed: sync and push its Session (one job per session). */
export async function queueSessionPush(repos: Repositories, transactionId: number): Promise<void> {
  await repos.outbox.add({
    topic: 'session.push',
    jobKey: `session.push:${transactionId}`,
    payload: { transactionId },
  });
}

/** The transaction ended with its final meter values: its CDR (exactly one, keyed per transaction). */
export async function queueCdrCreate(repos: Repositories, transactionId: number): Promise<void> {
  await repos.outbox.add([
    { topic: 'session.push', jobKey: `session.push:${transactionId}`, payload: { transactionId } },
    { topic: 'cdr.create', jobKey: `cdr.create:${transactionId}`, payload: { transactionId } },
  ]);
}

/** EVSE status changed (connector status, station online/offline): PATCH it, coalesced per EVSE. */
export async function queueEvseStatusPush(repos: Repositories, evseUids: readonly string[]): Promise<void> {
  await repos.outbox.add(
    evseUids.map((evseUid) => ({
      topic: 'location.push',
      jobKey: `location.push:evse:${evseUid}`,
      payload: { evseUid },
    })),
  );
}

/** Station online/offline: every EVSE of the station becomes UNKNOWN or gets its status back. */
export async function queueStationEvsesPush(repos: Repositories, stationId: number): Promise<void> {
  const evses = await repos.stations.listEvses(stationId);
  await queueEvseStatusPush(
    repos,
    evses.map((e) => e.evse_uid),
  );
}
