import type { ChildProcess } from 'node:child_process';
import { collect, exited, fileLimit, readJsonLines, spawnCli, stopChild } from './processes.js';

/** Latest progress line of one simulator process (see packages/simulator live-display). */
export interface Progress {
  t: number;
  connected: number;
  booted: number;
  bootsAccepted: number;
  acked: number;
  errors: number;
  rate: number;
  queued: number;
}

/** A fleet of simulated stations run as separate `chargebridge simulate` processes (shards). */
export interface FleetProcess {
  readonly shards: number;
  /** Progress summed over shards (latest line of each). */
  progress(): Progress;
  /** Identities the fleet uses (to provision them first). */
  readonly identities: string[];
  /** SIGUSR2 to every shard: drop all connections, reconnect within the shard's --drop-within-ms. */
  dropAll(): void;
  /** SIGTERM, wait for the JSON summaries. */
  stop(): Promise<Array<Record<string, unknown>>>;
}

/** Stations per simulator process: under this machine's open-file limit, at most 15,000. */
export function stationsPerProcess(): number {
  return Math.max(100, Math.min(15_000, fileLimit() - 1_000));
}

/** Identity format of the simulator with prefix `BENCH` (zero-padded to the fleet's width). */
export function benchIdentities(count: number): string[] {
  const width = Math.max(5, String(1 + count).length);
  return Array.from({ length: count }, (_, i) => `BENCH${String(i + 1).padStart(width, '0')}`);
}

/** Starts `stations` simulated stations against `url`, split over as many processes as needed. */
export function startFleet(url: string, stations: number, args: string[]): FleetProcess {
  const perProcess = stationsPerProcess();
  const shards = Math.ceil(stations / perProcess);
  const children: ChildProcess[] = [];
  const latest: Progress[] = [];
  const outputs: Array<() => string> = [];
  for (let s = 0; s < shards; s++) {
    const count = Math.min(perProcess, stations - s * perProcess);
    const child = spawnCli(
      [
        'simulate',
        '--url',
        url,
        '--stations',
        String(count),
        '--id-prefix',
        // Same width in every shard: BENCH00001…
        'BENCH',
        '--id-offset',
        String(1 + s * perProcess),
        '--progress',
        ...args,
      ],
      {},
    );
    children.push(child);
    outputs.push(collect(child, 'stdout'));
    readJsonLines(child, 'stderr', (line) => {
      if (line.progress) latest[s] = line.progress as Progress;
    });
  }
  return {
    shards,
    identities: benchIdentities(stations),
    progress() {
      const sum: Progress = {
        t: Date.now(),
        connected: 0,
        booted: 0,
        bootsAccepted: 0,
        acked: 0,
        errors: 0,
        rate: 0,
        queued: 0,
      };
      for (const p of latest) {
        if (p === undefined) continue;
        for (const key of Object.keys(sum) as Array<keyof Progress>) if (key !== 't') sum[key] += p[key];
      }
      return sum;
    },
    dropAll() {
      for (const child of children) child.kill('SIGUSR2');
    },
    async stop() {
      await Promise.all(children.map((c) => stopChild(c, 120_000)));
      await Promise.all(children.map(exited));
      return outputs.map((read) => {
        const text = read();
        const start = text.indexOf('{');
        return start >= 0 ? (JSON.parse(text.slice(start)) as Record<string, unknown>) : { error: 'no summary' };
      });
    },
  };
}
