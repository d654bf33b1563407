import { describe, expect, it } from 'vitest';
import { SESSION_UPDATE_WINDOW_MS, SessionUpdateWindows } from '../src/handlers/shared/session-update-window.js';

/** Queues the push `nextPush` asks for, as a committed batch does. */
function update(windows: SessionUpdateWindows, id: number, now: number): Date | undefined {
  const at = windows.nextPush(id, now);
  if (at) windows.queued(id, at);
  return at;
}

describe("a running transaction's session pushes, one per window", () => {
  it('the first update queues a push one window later; updates soon after need none', () => {
    const windows = new SessionUpdateWindows();
    expect(update(windows, 7, 0)).toEqual(new Date(SESSION_UPDATE_WINDOW_MS));
    expect(update(windows, 7, 500)).toBeUndefined();
    // Another transaction has its own window.
    expect(update(windows, 8, 500)).toEqual(new Date(500 + SESSION_UPDATE_WINDOW_MS));
  });

  it('a push whose batch did not commit is not remembered: the next update queues one', () => {
    const windows = new SessionUpdateWindows();
    expect(windows.nextPush(7, 0)).toEqual(new Date(SESSION_UPDATE_WINDOW_MS)); // rolled back
    expect(update(windows, 7, 10)).toEqual(new Date(10 + SESSION_UPDATE_WINDOW_MS));
  });

  it('an update close to the queued push (its commit may be late) queues the next one', () => {
    const windows = new SessionUpdateWindows();
    update(windows, 7, 0);
    expect(update(windows, 7, SESSION_UPDATE_WINDOW_MS - 500)).toEqual(new Date(2 * SESSION_UPDATE_WINDOW_MS - 500));
  });

  it('after a push now (start, authorization, end) the next update starts a new window', () => {
    const windows = new SessionUpdateWindows();
    update(windows, 7, 0);
    windows.pushedNow(7);
    expect(update(windows, 7, 100)).toEqual(new Date(100 + SESSION_UPDATE_WINDOW_MS));
  });
});
