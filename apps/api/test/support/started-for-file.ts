/** One object a test file starts before its tests and closes after them (a hub, an API, …). */
import { afterAll, beforeAll } from 'vitest';

/**
 * Registers hooks that start `start()` before the calling file's tests and close it after them,
 * and answers the object they fill in: read its members inside tests and hooks, where it has been
 * started, never at module level.
 */
export function startedForFile<T extends { close(): Promise<void> }>(start: () => Promise<T>): T {
  const started = {} as T;
  let running = false;
  beforeAll(async () => {
    Object.assign(started, await start());
    running = true;
  });
  afterAll(async () => {
    if (running) await started.close();
  });
  return started;
}
