import { LatencyHistogram } from './latency-histogram.js';

/** Counters of a whole simulated fleet, updated by the stations, read by the display and summary. */
export class SimStats {
  readonly startedAt = Date.now();
  /** Sockets open now. */
  connected = 0;
  /** Stations whose BootNotification was Accepted on the current connection. */
  booted = 0;
  /** Socket opens, ever. */
  connects = 0;
  /** Failed connection attempts (refused, handshake error, timeout). */
  connectFailures = 0;
  /** Sockets closed other than by our own stop. */
  disconnects = 0;
  /** BootNotification answered Accepted, ever. */
  bootsAccepted = 0;
  bootsPending = 0;
  bootsRejected = 0;
  /** CALLs we sent, and answered with a CALLRESULT. */
  callsSent = 0;
  callsOk = 0;
  /** CALLERRORs received, timeouts, invalid messages, connection errors. */
  errors = 0;
  timeouts = 0;
  callErrors = 0;
  /** CALLs the CSMS sent us, by action. */
  readonly incoming = new Map<string, number>();
  /** Acknowledged CALLs by action. */
  readonly acked = new Map<string, number>();
  /** Transactions begun locally / acknowledged start messages / stops acknowledged. */
  transactionsStarted = 0;
  transactionsStopped = 0;
  /** Transaction messages queued while offline, and later delivered. */
  queuedOffline = 0;
  replayed = 0;
  /** Transaction messages dropped after a CALLERROR (a CSMS should never send one: OCPP-J). */
  transactionMessagesRejected = 0;
  /** Wall time (ms since start) at which every station was first booted. */
  allBootedAtMs: number | undefined;
  readonly latency = new LatencyHistogram();
  /** Per-second window for the rate display. */
  private windowCalls = 0;
  private windowStart = performance.now();
  private lastRate = 0;

  /** Counts one acknowledged CALL and its round trip. */
  ok(action: string, ms: number): void {
    this.callsOk++;
    this.windowCalls++;
    this.acked.set(action, (this.acked.get(action) ?? 0) + 1);
    this.latency.record(ms);
  }

  /** Counts one CALL from the CSMS. */
  received(action: string): void {
    this.incoming.set(action, (this.incoming.get(action) ?? 0) + 1);
  }

  /** Acknowledged messages per second since the previous call (at most once per 500 ms). */
  rate(): number {
    const now = performance.now();
    const elapsed = now - this.windowStart;
    if (elapsed >= 500) {
      this.lastRate = (this.windowCalls * 1000) / elapsed;
      this.windowCalls = 0;
      this.windowStart = now;
    }
    return this.lastRate;
  }
}
