import type { Simulator } from './simulator.js';

/** The JSON report of a run (printed at the end of `chargebridge simulate`, read by the benchmark). */
export interface SimulationSummary {
  url: string;
  stations: number;
  protocols: Record<string, number>;
  durationS: number;
  connected: number;
  booted: number;
  allBootedAfterS: number | null;
  connects: number;
  connectFailures: number;
  disconnects: number;
  boots: { accepted: number; pending: number; rejected: number };
  messages: { sent: number; acked: number; perSecond: number; byAction: Record<string, number> };
  incoming: Record<string, number>;
  errors: { total: number; timeouts: number; callErrors: number; transactionMessagesRejected: number };
  latencyMs: { count: number; p50: number; p95: number; p99: number; max: number; mean: number };
  transactions: { started: number; stopped: number; queuedOffline: number; replayed: number; stillQueued: number };
}

/** Builds the summary from a simulator's live counters. */
export function summarize(sim: Simulator): SimulationSummary {
  const s = sim.stats;
  const durationS = (Date.now() - s.startedAt) / 1000;
  const protocols: Record<string, number> = {};
  for (const station of sim.stations) protocols[station.version] = (protocols[station.version] ?? 0) + 1;
  return {
    url: sim.options.url,
    stations: sim.stations.length,
    protocols,
    durationS: Math.round(durationS * 10) / 10,
    connected: s.connected,
    booted: s.booted,
    allBootedAfterS: s.allBootedAtMs === undefined ? null : s.allBootedAtMs / 1000,
    connects: s.connects,
    connectFailures: s.connectFailures,
    disconnects: s.disconnects,
    boots: { accepted: s.bootsAccepted, pending: s.bootsPending, rejected: s.bootsRejected },
    messages: {
      sent: s.callsSent,
      acked: s.callsOk,
      perSecond: durationS > 0 ? Math.round(s.callsOk / durationS) : 0,
      byAction: Object.fromEntries([...s.acked].sort()),
    },
    incoming: Object.fromEntries([...s.incoming].sort()),
    errors: {
      total: s.errors,
      timeouts: s.timeouts,
      callErrors: s.callErrors,
      transactionMessagesRejected: s.transactionMessagesRejected,
    },
    latencyMs: s.latency.summary(),
    transactions: {
      started: s.transactionsStarted,
      stopped: s.transactionsStopped,
      queuedOffline: s.queuedOffline,
      replayed: s.replayed,
      stillQueued: sim.queuedTransactionMessages(),
    },
  };
}
