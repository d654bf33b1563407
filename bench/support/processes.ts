import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const cliPath = resolve(repoRoot, 'apps/hub/bin/chargebridge.js');

/**
 * Spawns `chargebridge ARGS` through a shell that first raises the open-file limit as far as the
 * hard limit allows (`ulimit -n`): each WebSocket is one descriptor on each side.
 */
/**
 * BENCH_CPU_PROF=DIR: the Node flags that make a spawned process write a V8 CPU profile to DIR when
 * it exits (open it in Chrome DevTools). Node 20 refuses them in NODE_OPTIONS.
 */
export function cpuProfileFlags(): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

export function spawnCli(
  args: string[],
  env: Record<string, string>,
  wantFiles = 200_000,
  nodeFlags: readonly string[] = [],
): ChildProcess {
  const quoted = [process.execPath, ...nodeFlags, cliPath, ...args]
    .map((a) => `'${a.replaceAll("'", "'\\''")}'`)
    .join(' ');
  const script = `ulimit -n ${wantFiles} 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec ${quoted}`;
  return spawn('bash', ['-c', script], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The open-file limit a spawned process gets (after trying to raise it). */
export function fileLimit(wantFiles = 200_000): number {
  const out = spawnSyncText(`ulimit -n ${wantFiles} 2>/dev/null || ulimit -n "$(ulimit -Hn)"; ulimit -n`);
  return Number(out.trim());
}

function spawnSyncText(script: string): string {
  return execFileSync('bash', ['-c', script]).toString();
}

/** Resident set size of a process in bytes (VmRSS of /proc/PID/status). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  return m ? Number(m[1]) * 1024 : 0;
}

/** Calls `onLine` for each stderr line that is a JSON object; keeps the rest for error reports. */
export function readJsonLines(
  child: ChildProcess,
  stream: 'stdout' | 'stderr',
  onLine: (value: Record<string, unknown>) => void,
): string[] {
  const other: string[] = [];
  const rl = createInterface({ input: child[stream]! });
  rl.on('line', (line) => {
    if (line.startsWith('{')) {
      try {
        onLine(JSON.parse(line) as Record<string, unknown>);
        return;
      } catch {}
    }
    other.push(line);
    if (other.length > 200) other.shift();
  });
  return other;
}

/** Collects a stream into a string. */
export function collect(child: ChildProcess, stream: 'stdout' | 'stderr'): () => string {
  let text = '';
  child[stream]?.on('data', (d: Buffer) => {
    text += d.toString();
  });
  return () => text;
}

/** Resolves when the child exits. */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((r) => child.once('exit', (code) => r(code)));
}

/** Sends SIGTERM, then SIGKILL after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 20_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited(child);
  clearTimeout(timer);
}

/** Polls until `check` resolves true or `timeoutMs` passes. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
