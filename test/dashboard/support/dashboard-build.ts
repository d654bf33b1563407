import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

/** The repository root and the dashboard's build output (what the hub serves at `/`). */
export const repoRoot = resolve(import.meta.dirname, '../../..');
export const dashboardDist = join(repoRoot, 'apps', 'dashboard', 'dist');

const LOCK = join(repoRoot, '.tmp', 'dashboard-build.lock');
const SNAPSHOTS = join(repoRoot, '.tmp', 'dashboard-e2e-dist');
const STALE_LOCK_MS = 5 * 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true });
  const deadline = Date.now() + STALE_LOCK_MS;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock left behind by a killed run is stale after a few minutes.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmdirSync(LOCK);
      if (Date.now() > deadline) throw new Error(`dashboard build lock ${LOCK} held for too long`);
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    rmdirSync(LOCK);
  }
}

/**
 * Builds the dashboard (`node scripts/build-dashboard.mjs`, which skips when the sources are
 * unchanged) before a hub serves it. Test files run in parallel workers: a directory lock keeps
 * two of them from building into the same `dist` at once (the second then finds it up to date).
 */
export async function ensureDashboardBuilt(): Promise<void> {
  await withBuildLock(build);
}

async function build(): Promise<void> {
  await promisify(execFile)(process.execPath, [join(repoRoot, 'scripts', 'build-dashboard.mjs')], {
    cwd: repoRoot,
    timeout: 5 * 60_000,
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: { code?: number; stdout?: string; stderr?: string }) => {
    throw new Error(`dashboard build failed (${error.code}):\n${error.stdout}\n${error.stderr}`);
  });
  if (!existsSync(join(dashboardDist, 'index.html'))) throw new Error('dashboard build wrote no index.html');
}

/** Files of a built dashboard that its index.html or its scripts name but that are missing. */
export function missingAssets(dir: string): string[] {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return ['index.html'];
  const texts = [readFileSync(index, 'utf8')];
  const assets = join(dir, 'assets');
  const present = new Set(existsSync(assets) ? readdirSync(assets) : []);
  for (const name of present) if (name.endsWith('.js')) texts.push(readFileSync(join(assets, name), 'utf8'));
  const missing = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(/assets\/([\w.-]+\.(?:js|css))(?![\w])/g)) {
      if (!present.has(match[1]!)) missing.add(`assets/${match[1]}`);
    }
  }
  return [...missing];
}

/** Whether a process with this id still runs. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Snapshots of test processes that ended without removing theirs (killed runs). */
function removeOrphanedSnapshots(): void {
  if (!existsSync(SNAPSHOTS)) return;
  for (const name of readdirSync(SNAPSHOTS)) {
    const pid = Number(name.split('-')[0]);
    if (Number.isInteger(pid) && pid > 0 && !alive(pid))
      rmSync(join(SNAPSHOTS, name), { recursive: true, force: true });
  }
}

/**
 * A private, complete copy of the built dashboard for one hub (served through `DASHBOARD_DIST`),
 * so that a rebuild of `apps/dashboard/dist` while a test runs cannot pull its chunks away.
 * Builds first if needed; retries when the copy caught a rebuild half-way.
 */
export async function dashboardSnapshot(): Promise<{ dir: string; remove(): void }> {
  removeOrphanedSnapshots();
  for (let attempt = 1; ; attempt++) {
    const dir = join(SNAPSHOTS, `${process.pid}-${randomBytes(4).toString('hex')}`);
    await withBuildLock(async () => {
      await build();
      mkdirSync(SNAPSHOTS, { recursive: true });
      cpSync(dashboardDist, dir, { recursive: true });
    });
    const missing = missingAssets(dir);
    if (missing.length === 0) return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
    rmSync(dir, { recursive: true, force: true });
    if (attempt === 5) throw new Error(`the built dashboard stays incomplete: ${missing.slice(0, 5).join(', ')}`);
    await sleep(2_000);
  }
}
