import type { Repositories } from '@chargebridge/store';
import type { BatchWrites } from '../../persistence/batch-writes.js';
import { SessionUpdateWindows } from './session-update-window.js';

/**
 * Outbox rows for the bridge (issue 5), written in the same batch transaction as the state they
 * describe, so "commit then enqueue" loses nothing when a process dies in between. Job keys are
 * deterministic: a burst for one session / EVSE coalesces into one queued job that reads the
 * latest state when it runs. Rows go to the batch's one multi-row outbox insert.
 */

/** Running transactions whose delayed session push is queued (this gateway process). */
const sessionUpdates = new SessionUpdateWindows();

/** The transaction changed: sync and push its Session now (one job per session). */
export function queueSessionPush(writes: BatchWrites, transactionId: number): void {
  sessionUpdates.pushedNow(transactionId);
  writes.addOutbox({
    topic: 'session.push',
    jobKey: `session.push:${transactionId}`,
    payload: { transactionId },
  });
}

/**
 * A running transaction's progress (meter values, an Updated event): its session push is delayed
 * by SESSION_UPDATE_WINDOW_MS, and further updates before that push starts need no outbox row of
 * their own — the push reads the latest state when it runs.
 */
export function queueSessionUpdate(writes: BatchWrites, transactionId: number): void {
  const availableAt = sessionUpdates.nextPush(transactionId, Date.now());
  if (availableAt === undefined) return;
  writes.addOutbox({
    topic: 'session.push',
    jobKey: `session.push:${transactionId}`,
    payload: { transactionId },
    availableAt,
  });
  // Remembered only once the row is committed: a rolled-back batch (retried message by message)
  // queues it again.
  writes.afterCommit(() => sessionUpdates.queued(transactionId, availableAt));
}

/** The transaction ended with its final meter values: its CDR (exactly one, keyed per transaction). */
export function queueCdrCreate(writes: BatchWrites, transactionId: number): void {
  sessionUpdates.pushedNow(transactionId);
  writes.addOutbox([
    { topic: 'session.push', jobKey: `session.push:${transactionId}`, payload: { transactionId } },
    { topic: 'cdr.create', jobKey: `cdr.create:${transactionId}`, payload: { transactionId } },
  ]);
}

/** EVSE status changed (connector status, station online/offline): PATCH it, coalesced per EVSE. */
export function queueEvseStatusPush(writes: BatchWrites, evseUids: readonly string[]): void {
  writes.addOutbox(
    evseUids.map((evseUid) => ({
      topic: 'location.push',
      jobKey: `location.push:evse:${evseUid}`,
      payload: { evseUid },
    })),
  );
}

/** Station online/offline: every EVSE of the station becomes UNKNOWN or gets its status back. */
export async function queueStationEvsesPush(
  repos: Repositories,
  writes: BatchWrites,
  stationId: number,
): Promise<void> {
  const evses = await repos.stations.listEvses(stationId);
  queueEvseStatusPush(
    writes,
    evses.map((e) => e.evse_uid),
  );
}
