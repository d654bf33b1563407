import type { SimStats } from '../sim-stats.js';

/** One status line of the live counters. */
export function statusLine(stats: SimStats, stations: number): string {
  const l = stats.latency;
  const f = (v: number) => v.toFixed(1);
  return (
    `connected ${stats.connected}/${stations}  booted ${stats.booted}  msg/s ${Math.round(stats.rate())}  ` +
    `acked ${stats.callsOk}  errors ${stats.errors}  tx ${stats.transactionsStarted}/${stats.transactionsStopped}  ` +
    `latency p50 ${f(l.percentile(0.5))} p95 ${f(l.percentile(0.95))} p99 ${f(l.percentile(0.99))} ms`
  );
}

/** A progress record for harnesses (one JSON line on stderr). */
export function progressRecord(stats: SimStats, queued: number): object {
  return {
    progress: {
      t: Date.now(),
      connected: stats.connected,
      booted: stats.booted,
      bootsAccepted: stats.bootsAccepted,
      acked: stats.callsOk,
      errors: stats.errors,
      rate: Math.round(stats.rate()),
      queued,
    },
  };
}

/**
 * Redraws the counters in place on a terminal once a second (or prints progress lines when not a
 * terminal and asked to). Returns a function that stops it.
 */
export function startLiveDisplay(
  stats: SimStats,
  stations: number,
  mode: 'tty' | 'progress' | 'none',
  queued: () => number,
): () => void {
  if (mode === 'none') return () => {};
  const timer = setInterval(() => {
    if (mode === 'tty') process.stderr.write(`\r\x1b[2K${statusLine(stats, stations)}`);
    else process.stderr.write(`${JSON.stringify(progressRecord(stats, queued()))}\n`);
  }, 1000);
  return () => {
    clearInterval(timer);
    if (mode === 'tty') process.stderr.write(`\r\x1b[2K${statusLine(stats, stations)}\n`);
  };
}
